import Foundation

extension Tensor {
    /// Applies `f` to every element. `derivative(x, y)` is f′ at input x with output y = f(x)
    /// (many derivatives are cheaper from y, e.g. σ′ = y(1 − y)); it lets autodiff go through.
    ///
    ///     let cube = x.map({ $0 * $0 * $0 }, derivative: { x, _ in 3 * x * x })
    public func map(_ f: (Double) -> Double, derivative: @escaping (Double, Double) -> Double) -> Tensor {
        let out = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBufferPointer { x in
                for i in x.indices { buffer[i] = f(x[i]) }
            }
            initialized = count
        }
        return Tensor.recording(shape: shape, data: out, parents: [self]) { [self] g in
            let x = data
            accumulateGradient((0..<g.count).map { g[$0] * derivative(x[$0], out[$0]) })
        }
    }
}

public func exp(_ x: Tensor) -> Tensor { x.map(Foundation.exp, derivative: { _, y in y }) }
public func log(_ x: Tensor) -> Tensor { x.map(Foundation.log, derivative: { x, _ in 1 / x }) }
public func sqrt(_ x: Tensor) -> Tensor { x.map(Foundation.sqrt, derivative: { _, y in 0.5 / y }) }
/// |x|, with derivative sign(x) (0 at 0, as in PyTorch).
public func abs(_ x: Tensor) -> Tensor {
    x.map(Swift.abs, derivative: { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) })
}
public func pow(_ x: Tensor, _ p: Double) -> Tensor {
    x.map({ Foundation.pow($0, p) }, derivative: { x, _ in p * Foundation.pow(x, p - 1) })
}
/// Elementwise maximum of x and a constant; the gradient goes to x where x > c.
public func maximum(_ x: Tensor, _ c: Double) -> Tensor {
    x.map({ Swift.max($0, c) }, derivative: { x, _ in x > c ? 1 : 0 })
}
/// Elementwise minimum of x and a constant; the gradient goes to x where x < c.
public func minimum(_ x: Tensor, _ c: Double) -> Tensor {
    x.map({ Swift.min($0, c) }, derivative: { x, _ in x < c ? 1 : 0 })
}
/// Elementwise maximum of two tensors (broadcasting); ties send the gradient to `a`.
public func maximum(_ a: Tensor, _ b: Tensor) -> Tensor {
    binaryOperation(a, b, Swift.max) { x, y, _ in x >= y ? (1, 0) : (0, 1) }
}
/// Clamps every element into [low, high].
public func clamp(_ x: Tensor, _ low: Double, _ high: Double) -> Tensor {
    x.map({ Swift.min(Swift.max($0, low), high) }, derivative: { x, _ in x >= low && x <= high ? 1 : 0 })
}

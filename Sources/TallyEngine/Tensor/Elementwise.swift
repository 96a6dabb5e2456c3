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

/// eˣ elementwise, same shape; differentiable (derivative eˣ). Mirrors `torch.exp`.
public func exp(_ x: Tensor) -> Tensor { x.map(Foundation.exp, derivative: { _, y in y }) }
/// Natural logarithm elementwise, same shape (−∞ at 0, NaN below); differentiable (1/x).
/// Mirrors `torch.log`.
public func log(_ x: Tensor) -> Tensor { x.map(Foundation.log, derivative: { x, _ in 1 / x }) }
/// √x elementwise, same shape (NaN below 0); differentiable (1/(2√x), ∞ at 0). Mirrors `torch.sqrt`.
public func sqrt(_ x: Tensor) -> Tensor { x.map(Foundation.sqrt, derivative: { _, y in 0.5 / y }) }
/// |x|, with derivative sign(x) (0 at 0, as in PyTorch).
public func abs(_ x: Tensor) -> Tensor {
    x.map(Swift.abs, derivative: { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) })
}
/// xᵖ elementwise for a constant exponent, same shape; differentiable (p·xᵖ⁻¹). Mirrors `torch.pow(x, p)`.
public func pow(_ x: Tensor, _ p: Double) -> Tensor {
    x.map({ Foundation.pow($0, p) }, derivative: { x, _ in p * Foundation.pow(x, p - 1) })
}
// Gradients at ties and bounds follow PyTorch 2.15 (float64, CPU), so that a worked example gets
// the same numbers as torch:
// - against a constant (`maximum(x, c)`, `minimum(x, c)`, `clamp`), as `torch.clamp`: where x
//   equals the bound the derivative is 0, so the gradient goes to x only strictly inside;
// - between two tensors (`maximum(a, b)`, `minimum(a, b)`), as `torch.maximum`/`torch.minimum`:
//   where a == b each operand gets half of the gradient.

/// Elementwise max(x, c) for a constant c, as `torch.clamp(x, min: c)`: same shape as x; the
/// derivative is 1 where x > c and 0 where x ≤ c (0 at the tie x == c, as torch).
public func maximum(_ x: Tensor, _ c: Double) -> Tensor {
    x.map({ Swift.max($0, c) }, derivative: { x, _ in x > c ? 1 : 0 })
}

/// Elementwise min(x, c) for a constant c, as `torch.clamp(x, max: c)`: same shape as x; the
/// derivative is 1 where x < c and 0 where x ≥ c (0 at the tie x == c, as torch).
public func minimum(_ x: Tensor, _ c: Double) -> Tensor {
    x.map({ Swift.min($0, c) }, derivative: { x, _ in x < c ? 1 : 0 })
}

/// Elementwise maximum of two tensors with numpy broadcasting (the result has the broadcast
/// shape; traps if the shapes do not broadcast). Mirrors `torch.maximum`: the larger operand
/// gets the gradient, and where a == b each gets half of it.
public func maximum(_ a: Tensor, _ b: Tensor) -> Tensor {
    binaryOperation(a, b, Swift.max) { x, y, _ in x > y ? (1, 0) : (x < y ? (0, 1) : (0.5, 0.5)) }
}

/// Elementwise minimum of two tensors with numpy broadcasting (the result has the broadcast
/// shape; traps if the shapes do not broadcast). Mirrors `torch.minimum`: the smaller operand
/// gets the gradient, and where a == b each gets half of it.
public func minimum(_ a: Tensor, _ b: Tensor) -> Tensor {
    binaryOperation(a, b, Swift.min) { x, y, _ in x < y ? (1, 0) : (x > y ? (0, 1) : (0.5, 0.5)) }
}

/// Clamps every element into [low, high] (same shape as x). Mirrors `torch.clamp(x, low, high)`:
/// the derivative is 1 strictly inside (low, high) and 0 outside and at both bounds, as for
/// `maximum(x, c)` and `minimum(x, c)`.
public func clamp(_ x: Tensor, _ low: Double, _ high: Double) -> Tensor {
    x.map({ Swift.min(Swift.max($0, low), high) }, derivative: { x, _ in x > low && x < high ? 1 : 0 })
}

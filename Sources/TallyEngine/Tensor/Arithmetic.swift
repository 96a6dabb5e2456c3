// + − × ÷ with numpy broadcasting, differentiable in both operands.

/// A broadcasting binary operation; `partials(a, b, output)` gives (∂out/∂a, ∂out/∂b).
@inline(__always)
func binaryOperation(_ a: Tensor, _ b: Tensor, _ f: (Double, Double) -> Double,
                     partials: @escaping (Double, Double, Double) -> (Double, Double)) -> Tensor {
    let (shape, out) = broadcastMap(a.shape, a.data, b.shape, b.data, f)
    return Tensor.recording(shape: shape, data: out, parents: [a, b]) { g in
        // Visit every output position with the input elements it came from; contributions to
        // a stretched input element add up (the sum over broadcast axes).
        var ga = Array(repeating: 0.0, count: a.count)
        var gb = Array(repeating: 0.0, count: b.count)
        let (x, y) = (a.data, b.data)
        forEachBroadcastPair(shape, a.shape, b.shape) { i, ia, ib in
            let (pa, pb) = partials(x[ia], y[ib], out[i])
            ga[ia] += g[i] * pa
            gb[ib] += g[i] * pb
        }
        a.accumulateGradient(ga)
        b.accumulateGradient(gb)
    }
}

extension Tensor {
    /// Elementwise sum with numpy broadcasting (the result has the broadcast shape); differentiable,
    /// the gradient summed over broadcast axes. Traps if the shapes do not broadcast.
    public static func + (a: Tensor, b: Tensor) -> Tensor {
        // Not through binaryOperation: the gradient passes through unchanged, so an operand of
        // the result's shape takes it without a per-element partials call or a copy, and a
        // broadcast one (a bias) takes its sums.
        let (shape, out) = broadcastMap(a.shape, a.data, b.shape, b.data, +)
        return Tensor.recording(shape: shape, data: out, parents: [a, b]) { g in
            for operand in [a, b] where operand.requiresGrad {
                operand.accumulateGradient(sumBroadcast(g, shape, to: operand.shape))
            }
        }
    }

    /// Elementwise difference with numpy broadcasting; differentiable. Traps if the shapes do not broadcast.
    public static func - (a: Tensor, b: Tensor) -> Tensor {
        binaryOperation(a, b, -) { _, _, _ in (1, -1) }
    }

    /// Elementwise (Hadamard) product with numpy broadcasting, not the matrix product (see `matmul`);
    /// differentiable. Traps if the shapes do not broadcast.
    public static func * (a: Tensor, b: Tensor) -> Tensor {
        binaryOperation(a, b, *) { x, y, _ in (y, x) }
    }

    /// Elementwise quotient with numpy broadcasting (IEEE: x/0 is ±∞ or NaN); differentiable. Traps
    /// if the shapes do not broadcast.
    public static func / (a: Tensor, b: Tensor) -> Tensor {
        binaryOperation(a, b, /) { _, y, z in (1 / y, -z / y) }
    }

    /// −a elementwise, same shape; differentiable.
    public static prefix func - (a: Tensor) -> Tensor { a.map({ -$0 }, derivative: { _, _ in -1 }) }

    /// a + b for every element of `a`; same shape, differentiable.
    public static func + (a: Tensor, b: Double) -> Tensor { a + Tensor(b) }
    /// a + b for every element of `b`; same shape, differentiable.
    public static func + (a: Double, b: Tensor) -> Tensor { Tensor(a) + b }
    /// a − b for every element of `a`; same shape, differentiable.
    public static func - (a: Tensor, b: Double) -> Tensor { a - Tensor(b) }
    /// a − b for every element of `b`; same shape, differentiable.
    public static func - (a: Double, b: Tensor) -> Tensor { Tensor(a) - b }
    /// a · b for every element of `a`; same shape, differentiable.
    public static func * (a: Tensor, b: Double) -> Tensor { a * Tensor(b) }
    /// a · b for every element of `b`; same shape, differentiable.
    public static func * (a: Double, b: Tensor) -> Tensor { Tensor(a) * b }
    /// a / b for every element of `a`; same shape, differentiable.
    public static func / (a: Tensor, b: Double) -> Tensor { a / Tensor(b) }
    /// a / b for every element of `b`; same shape, differentiable.
    public static func / (a: Double, b: Tensor) -> Tensor { Tensor(a) / b }
}

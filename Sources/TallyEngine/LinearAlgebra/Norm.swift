import Foundation

/// A vector or matrix norm, as `torch.linalg.norm(x, ord)`.
///
/// - `ord` nil (default): the 2-norm of all elements flattened (the Frobenius norm of a matrix),
///   for a tensor of any shape.
/// - Otherwise `x` must be a vector or a matrix. A vector takes `vectorNorm`'s orders (any real p,
///   ±∞, 0); a matrix takes `matrixNorm`'s (1, −1, 2, −2, ±∞; "fro" and "nuc" through
///   `norm(_:ord:)` with a string).
/// - Returns: a scalar tensor (shape []).
/// - Precondition: as above (traps naming the order and the shape).
///
/// Autodiff as torch: ties between maximal elements, columns or rows share the gradient evenly,
/// and the gradient at a zero vector is zero.
public func norm(_ x: Tensor, ord: Double? = nil) -> Tensor {
    guard let ord else { return vectorNorm(x, ord: 2) }
    precondition(x.rank == 1 || x.rank == 2,
                 "norm: with an order, x must be a vector or a matrix, got shape \(x.shape)")
    return x.rank == 1 ? vectorNorm(x, ord: ord) : matrixNorm(x, ord: ord)
}

/// The Frobenius ("fro") or nuclear ("nuc") norm of a matrix, as `torch.linalg.norm(x, ord)`.
public func norm(_ x: Tensor, ord: String) -> Tensor {
    precondition(x.rank == 2, "norm: ord \"\(ord)\" needs a matrix, got shape \(x.shape)")
    return matrixNorm(x, ord: ord)
}

/// The p-norm of all elements of `x` flattened, as `torch.linalg.vector_norm(x, ord)`:
/// (Σ|xᵢ|ᵖ)^(1/p) for real p (default 2), max|xᵢ| for +∞, min|xᵢ| for −∞, and the number of
/// non-zero elements for 0. Returns shape [].
public func vectorNorm(_ x: Tensor, ord p: Double = 2) -> Tensor {
    let a = x.data.map { Swift.abs($0) }
    let value: Double
    if p == .infinity { value = a.max() ?? 0 }
    else if p == -.infinity { value = a.min() ?? .infinity }
    else if p == 0 { value = Double(a.filter { $0 != 0 }.count) }
    else if p == 1 { value = a.reduce(0, +) }
    else if p == 2 { value = Foundation.sqrt(a.reduce(0) { $0 + $1 * $1 }) }
    else { value = Foundation.pow(a.reduce(0) { $0 + Foundation.pow($1, p) }, 1 / p) }
    return Tensor.recording(shape: [], data: [value], parents: [x]) { g in
        let sign = x.data.map { $0 > 0 ? 1.0 : ($0 < 0 ? -1.0 : 0.0) }
        if p.isInfinite {
            let ties = a.map { $0 == value ? 1.0 : 0.0 }
            let count = ties.reduce(0, +)
            x.accumulateGradient((0..<a.count).map { g[0] * sign[$0] * ties[$0] / count })
        } else if p == 0 || value == 0 {
            x.accumulateGradient([Double](repeating: 0, count: a.count))
        } else {
            // ∂‖x‖ₚ/∂xᵢ = sign(xᵢ)·|xᵢ|^(p−1) / ‖x‖ₚ^(p−1)
            let denominator = Foundation.pow(value, p - 1)
            x.accumulateGradient((0..<a.count).map { g[0] * sign[$0] * Foundation.pow(a[$0], p - 1) / denominator })
        }
    }
}

/// A matrix norm, as `torch.linalg.matrix_norm(x, ord)` with a string order: "fro" (default,
/// √Σxᵢⱼ²) or "nuc" (the sum of the singular values). Returns shape [].
public func matrixNorm(_ x: Tensor, ord: String = "fro") -> Tensor {
    let (m, n) = matrixSize(x, "matrixNorm")
    switch ord {
    case "fro": return vectorNorm(x, ord: 2)
    case "nuc":
        let (u, s, vt) = singularValueDecomposition(x.data, m: m, n: n, full: false)
        let k = s.count
        return Tensor.recording(shape: [], data: [s.reduce(0, +)], parents: [x]) { g in
            x.accumulateGradient(gemm(u, false, vt, false, m: m, n: n, k: k).map { g[0] * $0 })
        }
    default: preconditionFailure("matrixNorm: ord must be \"fro\", \"nuc\", 1, -1, 2, -2, inf or -inf, got \"\(ord)\"")
    }
}

/// A matrix norm with a numeric order, as `torch.linalg.matrix_norm(x, ord)`: 1 (largest column
/// sum of |xᵢⱼ|), −1 (smallest), ∞ (largest row sum), −∞ (smallest), 2 (largest singular value),
/// −2 (smallest). Returns shape []. Traps on any other order, naming it.
public func matrixNorm(_ x: Tensor, ord: Double) -> Tensor {
    let (m, n) = matrixSize(x, "matrixNorm")
    switch ord {
    case 1, -1, .infinity, -.infinity:
        // Column sums for ±1, row sums for ±∞; the gradient goes to the chosen line(s).
        let byColumn = Swift.abs(ord) == 1
        let lines = byColumn ? n : m
        var sums = [Double](repeating: 0, count: lines)
        for i in 0..<m { for j in 0..<n { sums[byColumn ? j : i] += Swift.abs(x.data[i * n + j]) } }
        let value = (ord > 0 ? sums.max() : sums.min()) ?? 0
        return Tensor.recording(shape: [], data: [value], parents: [x]) { g in
            let chosen = sums.map { $0 == value ? 1.0 : 0.0 }
            let count = chosen.reduce(0, +)
            var grad = [Double](repeating: 0, count: m * n)
            for i in 0..<m {
                for j in 0..<n {
                    let v = x.data[i * n + j]
                    grad[i * n + j] = g[0] * chosen[byColumn ? j : i] / count * (v > 0 ? 1 : (v < 0 ? -1 : 0))
                }
            }
            x.accumulateGradient(grad)
        }
    case 2, -2:
        let (u, s, vt) = singularValueDecomposition(x.data, m: m, n: n, full: false)
        let k = s.count
        precondition(k > 0, "matrixNorm: ord \(ord) needs a non-empty matrix, got shape \(x.shape)")
        let index = ord > 0 ? 0 : k - 1
        return Tensor.recording(shape: [], data: [s[index]], parents: [x]) { g in
            // ∂σᵢ/∂X = uᵢ·vᵢᵀ
            var grad = [Double](repeating: 0, count: m * n)
            for i in 0..<m { for j in 0..<n { grad[i * n + j] = g[0] * u[i * k + index] * vt[index * n + j] } }
            x.accumulateGradient(grad)
        }
    default:
        preconditionFailure("matrixNorm: ord must be \"fro\", \"nuc\", 1, -1, 2, -2, inf or -inf, got \(ord)")
    }
}

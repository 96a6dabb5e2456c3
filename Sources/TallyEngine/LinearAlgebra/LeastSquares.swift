/// The result of `lstsq`, with torch's field names.
public struct LstsqResult {
    /// The minimum-norm X minimising ‖A·X − B‖₂: shape [n] for a vector B, [n, k] for a matrix.
    public let solution: Tensor
    /// The squared residual ‖A·x − b‖² of each column (shape [k], or [] for a vector B) when
    /// m > n and A has full rank n, as torch; otherwise empty (shape [0]).
    public let residuals: Tensor
    /// The effective rank of A.
    public let rank: Int
    /// A's singular values, descending (shape [min(m, n)]).
    public let singularValues: Tensor
}

/// Least squares, as `torch.linalg.lstsq(A, B, rcond, driver="gelsd")` (LAPACK dgelsd, the
/// SVD-based driver: a minimum-norm solution also when A is rank-deficient).
///
/// - Parameters:
///   - a: an m×n matrix.
///   - b: a vector of length m or an m×k matrix.
///   - rcond: singular values below rcond·σ₁ count as zero (default nil: eps·max(m, n), torch's default).
/// - Precondition: `a` is a matrix and `b`'s first dimension is m. No autodiff.
public func lstsq(_ a: Tensor, _ b: Tensor, rcond: Double? = nil) -> LstsqResult {
    let (m, n) = matrixSize(a, "lstsq")
    precondition((b.rank == 1 || b.rank == 2) && b.shape[0] == m,
                 "lstsq: A has shape \(a.shape), so B must have shape [\(m)] or [\(m), k], got \(b.shape)")
    precondition(!a.requiresGrad && !b.requiresGrad, "lstsq: autodiff through lstsq is not implemented")
    let k = b.rank == 1 ? 1 : b.shape[1]
    let rcond = rcond ?? Double.ulpOfOne * Double(Swift.max(m, n))
    let (x, rank, s) = leastSquaresSVD(a.data, m: m, n: n, b.data, columns: k, rcond: rcond)
    var residuals = Tensor(shape: [0], data: [])
    if m > n && rank == n {
        let fitted = gemm(a.data, false, x, false, m: m, n: k, k: n)
        var squared = [Double](repeating: 0, count: k)
        for i in 0..<m { for j in 0..<k { let r = fitted[i * k + j] - b.data[i * k + j]; squared[j] += r * r } }
        residuals = b.rank == 1 ? Tensor(shape: [], data: squared) : Tensor(shape: [k], data: squared)
    }
    return LstsqResult(solution: Tensor(shape: b.rank == 1 ? [n] : [n, k], data: x), residuals: residuals,
                       rank: rank, singularValues: Tensor(shape: [s.count], data: s))
}

/// The singular value decomposition A = U·diag(S)·Vh, as `torch.linalg.svd` (LAPACK dgesdd,
/// torch's CPU driver).
///
/// - Parameters:
///   - a: an m×n matrix.
///   - fullMatrices: true (default, as torch) gives U m×m and Vh n×n; false gives U m×k and
///     Vh k×n with k = min(m, n).
/// - Returns: `U`, `S` (shape [k], descending, non-negative) and `Vh`. Singular vectors are
///   unique only up to sign (LAPACK's choice; other builds may flip pairs of them).
/// - Precondition: `a` is a matrix. No autodiff (traps if `a.requiresGrad`).
public func svd(_ a: Tensor, fullMatrices: Bool = true) -> (U: Tensor, S: Tensor, Vh: Tensor) {
    let (m, n) = matrixSize(a, "svd")
    precondition(!a.requiresGrad, "svd: autodiff through svd is not implemented")
    let k = Swift.min(m, n)
    let (u, s, vt) = singularValueDecomposition(a.data, m: m, n: n, full: fullMatrices)
    return (Tensor(shape: [m, fullMatrices ? m : k], data: u), Tensor(shape: [k], data: s),
            Tensor(shape: [fullMatrices ? n : k, n], data: vt))
}

/// The singular values of an m×n matrix, descending (shape [min(m, n)]), as `torch.linalg.svdvals`.
public func svdvals(_ a: Tensor) -> Tensor {
    let (m, n) = matrixSize(a, "svdvals")
    return Tensor(shape: [Swift.min(m, n)], data: singularValueDecomposition(a.data, m: m, n: n, full: false, vectors: false).s)
}

/// The cutoff below which singular values count as zero, by torch's rule for `pinv` and
/// `matrix_rank`: max(atol, rtol·σ₁), rtol defaulting to eps·max(m, n) when neither tolerance
/// is given and to 0 when only atol is.
func singularValueCutoff(_ s: [Double], m: Int, n: Int, atol: Double?, rtol: Double?) -> Double {
    let rtol = rtol ?? (atol == nil ? Double.ulpOfOne * Double(Swift.max(m, n)) : 0)
    return Swift.max(atol ?? 0, rtol * (s.first ?? 0))
}

/// The Moore–Penrose pseudo-inverse A⁺ (n×m) of an m×n matrix, as `torch.linalg.pinv`, from
/// the SVD: singular values at or below max(atol, rtol·σ₁) are treated as zero.
///
/// - Parameters:
///   - atol: absolute tolerance (default nil: 0).
///   - rtol: relative tolerance (default nil: eps·max(m, n) if `atol` is nil too, else 0).
/// - Precondition: `a` is a matrix. No autodiff.
public func pinv(_ a: Tensor, atol: Double? = nil, rtol: Double? = nil) -> Tensor {
    let (m, n) = matrixSize(a, "pinv")
    precondition(!a.requiresGrad, "pinv: autodiff through pinv is not implemented")
    let k = Swift.min(m, n)
    let (u, s, vt) = singularValueDecomposition(a.data, m: m, n: n, full: false)
    let cutoff = singularValueCutoff(s, m: m, n: n, atol: atol, rtol: rtol)
    // A⁺ = V·diag(1/σ)·Uᵀ over the singular values above the cutoff.
    var scaledVt = vt
    for i in 0..<k {
        let r = s[i] > cutoff ? 1 / s[i] : 0
        for j in 0..<n { scaledVt[i * n + j] *= r }
    }
    return Tensor(shape: [n, m], data: gemm(scaledVt, true, u, true, m: n, n: m, k: k))
}

/// The numerical rank of an m×n matrix, as `torch.linalg.matrix_rank`: the number of singular
/// values above max(atol, rtol·σ₁), with the tolerances' defaults of `pinv`.
public func matrixRank(_ a: Tensor, atol: Double? = nil, rtol: Double? = nil) -> Int {
    let (m, n) = matrixSize(a, "matrixRank")
    let s = singularValueDecomposition(a.data, m: m, n: n, full: false, vectors: false).s
    let cutoff = singularValueCutoff(s, m: m, n: n, atol: atol, rtol: rtol)
    return s.filter { $0 > cutoff }.count
}

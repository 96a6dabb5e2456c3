/// The Cholesky factor of a symmetric positive-definite matrix, as `torch.linalg.cholesky`
/// (LAPACK dpotrf; only the lower triangle of `a` is read).
///
/// - Parameters:
///   - a: a symmetric positive-definite n×n matrix.
///   - upper: return U = Lᵀ with A = Uᵀ·U instead of L with A = L·Lᵀ (default false, as torch).
/// - Returns: the n×n triangular factor.
/// - Precondition: `a` is square and positive-definite (traps naming the first leading minor
///   that is not, as torch's error does).
///
/// Autodiff with torch's formula ∂A = L⁻ᵀ·Φ(Lᵀ·Ḡ)·L⁻¹, Φ taking the lower triangle with the
/// diagonal halved and symmetrising (the gradient is symmetric).
public func cholesky(_ a: Tensor, upper: Bool = false) -> Tensor {
    let n = squareSize(a, "cholesky")
    let l: [Double]
    switch choleskyFactor(a.data, n: n) {
    case .success(let factor): l = factor
    case .failure(let failure):
        preconditionFailure("cholesky: the input of shape \(a.shape) is not positive-definite "
                            + "(the leading minor of order \(failure.minor) is not positive-definite)")
    }
    let out = upper ? transposeData(l, n, n) : l
    return Tensor.recording(shape: [n, n], data: out, parents: [a]) { g in
        let gl = upper ? transposeData(g, n, n) : g
        // P = tril(Lᵀ·Ḡ), then 0.5·(P + strictly-lower(P)ᵀ): symmetric with P's diagonal halved.
        var p = gemm(l, true, gl, false, m: n, n: n, k: n)
        for i in 0..<n { for j in (i + 1)..<n { p[i * n + j] = 0 } }
        var s = p
        for i in 0..<n { for j in 0..<n { s[i * n + j] = 0.5 * (j <= i ? p[i * n + j] : p[j * n + i]) } }
        // Lᵀ⁻¹·S, then (·)·L⁻¹ as the transpose of L⁻ᵀ·(·)ᵀ.
        let left = triangularSolve(l, n: n, lower: true, transpose: true, s, columns: n)
        let both = triangularSolve(l, n: n, lower: true, transpose: true, transposeData(left, n, n), columns: n)
        a.accumulateGradient(transposeData(both, n, n))
    }
}

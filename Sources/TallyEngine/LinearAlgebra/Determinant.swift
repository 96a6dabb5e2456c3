import Foundation

/// The determinant of a square matrix, as `torch.linalg.det` (from the LU factorisation,
/// LAPACK dgetrf).
///
/// - Parameter a: a square n×n matrix (n = 0 gives 1).
/// - Returns: a scalar tensor (shape []).
/// - Precondition: `a` is square.
///
/// Autodiff: ∂A = g·det(A)·A⁻ᵀ (torch's formula) for invertible A; at a singular A, where that
/// formula is 0·∞, g times the cofactor matrix, the derivative's value there (torch 2.15 returns
/// zeros when the LU factorisation finds an exactly zero pivot).
public func det(_ a: Tensor) -> Tensor {
    let n = squareSize(a, "det")
    let lu = LUFactors(a.data, n: n)
    let d = lu.isSingular ? 0 : lu.determinant
    return Tensor.recording(shape: [], data: [d], parents: [a]) { g in
        if lu.isSingular {
            a.accumulateGradient(cofactorMatrix(a.data, n: n).map { g[0] * $0 })
        } else {
            a.accumulateGradient(transposeData(lu.inverse(), n, n).map { g[0] * d * $0 })
        }
    }
}

/// The sign and the natural logarithm of the absolute value of the determinant, as
/// `torch.linalg.slogdet`: det(A) = sign·exp(logabsdet), without overflow for large n.
///
/// - Parameter a: a square n×n matrix.
/// - Returns: `sign` (−1, 0 or 1) and `logabsdet` (−∞ for a singular matrix), both shape [].
/// - Precondition: `a` is square.
///
/// Autodiff through `logabsdet`: ∂A = g·A⁻ᵀ (torch's formula); `sign` has zero gradient.
public func slogdet(_ a: Tensor) -> (sign: Tensor, logabsdet: Tensor) {
    let n = squareSize(a, "slogdet")
    let lu = LUFactors(a.data, n: n)
    let (sign, logAbs) = lu.isSingular ? (0.0, -Double.infinity) : lu.signAndLogAbsDeterminant
    let logabsdet = Tensor.recording(shape: [], data: [logAbs], parents: [a]) { g in
        a.accumulateGradient(transposeData(lu.inverse(), n, n).map { g[0] * $0 })
    }
    return (Tensor(shape: [], data: [sign]), logabsdet)
}

/// The cofactor matrix C[i, j] = (−1)^(i+j)·det(A without row i and column j), by n² LU
/// factorisations: only used for the gradient of `det` at a singular matrix.
func cofactorMatrix(_ a: [Double], n: Int) -> [Double] {
    guard n > 1 else { return [Double](repeating: 1, count: n) }
    var c = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
        for j in 0..<n {
            var minor: [Double] = []
            minor.reserveCapacity((n - 1) * (n - 1))
            for r in 0..<n where r != i { for s in 0..<n where s != j { minor.append(a[r * n + s]) } }
            let lu = LUFactors(minor, n: n - 1)
            c[i * n + j] = (lu.isSingular ? 0 : lu.determinant) * ((i + j) % 2 == 0 ? 1 : -1)
        }
    }
    return c
}

/// The solution X of A·X = B, as `torch.linalg.solve(A, B)` (LAPACK dgesv: LU with partial
/// pivoting).
///
/// - Parameters:
///   - a: a square n×n matrix.
///   - b: a vector of length n, or an n×k matrix of k right-hand sides.
/// - Returns: x with the shape of `b`.
/// - Precondition: `a` is square, `b`'s first dimension is n, and `a` is not singular (traps
///   naming the zero pivot, as torch raises).
///
/// Autodiff through both arguments with torch's formulas: ∂B = A⁻ᵀ·G and ∂A = −∂B·Xᵀ.
///
///     let x = solve(Tensor([[3, 1], [1, 2]]), Tensor([9, 8]))   // [2, 3]
public func solve(_ a: Tensor, _ b: Tensor) -> Tensor {
    let n = squareSize(a, "solve")
    precondition((b.rank == 1 || b.rank == 2) && b.shape[0] == n,
                 "solve: A has shape \(a.shape), so B must have shape [\(n)] or [\(n), k], got \(b.shape)")
    let k = b.rank == 1 ? 1 : b.shape[1]
    let lu = LUFactors(a.data, n: n)
    let x = lu.solve(b.data, columns: k)
    return Tensor.recording(shape: b.shape, data: x, parents: [a, b]) { g in
        let gb = lu.solve(g, columns: k, transpose: true)
        b.accumulateGradient(gb)
        if a.requiresGrad { a.accumulateGradient(gemm(gb, false, x, true, m: n, n: n, k: k).map { -$0 }) }
    }
}

/// The inverse A⁻¹ of a square matrix, as `torch.linalg.inv` (LAPACK dgetrf + dgetri).
///
/// - Parameter a: a square n×n matrix.
/// - Returns: the n×n inverse.
/// - Precondition: `a` is square and not singular (traps naming the zero pivot).
///
/// Autodiff with torch's formula ∂A = −A⁻ᵀ·G·A⁻ᵀ.
public func inv(_ a: Tensor) -> Tensor {
    let n = squareSize(a, "inv")
    let lu = LUFactors(a.data, n: n)
    let inverse = lu.inverse()
    return Tensor.recording(shape: [n, n], data: inverse, parents: [a]) { g in
        let left = gemm(inverse, true, g, false, m: n, n: n, k: n)
        a.accumulateGradient(gemm(left, false, inverse, true, m: n, n: n, k: n).map { -$0 })
    }
}

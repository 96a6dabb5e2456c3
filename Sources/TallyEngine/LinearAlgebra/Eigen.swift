/// Eigenvalues and eigenvectors of a symmetric matrix, as `torch.linalg.eigh` (LAPACK dsyevd).
///
/// - Parameters:
///   - a: a symmetric n×n matrix; only the triangle named by `UPLO` is read.
///   - UPLO: `"L"` (default, as torch) or `"U"`.
/// - Returns: `eigenvalues` (shape [n], ascending) and `eigenvectors` (n×n, orthonormal columns,
///   column j belonging to eigenvalue j). Each eigenvector's sign is LAPACK's choice and may differ
///   from another LAPACK build's (torch's pip wheel uses MKL): compare sign-independent quantities.
/// - Precondition: `a` is square and `UPLO` is "L" or "U".
///
/// Autodiff with torch's formula ∂A = V·(diag(ḡλ) + skew(Vᵀ·ḡV) / E)·Vᵀ, E[i, j] = λⱼ − λᵢ
/// (infinite when eigenvalues repeat, as in torch, unless the loss depends only on the subspace).
public func eigh(_ a: Tensor, UPLO: String = "L") -> (eigenvalues: Tensor, eigenvectors: Tensor) {
    let n = squareSize(a, "eigh")
    precondition(UPLO == "L" || UPLO == "U", "eigh: UPLO must be \"L\" or \"U\", got \"\(UPLO)\"")
    let (w, v) = symmetricEigen(a.data, n: n, uplo: UPLO)
    // Both outputs share one backward step: each records the gradient it receives and the
    // second to run pushes the combined gradient into A.
    let values = Tensor(shape: [n], data: w)
    let vectors = Tensor(shape: [n, n], data: v)
    guard a.requiresGrad else { return (values, vectors) }
    let shared = EighBackward(n: n, w: w, v: v, a: a)
    let valuesOut = Tensor.recording(shape: [n], data: w, parents: [a]) { g in shared.add(values: g) }
    let vectorsOut = Tensor.recording(shape: [n, n], data: v, parents: [a]) { g in shared.add(vectors: g) }
    return (valuesOut, vectorsOut)
}

/// The eigenvalues of a symmetric matrix, ascending, as `torch.linalg.eigvalsh` (shape [n]).
public func eigvalsh(_ a: Tensor, UPLO: String = "L") -> Tensor { eigh(a, UPLO: UPLO).eigenvalues }

/// eigh's gradient with respect to A, linear in the two upstream gradients: each output's
/// backward step adds its own part, so the sum is right whichever outputs the loss used.
private final class EighBackward {
    let n: Int, w: [Double], v: [Double], a: Tensor
    init(n: Int, w: [Double], v: [Double], a: Tensor) { (self.n, self.w, self.v, self.a) = (n, w, v, a) }

    func add(values g: [Double]) {
        var inner = [Double](repeating: 0, count: n * n)
        for i in 0..<n { inner[i * n + i] = g[i] }
        push(inner)
    }

    func add(vectors g: [Double]) {
        let vtg = gemm(v, true, g, false, m: n, n: n, k: n)
        var inner = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                inner[i * n + j] = 0.5 * (vtg[i * n + j] - vtg[j * n + i]) / (w[j] - w[i])
            }
        }
        push(inner)
    }

    private func push(_ inner: [Double]) {
        let left = gemm(v, false, inner, false, m: n, n: n, k: n)
        a.accumulateGradient(gemm(left, false, v, true, m: n, n: n, k: n))
    }
}

/// Eigenvalues and right eigenvectors of a general square matrix, as `torch.linalg.eig`
/// (LAPACK dgeev). The engine has no complex tensors, so each complex result comes as its real
/// and imaginary parts.
///
/// - Parameter a: an n×n matrix.
/// - Returns: eigenvalues' real and imaginary parts (shape [n] each, in LAPACK's order: complex
///   pairs adjacent, positive imaginary part first) and eigenvectors' real and imaginary parts
///   (n×n each, column j belonging to eigenvalue j, unit Euclidean norm with the largest
///   component real, as LAPACK normalises them).
/// - Precondition: `a` is square. No autodiff (traps if `a.requiresGrad`).
public func eig(_ a: Tensor) -> (eigenvaluesReal: Tensor, eigenvaluesImaginary: Tensor,
                                 eigenvectorsReal: Tensor, eigenvectorsImaginary: Tensor) {
    let n = squareSize(a, "eig")
    precondition(!a.requiresGrad, "eig: autodiff through eig is not implemented; use eigh for symmetric matrices")
    let (wr, wi, vr) = generalEigen(a.data, n: n)
    var re = [Double](repeating: 0, count: n * n), im = [Double](repeating: 0, count: n * n)
    var j = 0
    while j < n {
        if wi[j] != 0 && j + 1 < n {
            for i in 0..<n {
                re[i * n + j] = vr[i * n + j]; im[i * n + j] = vr[i * n + j + 1]
                re[i * n + j + 1] = vr[i * n + j]; im[i * n + j + 1] = -vr[i * n + j + 1]
            }
            j += 2
        } else {
            for i in 0..<n { re[i * n + j] = vr[i * n + j] }
            j += 1
        }
    }
    return (Tensor(shape: [n], data: wr), Tensor(shape: [n], data: wi),
            Tensor(shape: [n, n], data: re), Tensor(shape: [n, n], data: im))
}

/// The eigenvalues of a general square matrix, as `torch.linalg.eigvals`: real and imaginary
/// parts (shape [n] each), in LAPACK's order.
public func eigvals(_ a: Tensor) -> (real: Tensor, imaginary: Tensor) {
    let result = eig(a)
    return (result.eigenvaluesReal, result.eigenvaluesImaginary)
}

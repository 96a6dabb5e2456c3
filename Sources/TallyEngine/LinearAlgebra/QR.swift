/// The QR decomposition A = Q·R, as `torch.linalg.qr` (Householder reflections, LAPACK dgeqrf and
/// dorgqr, so the signs are LAPACK's: R's diagonal may be negative, as in torch and numpy).
///
/// - Parameters:
///   - a: an m×n matrix.
///   - mode: `"reduced"` (default: Q m×k with orthonormal columns, R k×n upper triangular,
///     k = min(m, n)), `"complete"` (Q m×m orthogonal, R m×n) or `"r"` (only R, k×n; Q is empty,
///     shape [0]), as torch's `mode`.
/// - Precondition: `a` is a matrix and `mode` is one of the three.
public func qr(_ a: Tensor, mode: String = "reduced") -> (Q: Tensor, R: Tensor) {
    let (m, n) = matrixSize(a, "qr")
    precondition(["reduced", "complete", "r"].contains(mode),
                 "qr: mode must be \"reduced\", \"complete\" or \"r\", got \"\(mode)\"")
    let complete = mode == "complete"
    let (q, r) = householderQR(a.data, m: m, n: n, complete: complete, formQ: mode != "r")
    let k = Swift.min(m, n)
    let rRows = complete ? m : k
    let qTensor = mode == "r" ? Tensor(shape: [0], data: []) : Tensor(shape: [m, complete ? m : k], data: q)
    return (qTensor, Tensor(shape: [rRows, n], data: r))
}

// The engine's one door to LAPACK (OpenBLAS's build, through Debian's LAPACKE C interface).
// Matrices stay row-major. LAPACKE's row-major entry points transpose on the way in and out, and
// its naive transposes cost about a millisecond each at n = 512 (a third of an LU solve), so the
// hot paths (LU, Cholesky, symmetric eigen, SVD) instead hand LAPACK the row-major data as the
// column-major transpose Aᵀ and use the identities noted at each.
// Internal import: no LAPACK type appears in the engine's interface, so programs that import
// TallyEngine (notebook cells) need only the CBLAS module map, as before.
import Foundation
internal import CLAPACK

let rowMajor = Int32(LAPACK_ROW_MAJOR)
let columnMajor = Int32(LAPACK_COL_MAJOR)

/// n for an n×n matrix; traps naming `function` and the shape otherwise.
func squareSize(_ a: Tensor, _ function: String) -> Int {
    precondition(a.rank == 2 && a.shape[0] == a.shape[1],
                 "\(function): expected a square matrix, got shape \(a.shape)")
    return a.shape[0]
}

/// (m, n) of a matrix; traps naming `function` and the shape otherwise.
func matrixSize(_ a: Tensor, _ function: String) -> (m: Int, n: Int) {
    precondition(a.rank == 2, "\(function): expected a matrix (2 dimensions), got shape \(a.shape)")
    return (a.shape[0], a.shape[1])
}

/// The n×n identity, row-major.
func identityData(_ n: Int) -> [Double] {
    var e = [Double](repeating: 0, count: n * n)
    for i in 0..<n { e[i * n + i] = 1 }
    return e
}

/// An LU factorisation (LAPACK dgetrf) of a square row-major matrix A, stored as the
/// column-major factorisation of Aᵀ (the same memory): det Aᵀ = det A, solving with Aᵀ's factors
/// transposed solves with A, and the inverse of Aᵀ read row-major is A⁻¹.
struct LUFactors {
    let n: Int
    var lu: [Double]
    var pivots: [Int32]
    /// 0, or k > 0 when U[k−1, k−1] is exactly zero (A singular).
    let info: Int32

    init(_ a: [Double], n: Int) {
        self.n = n
        lu = a
        pivots = [Int32](repeating: 0, count: Swift.max(n, 1))
        info = LAPACKE_dgetrf(columnMajor, Int32(n), Int32(n), &lu, Int32(Swift.max(n, 1)), &pivots)
        precondition(info >= 0, "dgetrf: argument \(-info) was illegal")
    }

    var isSingular: Bool { info > 0 }

    /// det = ± the product of U's diagonal, the sign flipping once per row interchange.
    var determinant: Double {
        var d = 1.0
        for i in 0..<n {
            d *= lu[i * n + i]
            if pivots[i] != Int32(i + 1) { d = -d }
        }
        return d
    }

    /// (sign, log|det|) without overflow: the logarithms of U's diagonal summed.
    var signAndLogAbsDeterminant: (sign: Double, logAbs: Double) {
        var sign = 1.0, logAbs = 0.0
        for i in 0..<n {
            let u = lu[i * n + i]
            if u == 0 { return (0, -.infinity) }
            if u < 0 { sign = -sign }
            if pivots[i] != Int32(i + 1) { sign = -sign }
            logAbs += Foundation.log(Swift.abs(u))
        }
        return (sign, logAbs)
    }

    /// X with op(A)·X = B for the k columns of row-major B (n×k); op transposes when asked.
    func solve(_ b: [Double], columns k: Int, transpose: Bool = false) -> [Double] {
        precondition(!isSingular, "solve: the matrix is singular (U[\(info - 1), \(info - 1)] is zero)")
        guard n > 0, k > 0 else { return b }
        // LAPACK wants B column-major; a single column is the same either way.
        var x = k == 1 ? b : transposeData(b, n, k)
        var lu = lu
        var pivots = pivots
        // The factors are Aᵀ's: A·X = B is (Aᵀ)ᵀ·X = B, hence "T"; Aᵀ·X = B is "N".
        let info = LAPACKE_dgetrs(columnMajor, transpose ? CChar(UInt8(ascii: "N")) : CChar(UInt8(ascii: "T")),
                                  Int32(n), Int32(k), &lu, Int32(n), &pivots, &x, Int32(n))
        precondition(info == 0, "dgetrs failed with info \(info)")
        return k == 1 ? x : transposeData(x, k, n)
    }

    /// A⁻¹ (LAPACK dgetri): (Aᵀ)⁻¹ column-major is A⁻¹ row-major.
    func inverse() -> [Double] {
        precondition(!isSingular, "inv: the matrix is singular (U[\(info - 1), \(info - 1)] is zero)")
        var a = lu
        var pivots = pivots
        guard n > 0 else { return a }
        let info = LAPACKE_dgetri(columnMajor, Int32(n), &a, Int32(n), &pivots)
        precondition(info == 0, "dgetri failed with info \(info)")
        return a
    }
}

/// Symmetric eigendecomposition (LAPACK dsyevd) of a row-major n×n matrix using the triangle
/// `uplo` ("L" or "U"): eigenvalues ascending, eigenvectors as the columns of an n×n matrix.
func symmetricEigen(_ a: [Double], n: Int, uplo: String) -> (values: [Double], vectors: [Double]) {
    var v = a
    var w = [Double](repeating: 0, count: n)
    guard n > 0 else { return (w, v) }
    // Read column-major, the row-major lower triangle is the upper one (and vice versa); the
    // eigenvectors come back as columns in column-major order, i.e. as rows here: transpose once.
    let triangle = CChar(UInt8(ascii: uplo == "L" ? "U" : "L"))
    let info = LAPACKE_dsyevd(columnMajor, CChar(UInt8(ascii: "V")), triangle, Int32(n), &v, Int32(n), &w)
    precondition(info == 0, "eigh: the algorithm failed to converge (dsyevd info \(info))")
    return (w, transposeData(v, n, n))
}

/// Singular value decomposition (LAPACK dgesdd) of a row-major m×n matrix: U (m×m or m×k),
/// singular values descending (k = min(m, n)), Vᵀ (n×n or k×n). `vectors: false` skips U and Vᵀ.
func singularValueDecomposition(_ a: [Double], m: Int, n: Int, full: Bool, vectors: Bool = true)
    -> (u: [Double], s: [Double], vt: [Double]) {
    let k = Swift.min(m, n)
    var a = a
    var s = [Double](repeating: 0, count: k)
    let uColumns = full ? m : k, vtRows = full ? n : k
    var u = [Double](repeating: 0, count: vectors ? m * uColumns : 1)
    var vt = [Double](repeating: 0, count: vectors ? vtRows * n : 1)
    if k == 0 {
        return (vectors ? identityData(m).prefix(m * uColumns).map { $0 } : [], s,
                vectors ? identityData(n).prefix(vtRows * n).map { $0 } : [])
    }
    // The row-major m×n data is Aᵀ (n×m) column-major. With Aᵀ = U′·S·V′ᵀ, A = V′·S·U′ᵀ: LAPACK's
    // column-major U′ read row-major is U′ᵀ = Vh, and its V′ᵀ read row-major is V′ = U. No copies.
    let job = CChar(UInt8(ascii: !vectors ? "N" : (full ? "A" : "S")))
    let info = LAPACKE_dgesdd(columnMajor, job, Int32(n), Int32(m), &a, Int32(n), &s,
                              &vt, Int32(vectors ? n : 1), &u, Int32(vectors ? uColumns : 1))
    precondition(info == 0, "svd: the algorithm failed to converge (dgesdd info \(info))")
    return (vectors ? u : [], s, vectors ? vt : [])
}

/// Cholesky factor (LAPACK dpotrf) of a row-major n×n matrix: the lower triangular L with
/// A = L·Lᵀ (upper triangle zeroed), or the order of the first leading minor that is not
/// positive-definite.
func choleskyFactor(_ a: [Double], n: Int) -> Result<[Double], CholeskyFailure> {
    var l = a
    guard n > 0 else { return .success(l) }
    // Column-major "U" on the row-major data: Aᵀ = A = Uᵀ·U, and U column-major is L row-major.
    let info = LAPACKE_dpotrf(columnMajor, CChar(UInt8(ascii: "U")), Int32(n), &l, Int32(n))
    precondition(info >= 0, "dpotrf: argument \(-info) was illegal")
    if info > 0 { return .failure(CholeskyFailure(minor: Int(info))) }
    for i in 0..<n { for j in (i + 1)..<n { l[i * n + j] = 0 } }
    return .success(l)
}

struct CholeskyFailure: Error { let minor: Int }

/// Householder QR (LAPACK dgeqrf, then dorgqr to form Q) of a row-major m×n matrix.
/// `complete` gives Q m×m and R m×n; otherwise Q m×k and R k×n with k = min(m, n).
func householderQR(_ a: [Double], m: Int, n: Int, complete: Bool, formQ: Bool) -> (q: [Double], r: [Double]) {
    let k = Swift.min(m, n)
    var f = a
    var tau = [Double](repeating: 0, count: Swift.max(k, 1))
    if k > 0 {
        let info = LAPACKE_dgeqrf(rowMajor, Int32(m), Int32(n), &f, Int32(n), &tau)
        precondition(info == 0, "dgeqrf failed with info \(info)")
    }
    let rRows = complete ? m : k
    var r = [Double](repeating: 0, count: rRows * n)
    for i in 0..<Swift.min(rRows, k) { for j in i..<n { r[i * n + j] = f[i * n + j] } }
    guard formQ else { return ([], r) }
    let qColumns = complete ? m : k
    var q = [Double](repeating: 0, count: m * qColumns)
    for i in 0..<m { for j in 0..<Swift.min(n, qColumns) { q[i * qColumns + j] = f[i * n + j] } }
    if k == 0 { return (identityData(m).prefix(m * qColumns).map { $0 }, r) }
    let info = LAPACKE_dorgqr(rowMajor, Int32(m), Int32(qColumns), Int32(k), &q, Int32(qColumns), &tau)
    precondition(info == 0, "dorgqr failed with info \(info)")
    return (q, r)
}

/// Eigenvalues and right eigenvectors of a general row-major n×n matrix (LAPACK dgeev).
/// A complex pair λ, λ̄ occupies columns j, j+1 of `vectors` as LAPACK stores it: v = vⱼ ± i·vⱼ₊₁.
func generalEigen(_ a: [Double], n: Int) -> (real: [Double], imaginary: [Double], vectors: [Double]) {
    var a = a
    var wr = [Double](repeating: 0, count: n), wi = [Double](repeating: 0, count: n)
    var vr = [Double](repeating: 0, count: Swift.max(n * n, 1))
    var vl = [Double](repeating: 0, count: 1)
    guard n > 0 else { return (wr, wi, []) }
    let info = LAPACKE_dgeev(rowMajor, CChar(UInt8(ascii: "N")), CChar(UInt8(ascii: "V")), Int32(n), &a, Int32(n),
                             &wr, &wi, &vl, 1, &vr, Int32(n))
    precondition(info == 0, "eig: the QR algorithm failed to converge (dgeev info \(info))")
    return (wr, wi, vr)
}

/// Minimum-norm least squares by the SVD (LAPACK dgelsd): X (n×k) minimising ‖A·X − B‖ for
/// row-major A (m×n) and B (m×k); singular values below rcond·σ₁ count as zero.
func leastSquaresSVD(_ a: [Double], m: Int, n: Int, _ b: [Double], columns k: Int, rcond: Double)
    -> (x: [Double], rank: Int, singularValues: [Double]) {
    var a = a
    let rows = Swift.max(m, n)
    // dgelsd writes X over B, which must have max(m, n) rows.
    var bx = [Double](repeating: 0, count: rows * k)
    for i in 0..<m { for j in 0..<k { bx[i * k + j] = b[i * k + j] } }
    var s = [Double](repeating: 0, count: Swift.min(m, n))
    var rank: Int32 = 0
    if Swift.min(m, n) > 0 && k > 0 {
        let info = LAPACKE_dgelsd(rowMajor, Int32(m), Int32(n), Int32(k), &a, Int32(n), &bx, Int32(k), &s, rcond, &rank)
        precondition(info == 0, "lstsq: the SVD failed to converge (dgelsd info \(info))")
    }
    return (Array(bx.prefix(n * k)), Int(rank), s)
}

/// Solves a triangular system op(T)·X = B for row-major T (n×n) and B (n×k) (LAPACK dtrtrs).
func triangularSolve(_ t: [Double], n: Int, lower: Bool, transpose: Bool, _ b: [Double], columns k: Int) -> [Double] {
    var t = t
    var x = b
    guard n > 0, k > 0 else { return x }
    let info = LAPACKE_dtrtrs(rowMajor, CChar(UInt8(ascii: lower ? "L" : "U")), CChar(UInt8(ascii: transpose ? "T" : "N")),
                              CChar(UInt8(ascii: "N")), Int32(n), Int32(k), &t, Int32(n), &x, Int32(k))
    precondition(info == 0, "triangular solve: the matrix is singular (info \(info))")
    return x
}

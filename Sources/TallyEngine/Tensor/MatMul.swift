// Programs importing TallyEngine (notebook cells) find the CBLAS module map through the
// evaluator's -I flags (EngineLocation.clangModules), also after `make install`.
import CBLAS

/// Which multiplication kernel to use; `automatic` picks by size (see `smallMatmulLimit`).
@_spi(Benchmark) public enum MatmulKernel: Sendable { case automatic, swift, blas }

/// Up to this many multiply-adds (m·n·k) plain Swift loops beat calling OpenBLAS, whose
/// per-call setup (~70 ns) dominates tiny products. Measured for square n×n products on the
/// development machine (AMD EPYC, Debian OpenBLAS 0.3.21): loops 34 ns vs BLAS 67 ns at n = 4,
/// 107 vs 84 ns at n = 6, 1.6 vs 0.3 µs at n = 16 (bench/engine-matmul.sh shows the columns).
let smallMatmulLimit = 125

/// Matrix product `op(a) · op(b)`, where op transposes when asked (without copying).
/// A vector on the left acts as a row, on the right as a column, and the result is a vector.
///
///     let z = matmul(W, x) + b
public func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
    matmul(a, b, transposeA: transposeA, transposeB: transposeB, kernel: .automatic)
}

@_spi(Benchmark) public func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false,
                                     kernel: MatmulKernel) -> Tensor {
    // Checked before a vector is viewed as a matrix, so that the message names the shapes as written.
    if a.rank <= 2, b.rank <= 2, a.rank >= 1, b.rank >= 1 {
        let k = a.rank == 1 ? a.count : (transposeA ? a.shape[0] : a.shape[1])
        let k2 = b.rank == 1 ? b.count : (transposeB ? b.shape[1] : b.shape[0])
        engineRequire(k == k2, "matmul: inner dimensions differ, \(a.shape)\(transposeA ? "ᵀ" : "") × \(b.shape)\(transposeB ? "ᵀ" : "")")
    }
    if a.rank == 1 {
        engineRequire(!transposeA, "a vector needs no transposing")
        return matmul(a.reshaped([1, a.count]), b, transposeB: transposeB, kernel: kernel).flattened()
    }
    if b.rank == 1 {
        engineRequire(!transposeB, "a vector needs no transposing")
        return matmul(a, b.reshaped([b.count, 1]), transposeA: transposeA, kernel: kernel).flattened()
    }
    engineRequire(a.rank == 2 && b.rank == 2, "matmul needs matrices or vectors, got \(a.shape) and \(b.shape)")
    let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
    let (k2, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
    engineRequire(k == k2, "matmul: inner dimensions differ, \(a.shape)\(transposeA ? "ᵀ" : "") × \(b.shape)\(transposeB ? "ᵀ" : "")")
    let out = gemm(a.data, transposeA, b.data, transposeB, m: m, n: n, k: k, kernel: kernel)
    return Tensor.recording(shape: [m, n], data: out, parents: [a, b]) { g in
        // With C = op(A)·op(B) and upstream G: ∂op(A) = G·op(B)ᵀ and ∂op(B) = op(A)ᵀ·G,
        // rearranged so that each stored operand's gradient comes out untransposed.
        if a.requiresGrad {
            a.accumulateGradient(transposeA
                ? gemm(b.data, transposeB, g, true, m: k, n: m, k: n, kernel: kernel)
                : gemm(g, false, b.data, !transposeB, m: m, n: k, k: n, kernel: kernel))
        }
        if b.requiresGrad {
            b.accumulateGradient(transposeB
                ? gemm(g, true, a.data, transposeA, m: n, n: k, k: m, kernel: kernel)
                : gemm(a.data, !transposeA, g, false, m: k, n: n, k: m, kernel: kernel))
        }
    }
}

extension Tensor {
    /// Matrix product self · other, as `matmul(self, other)` (`torch.matmul` for vectors and matrices):
    /// [m, k] · [k, n] → [m, n], a vector on either side as a row or column. Differentiable. Traps when
    /// the inner dimensions differ.
    public func matmul(_ other: Tensor) -> Tensor { TallyEngine.matmul(self, other) }
}

/// C = op(A)·op(B) for row-major data, C being m×n and the shared dimension k.
func gemm(_ a: [Double], _ transposeA: Bool, _ b: [Double], _ transposeB: Bool,
          m: Int, n: Int, k: Int, kernel: MatmulKernel = .automatic) -> [Double] {
    let useSwift = kernel == .swift || (kernel == .automatic && m * n * k <= smallMatmulLimit)
    return [Double](unsafeUninitializedCapacity: m * n) { c, initialized in
        initialized = m * n
        guard m * n > 0 else { return }
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                if useSwift {
                    smallGemm(a, transposeA, b, transposeB, c, m: m, n: n, k: k)
                } else {
                    cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
                                transposeB ? CblasTrans : CblasNoTrans,
                                Int32(m), Int32(n), Int32(k), 1, a.baseAddress, Int32(transposeA ? m : k),
                                b.baseAddress, Int32(transposeB ? k : n), 0, c.baseAddress, Int32(n))
                }
            }
        }
    }
}

/// Straightforward loops, ordered so the innermost one runs along contiguous memory.
private func smallGemm(_ a: UnsafeBufferPointer<Double>, _ transposeA: Bool,
                       _ b: UnsafeBufferPointer<Double>, _ transposeB: Bool,
                       _ c: UnsafeMutableBufferPointer<Double>, m: Int, n: Int, k: Int) {
    for i in 0..<m {
        let row = i * n
        if transposeB {
            // op(B)[p, j] = b[j·k + p]: a dot product of a row of A with a row of B.
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k { s += (transposeA ? a[p * m + i] : a[i * k + p]) * b[j * k + p] }
                c[row + j] = s
            }
        } else {
            for j in 0..<n { c[row + j] = 0 }
            for p in 0..<k {
                let x = transposeA ? a[p * m + i] : a[i * k + p]
                let bRow = p * n
                for j in 0..<n { c[row + j] += x * b[bRow + j] }
            }
        }
    }
}

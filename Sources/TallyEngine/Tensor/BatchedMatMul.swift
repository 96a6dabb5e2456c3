/// Batched matrix product: a [..., m, k] · b [..., k, n] → [..., m, n], the leading (batch)
/// dimensions equal on both sides; `transposeA`/`transposeB` transpose each matrix of the batch
/// (without copying). Mirrors `torch.matmul` on equal batch shapes (as `torch.bmm` for rank 3);
/// each product goes through the same kernel choice as `matmul` (OpenBLAS when large).
/// Differentiable in both. Traps on ranks below 3, differing batch shapes or inner dimensions.
public func batchedMatmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
    engineRequire(a.rank >= 3 && a.rank == b.rank && a.shape.dropLast(2) == b.shape.dropLast(2),
                 "batchedMatmul needs [..., m, k] and [..., k, n] with equal batch shapes, got \(a.shape) and \(b.shape)")
    let batchShape = Array(a.shape.dropLast(2))
    let batch = batchShape.product
    let (a0, a1, b0, b1) = (a.shape[a.rank - 2], a.shape[a.rank - 1], b.shape[b.rank - 2], b.shape[b.rank - 1])
    let (m, k) = transposeA ? (a1, a0) : (a0, a1)
    let (k2, n) = transposeB ? (b1, b0) : (b0, b1)
    engineRequire(k == k2, "batchedMatmul: inner dimensions differ, \(a.shape) · \(b.shape)")
    let (sizeA, sizeB, sizeC) = (m * k, k * n, m * n)
    let (x, y) = (a.data, b.data)
    func slice(_ values: [Double], _ i: Int, _ size: Int) -> [Double] { Array(values[i * size ..< (i + 1) * size]) }
    var out = [Double]()
    out.reserveCapacity(batch * sizeC)
    for i in 0..<batch {
        out.append(contentsOf: gemm(slice(x, i, sizeA), transposeA, slice(y, i, sizeB), transposeB, m: m, n: n, k: k))
    }
    return Tensor.recording(shape: batchShape + [m, n], data: out, parents: [a, b]) { g in
        // Per matrix, the rules of `matmul`'s backward.
        var ga = [Double](), gb = [Double]()
        for i in 0..<batch {
            let (ai, bi, gi) = (slice(x, i, sizeA), slice(y, i, sizeB), slice(g, i, sizeC))
            if a.requiresGrad {
                ga.append(contentsOf: transposeA ? gemm(bi, transposeB, gi, true, m: k, n: m, k: n)
                                                 : gemm(gi, false, bi, !transposeB, m: m, n: k, k: n))
            }
            if b.requiresGrad {
                gb.append(contentsOf: transposeB ? gemm(gi, true, ai, transposeA, m: n, n: k, k: m)
                                                 : gemm(ai, !transposeA, gi, false, m: k, n: n, k: m))
            }
        }
        a.accumulateGradient(ga)
        b.accumulateGradient(gb)
    }
}

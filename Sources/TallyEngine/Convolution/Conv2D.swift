/// 2-D convolution as machine learning means it — cross-correlation, the kernel is not
/// flipped: out[o, i, j] = Σ_c Σ_u Σ_v x[c, i·s + u − p, j·s + v − p] · k[o, c, u, v] + bias[o],
/// with zeros outside the input. Output size ⌊(H + 2p − kh) / s⌋ + 1 per axis.
///
/// Shapes: a grey image [H, W] with a kernel [kh, kw] gives [H′, W′]; channels [C, H, W] with
/// kernels [O, C, kh, kw] give [O, H′, W′]; a batch [N, C, H, W] gives [N, O, H′, W′].
/// Differentiable in the input, the kernel and the bias.
///
///     let edges = conv2d(image, Tensor.sobelX, padding: 1)
public func conv2d(_ input: Tensor, _ kernel: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0) -> Tensor {
    engineRequire(stride > 0 && padding >= 0, "stride must be positive and padding non-negative")
    switch (input.rank, kernel.rank) {
    case (2, 2):
        engineRequire(bias == nil || bias!.count == 1, "one kernel takes one bias")
        let out = conv2d(input.reshaped([1, 1] + input.shape), kernel.reshaped([1, 1] + kernel.shape),
                         bias: bias?.reshaped([1]), stride: stride, padding: padding)
        return out.reshaped(Array(out.shape.suffix(2)))
    case (3, 4):
        let out = conv2d(input.reshaped([1] + input.shape), kernel, bias: bias, stride: stride, padding: padding)
        return out.reshaped(Array(out.shape.dropFirst()))
    case (4, 4):
        let out = crossCorrelate(input, kernel, stride: stride, padding: padding)
        guard let bias else { return out }
        return out + bias.reshaped([kernel.shape[0], 1, 1])
    default:
        engineFailure("conv2d: unsupported shapes \(input.shape) and \(kernel.shape)")
    }
}

/// The batched operation [N, C, H, W] ⋆ [O, C, kh, kw] → [N, O, H′, W′], by direct loops.
private func crossCorrelate(_ x: Tensor, _ k: Tensor, stride s: Int, padding p: Int) -> Tensor {
    let (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let (o, kh, kw) = (k.shape[0], k.shape[2], k.shape[3])
    engineRequire(k.shape[1] == c, "kernel has \(k.shape[1]) input channels, image has \(c)")
    let outH = (h + 2 * p - kh) / s + 1, outW = (w + 2 * p - kw) / s + 1
    engineRequire(outH > 0 && outW > 0, "kernel larger than the padded input")

    /// Calls body(outputOffset, inputOffset, kernelOffset) for every product in the sum.
    func forEachProduct(_ body: (Int, Int, Int) -> Void) {
        for b in 0..<n { for oc in 0..<o { for i in 0..<outH { for j in 0..<outW {
            let out = ((b * o + oc) * outH + i) * outW + j
            for ic in 0..<c { for u in 0..<kh {
                let row = i * s + u - p
                guard row >= 0 && row < h else { continue }
                for v in 0..<kw {
                    let col = j * s + v - p
                    guard col >= 0 && col < w else { continue }
                    body(out, ((b * c + ic) * h + row) * w + col, ((oc * c + ic) * kh + u) * kw + v)
                }
            } }
        } } } }
    }

    var out = Array(repeating: 0.0, count: n * o * outH * outW)
    let (xd, kd) = (x.data, k.data)
    forEachProduct { y, xi, ki in out[y] += xd[xi] * kd[ki] }
    return Tensor.recording(shape: [n, o, outH, outW], data: out, parents: [x, k]) { g in
        var gx = Array(repeating: 0.0, count: x.count), gk = Array(repeating: 0.0, count: k.count)
        forEachProduct { y, xi, ki in
            gx[xi] += g[y] * kd[ki]
            gk[ki] += g[y] * xd[xi]
        }
        x.accumulateGradient(gx)
        k.accumulateGradient(gk)
    }
}

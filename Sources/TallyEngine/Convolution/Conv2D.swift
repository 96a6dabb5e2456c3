/// 2-D convolution as machine learning means it — cross-correlation, the kernel is not
/// flipped: out[o, i, j] = Σ_c Σ_u Σ_v x[c, i·sₕ + u·dₕ − pₕ, j·s_w + v·d_w − p_w] · k[o, c, u, v]
/// + bias[o], with zeros outside the input. Output size ⌊(H + 2p − d·(kh − 1) − 1) / s⌋ + 1 per
/// axis. Mirrors `torch.nn.functional.conv2d` (stride 1, padding 0, dilation 1, groups 1 by
/// default; each may be one number or [height, width]).
///
/// Shapes: a grey image [H, W] with a kernel [kh, kw] gives [H′, W′]; channels [C, H, W] with
/// kernels [O, C/groups, kh, kw] give [O, H′, W′]; a batch [N, C, H, W] gives [N, O, H′, W′].
/// With `groups` g, the input channels are split into g groups each convolved with its own
/// O/g kernels (g = C is a depthwise convolution). Computed as im2col followed by a matrix
/// product (OpenBLAS when large, see `gemm`). Differentiable in the input, the kernel and the
/// bias. Traps when channels or groups do not fit or the kernel exceeds the padded input.
///
///     let edges = conv2d(image, Tensor.sobelX, padding: 1)
public func conv2d(_ input: Tensor, _ kernel: Tensor, bias: Tensor? = nil, stride: Size2d = 1, padding: Size2d = 0,
                   dilation: Size2d = 1, groups: Int = 1) -> Tensor {
    engineRequire(stride.height > 0 && stride.width > 0 && padding.height >= 0 && padding.width >= 0
                 && dilation.height > 0 && dilation.width > 0 && groups > 0,
                 "conv2d: stride and dilation must be positive, padding non-negative, groups positive")
    switch (input.rank, kernel.rank) {
    case (2, 2):
        engineRequire(bias == nil || bias!.count == 1, "one kernel takes one bias")
        let out = conv2d(input.reshaped([1, 1] + input.shape), kernel.reshaped([1, 1] + kernel.shape),
                         bias: bias?.reshaped([1]), stride: stride, padding: padding, dilation: dilation)
        return out.reshaped(Array(out.shape.suffix(2)))
    case (3, 4):
        let out = conv2d(input.reshaped([1] + input.shape), kernel, bias: bias, stride: stride, padding: padding,
                         dilation: dilation, groups: groups)
        return out.reshaped(Array(out.shape.dropFirst()))
    case (4, 4):
        let geometry = ConvolutionGeometry(input: input.shape, kernel: kernel.shape, stride: stride, padding: padding,
                                           dilation: dilation, groups: groups)
        let out = crossCorrelate(input, kernel, geometry)
        guard let bias else { return out }
        engineRequire(bias.count == kernel.shape[0], "conv2d: \(bias.count) biases for \(kernel.shape[0]) kernels")
        return out + bias.reshaped([kernel.shape[0], 1, 1])
    default:
        engineFailure("conv2d: unsupported shapes \(input.shape) and \(kernel.shape)")
    }
}

/// The sizes of one batched convolution [N, C, H, W] ⋆ [O, C/g, kh, kw], and where each entry of
/// an im2col matrix comes from.
struct ConvolutionGeometry {
    let batch: Int, channels: Int, height: Int, width: Int
    let outChannels: Int, kernelHeight: Int, kernelWidth: Int, groups: Int
    let outHeight: Int, outWidth: Int
    /// Rows of one group's im2col matrix (C/g · kh · kw) and its columns (H′ · W′).
    var patch: Int { channels / groups * kernelHeight * kernelWidth }
    var positions: Int { outHeight * outWidth }
    /// For entry (r, l) of one group's im2col matrix, the offset in that group's channels of
    /// one image ([C/g, H, W]), or −1 where the kernel reads padding.
    let sources: [Int]

    init(input: [Int], kernel: [Int], stride: Size2d, padding: Size2d, dilation: Size2d, groups: Int) {
        (batch, channels, height, width) = (input[0], input[1], input[2], input[3])
        (outChannels, kernelHeight, kernelWidth) = (kernel[0], kernel[2], kernel[3])
        self.groups = groups
        engineRequire(channels % groups == 0 && outChannels % groups == 0,
                     "conv2d: \(groups) groups do not divide \(channels) input and \(outChannels) output channels")
        engineRequire(kernel[1] * groups == channels,
                     "conv2d: kernel \(kernel) expects \(kernel[1] * groups) input channels, image has \(channels)")
        outHeight = (height + 2 * padding.height - dilation.height * (kernelHeight - 1) - 1) / stride.height + 1
        outWidth = (width + 2 * padding.width - dilation.width * (kernelWidth - 1) - 1) / stride.width + 1
        engineRequire(outHeight > 0 && outWidth > 0, "conv2d: kernel \(kernel) larger than the padded input \(input)")
        var sources = [Int]()
        let (groupChannels, oh, ow, kh, kw, h, w) = (channels / groups, outHeight, outWidth, kernelHeight, kernelWidth, height, width)
        sources.reserveCapacity(groupChannels * kh * kw * oh * ow)
        for c in 0..<groupChannels { for u in 0..<kh { for v in 0..<kw {
            for i in 0..<oh {
                let row = i * stride.height + u * dilation.height - padding.height
                for j in 0..<ow {
                    let col = j * stride.width + v * dilation.width - padding.width
                    sources.append(row >= 0 && row < h && col >= 0 && col < w ? (c * h + row) * w + col : -1)
                }
            }
        } } }
        self.sources = sources
    }
}

/// The batched cross-correlation without bias, as one matrix product per image and group:
/// kernels [O/g, C/g·kh·kw] · im2col [C/g·kh·kw, H′·W′].
private func crossCorrelate(_ x: Tensor, _ k: Tensor, _ geo: ConvolutionGeometry) -> Tensor {
    let (patch, positions, groups) = (geo.patch, geo.positions, geo.groups)
    let groupOut = geo.outChannels / groups
    let groupIn = geo.channels / groups * geo.height * geo.width  // one group's values in one image
    let kernelBlock = groupOut * patch, outBlock = groupOut * positions
    let (xd, kd, sources) = (x.data, k.data, geo.sources)
    let kernels = (0..<groups).map { Array(kd[$0 * kernelBlock ..< ($0 + 1) * kernelBlock]) }

    func im2col(_ image: Int, _ group: Int) -> [Double] {
        let base = (image * groups + group) * groupIn
        return sources.map { $0 < 0 ? 0 : xd[base + $0] }
    }

    var columns: [[Double]] = []
    var out = [Double]()
    out.reserveCapacity(geo.batch * geo.outChannels * positions)
    for image in 0..<geo.batch {
        for group in 0..<groups {
            let cols = im2col(image, group)
            out.append(contentsOf: gemm(kernels[group], false, cols, false, m: groupOut, n: positions, k: patch))
            columns.append(cols)
        }
    }
    return Tensor.recording(shape: [geo.batch, geo.outChannels, geo.outHeight, geo.outWidth], data: out,
                            parents: [x, k]) { g in
        var gx = [Double](repeating: 0, count: x.requiresGrad ? x.count : 0)
        var gk = [Double](repeating: 0, count: k.requiresGrad ? k.count : 0)
        for image in 0..<geo.batch {
            for group in 0..<groups {
                let block = image * groups + group
                let gOut = Array(g[block * outBlock ..< (block + 1) * outBlock])
                if k.requiresGrad {
                    let gKernel = gemm(gOut, false, columns[block], true, m: groupOut, n: patch, k: positions)
                    for (i, value) in gKernel.enumerated() { gk[group * kernelBlock + i] += value }
                }
                if x.requiresGrad {
                    // col2im: every im2col entry read one input value (or padding).
                    let gCols = gemm(kernels[group], true, gOut, false, m: patch, n: positions, k: groupOut)
                    let base = block * groupIn
                    for (i, source) in sources.enumerated() where source >= 0 { gx[base + source] += gCols[i] }
                }
            }
        }
        x.accumulateGradient(gx)
        k.accumulateGradient(gk)
    }
}

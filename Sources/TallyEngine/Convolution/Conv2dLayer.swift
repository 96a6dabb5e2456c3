/// A convolutional layer: `conv2d` with a learnable `weight` [outChannels, inChannels/groups,
/// kh, kw] and `bias` [outChannels] (when `bias` is true, the default). Both start
/// U(−1/√fanIn, 1/√fanIn) with fanIn = inChannels/groups · kh · kw, the bound of torch's
/// default initialisation (seeded here). Mirrors `torch.nn.Conv2d` (stride 1, padding 0,
/// dilation 1, groups 1). Input [N, C, H, W] or [C, H, W].
///
///     let conv = Conv2d(3, 8, kernelSize: 3, padding: 1)
public final class Conv2d: Layer {
    /// Kernels [outChannels, inChannels/groups, kh, kw].
    public var weight: Tensor
    /// One bias per output channel [outChannels] (nil without bias).
    public var bias: Tensor?
    /// Step, zero padding and dilation of the kernel, per axis (torch's `stride`, `padding`,
    /// `dilation`; defaults 1, 0, 1).
    public let stride: Size2d, padding: Size2d, dilation: Size2d
    /// Channel groups: input and output channels are split into `groups` independent convolutions
    /// (torch's `groups`, default 1; `groups == inChannels` is a depthwise convolution).
    public let groups: Int

    /// A convolution from `inChannels` to `outChannels` with a `kernelSize` window (one number or
    /// `[kh, kw]`), `stride` 1, `padding` 0, `dilation` 1, `groups` 1 and a bias by default, as
    /// `torch.nn.Conv2d`; `seed` draws the initial weights. Traps unless `groups` divides both channel counts.
    public init(_ inChannels: Int, _ outChannels: Int, kernelSize: Size2d, stride: Size2d = 1, padding: Size2d = 0,
                dilation: Size2d = 1, groups: Int = 1, bias: Bool = true, seed: UInt64 = 0) {
        engineRequire(groups > 0 && inChannels % groups == 0 && outChannels % groups == 0,
                     "Conv2d: \(groups) groups do not divide \(inChannels) and \(outChannels) channels")
        let fanIn = inChannels / groups * kernelSize.height * kernelSize.width
        let bound = 1 / Double(fanIn).squareRoot()
        var rng = RandomGenerator(seed: seed)
        weight = Tensor.uniform([outChannels, inChannels / groups, kernelSize.height, kernelSize.width],
                                low: -bound, high: bound, using: &rng)
        weight.requiresGrad = true
        if bias {
            self.bias = Tensor.uniform([outChannels], low: -bound, high: bound, using: &rng)
            self.bias!.requiresGrad = true
        }
        (self.stride, self.padding, self.dilation, self.groups) = (stride, padding, dilation, groups)
    }

    /// `conv2d` of `x` [N, inChannels, H, W] (or [inChannels, H, W]) with this layer's weights:
    /// [N, outChannels, H′, W′] with H′ = ⌊(H + 2·padding − dilation·(kh − 1) − 1) / stride⌋ + 1 (W′ alike).
    /// Traps when the channels do not match.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        conv2d(x, weight, bias: bias, stride: stride, padding: padding, dilation: dilation, groups: groups)
    }

    /// `weight`, then `bias` when there is one (torch's `parameters()` order).
    public var parameters: [Tensor] { [weight, bias].compactMap { $0 } }
}

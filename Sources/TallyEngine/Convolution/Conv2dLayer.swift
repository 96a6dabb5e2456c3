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
    public let stride: Size2d, padding: Size2d, dilation: Size2d
    public let groups: Int

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

    public func callAsFunction(_ x: Tensor) -> Tensor {
        conv2d(x, weight, bias: bias, stride: stride, padding: padding, dilation: dilation, groups: groups)
    }

    public var parameters: [Tensor] { [weight, bias].compactMap { $0 } }
}

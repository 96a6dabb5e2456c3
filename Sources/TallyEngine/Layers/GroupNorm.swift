/// Group normalisation (Wu & He, 2018): the channels of each sample are split into `numGroups`
/// groups, each standardised over its channels and spatial positions with the biased variance,
/// then scaled and shifted per channel. Mirrors `torch.nn.functional.group_norm`.
///
/// Shapes: `x` is [N, C, *] (any number of spatial axes, also none); `weight` and `bias` are
/// [C] (optional); the result has x's shape. Default ε = 1e-5. Differentiable in x, weight and
/// bias. Traps when `numGroups` does not divide C.
public func groupNorm(_ x: Tensor, numGroups: Int, weight: Tensor? = nil, bias: Tensor? = nil, eps: Double = 1e-5) -> Tensor {
    engineRequire(x.rank >= 2, "groupNorm expects [N, C, *], got \(x.shape)")
    let (n, c) = (x.shape[0], x.shape[1])
    engineRequire(numGroups > 0 && c % numGroups == 0, "groupNorm: \(numGroups) groups do not divide \(c) channels")
    for p in [weight, bias].compactMap({ $0 }) {
        engineRequire(p.shape == [c], "groupNorm: parameter \(p.shape) is not [\(c)]")
    }
    var y = standardizedRows(x, width: x.count / max(n * numGroups, 1), eps: eps).normalized
    if let weight { y = y * channelShaped(weight, rank: x.rank) }
    if let bias { y = y + channelShaped(bias, rank: x.rank) }
    return y
}

/// The layer form of `groupNorm`: learnable per-channel `weight` (ones) and `bias` (zeros) when
/// `affine` (default true). Mirrors `torch.nn.GroupNorm(num_groups, num_channels, eps=1e-5)`.
public final class GroupNorm: Layer {
    /// The number of channel groups (torch's `num_groups`).
    public let numGroups: Int
    /// C, the number of channels (torch's `num_channels`).
    public let numChannels: Int
    /// ε added to the variance (default 1e-5).
    public let eps: Double
    /// Per-channel scale γ [numChannels] (nil without affine).
    public var weight: Tensor?
    /// Per-channel shift β [numChannels] (nil without affine).
    public var bias: Tensor?

    /// Group norm of `numChannels` channels in `numGroups` groups, `eps` 1e-5 and per-channel
    /// `weight`/`bias` when `affine` (default true). Traps unless `numGroups` divides `numChannels`.
    public init(_ numGroups: Int, _ numChannels: Int, eps: Double = 1e-5, affine: Bool = true) {
        engineRequire(numGroups > 0 && numChannels % numGroups == 0, "GroupNorm: \(numGroups) groups do not divide \(numChannels) channels")
        (self.numGroups, self.numChannels, self.eps) = (numGroups, numChannels, eps)
        if affine {
            weight = Tensor.ones([numChannels], requiresGrad: true)
            bias = Tensor.zeros([numChannels], requiresGrad: true)
        }
    }

    /// `groupNorm` of `x` [N, C, *] with this layer's parameters; same shape out.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        groupNorm(x, numGroups: numGroups, weight: weight, bias: bias, eps: eps)
    }

    /// `weight`, then `bias`, when `affine` (none otherwise).
    public var parameters: [Tensor] { [weight, bias].compactMap { $0 } }
}

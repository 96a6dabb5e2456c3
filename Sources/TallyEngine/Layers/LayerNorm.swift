/// Layer normalisation: each sample is standardised over its last `normalizedShape.count`
/// axes, y = (x − μ) / √(σ² + ε) · weight + bias, with the biased variance (Ba, Kiros &
/// Hinton, 2016). Mirrors `torch.nn.functional.layer_norm`.
///
/// Shapes: `x` is [..., *normalizedShape]; `weight` and `bias` (optional, default none) have
/// shape `normalizedShape`; the result has x's shape. Default ε = 1e-5. Differentiable in x,
/// weight and bias. Traps when x's trailing dimensions are not `normalizedShape`.
///
///     let y = layerNorm(x, normalizedShape: [4])
public func layerNorm(_ x: Tensor, normalizedShape: [Int], weight: Tensor? = nil, bias: Tensor? = nil,
                      eps: Double = 1e-5) -> Tensor {
    engineRequire(!normalizedShape.isEmpty && Array(x.shape.suffix(normalizedShape.count)) == normalizedShape,
                 "layerNorm: input \(x.shape) does not end in normalizedShape \(normalizedShape)")
    for p in [weight, bias].compactMap({ $0 }) {
        engineRequire(p.shape == normalizedShape, "layerNorm: parameter \(p.shape) is not normalizedShape \(normalizedShape)")
    }
    var y = standardizedRows(x, width: normalizedShape.product, eps: eps).normalized
    if let weight { y = y * weight }
    if let bias { y = y + bias }
    return y
}

/// The layer form of `layerNorm`, with a learnable `weight` (ones) of shape `normalizedShape`
/// when `elementwiseAffine` (default true) and a learnable `bias` (zeros) when also `bias`
/// (default true). Mirrors `torch.nn.LayerNorm(normalized_shape, eps=1e-5,
/// elementwise_affine=True, bias=True)`; the same in training and evaluation.
///
///     let norm = LayerNorm([8])      // normalises each 8-vector of a [batch, tokens, 8] input
public final class LayerNorm: Layer {
    /// The trailing shape each sample is normalised over.
    public let normalizedShape: [Int]
    /// ε added to the variance (default 1e-5).
    public let eps: Double
    /// Scale γ, shape `normalizedShape` (nil without elementwiseAffine).
    public var weight: Tensor?
    /// Shift β, shape `normalizedShape` (nil without elementwiseAffine or bias).
    public var bias: Tensor?

    /// Layer norm over the trailing shape `normalizedShape`, `eps` 1e-5, with `weight` when
    /// `elementwiseAffine` and `bias` when also `bias` (both default true). Traps on an empty or
    /// non-positive shape.
    public init(_ normalizedShape: [Int], eps: Double = 1e-5, elementwiseAffine: Bool = true, bias: Bool = true) {
        engineRequire(!normalizedShape.isEmpty && normalizedShape.allSatisfy { $0 > 0 }, "LayerNorm needs a positive shape")
        self.normalizedShape = normalizedShape
        self.eps = eps
        if elementwiseAffine {
            weight = Tensor.ones(normalizedShape, requiresGrad: true)
            if bias { self.bias = Tensor.zeros(normalizedShape, requiresGrad: true) }
        }
    }

    /// Layer norm over a last axis of `normalizedShape` elements (the same as `LayerNorm([n])`).
    public convenience init(_ normalizedShape: Int, eps: Double = 1e-5, elementwiseAffine: Bool = true, bias: Bool = true) {
        self.init([normalizedShape], eps: eps, elementwiseAffine: elementwiseAffine, bias: bias)
    }

    /// `layerNorm` of `x` [..., *normalizedShape] with this layer's parameters; same shape out.
    /// Traps when x does not end in `normalizedShape`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        layerNorm(x, normalizedShape: normalizedShape, weight: weight, bias: bias, eps: eps)
    }

    /// `weight`, then `bias`, where present.
    public var parameters: [Tensor] { [weight, bias].compactMap { $0 } }
}

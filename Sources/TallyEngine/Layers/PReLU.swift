/// Parametric ReLU as a layer: one learned negative slope per feature (or one shared), starting
/// at 0.25 as in PyTorch.
public final class PReLU: Layer {
    public var slope: Tensor

    public init(features: Int = 1, initialSlope: Double = 0.25) {
        slope = Tensor.filled([features], with: initialSlope, requiresGrad: true)
    }

    public func callAsFunction(_ x: Tensor) -> Tensor { prelu(x, slope: slope) }

    public var parameters: [Tensor] { [slope] }
}

/// Parametric ReLU as a layer: one learned negative slope per feature (or one shared), starting
/// at 0.25 as in PyTorch.
public final class PReLU: Layer {
    /// The learned negative slopes [features] (one shared slope when features is 1).
    public var slope: Tensor

    /// `features` slopes (default 1, shared) starting at `initialSlope` (default 0.25), as
    /// `torch.nn.PReLU(num_parameters=1, init=0.25)`.
    public init(features: Int = 1, initialSlope: Double = 0.25) {
        slope = Tensor.filled([features], with: initialSlope, requiresGrad: true)
    }

    /// `prelu(x, slope:)`: x where positive, slope·x elsewhere; same shape, differentiable in x and the slopes.
    public func callAsFunction(_ x: Tensor) -> Tensor { prelu(x, slope: slope) }

    /// The slopes.
    public var parameters: [Tensor] { [slope] }
}

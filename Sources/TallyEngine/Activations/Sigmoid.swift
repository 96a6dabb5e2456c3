import Foundation

extension Activation {
    /// σ(x) = 1 / (1 + e⁻ˣ), σ′ = σ(1 − σ). Evaluated so that e^|x| never overflows.
    public static let sigmoid = Activation(name: "sigmoid", function: { x in
        x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
    }, derivative: { _, y in y * (1 - y) })
}

/// σ(x) = 1 / (1 + e⁻ˣ) of a number, in (0, 1); mirrors `torch.sigmoid`.
public func sigmoid(_ x: Double) -> Double { Activation.sigmoid(x) }
/// σ elementwise (same shape), differentiable (σ′ = σ(1 − σ)); mirrors `torch.sigmoid`.
public func sigmoid(_ x: Tensor) -> Tensor { Activation.sigmoid(x) }

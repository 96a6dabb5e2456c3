/// Huber loss (PyTorch's HuberLoss / `torch.nn.functional.huber_loss`): ½d² where |d| ≤ δ,
/// δ(|d| − ½δ) beyond, for d = prediction − target (default δ = 1), reduced as `reduction` says
/// (default mean). Quadratic near zero, linear for outliers; the derivative is d clipped to [−δ, δ].
public func huberLoss(_ prediction: Tensor, _ target: Tensor, delta: Double = 1, reduction: Reduction = .mean) -> Tensor {
    (prediction - target).map({ d in
        Swift.abs(d) <= delta ? 0.5 * d * d : delta * (Swift.abs(d) - 0.5 * delta)
    }, derivative: { d, _ in Swift.min(Swift.max(d, -delta), delta) }).reduced(reduction)
}

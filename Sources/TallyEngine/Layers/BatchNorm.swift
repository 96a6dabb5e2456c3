/// Batch normalisation over a batch [n, features], as PyTorch's BatchNorm1d (momentum 0.1,
/// ε = 1e-5). Training: normalise each feature by the batch mean and biased variance, then
/// scale by γ and shift by β, and update the running statistics
/// (running ← (1 − momentum)·running + momentum·batch, using the unbiased variance for the
/// running variance). Evaluation: normalise by the running statistics instead.
public final class BatchNorm: Layer {
    /// Per-feature scale γ [features], starting at ones; trained.
    public var gamma: Tensor
    /// Per-feature shift β [features], starting at zeros; trained.
    public var beta: Tensor
    /// Running mean [features], starting at zeros; updated in training, used in evaluation.
    public private(set) var runningMean: Tensor
    /// Running unbiased variance [features], starting at ones; updated in training, used in evaluation.
    public private(set) var runningVariance: Tensor
    /// Weight of the new batch in the running statistics (torch's `momentum`, default 0.1).
    public let momentum: Double
    /// ε added to the variance before the square root (torch's `eps`, default 1e-5).
    public let epsilon: Double
    /// True in training mode (the initial one), false after `eval()`.
    public private(set) var isTraining = true

    /// Batch norm over `features` columns, with `momentum` 0.1 and `epsilon` 1e-5 by default, as
    /// `torch.nn.BatchNorm1d(num_features)`.
    public init(_ features: Int, momentum: Double = 0.1, epsilon: Double = 1e-5) {
        gamma = Tensor.ones([features], requiresGrad: true)
        beta = Tensor.zeros([features], requiresGrad: true)
        runningMean = Tensor.zeros([features])
        runningVariance = Tensor.ones([features])
        self.momentum = momentum
        self.epsilon = epsilon
    }

    /// Normalises `x` [n, features] per feature (same shape out); differentiable in x, γ and β. Traps on
    /// another shape, or on a batch of one sample in training.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        engineRequire(x.rank == 2 && x.shape[1] == gamma.count, "BatchNorm expects [n, \(gamma.count)], got \(x.shape)")
        guard isTraining else {
            return (x - runningMean) / sqrt(runningVariance + epsilon) * gamma + beta
        }
        let n = Double(x.shape[0])
        engineRequire(n > 1, "batch norm needs more than one sample per batch in training")
        let mean = x.mean(axis: 0)
        let centered = x - mean
        let variance = (centered * centered).mean(axis: 0)
        runningMean = ((1 - momentum) * runningMean + momentum * mean).detached()
        runningVariance = ((1 - momentum) * runningVariance + momentum * variance * (n / (n - 1))).detached()
        return centered / sqrt(variance + epsilon) * gamma + beta
    }

    /// γ, then β (torch's `weight`, `bias` order).
    public var parameters: [Tensor] { [gamma, beta] }

    public func setTraining(_ training: Bool) { isTraining = training }
}

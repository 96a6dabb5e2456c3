/// Batch normalisation of images, per channel: an input [N, C, H, W] is standardised over N, H
/// and W for each of the C channels, then scaled by `weight` and shifted by `bias` (Ioffe &
/// Szegedy, 2015). Mirrors `torch.nn.BatchNorm2d(num_features, eps=1e-5, momentum=0.1)`.
///
/// Training (the initial mode, `train()`): uses the batch mean and biased variance and updates
/// `runningMean`/`runningVar` as running ← (1 − momentum)·running + momentum·batch, with the
/// unbiased variance (N·H·W − 1 denominator) for `runningVar`; `numBatchesTracked` counts the
/// updates, and `momentum: nil` uses 1/numBatchesTracked (a cumulative average), as torch.
/// Evaluation (`eval()`): uses the running statistics. With `trackRunningStats: false` there are
/// none and batch statistics are used in both modes. `weight` (ones) and `bias` (zeros) exist
/// when `affine`. Differentiable in the input, `weight` and `bias`. Traps on a shape other than
/// [N, C, H, W] or on a single value per channel when batch statistics are used.
public final class BatchNorm2d: Layer {
    /// C, the number of channels (torch's `num_features`).
    public let numFeatures: Int
    /// ε added to the variance (default 1e-5).
    public let eps: Double
    /// Weight of the new batch in the running statistics (default 0.1); nil: a cumulative average.
    public let momentum: Double?
    /// Whether running statistics are kept and used in evaluation (default true).
    public let trackRunningStats: Bool
    /// Per-channel scale γ [numFeatures] (nil without affine).
    public var weight: Tensor?
    /// Per-channel shift β [numFeatures] (nil without affine).
    public var bias: Tensor?
    /// Running mean [numFeatures], starting at zeros; not trained by gradients.
    public var runningMean: Tensor
    /// Running unbiased variance [numFeatures], starting at ones; not trained by gradients.
    public var runningVar: Tensor
    /// Training batches seen (torch's `num_batches_tracked`).
    public private(set) var numBatchesTracked = 0
    /// True in training mode (the initial one), false after `eval()`.
    public private(set) var isTraining = true

    /// Batch norm over `numFeatures` channels: `eps` 1e-5, `momentum` 0.1, `affine` and
    /// `trackRunningStats` true by default, as `torch.nn.BatchNorm2d`.
    public init(_ numFeatures: Int, eps: Double = 1e-5, momentum: Double? = 0.1, affine: Bool = true,
                trackRunningStats: Bool = true) {
        (self.numFeatures, self.eps, self.momentum, self.trackRunningStats) = (numFeatures, eps, momentum, trackRunningStats)
        if affine {
            weight = Tensor.ones([numFeatures], requiresGrad: true)
            bias = Tensor.zeros([numFeatures], requiresGrad: true)
        }
        runningMean = Tensor.zeros([numFeatures])
        runningVar = Tensor.ones([numFeatures])
    }

    /// Normalises `x` [N, C, H, W] per channel (same shape out). Traps on another shape or, with
    /// batch statistics, on a single value per channel.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        engineRequire(x.rank == 4 && x.shape[1] == numFeatures, "BatchNorm2d(\(numFeatures)) expects [N, \(numFeatures), H, W], got \(x.shape)")
        var y: Tensor
        if isTraining || !trackRunningStats {
            // Channels first, so that each channel's values form one row to standardise.
            let perChannel = x.permuted([1, 0, 2, 3])
            let count = perChannel.count / numFeatures
            engineRequire(count > 1, "BatchNorm2d needs more than one value per channel in training, got \(x.shape)")
            let (normalized, mean, variance) = standardizedRows(perChannel, width: count, eps: eps)
            y = normalized.permuted([1, 0, 2, 3])
            if isTraining && trackRunningStats {
                numBatchesTracked += 1
                let factor = momentum ?? 1 / Double(numBatchesTracked)
                let unbiased = Double(count) / Double(count - 1)
                for c in 0..<numFeatures {
                    runningMean.data[c] = (1 - factor) * runningMean.data[c] + factor * mean[c]
                    runningVar.data[c] = (1 - factor) * runningVar.data[c] + factor * variance[c] * unbiased
                }
            }
        } else {
            let inverseStd = Tensor(shape: [numFeatures], data: runningVar.data.map { 1 / ($0 + eps).squareRoot() })
            y = (x - channelShaped(runningMean, rank: 4)) * channelShaped(inverseStd, rank: 4)
        }
        if let weight { y = y * channelShaped(weight, rank: 4) }
        if let bias { y = y + channelShaped(bias, rank: 4) }
        return y
    }

    /// `weight`, then `bias`, when `affine` (none otherwise).
    public var parameters: [Tensor] { [weight, bias].compactMap { $0 } }

    public func setTraining(_ training: Bool) { isTraining = training }
}

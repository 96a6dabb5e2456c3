/// Divides the learning rate when a metric stops improving, as
/// `torch.optim.lr_scheduler.ReduceLROnPlateau`: call `step(metric)` once per epoch with, e.g.,
/// the validation loss. After more than `patience` (default 10) epochs without improvement each
/// group's rate becomes max(lr·factor, minLR) (factor default 0.1; changes smaller than `eps`
/// 1e-8 are skipped), then `cooldown` epochs (default 0) pass before counting again.
///
/// "Improvement" with `mode` "min" (default) and `thresholdMode` "rel" (default) means
/// metric < best·(1 − threshold), threshold 1e-4; "abs" means metric < best − threshold; mode
/// "max" mirrors both. Traps on other modes or factor ≥ 1.
///
/// Not an `LRScheduler`: its step needs the metric (torch's `SequentialLR` refuses it too).
public final class ReduceLROnPlateau {
    /// The optimizer whose groups' learning rates this scheduler reduces.
    public let optimizer: Optimizer
    /// "min" (lower metric is better) or "max".
    public let mode: String
    /// The factor of each reduction.
    public let factor: Double
    /// Epochs without improvement tolerated before a reduction.
    public let patience: Int
    /// How much better than the best a metric must be to count as an improvement.
    public let threshold: Double
    /// "rel" (threshold relative to the best) or "abs".
    public let thresholdMode: String
    /// Epochs after a reduction during which bad epochs are not counted.
    public let cooldown: Int
    /// The lowest rate of each group (torch's `min_lrs`).
    public let minLRs: [Double]
    /// Reductions smaller than this are skipped.
    public let eps: Double
    /// The best metric so far, the epochs since it, and the cooldown epochs left.
    public private(set) var best: Double
    /// Epochs in a row without improvement (torch's `num_bad_epochs`).
    public private(set) var numBadEpochs = 0
    /// Cooldown epochs left after the last reduction (torch's `cooldown_counter`).
    public private(set) var cooldownCounter = 0
    /// The number of `step(_:)` calls so far (torch's `last_epoch`).
    public private(set) var lastEpoch = 0
    private var lastLRs: [Double]

    /// One minimum rate per group (or one for all) in `minLR`.
    public init(_ optimizer: Optimizer, mode: String = "min", factor: Double = 0.1, patience: Int = 10,
                threshold: Double = 1e-4, thresholdMode: String = "rel", cooldown: Int = 0, minLR: [Double] = [0],
                eps: Double = 1e-8) {
        engineRequire(factor < 1, "ReduceLROnPlateau needs factor < 1, got \(factor)")
        engineRequire(mode == "min" || mode == "max", "ReduceLROnPlateau: mode must be \"min\" or \"max\", got \"\(mode)\"")
        engineRequire(thresholdMode == "rel" || thresholdMode == "abs",
                     "ReduceLROnPlateau: thresholdMode must be \"rel\" or \"abs\", got \"\(thresholdMode)\"")
        let groups = optimizer.paramGroups.count
        engineRequire(minLR.count == 1 || minLR.count == groups, "ReduceLROnPlateau: \(minLR.count) minLR values for \(groups) groups")
        self.optimizer = optimizer
        self.mode = mode
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.thresholdMode = thresholdMode
        self.cooldown = cooldown
        minLRs = minLR.count == 1 ? Array(repeating: minLR[0], count: groups) : minLR
        self.eps = eps
        best = mode == "min" ? .infinity : -.infinity
        lastLRs = optimizer.paramGroups.map(\.learningRate)
    }

    /// The same minimum rate for every group.
    public convenience init(_ optimizer: Optimizer, mode: String = "min", factor: Double = 0.1, patience: Int = 10,
                            threshold: Double = 1e-4, thresholdMode: String = "rel", cooldown: Int = 0, minLR: Double,
                            eps: Double = 1e-8) {
        self.init(optimizer, mode: mode, factor: factor, patience: patience, threshold: threshold,
                  thresholdMode: thresholdMode, cooldown: cooldown, minLR: [minLR], eps: eps)
    }

    /// Records one epoch's `metric` and reduces the rates if it has not improved for too long.
    public func step(_ metric: Double) {
        lastEpoch += 1
        if isBetter(metric) {
            best = metric
            numBadEpochs = 0
        } else {
            numBadEpochs += 1
        }
        if cooldownCounter > 0 {
            cooldownCounter -= 1
            numBadEpochs = 0
        }
        if numBadEpochs > patience {
            for (group, minimum) in zip(optimizer.paramGroups, minLRs) {
                let reduced = Swift.max(group.learningRate * factor, minimum)
                if group.learningRate - reduced > eps { group.learningRate = reduced }
            }
            cooldownCounter = cooldown
            numBadEpochs = 0
        }
        lastLRs = optimizer.paramGroups.map(\.learningRate)
    }

    /// The learning rates after the last step, one per group (torch's `get_last_lr()`).
    public func getLastLR() -> [Double] { lastLRs }

    private func isBetter(_ metric: Double) -> Bool {
        switch (mode, thresholdMode) {
        case ("min", "rel"): return metric < best * (1 - threshold)
        case ("min", _): return metric < best - threshold
        case (_, "rel"): return metric > best * (1 + threshold)
        default: return metric > best + threshold
        }
    }
}

/// Scales each group's learning rate by a factor that moves linearly from `startFactor`
/// (default 1/3) to `endFactor` (default 1) over `totalIters` epochs (default 5), then stays, as
/// `torch.optim.lr_scheduler.LinearLR` (a warm-up when startFactor < endFactor). Traps unless
/// 0 < startFactor ≤ 1, 0 ≤ endFactor ≤ 1 and totalIters > 0.
public final class LinearLR: LRScheduler {
    /// The factor at epoch 0.
    public let startFactor: Double
    /// The factor from epoch `totalIters` on.
    public let endFactor: Double
    /// Epochs of the linear change (torch's `total_iters`).
    public let totalIters: Int

    /// Attaches to `optimizer` and sets epoch 0's rates.
    public init(_ optimizer: Optimizer, startFactor: Double = 1.0 / 3, endFactor: Double = 1, totalIters: Int = 5) {
        engineRequire(startFactor > 0 && startFactor <= 1, "LinearLR needs 0 < startFactor ≤ 1, got \(startFactor)")
        engineRequire(endFactor >= 0 && endFactor <= 1, "LinearLR needs 0 ≤ endFactor ≤ 1, got \(endFactor)")
        engineRequire(totalIters > 0, "LinearLR needs totalIters > 0, got \(totalIters)")
        self.startFactor = startFactor
        self.endFactor = endFactor
        self.totalIters = totalIters
        super.init(optimizer)
    }

    public override func getLR() -> [Double] {
        if lastEpoch == 0 { return currentRates.map { $0 * startFactor } }
        if isInitial || lastEpoch > totalIters { return currentRates }
        let change = endFactor - startFactor
        return currentRates.map {
            $0 * (1 + change / (Double(totalIters) * startFactor + Double(lastEpoch - 1) * change))
        }
    }

    public override func closedFormLR() -> [Double]? {
        baseLRs.map { $0 * (startFactor + (endFactor - startFactor) * Double(Swift.min(totalIters, lastEpoch)) / Double(totalIters)) }
    }
}

import Foundation

/// Multiplies each group's learning rate by `gamma` (default 0.1) at each epoch in `milestones`
/// (a milestone listed twice multiplies by γ²), as `torch.optim.lr_scheduler.MultiStepLR`.
public final class MultiStepLR: LRScheduler {
    /// The epochs at which the rate decays, sorted.
    public let milestones: [Int]
    /// The factor of each decay.
    public let gamma: Double

    /// Attaches to `optimizer` and sets epoch 0's rates.
    public init(_ optimizer: Optimizer, milestones: [Int], gamma: Double = 0.1) {
        self.milestones = milestones.sorted()
        self.gamma = gamma
        super.init(optimizer)
    }

    public override func getLR() -> [Double] {
        let hits = milestones.filter { $0 == lastEpoch }.count
        if hits == 0 { return currentRates }
        return currentRates.map { $0 * Foundation.pow(gamma, Double(hits)) }
    }

    public override func closedFormLR() -> [Double]? {
        let passed = milestones.filter { $0 <= lastEpoch }.count
        return baseLRs.map { $0 * Foundation.pow(gamma, Double(passed)) }
    }
}

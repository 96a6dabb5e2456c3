import Foundation

/// Multiplies each group's learning rate by `gamma` (default 0.1) every `stepSize` epochs, as
/// `torch.optim.lr_scheduler.StepLR`: lr = base·γ^⌊epoch / stepSize⌋. Traps if stepSize ≤ 0.
public final class StepLR: LRScheduler {
    /// Epochs between two decays (torch's `step_size`).
    public let stepSize: Int
    /// The factor of each decay.
    public let gamma: Double

    /// Attaches to `optimizer` and sets epoch 0's rates.
    public init(_ optimizer: Optimizer, stepSize: Int, gamma: Double = 0.1) {
        engineRequire(stepSize > 0, "StepLR needs stepSize > 0, got \(stepSize)")
        self.stepSize = stepSize
        self.gamma = gamma
        super.init(optimizer)
    }

    public override func getLR() -> [Double] {
        if lastEpoch == 0 || lastEpoch % stepSize != 0 { return currentRates }
        return currentRates.map { $0 * gamma }
    }

    public override func closedFormLR() -> [Double]? {
        baseLRs.map { $0 * Foundation.pow(gamma, Double(lastEpoch / stepSize)) }
    }
}

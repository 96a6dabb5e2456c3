import Foundation

/// Multiplies each group's learning rate by `gamma` every epoch, as
/// `torch.optim.lr_scheduler.ExponentialLR`: lr = base·γ^epoch.
public final class ExponentialLR: LRScheduler {
    /// The factor per epoch.
    public let gamma: Double

    /// Attaches to `optimizer` and sets epoch 0's rates.
    public init(_ optimizer: Optimizer, gamma: Double) {
        self.gamma = gamma
        super.init(optimizer)
    }

    public override func getLR() -> [Double] {
        isInitial ? currentRates : currentRates.map { $0 * gamma }
    }

    public override func closedFormLR() -> [Double]? {
        baseLRs.map { $0 * Foundation.pow(gamma, Double(lastEpoch)) }
    }
}

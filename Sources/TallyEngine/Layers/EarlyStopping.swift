/// Stops training once the validation loss has not improved by more than `minDelta` for
/// `patience` epochs in a row.
///
///     var stopper = EarlyStopping(patience: 5)
///     for epoch in 0..<1000 { …; if stopper.shouldStop(validationLoss: loss) { break } }
///     stopper.bestEpoch   // restore or report the weights from here
public struct EarlyStopping: Sendable {
    /// Epochs without improvement allowed before stopping.
    public let patience: Int
    /// How much lower than the best a loss must be to count as an improvement (default 0).
    public let minDelta: Double
    /// The lowest validation loss so far (∞ before the first epoch).
    public private(set) var bestLoss = Double.infinity
    /// The epoch (0-based) of `bestLoss`; nil before the first epoch.
    public private(set) var bestEpoch: Int?
    /// Epochs in a row since the last improvement.
    public private(set) var epochsWithoutImprovement = 0
    private var epoch = -1

    /// Stops after `patience` epochs without an improvement of more than `minDelta` (default 0).
    public init(patience: Int, minDelta: Double = 0) {
        self.patience = patience
        self.minDelta = minDelta
    }

    /// Records one epoch's validation loss; true when it is time to stop.
    public mutating func shouldStop(validationLoss loss: Double) -> Bool {
        epoch += 1
        if loss < bestLoss - minDelta {
            bestLoss = loss
            bestEpoch = epoch
            epochsWithoutImprovement = 0
        } else {
            epochsWithoutImprovement += 1
        }
        return epochsWithoutImprovement >= patience
    }
}

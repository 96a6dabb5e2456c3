import Foundation

/// Cosine annealing (Loshchilov & Hutter, 2017, without restarts), as
/// `torch.optim.lr_scheduler.CosineAnnealingLR(T_max, eta_min)`: from each group's base rate
/// down to `etaMin` (default 0) along half a cosine over `tMax` epochs, then back up (the
/// schedule is periodic with period 2·tMax); in closed form
/// etaMin + (base − etaMin)·(1 + cos(π·epoch / tMax)) / 2. Traps if tMax ≤ 0.
public final class CosineAnnealingLR: LRScheduler {
    /// Half the period, in epochs (torch's `T_max`).
    public let tMax: Int
    /// The lowest rate (torch's `eta_min`).
    public let etaMin: Double

    /// Attaches to `optimizer` and sets epoch 0's rates.
    public init(_ optimizer: Optimizer, tMax: Int, etaMin: Double = 0) {
        engineRequire(tMax > 0, "CosineAnnealingLR needs tMax > 0, got \(tMax)")
        self.tMax = tMax
        self.etaMin = etaMin
        super.init(optimizer)
    }

    public override func getLR() -> [Double] {
        let (t, period) = (Double(lastEpoch), Double(tMax))
        if isInitial { return currentRates }
        if (lastEpoch - 1 - tMax) % (2 * tMax) == 0 {
            return zip(currentRates, baseLRs).map { lr, base in
                lr + (base - etaMin) * (1 - Foundation.cos(Double.pi / period)) / 2
            }
        }
        return currentRates.map { lr in
            (1 + Foundation.cos(Double.pi * t / period)) / (1 + Foundation.cos(Double.pi * (t - 1) / period))
                * (lr - etaMin) + etaMin
        }
    }

    public override func closedFormLR() -> [Double]? {
        baseLRs.map { etaMin + ($0 - etaMin) * (1 + Foundation.cos(Double.pi * Double(lastEpoch) / Double(tMax))) / 2 }
    }
}

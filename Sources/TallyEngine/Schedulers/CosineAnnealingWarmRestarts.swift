import Foundation

/// Cosine annealing with warm restarts (SGDR, Loshchilov & Hutter, 2017), as
/// `torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)`: the rate falls
/// from each group's base rate towards `etaMin` (default 0) as
/// etaMin + (base − etaMin)·(1 + cos(π·T_cur / T_i)) / 2 and restarts after T_i epochs; the
/// first period is `t0`, each next one `tMult` (default 1) times longer. Traps unless t0 ≥ 1
/// and tMult ≥ 1.
public final class CosineAnnealingWarmRestarts: LRScheduler {
    /// The first period, in epochs (torch's `T_0`).
    public let t0: Int
    /// How much longer each period is than the one before (torch's `T_mult`).
    public let tMult: Int
    /// The lowest rate (torch's `eta_min`).
    public let etaMin: Double
    /// Epochs since the last restart, and the current period (torch's T_cur and T_i).
    public private(set) var tCur: Int
    /// The current period T_i, in epochs.
    public private(set) var tI: Int

    /// Attaches to `optimizer` and sets epoch 0's rates.
    public init(_ optimizer: Optimizer, t0: Int, tMult: Int = 1, etaMin: Double = 0) {
        engineRequire(t0 >= 1, "CosineAnnealingWarmRestarts needs t0 ≥ 1, got \(t0)")
        engineRequire(tMult >= 1, "CosineAnnealingWarmRestarts needs tMult ≥ 1, got \(tMult)")
        self.t0 = t0
        self.tMult = tMult
        self.etaMin = etaMin
        tCur = -1
        tI = t0
        super.init(optimizer)
    }

    public override func getLR() -> [Double] {
        baseLRs.map { etaMin + ($0 - etaMin) * (1 + Foundation.cos(Double.pi * Double(tCur) / Double(tI))) / 2 }
    }

    /// Advances T_cur by one epoch, restarting (and lengthening the period by tMult) when it
    /// reaches T_i; the first call (from the constructor) starts at epoch 0.
    public override func step() {
        stepCount += 1
        if lastEpoch < 0 {
            tI = t0
            tCur = 0
            lastEpoch = 0
        } else {
            lastEpoch += 1
            tCur += 1
            if tCur >= tI {
                tCur %= tI
                tI *= tMult
            }
        }
        setRates(getLR())
    }
}

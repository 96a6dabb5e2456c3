import Foundation

/// The 1cycle policy (Smith & Topin, 2017), as `torch.optim.lr_scheduler.OneCycleLR`, stepped
/// once per batch for `totalSteps` steps (or `epochs · stepsPerEpoch`; traps if neither is
/// given, and if stepped past the total). The rate rises from maxLR/divFactor to `maxLR` over
/// the first `pctStart` of the steps, then anneals to (maxLR/divFactor)/finalDivFactor; with
/// `threePhase` it comes back down to the start symmetrically before the final annealing.
/// `annealStrategy` is "cos" (default) or "linear".
///
/// With `cycleMomentum` (default true, as torch) the momentum moves inversely between
/// `maxMomentum` (0.95) and `baseMomentum` (0.85): SGD's and RMSprop's `momentum`, Adam's and
/// AdamW's β₁; other optimizers trap (torch raises). Defaults are torch's: pctStart 0.3,
/// divFactor 25, finalDivFactor 1e4. `maxLR` has one value per group or one for all.
public final class OneCycleLR: LRScheduler {
    /// The number of steps of the cycle (torch's `total_steps`).
    public let totalSteps: Int
    let phases: [(endStep: Double, startLR: KeyPath<Bounds, Double>, endLR: KeyPath<Bounds, Double>,
                  startMomentum: KeyPath<Bounds, Double>, endMomentum: KeyPath<Bounds, Double>)]
    let annealStrategy: String
    /// Whether the momentum (or β₁) moves against the rate.
    public let cycleMomentum: Bool
    /// Per group: the starting, largest and final rates, and the momentum range.
    struct Bounds {
        let initialLR, maxLR, minLR, maxMomentum, baseMomentum: Double
    }
    let bounds: [Bounds]

    /// One peak rate per parameter group (or one for all); attaches, sets each group's initial
    /// rate maxLR/divFactor (and momentum to maxMomentum) and takes step 0.
    public init(_ optimizer: Optimizer, maxLR: [Double], totalSteps: Int? = nil, epochs: Int? = nil,
                stepsPerEpoch: Int? = nil, pctStart: Double = 0.3, annealStrategy: String = "cos",
                cycleMomentum: Bool = true, baseMomentum: Double = 0.85, maxMomentum: Double = 0.95,
                divFactor: Double = 25, finalDivFactor: Double = 1e4, threePhase: Bool = false) {
        if let totalSteps {
            engineRequire(totalSteps > 0, "OneCycleLR needs totalSteps > 0, got \(totalSteps)")
            self.totalSteps = totalSteps
        } else if let epochs, let stepsPerEpoch {
            engineRequire(epochs > 0 && stepsPerEpoch > 0, "OneCycleLR needs positive epochs and stepsPerEpoch")
            self.totalSteps = epochs * stepsPerEpoch
        } else {
            engineFailure("OneCycleLR needs totalSteps, or epochs and stepsPerEpoch")
        }
        engineRequire(pctStart >= 0 && pctStart <= 1, "OneCycleLR needs pctStart in [0, 1], got \(pctStart)")
        engineRequire(annealStrategy == "cos" || annealStrategy == "linear",
                     "OneCycleLR: annealStrategy must be \"cos\" or \"linear\", got \"\(annealStrategy)\"")
        let groups = optimizer.paramGroups
        engineRequire(maxLR.count == 1 || maxLR.count == groups.count,
                     "OneCycleLR: \(maxLR.count) maxLR values for \(groups.count) parameter groups")
        let total = Double(self.totalSteps)
        if threePhase {
            phases = [(pctStart * total - 1, \.initialLR, \.maxLR, \.maxMomentum, \.baseMomentum),
                      (2 * pctStart * total - 2, \.maxLR, \.initialLR, \.baseMomentum, \.maxMomentum),
                      (total - 1, \.initialLR, \.minLR, \.maxMomentum, \.maxMomentum)]
        } else {
            phases = [(pctStart * total - 1, \.initialLR, \.maxLR, \.maxMomentum, \.baseMomentum),
                      (total - 1, \.maxLR, \.minLR, \.baseMomentum, \.maxMomentum)]
        }
        self.annealStrategy = annealStrategy
        self.cycleMomentum = cycleMomentum
        bounds = groups.indices.map { i in
            let peak = maxLR.count == 1 ? maxLR[0] : maxLR[i]
            return Bounds(initialLR: peak / divFactor, maxLR: peak, minLR: peak / divFactor / finalDivFactor,
                          maxMomentum: maxMomentum, baseMomentum: baseMomentum)
        }
        for (group, bound) in zip(groups, bounds) {
            group.initialLearningRate = bound.initialLR
            if cycleMomentum {
                engineRequire(group.cycledMomentum != nil,
                             "OneCycleLR with cycleMomentum needs an optimizer with momentum or β₁, got \(type(of: group))")
                group.cycledMomentum = maxMomentum
            }
        }
        super.init(optimizer)
    }

    /// The same peak rate for every group.
    public convenience init(_ optimizer: Optimizer, maxLR: Double, totalSteps: Int? = nil, epochs: Int? = nil,
                            stepsPerEpoch: Int? = nil, pctStart: Double = 0.3, annealStrategy: String = "cos",
                            cycleMomentum: Bool = true, baseMomentum: Double = 0.85, maxMomentum: Double = 0.95,
                            divFactor: Double = 25, finalDivFactor: Double = 1e4, threePhase: Bool = false) {
        self.init(optimizer, maxLR: [maxLR], totalSteps: totalSteps, epochs: epochs, stepsPerEpoch: stepsPerEpoch,
                  pctStart: pctStart, annealStrategy: annealStrategy, cycleMomentum: cycleMomentum,
                  baseMomentum: baseMomentum, maxMomentum: maxMomentum, divFactor: divFactor,
                  finalDivFactor: finalDivFactor, threePhase: threePhase)
    }

    func anneal(_ start: Double, _ end: Double, _ pct: Double) -> Double {
        annealStrategy == "cos" ? end + (start - end) / 2 * (Foundation.cos(Double.pi * pct) + 1) : (end - start) * pct + start
    }

    public override func getLR() -> [Double] {
        let step = Double(lastEpoch)
        engineRequire(lastEpoch <= totalSteps, "OneCycleLR stepped \(lastEpoch) times, total steps is \(totalSteps)")
        return zip(optimizer.paramGroups, bounds).map { group, bound in
            var start = 0.0
            for (i, phase) in phases.enumerated() {
                if step <= phase.endStep || i == phases.count - 1 {
                    let pct = (step - start) / (phase.endStep - start)
                    if cycleMomentum {
                        group.cycledMomentum = anneal(bound[keyPath: phase.startMomentum], bound[keyPath: phase.endMomentum], pct)
                    }
                    return anneal(bound[keyPath: phase.startLR], bound[keyPath: phase.endLR], pct)
                }
                start = phase.endStep
            }
            fatalError("unreachable: the last phase always matches")
        }
    }
}

extension Optimizer {
    /// The momentum OneCycleLR cycles: SGD's and RMSprop's `momentum`, Adam's (and AdamW's) β₁;
    /// nil for optimizers without one.
    var cycledMomentum: Double? {
        get {
            if let sgd = self as? SGD { return sgd.momentum }
            if let rmsprop = self as? RMSprop { return rmsprop.momentum }
            if let adam = self as? Adam { return adam.beta1 }
            return nil
        }
        set {
            guard let newValue else { return }
            if let sgd = self as? SGD { sgd.momentum = newValue }
            if let rmsprop = self as? RMSprop { rmsprop.momentum = newValue }
            if let adam = self as? Adam { adam.beta1 = newValue }
        }
    }
}

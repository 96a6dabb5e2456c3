/// Base of the learning-rate schedulers, designed like `torch.optim.lr_scheduler.LRScheduler`:
/// created on an optimizer (it sets the learning rate of every parameter group at once, epoch 0),
/// then `step()` once per epoch after `optimizer.step()` moves to the next epoch's rate.
///
///     let optimizer = SGD(model.parameters, learningRate: 0.1)
///     let scheduler = StepLR(optimizer, stepSize: 30, gamma: 0.1)
///     for epoch in 0..<100 {
///         train(…)            // optimizer.step() per batch
///         scheduler.step()
///     }
///
/// As torch, `step()` uses each scheduler's recursive ("chainable") rule, which updates the
/// group's current rate, so schedulers can be combined (`SequentialLR`, or two schedulers stepped
/// one after the other); the first scheduler attached records each group's starting rate
/// (`Optimizer.initialLearningRate`, torch's `initial_lr`) and all of them use it as `baseLRs`.
/// The closed forms stay available as `LearningRateSchedule`.
///
/// Subclass it and override `getLR()` (and `closedFormLR()` if there is one) for a schedule of
/// your own.
open class LRScheduler {
    /// The optimizer whose groups' learning rates this scheduler sets.
    public let optimizer: Optimizer
    /// Each group's starting learning rate (torch's `base_lrs`).
    public let baseLRs: [Double]
    /// The epoch the current rates belong to: 0 after construction (torch's `last_epoch`).
    public internal(set) var lastEpoch: Int
    /// True during the step the constructor takes (torch's `_is_initial`).
    public internal(set) var isInitial = false
    /// How many times `step()` ran, the constructor's included (torch's `_step_count`).
    public internal(set) var stepCount = 0
    var lastLRs: [Double] = []

    /// Attaches to `optimizer` and sets epoch 0's rates.
    public init(_ optimizer: Optimizer) {
        self.optimizer = optimizer
        for group in optimizer.paramGroups where group.initialLearningRate == nil {
            group.initialLearningRate = group.learningRate
        }
        baseLRs = optimizer.paramGroups.map { $0.initialLearningRate! }
        lastEpoch = -1
        initialStep()
    }

    /// For schedulers that take no step on construction (`SequentialLR`).
    init(attachingWithoutStep optimizer: Optimizer) {
        self.optimizer = optimizer
        baseLRs = optimizer.paramGroups.map { $0.initialLearningRate ?? $0.learningRate }
        lastEpoch = 0
    }

    func initialStep() {
        stepCount = 0
        isInitial = true
        step()
        isInitial = false
    }

    /// Moves to the next epoch and sets every group's learning rate to `getLR()`.
    open func step() {
        stepCount += 1
        updateLR(closedFormAt: nil)
    }

    /// Sets the rates of the next epoch (`epoch` nil, by `getLR()`) or of `epoch` (by
    /// `closedFormLR()` where the scheduler has one), as torch's `_update_lr`.
    func updateLR(closedFormAt epoch: Int?) {
        let values: [Double]
        if let epoch {
            lastEpoch = epoch
            values = closedFormLR() ?? getLR()
        } else {
            lastEpoch += 1
            values = getLR()
        }
        setRates(values)
    }

    func setRates(_ values: [Double]) {
        let groups = optimizer.paramGroups
        engineRequire(values.count == groups.count, "\(values.count) learning rates for \(groups.count) parameter groups")
        for (group, rate) in zip(groups, values) { group.learningRate = rate }
        lastLRs = currentRates
    }

    /// The learning rates of epoch `lastEpoch`, one per group, from the groups' current rates.
    open func getLR() -> [Double] {
        fatalError("\(type(of: self)) must override getLR()")
    }

    /// The rates of epoch `lastEpoch` from `baseLRs` alone, or nil if the schedule has no closed form.
    open func closedFormLR() -> [Double]? { nil }

    /// The learning rates the last step set, one per parameter group (torch's `get_last_lr()`).
    public func getLastLR() -> [Double] { lastLRs }

    /// The groups' learning rates right now.
    var currentRates: [Double] { optimizer.paramGroups.map(\.learningRate) }

    /// Takes back one epoch count, as torch's `recursive_undo` when `SequentialLR` is built.
    func undoStep() { lastEpoch -= 1 }
}

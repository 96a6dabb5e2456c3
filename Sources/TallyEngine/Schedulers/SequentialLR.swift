/// Runs schedulers one after another, as `torch.optim.lr_scheduler.SequentialLR`: scheduler i
/// is stepped during the epochs from milestone i − 1 up to milestone i; at each milestone the
/// next one restarts from epoch 0 (its closed form at 0, where it has one). On construction each
/// group's rate goes back to its initial rate and only the first scheduler takes its epoch-0 step
/// (undoing the steps the schedulers took when they were built), as torch.
///
///     let warmup = LinearLR(optimizer, startFactor: 0.1, totalIters: 5)
///     let decay = CosineAnnealingLR(optimizer, tMax: 95)
///     let scheduler = SequentialLR(optimizer, schedulers: [warmup, decay], milestones: [5])
///
/// Traps unless there is one milestone fewer than schedulers and all share `optimizer`.
public final class SequentialLR: LRScheduler {
    /// The schedulers, in the order they take over.
    public let schedulers: [LRScheduler]
    /// The epochs at which the next scheduler takes over.
    public let milestones: [Int]

    /// Chains `schedulers` (all built on `optimizer`) at `milestones`.
    public init(_ optimizer: Optimizer, schedulers: [LRScheduler], milestones: [Int]) {
        engineRequire(!schedulers.isEmpty, "SequentialLR needs at least one scheduler")
        engineRequire(milestones.count == schedulers.count - 1,
                     "SequentialLR: \(milestones.count) milestones for \(schedulers.count) schedulers (need one fewer)")
        engineRequire(schedulers.allSatisfy { $0.optimizer === optimizer }, "SequentialLR: all schedulers must share the optimizer")
        self.schedulers = schedulers
        self.milestones = milestones
        super.init(attachingWithoutStep: optimizer)
        for group in optimizer.paramGroups { group.learningRate = group.initialLearningRate ?? group.learningRate }
        for scheduler in schedulers { scheduler.undoStep() }
        let first = schedulers[index(at: 0)]
        first.initialStep()
        lastLRs = first.getLastLR()
    }

    /// The scheduler in charge at `epoch` (bisect_right over the milestones).
    private func index(at epoch: Int) -> Int { milestones.filter { $0 <= epoch }.count }

    public override func step() {
        lastEpoch += 1
        stepCount += 1
        let i = index(at: lastEpoch)
        let scheduler = schedulers[i]
        if i > 0 && milestones[i - 1] == lastEpoch {
            scheduler.updateLR(closedFormAt: 0)
        } else {
            scheduler.step()
        }
        lastLRs = scheduler.getLastLR()
    }

    override func undoStep() {
        for scheduler in schedulers { scheduler.undoStep() }
    }
}

/// One optimizer over several parameter groups, each with its own options, as torch's
/// `param_groups`. Each group is an optimizer of the same kind built with that group's options;
/// `step()` steps every group, `zeroGrad()` clears all their parameters, and schedulers set
/// every group's learning rate (`paramGroups`).
///
///     // torch: Adam([{"params": [w]}, {"params": [b], "lr": 0.1, "amsgrad": True}], lr=0.01)
///     let optimizer = ParameterGroups([
///         Adam([w], learningRate: 0.01),
///         Adam([b], learningRate: 0.1, amsgrad: true),
///     ])
///
/// `learningRate` reads the first group's and sets every group's. Traps if `groups` is empty,
/// mixes kinds of optimizer, or shares a parameter between groups (torch raises on both).
public final class ParameterGroups: Optimizer {
    /// The groups, in order; each holds its parameters, options and state.
    public let groups: [Optimizer]

    /// Steps `groups` together (one optimizer per group, all of one kind).
    public init(_ groups: [Optimizer]) {
        engineRequire(!groups.isEmpty, "ParameterGroups needs at least one group")
        engineRequire(Set(groups.map { ObjectIdentifier(type(of: $0)) }).count == 1,
                     "ParameterGroups: all groups must be the same kind of optimizer, got \(groups.map { type(of: $0) })")
        let all = groups.flatMap(\.parameters)
        engineRequire(Set(all.map(ObjectIdentifier.init)).count == all.count,
                     "ParameterGroups: a parameter appears in more than one group")
        self.groups = groups
        super.init(all, learningRate: groups[0].learningRate)
    }

    public override var paramGroups: [Optimizer] { groups }

    /// The first group's learning rate; setting it sets every group's.
    public override var learningRate: Double {
        get { groups[0].learningRate }
        set { for group in groups { group.learningRate = newValue } }
    }

    /// Steps every group with its own options.
    public override func step() {
        for group in groups { group.step() }
    }
}

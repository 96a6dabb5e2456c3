/// Base of the optimizers, designed like `torch.optim.Optimizer`: it holds the parameter
/// tensors, `step()` updates them from their `grad` (parameters without a gradient are
/// skipped), and `zeroGrad()` clears the gradients before the next backward pass.
///
///     let optimizer = Adam(model.parameters, learningRate: 0.01)
///     for _ in 0..<100 {
///         optimizer.zeroGrad()
///         let loss = mseLoss(model(x), y)
///         loss.backward()
///         optimizer.step()
///     }
///
/// Every optimizer takes `maximize` (default false, as torch): it then ascends, using −g for
/// the gradient g (before weight decay is added, as torch). For parameter groups with their own
/// options (torch's `param_groups`), see `ParameterGroups`.
///
/// Subclass it and override `step()` to write an optimizer of your own.
open class Optimizer {
    /// The tensors it updates, in the order given.
    public let parameters: [Tensor]
    /// lr, the step size of the next `step()`; schedulers change it.
    public var learningRate: Double
    /// Ascend instead of descend (torch's `maximize`): `forEachParameter` hands out −grad.
    public var maximize = false
    /// The learning rate a scheduler started from (torch's `initial_lr` of a param group): set by
    /// the first `LRScheduler` attached, read by later ones as their base rate.
    public internal(set) var initialLearningRate: Double?

    /// The parameter groups, each an optimizer with its own options (torch's `param_groups`):
    /// `[self]` for a plain optimizer, the groups for `ParameterGroups`. Schedulers set each
    /// group's `learningRate`.
    open var paramGroups: [Optimizer] { [self] }
    private var steps: [Int]
    private var buffers: [String: StateBuffer] = [:]

    /// An optimizer over `parameters` with step size `learningRate`, for subclasses.
    public init(_ parameters: [Tensor], learningRate: Double) {
        self.parameters = parameters
        self.learningRate = learningRate
        steps = Array(repeating: 0, count: parameters.count)
    }

    /// Updates every parameter from its `grad` by the optimizer's rule (torch's `optimizer.step()`).
    /// The base class traps: subclasses override it.
    open func step() {
        fatalError("\(type(of: self)) must override step()")
    }

    /// Clears every parameter's gradient before the next backward pass (torch's `zero_grad`).
    public func zeroGrad() {
        for p in parameters { p.zeroGrad() }
    }

    /// Calls `update(index, values, gradient)` for each parameter that has a gradient, after
    /// counting one more step for it. The gradient is negated when `maximize` is set, then
    /// `weightDecay` λ adds λ·p to it (L2 penalty, PyTorch's `weight_decay`), in torch's order.
    public func forEachParameter(weightDecay: Double = 0,
                                 _ update: (_ index: Int, _ values: UnsafeMutableBufferPointer<Double>,
                                            _ gradient: UnsafeBufferPointer<Double>) -> Void) {
        let sign = maximize ? -1.0 : 1.0
        for (index, parameter) in parameters.enumerated() {
            guard let grad = parameter.grad?.data else { continue }
            steps[index] += 1
            parameter.data.withUnsafeMutableBufferPointer { p in
                let g = weightDecay == 0 ? (sign < 0 ? grad.map { -$0 } : grad)
                    : (0..<p.count).map { sign * grad[$0] + weightDecay * p[$0] }
                g.withUnsafeBufferPointer { g in update(index, p, g) }
            }
        }
    }

    /// How many steps parameter `index` has taken, counting the current one (t in the papers).
    public func stepCount(_ index: Int) -> Int { steps[index] }

    /// Named per-parameter state (a moment estimate, a momentum buffer, …), created on first
    /// use filled with `initialValue`, and updated in place.
    public func state(_ name: String, _ index: Int, initialValue: Double = 0) -> UnsafeMutableBufferPointer<Double> {
        let key = "\(name)#\(index)"
        if let buffer = buffers[key] { return buffer.values }
        // From the shape: the data may be under modification by forEachParameter right now.
        let buffer = StateBuffer(count: parameters[index].shape.product, value: initialValue)
        buffers[key] = buffer
        return buffer.values
    }
}

/// Fixed-size storage that the optimizer owns, so updates write in place without the copies
/// that mutating nested Swift arrays can trigger.
private final class StateBuffer {
    let values: UnsafeMutableBufferPointer<Double>

    init(count: Int, value: Double) {
        values = .allocate(capacity: count)
        values.initialize(repeating: value)
    }

    deinit { values.deallocate() }
}

/// Stochastic gradient descent with optional momentum, exactly as PyTorch's `torch.optim.SGD`
/// (same defaults and update rule). With gradient g (plus λp if weight decay λ ≠ 0):
///
///     b ← g on the first step, else μ·b + (1 − dampening)·g
///     d ← g + μ·b (Nesterov) or b (classical momentum); d = g when μ = 0
///     p ← p − lr·d
///
/// Whether this is batch, mini-batch or stochastic gradient descent depends only on how many
/// samples the loss averages over; see `miniBatches`.
public final class SGD: Optimizer {
    /// μ, the momentum (default 0: plain gradient descent).
    public var momentum: Double
    /// The dampening of the momentum buffer's new gradient (default 0).
    public var dampening: Double
    /// λ, added as λ·p to the gradient (L2; default 0).
    public var weightDecay: Double
    /// Nesterov momentum (default false).
    public var nesterov: Bool

    /// SGD over `parameters` with torch's defaults: lr 1e-3, no momentum, no dampening, no weight
    /// decay, not Nesterov, minimising. Traps on Nesterov without momentum or with dampening (torch raises).
    public init(_ parameters: [Tensor], learningRate: Double = 1e-3, momentum: Double = 0,
                dampening: Double = 0, weightDecay: Double = 0, nesterov: Bool = false, maximize: Bool = false) {
        engineRequire(!nesterov || (momentum > 0 && dampening == 0), "Nesterov momentum needs momentum > 0 and no dampening")
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        super.init(parameters, learningRate: learningRate)
        self.maximize = maximize
    }

    /// One SGD update of every parameter that has a gradient (see the rule above).
    public override func step() {
        // Constants, not class properties, in the loops (see Adam.step).
        let (lr, momentum, dampening, nesterov) = (learningRate, momentum, dampening, nesterov)
        forEachParameter(weightDecay: weightDecay) { i, p, g in
            guard momentum != 0 else {
                for j in p.indices { p[j] -= lr * g[j] }
                return
            }
            let first = stepCount(i) == 1
            let b = state("momentum", i)
            for j in p.indices {
                b[j] = first ? g[j] : momentum * b[j] + (1 - dampening) * g[j]
                p[j] -= lr * (nesterov ? g[j] + momentum * b[j] : b[j])
            }
        }
    }
}

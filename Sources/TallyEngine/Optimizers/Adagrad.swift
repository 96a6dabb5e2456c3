import Foundation

/// Adagrad, exactly as PyTorch's `torch.optim.Adagrad` (defaults lr 0.01, lr_decay 0,
/// ε = 1e-10, accumulator starting at 0):
///
///     lr_t ← lr / (1 + (t − 1)·lrDecay)
///     s ← s + g²
///     p ← p − lr_t·g / (√s + ε)
public final class Adagrad: Optimizer {
    /// The learning rate decay per step (torch's `lr_decay`, default 0).
    public var learningRateDecay: Double
    /// λ, added as λ·p to the gradient (L2; default 0).
    public var weightDecay: Double
    /// ε added to √s (default 1e-10).
    public var epsilon: Double
    /// The starting value of the accumulator s (default 0).
    public let initialAccumulatorValue: Double

    /// Adagrad over `parameters` with torch's defaults: lr 0.01, lr_decay 0, no weight decay,
    /// accumulator 0, ε 1e-10, minimising.
    public init(_ parameters: [Tensor], learningRate: Double = 1e-2, learningRateDecay: Double = 0,
                weightDecay: Double = 0, initialAccumulatorValue: Double = 0, epsilon: Double = 1e-10, maximize: Bool = false) {
        self.learningRateDecay = learningRateDecay
        self.weightDecay = weightDecay
        self.initialAccumulatorValue = initialAccumulatorValue
        self.epsilon = epsilon
        super.init(parameters, learningRate: learningRate)
        self.maximize = maximize
    }

    /// One Adagrad update of every parameter that has a gradient (see the rule above).
    public override func step() {
        // Constants, not class properties, in the loops (see Adam.step).
        let (lr, decay, epsilon) = (learningRate, learningRateDecay, epsilon)
        forEachParameter(weightDecay: weightDecay) { i, p, g in
            let rate = lr / (1 + Double(stepCount(i) - 1) * decay)
            let sum = state("sum", i, initialValue: initialAccumulatorValue)
            for j in p.indices {
                sum[j] += g[j] * g[j]
                p[j] -= rate * g[j] / (sum[j].squareRoot() + epsilon)
            }
        }
    }
}

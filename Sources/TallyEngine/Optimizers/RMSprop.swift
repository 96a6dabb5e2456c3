/// RMSprop, exactly as PyTorch's `torch.optim.RMSprop` (defaults lr 0.01, α = 0.99, ε = 1e-8,
/// no momentum, not centered):
///
///     v ← α·v + (1 − α)·g²
///     ṽ ← v − ḡ² with ḡ ← α·ḡ + (1 − α)·g when centered, else v
///     b ← μ·b + g / (√ṽ + ε), p ← p − lr·b      when momentum μ > 0
///     p ← p − lr·g / (√ṽ + ε)                   otherwise
public final class RMSprop: Optimizer {
    /// α, the decay of the squared-gradient average (default 0.99).
    public var alpha: Double
    /// ε added to √ṽ (default 1e-8).
    public var epsilon: Double
    /// λ, added as λ·p to the gradient (L2; default 0).
    public var weightDecay: Double
    /// μ, the momentum of the update buffer (default 0: none).
    public var momentum: Double
    /// Divide by an estimate of the gradient's variance instead of its second moment (default false).
    public var centered: Bool

    /// RMSprop over `parameters` with torch's defaults: lr 0.01, α 0.99, ε 1e-8, no weight decay, no
    /// momentum, not centered, minimising.
    public init(_ parameters: [Tensor], learningRate: Double = 1e-2, alpha: Double = 0.99,
                epsilon: Double = 1e-8, weightDecay: Double = 0, momentum: Double = 0, centered: Bool = false, maximize: Bool = false) {
        self.alpha = alpha
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
        super.init(parameters, learningRate: learningRate)
        self.maximize = maximize
    }

    /// One RMSprop update of every parameter that has a gradient (see the rule above).
    public override func step() {
        // Constants, not class properties, in the loops (see Adam.step).
        let (lr, alpha, epsilon, momentum) = (learningRate, alpha, epsilon, momentum)
        forEachParameter(weightDecay: weightDecay) { i, p, g in
            let v = state("squareAverage", i)
            let mean = centered ? state("gradientAverage", i) : nil
            let b = momentum > 0 ? state("momentum", i) : nil
            for j in p.indices {
                v[j] = alpha * v[j] + (1 - alpha) * g[j] * g[j]
                var centeredV = v[j]
                if let mean {
                    mean[j] = alpha * mean[j] + (1 - alpha) * g[j]
                    centeredV -= mean[j] * mean[j]
                }
                let scaled = g[j] / (centeredV.squareRoot() + epsilon)
                if let b {
                    b[j] = momentum * b[j] + scaled
                    p[j] -= lr * b[j]
                } else {
                    p[j] -= lr * scaled
                }
            }
        }
    }
}

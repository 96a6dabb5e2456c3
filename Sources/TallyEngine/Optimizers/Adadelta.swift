/// Adadelta, exactly as PyTorch's `torch.optim.Adadelta` (defaults lr 1.0, ρ = 0.9, ε = 1e-6):
///
///     v ← ρ·v + (1 − ρ)·g²
///     Δ ← √(u + ε) / √(v + ε) · g
///     u ← ρ·u + (1 − ρ)·Δ²
///     p ← p − lr·Δ
public final class Adadelta: Optimizer {
    /// ρ, the decay of both running averages (default 0.9).
    public var rho: Double
    /// ε inside both square roots (default 1e-6).
    public var epsilon: Double
    /// λ, added as λ·p to the gradient (L2; default 0).
    public var weightDecay: Double

    /// Adadelta over `parameters` with torch's defaults: lr 1.0, ρ 0.9, ε 1e-6, no weight decay,
    /// minimising.
    public init(_ parameters: [Tensor], learningRate: Double = 1.0, rho: Double = 0.9,
                epsilon: Double = 1e-6, weightDecay: Double = 0, maximize: Bool = false) {
        self.rho = rho
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        super.init(parameters, learningRate: learningRate)
        self.maximize = maximize
    }

    /// One Adadelta update of every parameter that has a gradient (see the rule above).
    public override func step() {
        // Constants, not class properties, in the loops (see Adam.step).
        let (lr, rho, epsilon) = (learningRate, rho, epsilon)
        forEachParameter(weightDecay: weightDecay) { i, p, g in
            let v = state("squareAverage", i), u = state("deltaAverage", i)
            for j in p.indices {
                v[j] = rho * v[j] + (1 - rho) * g[j] * g[j]
                let delta = (u[j] + epsilon).squareRoot() / (v[j] + epsilon).squareRoot() * g[j]
                u[j] = rho * u[j] + (1 - rho) * delta * delta
                p[j] -= lr * delta
            }
        }
    }
}

import Foundation

/// Adam, exactly as PyTorch's `torch.optim.Adam` (defaults lr 1e-3, β = (0.9, 0.999),
/// ε = 1e-8, weight decay 0 added to the gradient as an L2 term):
///
///     m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²
///     m̂ ← m / (1 − β₁ᵗ),       v̂ ← v / (1 − β₂ᵗ)
///     p ← p − lr·m̂ / (√v̂ + ε)
///
/// Note where ε goes: PyTorch (and the Adam paper) add it after bias-correcting v. Some
/// libraries (Swift for TensorFlow, TensorFlow's "epsilon hat") add it to √v before the
/// correction, which differs in early steps when v is tiny.
public class Adam: Optimizer {
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var weightDecay: Double
    /// AdamW's decay p ← p·(1 − lr·λ), instead of adding λ·p to the gradient.
    let decoupledWeightDecay: Bool

    public convenience init(_ parameters: [Tensor], learningRate: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999),
                            epsilon: Double = 1e-8, weightDecay: Double = 0) {
        self.init(parameters, learningRate: learningRate, betas: betas, epsilon: epsilon,
                  weightDecay: weightDecay, decoupled: false)
    }

    init(_ parameters: [Tensor], learningRate: Double, betas: (Double, Double), epsilon: Double,
         weightDecay: Double, decoupled: Bool) {
        (beta1, beta2) = betas
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        decoupledWeightDecay = decoupled
        super.init(parameters, learningRate: learningRate)
    }

    public override func step() {
        // Settings copied into constants: reading class properties inside the loop would cost
        // a run-time exclusivity check per element.
        let (lr, beta1, beta2, epsilon) = (learningRate, beta1, beta2, epsilon)
        let shrink = decoupledWeightDecay ? 1 - lr * weightDecay : 1
        forEachParameter(weightDecay: decoupledWeightDecay ? 0 : weightDecay) { i, p, g in
            let t = Double(stepCount(i))
            let correction1 = 1 - Foundation.pow(beta1, t), correction2 = 1 - Foundation.pow(beta2, t)
            let m = state("firstMoment", i), v = state("secondMoment", i)
            for j in p.indices {
                p[j] *= shrink
                m[j] = beta1 * m[j] + (1 - beta1) * g[j]
                v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j]
                p[j] -= lr * (m[j] / correction1) / ((v[j] / correction2).squareRoot() + epsilon)
            }
        }
    }
}

/// AdamW, exactly as PyTorch's `torch.optim.AdamW` (defaults lr 1e-3, β = (0.9, 0.999),
/// ε = 1e-8, weight decay 0.01): Adam whose weight decay is decoupled from the gradient,
/// p ← p·(1 − lr·λ) before the Adam step, so it is not rescaled by 1/√v̂.
public final class AdamW: Adam {
    public init(_ parameters: [Tensor], learningRate: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999),
                epsilon: Double = 1e-8, weightDecay: Double = 1e-2) {
        super.init(parameters, learningRate: learningRate, betas: betas, epsilon: epsilon,
                   weightDecay: weightDecay, decoupled: true)
    }
}

import Foundation
#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Adam, exactly as PyTorch's `torch.optim.Adam` (defaults lr 1e-3, β = (0.9, 0.999),
/// ε = 1e-8, weight decay 0 added to the gradient as an L2 term):
///
///     m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²
///     m̂ ← m / (1 − β₁ᵗ),       v̂ ← v / (1 − β₂ᵗ)
///     p ← p − lr·m̂ / (√v̂ + ε)
///
/// With `amsgrad` (Reddi et al., 2018; torch's `amsgrad=True`) the denominator uses the running
/// maximum v_max ← max(v_max, v) instead of v. `maximize` ascends (see `Optimizer`).
///
/// Note where ε goes: PyTorch (and the Adam paper) add it after bias-correcting v. Some
/// libraries (Swift for TensorFlow, TensorFlow's "epsilon hat") add it to √v before the
/// correction, which differs in early steps when v is tiny.
public class Adam: Optimizer {
    /// β₁, the decay of the first moment m (default 0.9).
    public var beta1: Double
    /// β₂, the decay of the second moment v (default 0.999).
    public var beta2: Double
    /// ε added to √v̂ (default 1e-8).
    public var epsilon: Double
    /// λ: Adam adds λ·p to the gradient (default 0); AdamW decays p ← p·(1 − lr·λ) (default 0.01).
    public var weightDecay: Double
    /// Use the running maximum of v (AMSGrad); torch's `amsgrad`, default false.
    public var amsgrad: Bool
    /// AdamW's decay p ← p·(1 − lr·λ), instead of adding λ·p to the gradient.
    let decoupledWeightDecay: Bool

    /// Adam over `parameters` with torch's defaults: lr 1e-3, betas (0.9, 0.999), ε 1e-8, no weight
    /// decay, no AMSGrad, minimising.
    public convenience init(_ parameters: [Tensor], learningRate: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999),
                            epsilon: Double = 1e-8, weightDecay: Double = 0, amsgrad: Bool = false,
                            maximize: Bool = false) {
        self.init(parameters, learningRate: learningRate, betas: betas, epsilon: epsilon,
                  weightDecay: weightDecay, amsgrad: amsgrad, maximize: maximize, decoupled: false)
    }

    init(_ parameters: [Tensor], learningRate: Double, betas: (Double, Double), epsilon: Double,
         weightDecay: Double, amsgrad: Bool, maximize: Bool, decoupled: Bool) {
        (beta1, beta2) = betas
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.amsgrad = amsgrad
        decoupledWeightDecay = decoupled
        super.init(parameters, learningRate: learningRate)
        self.maximize = maximize
    }

    /// One Adam (or AdamW) update of every parameter that has a gradient (see the rule above).
    public override func step() {
        // Settings copied into constants: reading class properties inside the loop would cost
        // a run-time exclusivity check per element.
        let (lr, beta1, beta2, epsilon, amsgrad) = (learningRate, beta1, beta2, epsilon, amsgrad)
        let shrink = decoupledWeightDecay ? 1 - lr * weightDecay : 1
        forEachParameter(weightDecay: decoupledWeightDecay ? 0 : weightDecay) { i, p, g in
            let t = Double(stepCount(i))
            let correction1 = 1 - Foundation.pow(beta1, t), correction2 = 1 - Foundation.pow(beta2, t)
            let m = state("firstMoment", i), v = state("secondMoment", i)
            let vMax = amsgrad ? state("maxSecondMoment", i) : v
            // Four elements at a time, in vector instructions: division and square root dominate
            // the step, and Double.squareRoot() (a libm call on Linux, for errno) keeps the
            // compiler from vectorising a plain loop. The lanes do the same IEEE operations in
            // the same order, so the results are identical to element-by-element code.
            for start in stride(from: 0, to: p.count, by: 4) {
                let lanes = Swift.min(4, p.count - start)
                let (pAt, mAt, vAt) = (p.baseAddress! + start, m.baseAddress! + start, v.baseAddress! + start)
                var pj = SIMD4(loading: pAt, lanes), mj = SIMD4(loading: mAt, lanes), vj = SIMD4(loading: vAt, lanes)
                let gj = SIMD4(loading: g.baseAddress! + start, lanes)
                pj *= shrink
                mj = beta1 * mj + (1 - beta1) * gj
                vj = beta2 * vj + (1 - beta2) * gj * gj
                var denominator = vj
                if amsgrad {
                    let maxAt = vMax.baseAddress! + start
                    denominator = pointwiseMax(SIMD4(loading: maxAt, lanes), vj)
                    denominator.store(to: maxAt, lanes)
                }
                pj -= lr * (mj / correction1) / ((denominator / correction2).vectorSquareRoot() + epsilon)
                pj.store(to: pAt, lanes)
                mj.store(to: mAt, lanes)
                vj.store(to: vAt, lanes)
            }
        }
    }
}

extension SIMD4 where Scalar == Double {
    /// `lanes` (≤ 4) elements from `source` in the first lanes, zeros after.
    @inline(__always)
    init(loading source: UnsafePointer<Double>, _ lanes: Int) {
        if lanes == 4 {
            self = UnsafeRawPointer(source).loadUnaligned(as: SIMD4<Double>.self)
        } else {
            self = .zero
            for lane in 0..<lanes { self[lane] = source[lane] }
        }
    }

    /// squareRoot() in sqrtpd instructions where available: SIMD's own calls
    /// Double.squareRoot() lane by lane.
    @inline(__always)
    func vectorSquareRoot() -> Self {
        #if arch(x86_64)
        Self(lowHalf: _mm_sqrt_pd(lowHalf), highHalf: _mm_sqrt_pd(highHalf))
        #else
        squareRoot()
        #endif
    }

    /// Writes the first `lanes` lanes to `destination`.
    @inline(__always)
    func store(to destination: UnsafeMutablePointer<Double>, _ lanes: Int) {
        if lanes == 4 {
            UnsafeMutableRawPointer(destination).storeBytes(of: self, as: SIMD4<Double>.self)
        } else {
            for lane in 0..<lanes { destination[lane] = self[lane] }
        }
    }
}

/// AdamW, exactly as PyTorch's `torch.optim.AdamW` (defaults lr 1e-3, β = (0.9, 0.999),
/// ε = 1e-8, weight decay 0.01, `amsgrad` and `maximize` as Adam's): Adam whose weight decay
/// is decoupled from the gradient, p ← p·(1 − lr·λ) before the Adam step, so it is not rescaled
/// by 1/√v̂.
public final class AdamW: Adam {
    /// AdamW over `parameters` with torch's defaults: lr 1e-3, betas (0.9, 0.999), ε 1e-8, weight
    /// decay 0.01, no AMSGrad, minimising.
    public init(_ parameters: [Tensor], learningRate: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999),
                epsilon: Double = 1e-8, weightDecay: Double = 1e-2, amsgrad: Bool = false, maximize: Bool = false) {
        super.init(parameters, learningRate: learningRate, betas: betas, epsilon: epsilon,
                   weightDecay: weightDecay, amsgrad: amsgrad, maximize: maximize, decoupled: true)
    }
}

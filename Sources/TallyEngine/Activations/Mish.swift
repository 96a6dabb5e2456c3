import Foundation

extension Activation {
    /// Mish (Misra, 2019): x·tanh(softplus(x)), as `torch.nn.functional.mish` (softplus in its
    /// exact, non-overflowing form). Derivative tanh(sp) + x·σ(x)·(1 − tanh²(sp)), sp = softplus(x).
    public static let mish = Activation(name: "mish", function: { x in
        x * Foundation.tanh(TallyEngine.softplus(x, threshold: .infinity))
    }, derivative: { x, _ in
        let t = Foundation.tanh(TallyEngine.softplus(x, threshold: .infinity))
        return t + x * sigmoid(x) * (1 - t * t)
    })
}

/// Mish of a number; see `Activation.mish`.
public func mish(_ x: Double) -> Double { Activation.mish(x) }
/// Mish elementwise (same shape), differentiable; mirrors `torch.nn.functional.mish`.
public func mish(_ x: Tensor) -> Tensor { Activation.mish(x) }

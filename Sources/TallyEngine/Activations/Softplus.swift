import Foundation

extension Activation {
    /// Softplus (1/β)·ln(1 + e^(βx)), a smooth ReLU, as `torch.nn.functional.softplus(x, beta,
    /// threshold)` (defaults β = 1, threshold 20): where βx > threshold it returns x itself with
    /// derivative 1, as torch does, which differs from the exact value by less than e^−20 ≈ 2e-9.
    /// Below the threshold it is computed as (max(βx, 0) + ln(1 + e^−|βx|))/β, which never
    /// overflows; the derivative there is σ(βx). `threshold: .infinity` gives the exact form
    /// everywhere (equal to `torch.logaddexp(βx, 0)/β`). β must be positive.
    public static func softplus(beta: Double = 1, threshold: Double = 20) -> Activation {
        engineRequire(beta > 0, "softplus needs beta > 0, got \(beta)")
        return Activation(name: "softplus(β \(beta), threshold \(threshold))", function: { x in
            let z = beta * x
            return z > threshold ? x : (Swift.max(z, 0) + Foundation.log1p(Foundation.exp(-Swift.abs(z)))) / beta
        }, derivative: { x, _ in beta * x > threshold ? 1 : sigmoid(beta * x) })
    }

    /// Softplus with torch's defaults (β = 1, threshold 20).
    public static let softplus = softplus()
}

// Each form also without options, so that `softplus` names a (Double) -> Double function
// (e.g. to plot it); a default argument would hide that.

/// Softplus of a number with torch's defaults (β = 1, threshold 20).
public func softplus(_ x: Double) -> Double { Activation.softplus(x) }

/// Softplus of a number; see `Activation.softplus(beta:threshold:)`.
public func softplus(_ x: Double, beta: Double, threshold: Double = 20) -> Double {
    Activation.softplus(beta: beta, threshold: threshold)(x)
}

/// Softplus of a number with β = 1 and the given threshold (`.infinity`: the exact form).
public func softplus(_ x: Double, threshold: Double) -> Double { Activation.softplus(threshold: threshold)(x) }

/// Softplus elementwise (same shape), differentiable; mirrors `torch.nn.functional.softplus`
/// with its defaults (β = 1, threshold 20).
public func softplus(_ x: Tensor) -> Tensor { Activation.softplus(x) }

/// Softplus elementwise (same shape), differentiable; mirrors `torch.nn.functional.softplus`.
/// See `Activation.softplus(beta:threshold:)`.
public func softplus(_ x: Tensor, beta: Double, threshold: Double = 20) -> Tensor {
    Activation.softplus(beta: beta, threshold: threshold)(x)
}

/// Softplus elementwise with β = 1 and the given threshold (`.infinity`: the exact form).
public func softplus(_ x: Tensor, threshold: Double) -> Tensor { Activation.softplus(threshold: threshold)(x) }

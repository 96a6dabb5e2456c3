import Foundation

extension Activation {
    /// Gaussian error linear unit (Hendrycks & Gimpel, 2016), as `torch.nn.functional.gelu`.
    ///
    /// - `approximate: "none"` (default): x·Φ(x) with Φ the standard normal CDF, computed as
    ///   x·erfc(−x/√2)/2 so the negative tail keeps its relative accuracy; derivative Φ(x) + x·φ(x).
    /// - `approximate: "tanh"`: ½x(1 + tanh(√(2/π)(x + 0.044715x³))) and its exact derivative,
    ///   in torch's formulas.
    ///
    /// Traps on any other `approximate`.
    public static func gelu(approximate: String = "none") -> Activation {
        switch approximate {
        case "none":
            return Activation(name: "GELU", function: { x in 0.5 * x * Foundation.erfc(-x * 0.5.squareRoot()) }, derivative: { x, _ in
                let cdf = 0.5 * Foundation.erfc(-x * 0.5.squareRoot())
                let pdf = Foundation.exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
                return cdf + x * pdf
            })
        case "tanh":
            let beta = (2 / Double.pi).squareRoot(), kappa = 0.044715
            return Activation(name: "GELU(tanh)", function: { x in
                0.5 * x * (1 + Foundation.tanh(beta * (x + kappa * x * x * x)))
            }, derivative: { x, _ in
                let t = Foundation.tanh(beta * (x + kappa * x * x * x))
                return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * beta * (1 + 3 * kappa * x * x)
            })
        default:
            engineFailure("gelu: approximate must be \"none\" or \"tanh\", got \"\(approximate)\"")
        }
    }

    /// Exact GELU (`approximate: "none"`).
    public static let gelu = gelu()
}

// Each form also without options, so that `gelu` names a (Double) -> Double function.

/// Exact GELU of a number; see `Activation.gelu(approximate:)`.
public func gelu(_ x: Double) -> Double { Activation.gelu(x) }

/// GELU of a number; see `Activation.gelu(approximate:)`.
public func gelu(_ x: Double, approximate: String) -> Double { Activation.gelu(approximate: approximate)(x) }

/// Exact GELU elementwise (same shape), differentiable; mirrors `torch.nn.functional.gelu`.
public func gelu(_ x: Tensor) -> Tensor { Activation.gelu(x) }

/// GELU elementwise (same shape), differentiable; mirrors `torch.nn.functional.gelu`. See
/// `Activation.gelu(approximate:)`.
public func gelu(_ x: Tensor, approximate: String) -> Tensor { Activation.gelu(approximate: approximate)(x) }

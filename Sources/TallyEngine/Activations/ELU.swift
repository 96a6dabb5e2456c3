import Foundation

extension Activation {
    /// x for x > 0, α(eˣ − 1) otherwise, as `torch.nn.functional.elu` (default α = 1). The
    /// derivative for x ≤ 0 is α·eˣ, computed from x as torch does (not as y + α, which cancels
    /// to 0 once eˣ − 1 rounds to −1, around x < −37).
    public static func elu(alpha: Double = 1) -> Activation {
        Activation(name: "ELU(\(alpha))", function: { x in x > 0 ? x : alpha * Foundation.expm1(x) },
                   derivative: { x, _ in x > 0 ? 1 : alpha * Foundation.exp(x) })
    }

    /// ELU with α = 1.
    public static let elu = elu()

    /// λ·ELU_α with the self-normalising constants of Klambauer et al. (2017), as
    /// `torch.nn.functional.selu`; the derivative for x ≤ 0 is λα·eˣ (from x, as for ELU).
    public static let selu: Activation = {
        let lambda = 1.0507009873554804934193349852946
        let alpha = 1.6732632423543772848170429916717
        return Activation(name: "SELU", function: { x in lambda * (x > 0 ? x : alpha * Foundation.expm1(x)) },
                          derivative: { x, _ in x > 0 ? lambda : lambda * alpha * Foundation.exp(x) })
    }()
}

/// ELU of a number; see `Activation.elu(alpha:)`.
public func elu(_ x: Double, alpha: Double = 1) -> Double { Activation.elu(alpha: alpha)(x) }
/// ELU elementwise (same shape), differentiable; mirrors `torch.nn.functional.elu` (default α = 1).
public func elu(_ x: Tensor, alpha: Double = 1) -> Tensor { Activation.elu(alpha: alpha)(x) }
/// SELU of a number; see `Activation.selu`.
public func selu(_ x: Double) -> Double { Activation.selu(x) }
/// SELU elementwise (same shape), differentiable; mirrors `torch.nn.functional.selu`.
public func selu(_ x: Tensor) -> Tensor { Activation.selu(x) }

extension Activation {
    /// x·σ(βx) (β = 1 is SiLU); derivative βy + σ(βx)(1 − βy).
    public static func swish(beta: Double = 1) -> Activation {
        Activation(name: "swish(\(beta))", function: { x in x * sigmoid(beta * x) },
                   derivative: { x, y in beta * y + sigmoid(beta * x) * (1 - beta * y) })
    }

    /// Swish with β = 1, which is SiLU (`torch.nn.functional.silu`).
    public static let swish = swish()
}

/// x·σ(βx) of a number (default β = 1: SiLU, `torch.nn.functional.silu`).
public func swish(_ x: Double, beta: Double = 1) -> Double { Activation.swish(beta: beta)(x) }
/// x·σ(βx) elementwise (same shape), differentiable; β = 1 (the default) is
/// `torch.nn.functional.silu`.
public func swish(_ x: Tensor, beta: Double = 1) -> Tensor { Activation.swish(beta: beta)(x) }

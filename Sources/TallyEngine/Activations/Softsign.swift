extension Activation {
    /// x / (1 + |x|), as `torch.nn.functional.softsign`; derivative 1 / (1 + |x|)².
    public static let softsign = Activation(name: "softsign", function: { x in x / (1 + Swift.abs(x)) },
                                            derivative: { x, _ in 1 / ((1 + Swift.abs(x)) * (1 + Swift.abs(x))) })
}

/// Softsign of a number; see `Activation.softsign`.
public func softsign(_ x: Double) -> Double { Activation.softsign(x) }
/// Softsign elementwise (same shape), differentiable; mirrors `torch.nn.functional.softsign`.
public func softsign(_ x: Tensor) -> Tensor { Activation.softsign(x) }

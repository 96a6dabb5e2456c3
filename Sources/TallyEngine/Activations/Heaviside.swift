extension Activation {
    /// Heaviside step: 1 for x ≥ 0, else 0 (the perceptron's choice at 0). Its derivative is 0
    /// wherever it exists, which is why gradient descent cannot train it.
    public static let heaviside = Activation(name: "Heaviside step", function: { $0 >= 0 ? 1 : 0 },
                                             derivative: { _, _ in 0 })
}

/// The Heaviside step of a number: 1 for x ≥ 0, else 0. See `Activation.heaviside`.
public func heaviside(_ x: Double) -> Double { Activation.heaviside(x) }
/// The Heaviside step elementwise (same shape); its derivative is 0, so no gradient flows back.
public func heaviside(_ x: Tensor) -> Tensor { Activation.heaviside(x) }

import Foundation

extension Activation {
    /// ln(1 + eˣ), a smooth ReLU, computed as max(x, 0) + ln(1 + e^−|x|) so it never
    /// overflows; its derivative is σ(x).
    public static let softplus = Activation(name: "softplus", function: { x in
        Swift.max(x, 0) + Foundation.log1p(Foundation.exp(-Swift.abs(x)))
    }, derivative: { x, _ in sigmoid(x) })
}

public func softplus(_ x: Double) -> Double { Activation.softplus(x) }
public func softplus(_ x: Tensor) -> Tensor { Activation.softplus(x) }

extension Activation {
    /// Hard swish (Howard et al., 2019, MobileNetV3): x·ReLU6(x + 3)/6, as
    /// `torch.nn.functional.hardswish`: 0 for x ≤ −3, x for x ≥ 3, x(x + 3)/6 between. The
    /// derivative is torch's: 0 for x < −3, x/3 + ½ for −3 ≤ x ≤ 3 (so −½ at −3 and 3/2 at 3,
    /// where the function has corners), 1 above.
    public static let hardswish = Activation(name: "hardswish", function: { x in
        x * Swift.min(Swift.max(x + 3, 0), 6) / 6
    }, derivative: { x, _ in x < -3 ? 0 : (x <= 3 ? x / 3 + 0.5 : 1) })
}

public func hardswish(_ x: Double) -> Double { Activation.hardswish(x) }
/// Hard swish elementwise (same shape), differentiable; mirrors `torch.nn.functional.hardswish`.
public func hardswish(_ x: Tensor) -> Tensor { Activation.hardswish(x) }

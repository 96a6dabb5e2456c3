extension Activation {
    /// Hard swish (Howard et al., 2019, MobileNetV3): x·ReLU6(x + 3)/6, as
    /// `torch.nn.functional.hardswish`: 0 for x ≤ −3, x for x ≥ 3, x(x + 3)/6 between. The
    /// derivative is torch's: 0 for x ≤ −3, x/3 + ½ strictly between, 1 for x ≥ 3 (at the
    /// corners ±3 it takes the outer side's value).
    public static let hardswish = Activation(name: "hardswish", function: { x in
        x * Swift.min(Swift.max(x + 3, 0), 6) / 6
    }, derivative: { x, _ in x <= -3 ? 0 : (x < 3 ? x / 3 + 0.5 : 1) })
}

/// Hard swish of a number; see `Activation.hardswish`.
public func hardswish(_ x: Double) -> Double { Activation.hardswish(x) }
/// Hard swish elementwise (same shape), differentiable; mirrors `torch.nn.functional.hardswish`.
public func hardswish(_ x: Tensor) -> Tensor { Activation.hardswish(x) }

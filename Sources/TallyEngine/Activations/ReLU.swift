extension Activation {
    /// max(0, x); derivative 1 for x > 0 and 0 otherwise (PyTorch's choice at 0).
    public static let relu = Activation(name: "ReLU", function: { Swift.max(0, $0) }, derivative: { x, _ in x > 0 ? 1 : 0 })

    /// x for x > 0, slope·x otherwise (PyTorch's default slope is 0.01).
    public static func leakyReLU(slope: Double = 0.01) -> Activation {
        Activation(name: "leaky ReLU(\(slope))", function: { $0 > 0 ? $0 : slope * $0 },
                   derivative: { x, _ in x > 0 ? 1 : slope })
    }
}

/// max(0, x) of a number; mirrors `torch.nn.functional.relu`.
public func relu(_ x: Double) -> Double { Activation.relu(x) }
/// max(0, x) elementwise (same shape), differentiable with derivative 0 at x = 0 as in torch;
/// mirrors `torch.nn.functional.relu`.
public func relu(_ x: Tensor) -> Tensor { Activation.relu(x) }
/// x for x > 0, else slope·x, of a number (default slope 0.01); mirrors
/// `torch.nn.functional.leaky_relu(x, negative_slope=0.01)`.
public func leakyReLU(_ x: Double, slope: Double = 0.01) -> Double { Activation.leakyReLU(slope: slope)(x) }
/// Leaky ReLU elementwise (same shape), differentiable (derivative `slope` at x ≤ 0); mirrors
/// `torch.nn.functional.leaky_relu` (default slope 0.01).
public func leakyReLU(_ x: Tensor, slope: Double = 0.01) -> Tensor { Activation.leakyReLU(slope: slope)(x) }

/// Parametric ReLU: leaky ReLU whose slope is learned. `slope` broadcasts against x (one
/// value, or one per feature) and receives a gradient like any parameter.
public func prelu(_ x: Tensor, slope: Tensor) -> Tensor {
    binaryOperation(x, slope, { x, a in x > 0 ? x : a * x }) { x, a, _ in x > 0 ? (1, 0) : (a, x) }
}

/// An elementwise activation function with its derivative, usable on numbers and on tensors
/// (through which autodiff goes):
///
///     Activation.sigmoid(0.5)              // 0.6224593312018546
///     Activation.sigmoid.derivative(0.5)   // 0.2350037122015945
///     Activation.relu(Tensor([-1, 2]))     // [0, 2]
///     Dense(2, 2, activation: .tanh)
public struct Activation: Sendable, CustomStringConvertible {
    /// A short name for printing and chart legends (`"ReLU"`, `"ELU(1.0)"`).
    public let name: String
    /// f(x) for one number.
    public let function: @Sendable (Double) -> Double
    /// f′ given the input x and the output y = f(x): most derivatives are cheapest from y.
    let derivativeFromOutput: @Sendable (_ x: Double, _ y: Double) -> Double

    /// An activation from f and its derivative f′, given as a function of the input x and the
    /// output y = f(x) (return whichever is cheaper, e.g. `{ _, y in y * (1 - y) }` for the sigmoid).
    public init(name: String, function: @escaping @Sendable (Double) -> Double,
                derivative: @escaping @Sendable (_ x: Double, _ y: Double) -> Double) {
        self.name = name
        self.function = function
        self.derivativeFromOutput = derivative
    }

    /// f(x) of one number.
    public func callAsFunction(_ x: Double) -> Double { function(x) }

    /// f elementwise: the same shape as `x`, recorded for autodiff (its backward multiplies by f′).
    public func callAsFunction(_ x: Tensor) -> Tensor { x.map(function, derivative: derivativeFromOutput) }

    /// f′(x).
    public func derivative(_ x: Double) -> Double { derivativeFromOutput(x, function(x)) }

    /// f′ elementwise (a plain tensor, not recorded for autodiff).
    public func derivative(_ x: Tensor) -> Tensor { Tensor(shape: x.shape, data: x.data.map(derivative)) }

    public var description: String { name }

    /// f(x) = x, derivative 1: a linear layer's "no activation" (`torch.nn.Identity`).
    public static let identity = Activation(name: "identity", function: { $0 }, derivative: { _, _ in 1 })
}

import Foundation

extension Activation {
    /// tanh, with tanh′ = 1 − tanh².
    public static let tanh = Activation(name: "tanh", function: { Foundation.tanh($0) }, derivative: { _, y in 1 - y * y })
}

/// tanh elementwise (same shape), differentiable (derivative 1 − tanh²); mirrors `torch.tanh`.
public func tanh(_ x: Tensor) -> Tensor { Activation.tanh(x) }

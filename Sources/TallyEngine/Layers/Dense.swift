/// A fully connected layer, activation(x·Wᵀ + b), with W stored [outputs, inputs] as in
/// PyTorch (and as the textbook z = Wx + b for a column x). Accepts a batch [n, inputs] or a
/// single vector [inputs].
///
///     let layer = Dense(2, 2, activation: .sigmoid, seed: 1)
///     layer.weight = Tensor([[0.2, 0.4], [0.3, 0.7]], requiresGrad: true)
public final class Dense: Layer {
    public var weight: Tensor
    public var bias: Tensor
    public var activation: Activation

    public init(_ inputs: Int, _ outputs: Int, activation: Activation = .identity,
                initialization: Initialization = .xavierUniform, using rng: inout RandomGenerator) {
        weight = initialization.weights(fanIn: inputs, fanOut: outputs, using: &rng)
        weight.requiresGrad = true
        bias = Tensor.zeros([outputs], requiresGrad: true)
        self.activation = activation
    }

    public convenience init(_ inputs: Int, _ outputs: Int, activation: Activation = .identity,
                            initialization: Initialization = .xavierUniform, seed: UInt64 = 0) {
        var rng = RandomGenerator(seed: seed)
        self.init(inputs, outputs, activation: activation, initialization: initialization, using: &rng)
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        activation(matmul(x, weight, transposeB: true) + bias)
    }

    public var parameters: [Tensor] { [weight, bias] }
}

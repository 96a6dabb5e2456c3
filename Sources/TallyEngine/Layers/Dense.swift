/// A fully connected layer, activation(x·Wᵀ + b), with W stored [outputs, inputs] as in
/// PyTorch (and as the textbook z = Wx + b for a column x). Accepts a batch [n, inputs] or a
/// single vector [inputs].
///
///     let layer = Dense(2, 2, activation: .sigmoid, seed: 1)
///     layer.weight = Tensor([[0.2, 0.4], [0.3, 0.7]], requiresGrad: true)
public final class Dense: Layer {
    /// W [outputs, inputs], as torch's `Linear.weight`; trained.
    public var weight: Tensor
    /// b [outputs], starting at zeros; trained.
    public var bias: Tensor
    /// Applied to x·Wᵀ + b (default `.identity`).
    public var activation: Activation

    /// A layer from `inputs` to `outputs` features whose weights are drawn from `rng` by
    /// `initialization` (default Xavier-uniform) and whose bias starts at zeros.
    public init(_ inputs: Int, _ outputs: Int, activation: Activation = .identity,
                initialization: Initialization = .xavierUniform, using rng: inout RandomGenerator) {
        weight = initialization.weights(fanIn: inputs, fanOut: outputs, using: &rng)
        weight.requiresGrad = true
        bias = Tensor.zeros([outputs], requiresGrad: true)
        self.activation = activation
    }

    /// A layer from `inputs` to `outputs` features, weights drawn by `initialization` (default
    /// Xavier-uniform) from a generator seeded with `seed` (default 0), bias zeros.
    public convenience init(_ inputs: Int, _ outputs: Int, activation: Activation = .identity,
                            initialization: Initialization = .xavierUniform, seed: UInt64 = 0) {
        var rng = RandomGenerator(seed: seed)
        self.init(inputs, outputs, activation: activation, initialization: initialization, using: &rng)
    }

    /// activation(x·Wᵀ + b) for `x` [n, inputs] → [n, outputs], or [inputs] → [outputs];
    /// differentiable. Traps when the last axis of `x` is not `inputs` long.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        activation(matmul(x, weight, transposeB: true) + bias)
    }

    /// `weight`, then `bias`.
    public var parameters: [Tensor] { [weight, bias] }
}

/// A multilayer perceptron: Dense layers of the given sizes, `activation` between them and
/// `outputActivation` after the last (identity: logits or regression outputs).
///
///     let model = MLP([784, 128, 10], activation: .relu, initialization: .heNormal, seed: 0)
///     let logits = model(batch)   // [batch, 10]
public final class MLP: Layer {
    /// The Dense layers, first to last.
    public let layers: [Dense]

    /// Dense layers between consecutive `sizes` (at least two: inputs and outputs), `activation`
    /// (default ReLU) between them, `outputActivation` (default identity) after the last, weights drawn by
    /// `initialization` (default Xavier-uniform) with `seed`. Traps with fewer than two sizes.
    public init(_ sizes: [Int], activation: Activation = .relu, outputActivation: Activation = .identity,
                initialization: Initialization = .xavierUniform, seed: UInt64 = 0) {
        engineRequire(sizes.count >= 2, "an MLP needs at least input and output sizes")
        var rng = RandomGenerator(seed: seed)
        layers = zip(sizes, sizes.dropFirst()).enumerated().map { index, size in
            Dense(size.0, size.1, activation: index == sizes.count - 2 ? outputActivation : activation,
                  initialization: initialization, using: &rng)
        }
    }

    /// The layers applied in order: [n, sizes.first] → [n, sizes.last].
    public func callAsFunction(_ input: Tensor) -> Tensor {
        layers.reduce(input) { x, layer in layer(x) }
    }

    /// Every layer's weight and bias, first layer first.
    public var parameters: [Tensor] { layers.flatMap(\.parameters) }

    /// The weight matrices only, which is what L1/L2 penalties usually apply to.
    public var weights: [Tensor] { layers.map(\.weight) }
}

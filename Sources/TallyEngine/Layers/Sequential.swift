/// Layers applied one after another.
///
///     let model = Sequential(Dense(2, 8, activation: .tanh, seed: 1), Dropout(0.2), Dense(8, 1, seed: 2))
public final class Sequential: Layer {
    /// The layers, applied first to last.
    public var layers: [any Layer]

    /// The layers in order, as `torch.nn.Sequential`.
    public init(_ layers: [any Layer]) { self.layers = layers }

    /// The layers in order: `Sequential(Dense(2, 8), Activation.relu, Dense(8, 1))`.
    public convenience init(_ layers: any Layer...) { self.init(layers) }

    /// Each layer applied to the previous one's output; shapes as the layers say.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        layers.reduce(input) { x, layer in layer(x) }
    }

    /// Every layer's parameters, first layer first.
    public var parameters: [Tensor] { layers.flatMap(\.parameters) }

    public func setTraining(_ training: Bool) {
        for layer in layers { layer.setTraining(training) }
    }
}

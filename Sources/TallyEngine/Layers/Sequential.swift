/// Layers applied one after another.
///
///     let model = Sequential(Dense(2, 8, activation: .tanh, seed: 1), Dropout(0.2), Dense(8, 1, seed: 2))
public final class Sequential: Layer {
    public var layers: [any Layer]

    public init(_ layers: [any Layer]) { self.layers = layers }

    public convenience init(_ layers: any Layer...) { self.init(layers) }

    public func callAsFunction(_ input: Tensor) -> Tensor {
        layers.reduce(input) { x, layer in layer(x) }
    }

    public var parameters: [Tensor] { layers.flatMap(\.parameters) }

    public func setTraining(_ training: Bool) {
        for layer in layers { layer.setTraining(training) }
    }
}

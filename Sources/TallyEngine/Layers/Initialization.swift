/// How to draw a layer's initial weights, scaled by its fan-in (inputs per unit) and fan-out
/// so that activations and gradients keep roughly the same variance from layer to layer.
public enum Initialization: Sendable {
    /// Glorot & Bengio (2010), for tanh/sigmoid: U(−a, a), a = √(6 / (fanIn + fanOut)).
    case xavierUniform
    /// Glorot & Bengio (2010): N(0, 2 / (fanIn + fanOut)).
    case xavierNormal
    /// He et al. (2015), for ReLU: U(−a, a), a = √(6 / fanIn).
    case heUniform
    /// He et al. (2015), for ReLU: N(0, 2 / fanIn).
    case heNormal

    /// A [fanOut, fanIn] weight matrix, drawn by the torch-named initialisers
    /// (`xavierUniform`, `xavierNormal`, `kaimingUniform`, `kaimingNormal` with ReLU's gain √2).
    public func weights(fanIn: Int, fanOut: Int, using rng: inout RandomGenerator) -> Tensor {
        let shape = [fanOut, fanIn]
        switch self {
        case .xavierUniform: return TallyEngine.xavierUniform(shape, using: &rng)
        case .xavierNormal: return TallyEngine.xavierNormal(shape, using: &rng)
        case .heUniform: return kaimingUniform(shape, nonlinearity: "relu", using: &rng)
        case .heNormal: return kaimingNormal(shape, nonlinearity: "relu", using: &rng)
        }
    }
}

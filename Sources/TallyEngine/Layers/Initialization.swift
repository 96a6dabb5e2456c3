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

    /// A [fanOut, fanIn] weight matrix.
    public func weights(fanIn: Int, fanOut: Int, using rng: inout RandomGenerator) -> Tensor {
        let (fanIn, fanOut) = (Double(fanIn), Double(fanOut))
        switch self {
        case .xavierUniform:
            let a = (6 / (fanIn + fanOut)).squareRoot()
            return .uniform([Int(fanOut), Int(fanIn)], low: -a, high: a, using: &rng)
        case .xavierNormal:
            return .normal([Int(fanOut), Int(fanIn)], standardDeviation: (2 / (fanIn + fanOut)).squareRoot(), using: &rng)
        case .heUniform:
            let a = (6 / fanIn).squareRoot()
            return .uniform([Int(fanOut), Int(fanIn)], low: -a, high: a, using: &rng)
        case .heNormal:
            return .normal([Int(fanOut), Int(fanIn)], standardDeviation: (2 / fanIn).squareRoot(), using: &rng)
        }
    }
}

import Foundation

// Weight initialisers with torch.nn.init's names, gains and fan rules, drawing from the engine's
// seeded `RandomGenerator` (so a seed gives the same weights on every machine; the numbers are
// not torch's, whose generator differs, but the distributions are).

/// The recommended gain for a nonlinearity, as `torch.nn.init.calculate_gain`: 1 for "linear",
/// "conv1d"/"conv2d"/"conv3d", "conv_transpose1d"/"2d"/"3d" and "sigmoid"; 5/3 for "tanh"; √2
/// for "relu"; √(2 / (1 + slope²)) for "leaky_relu" (slope = `param`, default 0.01); 3/4 for
/// "selu". Traps on any other name.
public func calculateGain(_ nonlinearity: String, param: Double? = nil) -> Double {
    switch nonlinearity {
    case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid":
        return 1
    case "tanh": return 5.0 / 3
    case "relu": return 2.0.squareRoot()
    case "leaky_relu":
        let slope = param ?? 0.01
        return (2.0 / (1 + slope * slope)).squareRoot()
    case "selu": return 3.0 / 4
    default: engineFailure("calculateGain: unsupported nonlinearity \"\(nonlinearity)\"")
    }
}

/// (fan in, fan out) of a weight of `shape` [out, in, kernel…], as torch's
/// `_calculate_fan_in_and_fan_out`: fanIn = in·∏kernel, fanOut = out·∏kernel. Traps for fewer
/// than 2 dimensions.
public func calculateFanInAndFanOut(_ shape: [Int]) -> (fanIn: Int, fanOut: Int) {
    engineRequire(shape.count >= 2, "fan in and fan out need at least 2 dimensions, got shape \(shape)")
    let receptiveField = shape.dropFirst(2).reduce(1, *)
    return (shape[1] * receptiveField, shape[0] * receptiveField)
}

/// Glorot & Bengio (2010) uniform, as `torch.nn.init.xavier_uniform_`: a tensor of `shape`
/// ([out, in, kernel…]) from U(−a, a), a = √3·gain·√(2 / (fanIn + fanOut)) (default gain 1).
public func xavierUniform(_ shape: [Int], gain: Double = 1, using rng: inout RandomGenerator) -> Tensor {
    let (fanIn, fanOut) = calculateFanInAndFanOut(shape)
    let bound = 3.0.squareRoot() * (gain * (2 / Double(fanIn + fanOut)).squareRoot())
    return .uniform(shape, low: -bound, high: bound, using: &rng)
}

/// Glorot & Bengio (2010) normal, as `torch.nn.init.xavier_normal_`: a tensor of `shape` from
/// N(0, std²), std = gain·√(2 / (fanIn + fanOut)) (default gain 1).
public func xavierNormal(_ shape: [Int], gain: Double = 1, using rng: inout RandomGenerator) -> Tensor {
    let (fanIn, fanOut) = calculateFanInAndFanOut(shape)
    return .normal(shape, standardDeviation: gain * (2 / Double(fanIn + fanOut)).squareRoot(), using: &rng)
}

/// He et al. (2015) uniform, as `torch.nn.init.kaiming_uniform_(tensor, a, mode, nonlinearity)`:
/// a tensor of `shape` from U(−b, b), b = √3·gain/√fan, gain = `calculateGain(nonlinearity, a)`,
/// fan = fanIn (`mode` "fan_in", default) or fanOut ("fan_out"). Defaults are torch's: a = 0,
/// nonlinearity "leaky_relu" (so gain √2). Traps on another mode or a zero fan.
public func kaimingUniform(_ shape: [Int], a: Double = 0, mode: String = "fan_in", nonlinearity: String = "leaky_relu",
                           using rng: inout RandomGenerator) -> Tensor {
    let std = kaimingStandardDeviation(shape, a: a, mode: mode, nonlinearity: nonlinearity)
    let bound = 3.0.squareRoot() * std
    return .uniform(shape, low: -bound, high: bound, using: &rng)
}

/// He et al. (2015) normal, as `torch.nn.init.kaiming_normal_(tensor, a, mode, nonlinearity)`: a
/// tensor of `shape` from N(0, std²), std = gain/√fan, with gain and fan as `kaimingUniform`.
public func kaimingNormal(_ shape: [Int], a: Double = 0, mode: String = "fan_in", nonlinearity: String = "leaky_relu",
                          using rng: inout RandomGenerator) -> Tensor {
    .normal(shape, standardDeviation: kaimingStandardDeviation(shape, a: a, mode: mode, nonlinearity: nonlinearity), using: &rng)
}

private func kaimingStandardDeviation(_ shape: [Int], a: Double, mode: String, nonlinearity: String) -> Double {
    let (fanIn, fanOut) = calculateFanInAndFanOut(shape)
    engineRequire(mode == "fan_in" || mode == "fan_out", "kaiming: mode must be \"fan_in\" or \"fan_out\", got \"\(mode)\"")
    let fan = mode == "fan_in" ? fanIn : fanOut
    engineRequire(fan > 0, "kaiming initialisation of a tensor with a zero dimension, shape \(shape)")
    return calculateGain(nonlinearity, param: a) / Double(fan).squareRoot()
}

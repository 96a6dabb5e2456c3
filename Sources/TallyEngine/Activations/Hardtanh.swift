extension Activation {
    /// x clipped to [minVal, maxVal] (defaults −1, 1), as `torch.nn.functional.hardtanh`; the
    /// derivative is 1 strictly inside and 0 outside and at both bounds (torch's rule, as `clamp`).
    /// Traps unless minVal < maxVal.
    public static func hardtanh(minVal: Double = -1, maxVal: Double = 1) -> Activation {
        engineRequire(minVal < maxVal, "hardtanh needs minVal < maxVal, got \(minVal), \(maxVal)")
        return Activation(name: "hardtanh(\(minVal), \(maxVal))", function: { Swift.min(Swift.max($0, minVal), maxVal) },
                          derivative: { x, _ in x > minVal && x < maxVal ? 1 : 0 })
    }

    /// Hardtanh with torch's defaults [−1, 1].
    public static let hardtanh = hardtanh()
}

// Each form also without options, so that `hardtanh` names a (Double) -> Double function.

/// Hardtanh of a number on [−1, 1].
public func hardtanh(_ x: Double) -> Double { Activation.hardtanh(x) }
/// Hardtanh of a number; see `Activation.hardtanh(minVal:maxVal:)`.
public func hardtanh(_ x: Double, minVal: Double, maxVal: Double) -> Double {
    Activation.hardtanh(minVal: minVal, maxVal: maxVal)(x)
}
/// Hardtanh elementwise on [−1, 1] (same shape), differentiable; mirrors `torch.nn.functional.hardtanh`.
public func hardtanh(_ x: Tensor) -> Tensor { Activation.hardtanh(x) }
/// Hardtanh elementwise (same shape), differentiable; mirrors `torch.nn.functional.hardtanh`.
public func hardtanh(_ x: Tensor, minVal: Double, maxVal: Double) -> Tensor {
    Activation.hardtanh(minVal: minVal, maxVal: maxVal)(x)
}

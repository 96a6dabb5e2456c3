/// Clamps every gradient entry into [−maxValue, maxValue] (PyTorch's clip_grad_value_).
public func clipGradients(_ parameters: [Tensor], maxValue: Double) {
    for p in parameters {
        p.grad?.data = p.grad!.data.map { Swift.min(Swift.max($0, -maxValue), maxValue) }
    }
}

/// Rescales all gradients together so their joint L2 norm is at most `maxNorm`, keeping their
/// direction (PyTorch's clip_grad_norm_, including its 1e-6 guard); returns the norm before.
@discardableResult
public func clipGradientNorm(_ parameters: [Tensor], maxNorm: Double) -> Double {
    let norm = parameters.reduce(0) { total, p in total + (p.grad?.data.reduce(0) { $0 + $1 * $1 } ?? 0) }.squareRoot()
    let scale = maxNorm / (norm + 1e-6)
    if scale < 1 {
        for p in parameters { p.grad?.data = p.grad!.data.map { $0 * scale } }
    }
    return norm
}

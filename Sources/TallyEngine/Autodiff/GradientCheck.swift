// Finite differences, to confirm that a gradient — computed by autodiff or derived by hand —
// is right:
//
//     gradientCheck({ x in (x * x).sum() }, at: Tensor([1, 2, 3]))          // ≈ 1e-10
//     gradientCheck({ x in (x * x).sum() }, gradient: { 2 * $0 }, at: Tensor([1, 2, 3]))

/// Central differences (f(x + h) − f(x − h)) / 2h, one element at a time, of the sum of f's
/// output, with respect to each input.
public func numericalGradient(_ f: ([Tensor]) -> Tensor, at inputs: [Tensor], h: Double = 1e-6) -> [Tensor] {
    let probes = inputs.map { $0.detached() }
    return probes.map { probe in
        Tensor(shape: probe.shape, data: probe.data.indices.map { i in
            let original = probe.data[i]
            probe.data[i] = original + h
            let up = f(probes).data.reduce(0, +)
            probe.data[i] = original - h
            let down = f(probes).data.reduce(0, +)
            probe.data[i] = original
            return (up - down) / (2 * h)
        })
    }
}

/// Central differences of the sum of f's output with respect to each element of `x` (same shape
/// as `x`), with step `h` (default 1e-6).
public func numericalGradient(_ f: (Tensor) -> Tensor, at x: Tensor, h: Double = 1e-6) -> Tensor {
    numericalGradient({ f($0[0]) }, at: [x], h: h)[0]
}

/// The gradients that `backward()` computes for f at `inputs` (zeros where f ignores one).
public func autodiffGradient(_ f: ([Tensor]) -> Tensor, at inputs: [Tensor]) -> [Tensor] {
    let leaves = inputs.map { Tensor(shape: $0.shape, data: $0.data, requiresGrad: true) }
    let output = f(leaves)
    if output.requiresGrad { output.backward() }
    return leaves.map { $0.grad ?? Tensor.zeros($0.shape) }
}

/// The largest disagreement between autodiff and finite differences over all inputs' elements,
/// as |a − n| / max(1, |a|, |n|): absolute for small gradients, relative for large ones.
/// Around 1e-8 or below means the gradient is right.
public func gradientCheck(_ f: ([Tensor]) -> Tensor, at inputs: [Tensor], h: Double = 1e-6) -> Double {
    maxError(autodiffGradient(f, at: inputs), numericalGradient(f, at: inputs, h: h))
}

/// `gradientCheck` for a function of one tensor: the largest |autodiff − finite difference| /
/// max(1, |a|, |n|) over the elements of `x`; around 1e-8 or below means the gradient is right.
public func gradientCheck(_ f: (Tensor) -> Tensor, at x: Tensor, h: Double = 1e-6) -> Double {
    gradientCheck({ f($0[0]) }, at: [x], h: h)
}

/// The same comparison for a hand-derived `gradient` of f.
public func gradientCheck(_ f: (Tensor) -> Tensor, gradient: (Tensor) -> Tensor, at x: Tensor,
                          h: Double = 1e-6) -> Double {
    maxError([gradient(x.detached())], [numericalGradient(f, at: x, h: h)])
}

private func maxError(_ a: [Tensor], _ b: [Tensor]) -> Double {
    zip(a, b).flatMap { a, b in
        engineRequire(a.shape == b.shape, "gradient shape \(a.shape) differs from \(b.shape)")
        return zip(a.data, b.data).map { x, y in Swift.abs(x - y) / Swift.max(1, Swift.abs(x), Swift.abs(y)) }
    }.max() ?? 0
}

// The step shared by layer, group and batch normalisation: standardise each row of a
// [rows, width] matrix by its own mean and biased variance, x̂ = (x − μ) / √(σ² + ε), with the
// backward pass written out (rather than composed of sums and divisions) because it is both
// cheaper and the form PyTorch uses: ∂x = (g − mean(g) − x̂·mean(g·x̂)) / √(σ² + ε).

/// x̂ for every row of `x` (any shape, read as [rows, width]), with the row means and biased
/// variances (plain numbers, for running statistics). Differentiable in `x`.
func standardizedRows(_ x: Tensor, width: Int, eps: Double) -> (normalized: Tensor, mean: [Double], variance: [Double]) {
    engineRequire(width > 0 && x.count % width == 0, "cannot split \(x.shape) into rows of \(width)")
    let rows = x.count / width
    let values = x.data
    var mean = [Double](repeating: 0, count: rows), variance = mean, inverseStd = mean
    var out = [Double](repeating: 0, count: x.count)
    for r in 0..<rows {
        let base = r * width
        var sum = 0.0
        for j in 0..<width { sum += values[base + j] }
        let mu = sum / Double(width)
        var squares = 0.0
        for j in 0..<width { let d = values[base + j] - mu; squares += d * d }
        let v = squares / Double(width)
        let s = 1 / (v + eps).squareRoot()
        for j in 0..<width { out[base + j] = (values[base + j] - mu) * s }
        (mean[r], variance[r], inverseStd[r]) = (mu, v, s)
    }
    let normalized = Tensor.recording(shape: x.shape, data: out, parents: [x]) { g in
        var gx = [Double](repeating: 0, count: g.count)
        for r in 0..<rows {
            let base = r * width
            var meanG = 0.0, meanGX = 0.0
            for j in 0..<width { meanG += g[base + j]; meanGX += g[base + j] * out[base + j] }
            meanG /= Double(width)
            meanGX /= Double(width)
            for j in 0..<width { gx[base + j] = (g[base + j] - meanG - out[base + j] * meanGX) * inverseStd[r] }
        }
        x.accumulateGradient(gx)
    }
    return (normalized, mean, variance)
}

/// A per-channel parameter [C] shaped to broadcast over [N, C, d1, d2, …] of rank `rank`.
func channelShaped(_ parameter: Tensor, rank: Int) -> Tensor {
    parameter.reshaped([parameter.count] + Array(repeating: 1, count: Swift.max(rank - 2, 0)))
}

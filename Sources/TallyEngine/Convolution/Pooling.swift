// Pooling over the last two axes (any leading axes — channels, batch — are kept), in windows
// of kh×kw moved by `stride` (default: the window size, non-overlapping), optionally over a
// padded input and with `ceilMode` keeping a last partial window. Output size per axis:
// ⌊ or ⌈(H + 2p − d·(k − 1) − 1) / s⌉ + 1, where with ceilMode a last window that would
// start in the right padding is dropped. Both are differentiable. Traps when a padding exceeds
// half the window or the window exceeds the padded input.

/// The largest value of each window (padding counts as −∞); the gradient goes to it (the first
/// one on a tie). Mirrors `torch.nn.functional.max_pool2d`.
///
///     maxPool2d(x, size: 3, stride: 2, padding: 1, ceilMode: true)
public func maxPool2d(_ x: Tensor, size: Size2d, stride: Size2d? = nil, padding: Size2d = 0, dilation: Size2d = 1,
                      ceilMode: Bool = false) -> Tensor {
    let pooling = PoolingWindows(x.shape, size: size, stride: stride ?? size, padding: padding, dilation: dilation,
                                 ceilMode: ceilMode, includePadding: false)
    let values = x.data
    let winners = pooling.windows.map { window in window.max { values[$0] < values[$1] }! }
    return x.gather(winners, shape: pooling.shape)
}

/// The mean of each window; the gradient is shared equally. With `countIncludePad` (the
/// default, as torch) zeros of the padding count in the divisor, otherwise only input values
/// do; a ceilMode window running past the padding is always divided by its part inside.
/// Mirrors `torch.nn.functional.avg_pool2d`.
public func avgPool2d(_ x: Tensor, size: Size2d, stride: Size2d? = nil, padding: Size2d = 0, ceilMode: Bool = false,
                      countIncludePad: Bool = true) -> Tensor {
    let pooling = PoolingWindows(x.shape, size: size, stride: stride ?? size, padding: padding, dilation: 1,
                                 ceilMode: ceilMode, includePadding: countIncludePad)
    let values = x.data
    let out = zip(pooling.windows, pooling.divisors).map { window, divisor in
        window.reduce(0) { $0 + values[$1] } / divisor
    }
    return Tensor.recording(shape: pooling.shape, data: out, parents: [x]) { g in
        var gx = [Double](repeating: 0, count: x.count)
        for (k, (window, divisor)) in zip(pooling.windows, pooling.divisors).enumerated() {
            for source in window { gx[source] += g[k] / divisor }
        }
        x.accumulateGradient(gx)
    }
}

/// The output shape and, for each output element in order, the flat offsets of its window's
/// input elements (padding left out) and its averaging divisor.
private struct PoolingWindows {
    var shape: [Int]
    var windows: [[Int]] = []
    var divisors: [Double] = []

    init(_ shape: [Int], size: Size2d, stride: Size2d, padding: Size2d, dilation: Size2d, ceilMode: Bool,
         includePadding: Bool) {
        engineRequire(shape.count >= 2 && size.height > 0 && size.width > 0 && stride.height > 0 && stride.width > 0,
                     "pooling needs [..., H, W], a positive size and stride")
        engineRequire(padding.height >= 0 && padding.width >= 0 && 2 * padding.height <= size.height
                     && 2 * padding.width <= size.width, "pooling: padding \(padding) must be at most half the window \(size)")
        let (h, w) = (shape[shape.count - 2], shape[shape.count - 1])
        func outputSize(_ n: Int, _ k: Int, _ s: Int, _ p: Int, _ d: Int) -> Int {
            let span = n + 2 * p - d * (k - 1) - 1
            engineRequire(span >= 0, "pooling window \(size) larger than the padded \(h)×\(w) input")
            var out = (ceilMode ? (span + s - 1) / s : span / s) + 1
            if ceilMode && (out - 1) * s >= n + p { out -= 1 }
            return out
        }
        let outH = outputSize(h, size.height, stride.height, padding.height, dilation.height)
        let outW = outputSize(w, size.width, stride.width, padding.width, dilation.width)
        let planes = shape.dropLast(2).reduce(1, *)
        self.shape = Array(shape.dropLast(2)) + [outH, outW]
        windows.reserveCapacity(planes * outH * outW)
        for plane in 0..<planes { for i in 0..<outH { for j in 0..<outW {
            let top = i * stride.height - padding.height, left = j * stride.width - padding.width
            let rows = (0..<size.height).map { top + $0 * dilation.height }.filter { $0 >= 0 && $0 < h }
            let cols = (0..<size.width).map { left + $0 * dilation.width }.filter { $0 >= 0 && $0 < w }
            windows.append(rows.flatMap { r in cols.map { c in (plane * h + r) * w + c } })
            // torch's divisor: the window clipped to the padded input, or to the input itself.
            let paddedRows = min(top + size.height, h + padding.height) - top
            let paddedCols = min(left + size.width, w + padding.width) - left
            divisors.append(Double(includePadding ? paddedRows * paddedCols : rows.count * cols.count))
        } } }
    }
}

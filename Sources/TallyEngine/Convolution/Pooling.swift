// Pooling over the last two axes (any leading axes — channels, batch — are kept), in windows
// of size×size moved by `stride` (default: size, non-overlapping). Both are differentiable.

/// The largest value of each window; the gradient goes to it.
public func maxPool2d(_ x: Tensor, size: Int, stride: Int? = nil) -> Tensor {
    let (shape, windows) = poolingWindows(x.shape, size: size, stride: stride ?? size)
    let values = x.data
    let winners = windows.map { window in window.max { values[$0] < values[$1] }! }
    return x.gather(winners, shape: shape)
}

/// The mean of each window; the gradient is shared equally.
public func avgPool2d(_ x: Tensor, size: Int, stride: Int? = nil) -> Tensor {
    let (shape, windows) = poolingWindows(x.shape, size: size, stride: stride ?? size)
    return x.gather(windows.flatMap { $0 }, shape: shape + [size * size]).mean(axis: -1)
}

/// The output shape and, for each output element in order, the flat offsets of its window.
private func poolingWindows(_ shape: [Int], size: Int, stride: Int) -> (shape: [Int], windows: [[Int]]) {
    engineRequire(shape.count >= 2 && size > 0 && stride > 0, "pooling needs [..., H, W], a size and a stride")
    let (h, w) = (shape[shape.count - 2], shape[shape.count - 1])
    let outH = (h - size) / stride + 1, outW = (w - size) / stride + 1
    engineRequire(h >= size && w >= size, "pooling window \(size) larger than \(h)×\(w)")
    let planes = shape.dropLast(2).reduce(1, *)
    var windows: [[Int]] = []
    windows.reserveCapacity(planes * outH * outW)
    for plane in 0..<planes { for i in 0..<outH { for j in 0..<outW {
        windows.append((0..<size).flatMap { u in
            (0..<size).map { v in (plane * h + i * stride + u) * w + j * stride + v }
        })
    } } }
    return (Array(shape.dropLast(2)) + [outH, outW], windows)
}

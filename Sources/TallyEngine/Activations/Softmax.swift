import Foundation

// Softmax and its logarithmic relatives, along one axis (the last by default, i.e. per row of
// a batch). All subtract the maximum first: e^(x − m) cannot overflow and softmax is unchanged.

/// eˣⁱ / Σ eˣʲ, numerically stable.
public func softmax(_ x: [Double]) -> [Double] {
    let m = x.max() ?? 0
    let e = x.map { Foundation.exp($0 - m) }
    let total = e.reduce(0, +)
    return e.map { $0 / total }
}

/// ln Σ eˣⁱ, computed as m + ln Σ e^(xᵢ − m).
public func logSumExp(_ x: [Double]) -> Double {
    let m = x.max() ?? -.infinity
    guard m.isFinite else { return m }
    return m + Foundation.log(x.reduce(0) { $0 + Foundation.exp($1 - m) })
}

/// xᵢ − ln Σ eˣʲ: the log of softmax without ever taking the log of a tiny number.
public func logSoftmax(_ x: [Double]) -> [Double] {
    let lse = logSumExp(x)
    return x.map { $0 - lse }
}

/// Softmax along `axis`. Backward: ∂x = y ⊙ (g − Σ g⊙y).
public func softmax(_ x: Tensor, axis: Int = -1) -> Tensor {
    let y = x.slices(along: axis).map(softmax)
    return Tensor.recording(shape: x.shape, data: x.joinSlices(y, along: axis), parents: [x]) { g in
        let gradient = zip(x.slices(along: axis, of: g), y).map { g, y in
            let dot = zip(g, y).reduce(0) { $0 + $1.0 * $1.1 }
            return zip(g, y).map { $1 * ($0 - dot) }
        }
        x.accumulateGradient(x.joinSlices(gradient, along: axis))
    }
}

/// Log-softmax along `axis`. Backward: ∂x = g − softmax(x)·Σg.
public func logSoftmax(_ x: Tensor, axis: Int = -1) -> Tensor {
    let y = x.slices(along: axis).map(logSoftmax)
    return Tensor.recording(shape: x.shape, data: x.joinSlices(y, along: axis), parents: [x]) { g in
        let gradient = zip(x.slices(along: axis, of: g), y).map { g, y in
            let total = g.reduce(0, +)
            return zip(g, y).map { $0 - Foundation.exp($1) * total }
        }
        x.accumulateGradient(x.joinSlices(gradient, along: axis))
    }
}

/// ln Σ exp along `axis`, which is removed. Backward: ∂x = g·softmax(x).
public func logSumExp(_ x: Tensor, axis: Int = -1) -> Tensor {
    let slices = x.slices(along: axis)
    return Tensor.recording(shape: x.axisLayout(axis).resultShape, data: slices.map(logSumExp),
                            parents: [x]) { g in
        x.accumulateGradient(x.joinSlices(zip(slices, g).map { slice, g in softmax(slice).map { $0 * g } },
                                          along: axis))
    }
}

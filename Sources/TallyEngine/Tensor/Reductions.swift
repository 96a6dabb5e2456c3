// Sums, means and maxima over all elements or along one axis (the axis is removed, as in
// numpy without keepdims; use `reshaped` to keep it).

extension Tensor {
    /// Splits the shape around `axis` into (outer, length, inner) so element (o, k, i) is at
    /// (o · length + k) · inner + i.
    func axisLayout(_ axis: Int) -> (outer: Int, length: Int, inner: Int, resultShape: [Int]) {
        let axis = normalizedAxis(axis)
        var resultShape = shape
        resultShape.remove(at: axis)
        return (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *), resultShape)
    }

    func normalizedAxis(_ axis: Int) -> Int {
        let a = axis < 0 ? axis + rank : axis
        engineRequire(a >= 0 && a < rank, "axis \(axis) out of range for shape \(shape)")
        return a
    }

    /// The sum of all elements, as a 0-dimensional tensor.
    public func sum() -> Tensor {
        Tensor.recording(shape: [], data: [data.reduce(0, +)], parents: [self]) { [self] g in
            accumulateGradient(Array(repeating: g[0], count: count))
        }
    }

    /// The sum along `axis`: shape [2, 3] summed along axis 0 gives shape [3].
    public func sum(axis: Int) -> Tensor {
        let (outer, length, inner, resultShape) = axisLayout(axis)
        let x = data  // a local copy: reading a class property in the loop costs an access check each time
        var out = Array(repeating: 0.0, count: outer * inner)
        for o in 0..<outer {
            for k in 0..<length {
                for i in 0..<inner { out[o * inner + i] += x[(o * length + k) * inner + i] }
            }
        }
        return Tensor.recording(shape: resultShape, data: out, parents: [self]) { [self] g in
            var gx = Array(repeating: 0.0, count: count)
            for o in 0..<outer {
                for k in 0..<length {
                    for i in 0..<inner { gx[(o * length + k) * inner + i] = g[o * inner + i] }
                }
            }
            accumulateGradient(gx)
        }
    }

    /// The mean of all elements, as a 0-dimensional tensor (NaN for an empty tensor); differentiable.
    /// Mirrors `torch.mean`.
    public func mean() -> Tensor { sum() / Double(count) }

    /// The mean along `axis` (negative counts from the end), which is removed from the shape;
    /// differentiable. Mirrors `torch.mean(x, dim)`. Traps on an axis out of range.
    public func mean(axis: Int) -> Tensor { sum(axis: axis) / Double(shape[normalizedAxis(axis)]) }

    /// The largest element, as a 0-dimensional tensor (traps on an empty tensor). Mirrors
    /// `torch.max(x)` / `torch.amax` without a dimension: when k elements tie for the maximum,
    /// each gets 1/k of the gradient. (`max(axis:)` instead follows `torch.max(x, dim)`, whose
    /// gradient goes to the first maximal element only.)
    public func max() -> Tensor {
        engineRequire(count > 0, "max of an empty tensor")
        let x = data  // local copy, as in sum(axis:)
        let best = x.max()!
        let winners = x.indices.filter { x[$0] == best }
        return Tensor.recording(shape: [], data: [best], parents: [self]) { [self] g in
            var gx = Array(repeating: 0.0, count: count)
            let share = g[0] / Double(winners.count)
            for i in winners { gx[i] = share }
            accumulateGradient(gx)
        }
    }

    /// The maximum along `axis`; the gradient goes to the first maximal element of each slice.
    public func max(axis: Int) -> Tensor {
        let (outer, length, inner, resultShape) = axisLayout(axis)
        engineRequire(length > 0, "max of an empty axis")
        let x = data  // local copy, as in sum(axis:)
        var winners = Array(repeating: 0, count: outer * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                var best = o * length * inner + i
                for k in 1..<length where x[(o * length + k) * inner + i] > x[best] {
                    best = (o * length + k) * inner + i
                }
                winners[o * inner + i] = best
            }
        }
        return Tensor.recording(shape: resultShape, data: winners.map { x[$0] }, parents: [self]) { [self] g in
            var gx = Array(repeating: 0.0, count: count)
            for (j, source) in winners.enumerated() { gx[source] += g[j] }
            accumulateGradient(gx)
        }
    }

    /// The smallest element (minus the maximum of the negation, so it shares max's gradient:
    /// ties split it evenly, as `torch.min(x)`).
    public func min() -> Tensor { -(-self).max() }

    /// The smallest element along `axis`, which is removed from the shape; differentiable (the gradient
    /// goes as `max(axis:)`'s does). Traps on an axis out of range.
    public func min(axis: Int) -> Tensor { -(-self).max(axis: axis) }
}

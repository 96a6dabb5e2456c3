// Row-wise operations (softmax, log-sum-exp, …) along any axis: cut the data into the 1-D
// slices that run along the axis, work on each, and put the results back in place.

extension Tensor {
    /// The 1-D slices of `values` (laid out like self; default its data) running along `axis`,
    /// ordered by the remaining indices in row-major order.
    func slices(along axis: Int, of values: [Double]? = nil) -> [[Double]] {
        let values = values ?? data
        let (outer, length, inner, _) = axisLayout(axis)
        return (0..<outer * inner).map { s in
            let (o, i) = s.quotientAndRemainder(dividingBy: inner)
            return (0..<length).map { k in values[(o * length + k) * inner + i] }
        }
    }

    /// Inverse of `slices(along:)`: data laid out like self.
    func joinSlices(_ slices: [[Double]], along axis: Int) -> [Double] {
        let (_, length, inner, _) = axisLayout(axis)
        var out = Array(repeating: 0.0, count: count)
        for (s, slice) in slices.enumerated() {
            let (o, i) = s.quotientAndRemainder(dividingBy: inner)
            for k in 0..<length { out[(o * length + k) * inner + i] = slice[k] }
        }
        return out
    }
}

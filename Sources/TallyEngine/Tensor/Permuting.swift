extension Tensor {
    /// The same elements with the axes reordered: axis k of the result is axis `axes[k]` of
    /// self, so a [2, 3, 4] tensor permuted by [2, 0, 1] has shape [4, 2, 3]. Mirrors
    /// `torch.permute` (copies the data; the engine has no strided views). Differentiable.
    /// Traps unless `axes` is a permutation of 0..<rank.
    public func permuted(_ axes: [Int]) -> Tensor {
        engineRequire(axes.sorted() == Array(0..<rank), "permuted: \(axes) is not a permutation of the axes of \(shape)")
        let sources = permutationSources(axes)
        let newShape = axes.map { shape[$0] }
        let values = data
        return Tensor.recording(shape: newShape, data: sources.map { values[$0] }, parents: [self]) { [self] g in
            // A permutation moves every element once: scatter the gradient back without summing.
            var gx = Array(repeating: 0.0, count: count)
            for (j, source) in sources.enumerated() { gx[source] = g[j] }
            accumulateGradient(gx)
        }
    }

    /// For each element of the permuted tensor in row-major order, its flat offset in self.
    private func permutationSources(_ axes: [Int]) -> [Int] {
        var strides = Array(repeating: 1, count: rank)
        for axis in stride(from: rank - 2, through: 0, by: -1) { strides[axis] = strides[axis + 1] * shape[axis + 1] }
        let newShape = axes.map { shape[$0] }, newStrides = axes.map { strides[$0] }
        var sources = [Int](repeating: 0, count: count)
        guard count > 0 else { return sources }
        var index = Array(repeating: 0, count: rank), offset = 0
        for j in 0..<count {
            sources[j] = offset
            var axis = rank - 1
            while axis >= 0 {
                index[axis] += 1
                offset += newStrides[axis]
                if index[axis] < newShape[axis] { break }
                offset -= newStrides[axis] * newShape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return sources
    }
}

extension Tensor {
    /// One element by its full index: `m[1, 2]`.
    public subscript(_ index: Int...) -> Double {
        get { data[flatIndex(index)] }
        set { data[flatIndex(index)] = newValue }
    }

    func flatIndex(_ index: [Int]) -> Int {
        engineRequire(index.count == rank, "index \(index) does not match shape \(shape)")
        var flat = 0
        for (i, n) in zip(index, shape) {
            engineRequire(i >= 0 && i < n, "index \(index) out of range for shape \(shape)")
            flat = flat * n + i
        }
        return flat
    }

    /// A block of the tensor: one range per leading axis, later axes taken whole.
    /// `m[0..<2, 1..<3]` is rows 0–1, columns 1–2. Differentiable.
    public subscript(_ ranges: Range<Int>...) -> Tensor {
        engineRequire(ranges.count <= rank, "\(ranges.count) ranges for shape \(shape)")
        let full = ranges + shape[ranges.count...].map { 0..<$0 }
        for (r, n) in zip(full, shape) { engineRequire(r.lowerBound >= 0 && r.upperBound <= n, "range \(r) out of 0..<\(n)") }
        return gather(sourceOffsets(of: full), shape: full.map(\.count))
    }

    /// The given entries along the first axis, in order (e.g. one mini-batch of samples).
    /// Differentiable; repeated indices get summed gradients.
    public func rows(_ indices: [Int]) -> Tensor {
        let width = count / Swift.max(shape.first ?? 1, 1)
        let sources = indices.flatMap { i -> Range<Int> in
            engineRequire(i >= 0 && i < shape[0], "row \(i) out of range for shape \(shape)")
            return i * width ..< (i + 1) * width
        }
        return gather(sources, shape: [indices.count] + shape.dropFirst())
    }

    /// A tensor of the elements at flat offsets `sources`; its gradient flows back to them.
    func gather(_ sources: [Int], shape resultShape: [Int]) -> Tensor {
        let values = data  // local copy, as in sum(axis:)
        return Tensor.recording(shape: resultShape, data: sources.map { values[$0] }, parents: [self]) { [self] g in
            var gx = Array(repeating: 0.0, count: count)
            for (j, source) in sources.enumerated() { gx[source] += g[j] }
            accumulateGradient(gx)
        }
    }

    /// Flat offsets of the elements of a block, in row-major order of the block.
    private func sourceOffsets(of ranges: [Range<Int>]) -> [Int] {
        var offsets = [0]
        for (r, n) in zip(ranges, shape) {
            offsets = offsets.flatMap { base in r.map { base * n + $0 } }
        }
        return offsets
    }
}

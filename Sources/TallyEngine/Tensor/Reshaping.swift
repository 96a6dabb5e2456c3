extension Tensor {
    /// The same elements in a new shape; one dimension may be -1 to be inferred.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var newShape = newShape
        if let unknown = newShape.firstIndex(of: -1) {
            newShape[unknown] = 1
            newShape[unknown] = count / Swift.max(newShape.product, 1)
        }
        engineRequire(newShape.product == count, "cannot reshape \(shape) to \(newShape)")
        return Tensor.recording(shape: newShape, data: data, parents: [self]) { [self] g in
            accumulateGradient(g)
        }
    }

    /// A flat vector of all elements.
    public func flattened() -> Tensor { reshaped([count]) }

    /// The transpose of a matrix (a vector becomes a column).
    public func transposed() -> Tensor {
        if rank == 1 { return reshaped([count, 1]) }
        engineRequire(rank == 2, "transposed() needs a matrix, shape is \(shape)")
        let (m, n) = (shape[0], shape[1])
        return Tensor.recording(shape: [n, m], data: transposeData(data, m, n), parents: [self]) { [self] g in
            accumulateGradient(transposeData(g, n, m))
        }
    }

    /// numpy's shorthand for `transposed()`.
    public var T: Tensor { transposed() }
}

/// The m×n row-major matrix `a` transposed.
func transposeData(_ a: [Double], _ m: Int, _ n: Int) -> [Double] {
    [Double](unsafeUninitializedCapacity: m * n) { out, initialized in
        for i in 0..<m { for j in 0..<n { out[j * m + i] = a[i * n + j] } }
        initialized = m * n
    }
}

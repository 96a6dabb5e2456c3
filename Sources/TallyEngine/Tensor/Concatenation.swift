// Joining tensors along an axis and cutting them apart again; all differentiable. The pieces
// are moved as contiguous blocks: for an axis with `outer` blocks before it and `inner`
// elements after it, each piece contributes `outer` runs of length·inner elements.

/// The tensors joined along `axis` (negative counts from the end); all other dimensions must
/// agree. Mirrors `torch.cat` / `torch.concatenate`. Traps on an empty list or mismatched shapes.
public func concatenate(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
    engineRequire(!tensors.isEmpty, "concatenate needs at least one tensor")
    let first = tensors[0]
    let axis = first.normalizedAxis(axis)
    for t in tensors {
        engineRequire(t.rank == first.rank && zip(t.shape, first.shape).enumerated().allSatisfy { $0.offset == axis || $0.element.0 == $0.element.1 },
                     "concatenate along axis \(axis): shapes \(tensors.map(\.shape)) differ elsewhere")
    }
    let outer = Array(first.shape[..<axis]).product
    let inner = Array(first.shape[(axis + 1)...]).product
    let runs = tensors.map { $0.shape[axis] * inner }
    let total = runs.reduce(0, +)
    var shape = first.shape
    shape[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
    var out = [Double]()
    out.reserveCapacity(outer * total)
    for o in 0..<outer {
        for (t, run) in zip(tensors, runs) { out.append(contentsOf: t.data[o * run ..< (o + 1) * run]) }
    }
    return Tensor.recording(shape: shape, data: out, parents: tensors) { g in
        var start = 0
        for (t, run) in zip(tensors, runs) {
            if t.requiresGrad {
                var gt = [Double]()
                gt.reserveCapacity(outer * run)
                for o in 0..<outer { gt.append(contentsOf: g[o * total + start ..< o * total + start + run]) }
                t.accumulateGradient(gt)
            }
            start += run
        }
    }
}

/// The tensors, all of one shape, stacked along a new axis at position `axis`. Mirrors
/// `torch.stack`. Traps on an empty list or differing shapes.
public func stack(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
    engineRequire(!tensors.isEmpty, "stack needs at least one tensor")
    let shape = tensors[0].shape
    engineRequire(tensors.allSatisfy { $0.shape == shape }, "stack: shapes \(tensors.map(\.shape)) differ")
    let axis = axis < 0 ? axis + shape.count + 1 : axis
    engineRequire(axis >= 0 && axis <= shape.count, "stack: axis out of range for shape \(shape)")
    var expanded = shape
    expanded.insert(1, at: axis)
    return concatenate(tensors.map { $0.reshaped(expanded) }, axis: axis)
}

extension Tensor {
    /// The entries `start ..< start + length` along `axis`, all other axes whole. Mirrors
    /// `torch.narrow` (a copy here). Differentiable. Traps when the range leaves the axis.
    public func narrowed(axis: Int, start: Int, length: Int) -> Tensor {
        let (outer, size, inner, _) = axisLayout(axis)
        engineRequire(start >= 0 && length >= 0 && start + length <= size,
                     "narrowed: \(start)..<\(start + length) out of 0..<\(size) along axis \(axis) of \(shape)")
        var newShape = shape
        newShape[normalizedAxis(axis)] = length
        let (run, stride) = (length * inner, size * inner)
        let values = data
        var out = [Double]()
        out.reserveCapacity(outer * run)
        for o in 0..<outer { out.append(contentsOf: values[o * stride + start * inner ..< o * stride + start * inner + run]) }
        return Tensor.recording(shape: newShape, data: out, parents: [self]) { [self] g in
            var gx = Array(repeating: 0.0, count: count)
            for o in 0..<outer {
                for k in 0..<run { gx[o * stride + start * inner + k] = g[o * run + k] }
            }
            accumulateGradient(gx)
        }
    }

    /// `chunks` equal pieces along `axis`. Mirrors `torch.chunk` for a dimension that `chunks`
    /// divides (traps otherwise), e.g. splitting an LSTM's gate pre-activations into four.
    public func chunked(_ chunks: Int, axis: Int) -> [Tensor] {
        let size = shape[normalizedAxis(axis)]
        engineRequire(chunks > 0 && size % chunks == 0, "chunked: \(chunks) does not divide \(size) (shape \(shape))")
        let length = size / chunks
        return (0..<chunks).map { narrowed(axis: axis, start: $0 * length, length: length) }
    }
}

// numpy broadcasting: shapes are aligned at their last axis; a dimension of 1 (or a missing
// leading one) stretches to match the other operand.

func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int] {
    let rank = max(a.count, b.count)
    let a = Array(repeating: 1, count: rank - a.count) + a
    let b = Array(repeating: 1, count: rank - b.count) + b
    return zip(a, b).map { x, y in
        precondition(x == y || x == 1 || y == 1, "shapes \(a) and \(b) do not broadcast")
        return x == 1 ? y : x
    }
}

/// Row-major strides of `shape` viewed in the larger `target` shape; stretched axes get stride 0.
func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
    let padded = Array(repeating: 1, count: target.count - shape.count) + shape
    var strides = Array(repeating: 0, count: target.count)
    var step = 1
    for axis in stride(from: target.count - 1, through: 0, by: -1) {
        strides[axis] = padded[axis] == 1 ? 0 : step
        step *= padded[axis]
    }
    return strides
}

/// True if `small` repeats in `large` as a block (e.g. a bias [m] added to [n, m]), so element i
/// of the large array pairs with element i % small.count.
func isTrailingBlock(_ small: [Int], of large: [Int]) -> Bool {
    let trimmed = small.drop { $0 == 1 }
    return trimmed.count <= large.count && Array(large.suffix(trimmed.count)) == Array(trimmed)
}

/// Calls body(outputIndex, offsetA, offsetB) for every element of `shape`.
@inline(__always)
func forEachBroadcastPair(_ shape: [Int], _ stridesA: [Int], _ stridesB: [Int],
                          _ body: (Int, Int, Int) -> Void) {
    let total = shape.product
    guard total > 0 else { return }
    var index = Array(repeating: 0, count: shape.count)
    var offsetA = 0, offsetB = 0
    for i in 0..<total {
        body(i, offsetA, offsetB)
        var axis = shape.count - 1
        while axis >= 0 {
            index[axis] += 1
            offsetA += stridesA[axis]
            offsetB += stridesB[axis]
            if index[axis] < shape[axis] { break }
            offsetA -= stridesA[axis] * shape[axis]
            offsetB -= stridesB[axis] * shape[axis]
            index[axis] = 0
            axis -= 1
        }
    }
}

/// f applied to broadcast pairs of elements.
@inline(__always)
func broadcastMap(_ aShape: [Int], _ a: [Double], _ bShape: [Int], _ b: [Double],
                  _ f: (Double, Double) -> Double) -> (shape: [Int], data: [Double]) {
    let shape = aShape == bShape ? aShape : broadcastShape(aShape, bShape)
    let total = shape.product
    let data = [Double](unsafeUninitializedCapacity: total) { out, initialized in
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                if a.count == total && b.count == total {
                    for i in 0..<total { out[i] = f(a[i], b[i]) }
                } else if b.count == 1 && a.count == total {
                    let y = b[0]
                    for i in 0..<total { out[i] = f(a[i], y) }
                } else if a.count == 1 && b.count == total {
                    let x = a[0]
                    for i in 0..<total { out[i] = f(x, b[i]) }
                } else if a.count == total && isTrailingBlock(bShape, of: shape) {
                    let m = b.count
                    for i in 0..<total { out[i] = f(a[i], b[i % m]) }
                } else if b.count == total && isTrailingBlock(aShape, of: shape) {
                    let m = a.count
                    for i in 0..<total { out[i] = f(a[i % m], b[i]) }
                } else {
                    forEachBroadcastPair(shape, broadcastStrides(aShape, to: shape),
                                         broadcastStrides(bShape, to: shape)) { i, ia, ib in
                        out[i] = f(a[ia], b[ib])
                    }
                }
            }
        }
        initialized = total
    }
    return (shape, data)
}

/// The gradient of a broadcast input: sums `gradient` (of shape `from`) over the axes that
/// broadcasting stretched, giving shape `to`.
func sumToShape(_ gradient: [Double], from: [Int], to: [Int]) -> [Double] {
    if from == to { return gradient }
    let count = to.product
    var result = Array(repeating: 0.0, count: count)
    if count == 1 {
        result[0] = gradient.reduce(0, +)
    } else if isTrailingBlock(to, of: from) {
        for i in gradient.indices { result[i % count] += gradient[i] }
    } else {
        forEachBroadcastPair(from, broadcastStrides(to, to: from), broadcastStrides(to, to: from)) { i, j, _ in
            result[j] += gradient[i]
        }
    }
    return result
}

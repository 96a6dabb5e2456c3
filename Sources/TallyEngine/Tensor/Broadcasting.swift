// numpy broadcasting: shapes are aligned at their last axis; a dimension of 1 (or a missing
// leading one) stretches to match the other operand.

func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int] {
    let rank = max(a.count, b.count)
    let a = Array(repeating: 1, count: rank - a.count) + a
    let b = Array(repeating: 1, count: rank - b.count) + b
    return zip(a, b).map { x, y in
        engineRequire(x == y || x == 1 || y == 1, "shapes \(a) and \(b) do not broadcast")
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

/// Calls body(outputIndex, indexInA, indexInB) for every element of the broadcast `shape`,
/// with direct loops for the common layouts (equal shapes, a scalar, a repeated block such as
/// a bias row) and an odometer over the axes otherwise.
@inline(__always)
func forEachBroadcastPair(_ shape: [Int], _ aShape: [Int], _ bShape: [Int], _ body: (Int, Int, Int) -> Void) {
    let total = shape.product
    let (countA, countB) = (aShape.product, bShape.product)
    if countA == total && countB == total {
        for i in 0..<total { body(i, i, i) }
    } else if countA == total && countB == 1 {
        for i in 0..<total { body(i, i, 0) }
    } else if countA == 1 && countB == total {
        for i in 0..<total { body(i, 0, i) }
    } else if countA == total && countB > 0 && isTrailingBlock(bShape, of: shape) {
        for block in stride(from: 0, to: total, by: countB) { for j in 0..<countB { body(block + j, block + j, j) } }
    } else if countB == total && countA > 0 && isTrailingBlock(aShape, of: shape) {
        for block in stride(from: 0, to: total, by: countA) { for j in 0..<countA { body(block + j, j, block + j) } }
    } else if total > 0 {
        let stridesA = broadcastStrides(aShape, to: shape), stridesB = broadcastStrides(bShape, to: shape)
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
                forEachBroadcastPair(shape, aShape, bShape) { i, ia, ib in out[i] = f(a[ia], b[ib]) }
            }
        }
        initialized = total
    }
    return (shape, data)
}

/// A gradient `g` of the broadcast `shape` summed back to an operand's shape `target`, over
/// the axes the operand was stretched along (returned as is when nothing was stretched).
func sumBroadcast(_ g: [Double], _ shape: [Int], to target: [Int]) -> [Double] {
    let count = target.product
    if count == g.count { return g }
    var sums = Array(repeating: 0.0, count: count)
    sums.withUnsafeMutableBufferPointer { sums in
        g.withUnsafeBufferPointer { g in
            forEachBroadcastPair(shape, target, shape) { i, j, _ in sums[j] += g[i] }
        }
    }
    return sums
}

/// Index of the largest value (the first, on ties): the classifier's decision. Not
/// differentiable, so it only turns outputs into predictions.
public func argmax(_ x: [Double]) -> Int {
    engineRequire(!x.isEmpty, "argmax of an empty array")
    return x.indices.reduce(0) { x[$1] > x[$0] ? $1 : $0 }
}

/// Index of the largest element in row-major order.
public func argmax(_ x: Tensor) -> Int { argmax(x.data) }

extension Tensor {
    /// Index of the largest element along `axis`, for each slice: for logits [batch, classes],
    /// `argmax(axis: 1)` gives each sample's predicted class.
    public func argmax(axis: Int) -> [Int] { slices(along: axis).map(TallyEngine.argmax) }
}

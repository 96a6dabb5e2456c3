/// Maxout (Goodfellow et al., 2013): the last axis holds groups of `pieces` consecutive linear
/// units and each group keeps its largest, so [batch, units·pieces] becomes [batch, units].
/// Piecewise linear; the gradient goes to the winning piece.
///
///     maxout(Dense(4, 3 * 2)(x), pieces: 2)   // 3 maxout units
public func maxout(_ x: Tensor, pieces: Int) -> Tensor {
    let last = x.shape.last ?? 1
    engineRequire(pieces > 0 && last % pieces == 0, "last axis \(last) is not a multiple of \(pieces) pieces")
    return x.reshaped(x.shape.dropLast() + [last / pieces, pieces]).max(axis: -1)
}

import Foundation

/// The p-norm distance between rows, ‖x1 − x2 + eps‖_p along the last axis, as
/// `torch.nn.functional.pairwise_distance` (defaults p = 2, eps = 1e-6, which keeps the norm's
/// gradient finite for equal rows). x1 and x2 broadcast; the last axis is removed. Differentiable.
/// Traps if p ≤ 0.
public func pairwiseDistance(_ x1: Tensor, _ x2: Tensor, p: Double = 2, eps: Double = 1e-6) -> Tensor {
    engineRequire(p > 0, "pairwiseDistance needs p > 0, got \(p)")
    let difference = x1 - x2 + eps
    if p == 2 { return sqrt((difference * difference).sum(axis: -1)) }
    return pow(pow(abs(difference), p).sum(axis: -1), 1 / p)
}

/// Triplet margin loss (Schroff et al., 2015, FaceNet; the one-shot learning loss), as
/// `torch.nn.functional.triplet_margin_loss(anchor, positive, negative, margin, p, eps, swap,
/// reduction)`: for rows of [batch, features] (or single [features] vectors),
///
///     max(0, margin + d(anchor, positive) − d(anchor, negative))
///
/// with d = `pairwiseDistance(p:eps:)` (defaults margin 1, p 2, eps 1e-6). With `swap` (Balntas
/// et al., 2016) the negative distance is min(d(a, n), d(p, n)). Returns the `reduction` (default
/// mean; "none" gives shape [batch]).
public func tripletMarginLoss(_ anchor: Tensor, _ positive: Tensor, _ negative: Tensor, margin: Double = 1,
                              p: Double = 2, eps: Double = 1e-6, swap: Bool = false,
                              reduction: Reduction = .mean) -> Tensor {
    engineRequire(anchor.shape == positive.shape && anchor.shape == negative.shape,
                 "tripletMarginLoss: anchor \(anchor.shape), positive \(positive.shape), negative \(negative.shape) differ")
    let positiveDistance = pairwiseDistance(anchor, positive, p: p, eps: eps)
    var negativeDistance = pairwiseDistance(anchor, negative, p: p, eps: eps)
    if swap { negativeDistance = minimum(negativeDistance, pairwiseDistance(positive, negative, p: p, eps: eps)) }
    return maximum(margin + positiveDistance - negativeDistance, 0).reduced(reduction)
}

/// Cosine embedding loss, as `torch.nn.functional.cosine_embedding_loss(x1, x2, target, margin,
/// reduction)`: for rows x1[i], x2[i] ([batch, features], or one [features] pair) with
/// target[i] = 1 (similar) or −1 (dissimilar),
///
///     1 − cos(x1, x2)              where target = 1
///     max(0, cos(x1, x2) − margin)  where target = −1
///
/// with cos = x1·x2 / √((|x1|² + ε)(|x2|² + ε)), ε = 1e-12 as torch (so a zero row has cos 0).
/// Default margin 0. Returns the `reduction` (default mean; "none" gives shape [batch]).
public func cosineEmbeddingLoss(_ x1: Tensor, _ x2: Tensor, _ target: Tensor, margin: Double = 0,
                                reduction: Reduction = .mean) -> Tensor {
    engineRequire(x1.shape == x2.shape && (x1.rank == 1 || x1.rank == 2),
                 "cosineEmbeddingLoss: x1 \(x1.shape) and x2 \(x2.shape) must be equal [batch, features] or [features]")
    engineRequire(target.shape == Array(x1.shape.dropLast()),
                 "cosineEmbeddingLoss: target \(target.shape) for inputs \(x1.shape)")
    let epsilon = 1e-12
    let product = (x1 * x2).sum(axis: -1)
    let cosine = product / sqrt(((x1 * x1).sum(axis: -1) + epsilon) * ((x2 * x2).sum(axis: -1) + epsilon))
    let similar = Tensor(shape: target.shape, data: target.data.map { $0 == 1 ? 1 : 0 })
    let dissimilar = Tensor(shape: target.shape, data: target.data.map { $0 == -1 ? 1 : 0 })
    return ((1 - cosine) * similar + maximum(cosine - margin, 0) * dissimilar).reduced(reduction)
}

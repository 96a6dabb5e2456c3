import Foundation

/// Attention softmax(Q·Kᵀ·scale + mask)·V (Vaswani et al., 2017). Mirrors
/// `torch.nn.functional.scaled_dot_product_attention` without dropout.
///
/// Shapes: `query` [..., L, E], `key` [..., S, E], `value` [..., S, Ev] with the same leading
/// (batch, head) dimensions; the result is [..., L, Ev]. `attnMask` is added to the scores
/// before the softmax and broadcasts to [..., L, S]: a float mask as torch's; for torch's
/// boolean mask (true = may attend) pass 0 where true and −∞ where false. `isCausal` masks
/// every key after the query's position (the upper triangle, as torch's `tril` rule) and
/// excludes `attnMask`. `scale` defaults to 1/√E. A row whose keys are all masked gives NaN,
/// as in torch. Differentiable in query, key and value. Traps on mismatched shapes.
///
///     let out = scaledDotProductAttention(q, k, v, isCausal: true)
public func scaledDotProductAttention(_ query: Tensor, _ key: Tensor, _ value: Tensor, attnMask: Tensor? = nil,
                                      isCausal: Bool = false, scale: Double? = nil) -> Tensor {
    engineRequire(!(isCausal && attnMask != nil), "scaledDotProductAttention: pass either attnMask or isCausal, not both")
    return attentionWithWeights(query, key, value, attnMask: attnMask, isCausal: isCausal, scale: scale).output
}

/// `scaledDotProductAttention`, also returning the attention weights [..., L, S]; a mask and
/// `isCausal` may come together (MultiheadAttention's key padding with a causal mask).
func attentionWithWeights(_ query: Tensor, _ key: Tensor, _ value: Tensor, attnMask: Tensor?, isCausal: Bool,
                          scale: Double?) -> (output: Tensor, weights: Tensor) {
    engineRequire(query.rank >= 2 && key.rank == query.rank && value.rank == query.rank,
                 "attention needs query [..., L, E], key [..., S, E], value [..., S, Ev] of one rank, got \(query.shape), \(key.shape), \(value.shape)")
    let batchShape = Array(query.shape.dropLast(2))
    engineRequire(Array(key.shape.dropLast(2)) == batchShape && Array(value.shape.dropLast(2)) == batchShape,
                 "attention: leading dimensions of \(query.shape), \(key.shape), \(value.shape) differ")
    let (l, e) = (query.shape[query.rank - 2], query.shape[query.rank - 1])
    let (s, ev) = (key.shape[key.rank - 2], value.shape[value.rank - 1])
    engineRequire(key.shape.last == e && value.shape[value.rank - 2] == s,
                 "attention: key \(key.shape) and value \(value.shape) do not fit query \(query.shape)")
    let batch = batchShape.product
    let q = query.reshaped([batch, l, e]), k = key.reshaped([batch, s, e]), v = value.reshaped([batch, s, ev])
    var scores = (batchedMatmul(q, k, transposeB: true) * (scale ?? 1 / Double(e).squareRoot())).reshaped(batchShape + [l, s])
    if let attnMask { scores = scores + attnMask }
    if isCausal {
        let causal = Tensor(shape: [l, s], data: (0..<l * s).map { $0 % s > $0 / s ? -Double.infinity : 0 })
        scores = scores + causal
    }
    let weights = softmax(scores, axis: -1)
    let output = batchedMatmul(weights.reshaped([batch, l, s]), v).reshaped(batchShape + [l, ev])
    return (output, weights)
}

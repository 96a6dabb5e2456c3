/// Multi-head attention (Vaswani et al., 2017): query, key and value are projected by
/// `inProjWeight` [3·E, E] (rows for q, then k, then v) and `inProjBias` [3·E], split into
/// `numHeads` heads of E/numHeads features, attended with `scaledDotProductAttention`, joined and
/// projected by `outProjWeight` [E, E] and `outProjBias` [E]. Mirrors
/// `torch.nn.MultiheadAttention(embed_dim, num_heads, bias=True, batch_first=False)` with equal
/// query/key/value sizes, no dropout, no bias_k/bias_v; parameter names and layout are torch's
/// (`in_proj_weight`, `in_proj_bias`, `out_proj.weight`, `out_proj.bias`). Weights start as
/// torch's: Xavier-uniform in-projection, zero biases, out-projection U(−1/√E, 1/√E) (seeded).
public final class MultiheadAttention {
    /// E, the size of each token's features (torch's `embed_dim`).
    public let embedDim: Int
    /// The number of heads; each attends over E / numHeads features (torch's `num_heads`).
    public let numHeads: Int
    /// Whether inputs and outputs are [N, L, E] (true) rather than [L, N, E] (false, torch's default).
    public let batchFirst: Bool
    /// Query, key and value projections stacked [3·embedDim, embedDim] (torch's `in_proj_weight`).
    public var inProjWeight: Tensor
    /// Their biases [3·embedDim] (torch's `in_proj_bias`; nil without bias).
    public var inProjBias: Tensor?
    /// Output projection [embedDim, embedDim] (torch's `out_proj.weight`).
    public var outProjWeight: Tensor
    /// Output bias [embedDim] (torch's `out_proj.bias`; nil without bias).
    public var outProjBias: Tensor?

    /// Multi-head attention over `embedDim` features with `numHeads` heads; `bias` adds the in- and
    /// out-projection biases (default true); `seed` draws the initial weights. Traps unless `numHeads`
    /// divides `embedDim`. Mirrors `torch.nn.MultiheadAttention(embed_dim, num_heads, bias=True,
    /// batch_first=False)`.
    public init(_ embedDim: Int, _ numHeads: Int, bias: Bool = true, batchFirst: Bool = false, seed: UInt64 = 0) {
        engineRequire(embedDim > 0 && numHeads > 0 && embedDim % numHeads == 0,
                     "MultiheadAttention: \(numHeads) heads do not divide embedDim \(embedDim)")
        var rng = RandomGenerator(seed: seed)
        let xavier = (6 / Double(4 * embedDim)).squareRoot(), bound = 1 / Double(embedDim).squareRoot()
        inProjWeight = Tensor.uniform([3 * embedDim, embedDim], low: -xavier, high: xavier, using: &rng)
        outProjWeight = Tensor.uniform([embedDim, embedDim], low: -bound, high: bound, using: &rng)
        if bias {
            inProjBias = Tensor.zeros([3 * embedDim])
            outProjBias = Tensor.zeros([embedDim])
        }
        (self.embedDim, self.numHeads, self.batchFirst) = (embedDim, numHeads, batchFirst)
        for p in parameters { p.requiresGrad = true }
    }

    /// inProjWeight, inProjBias, outProjWeight, outProjBias (those present), torch's order.
    public var parameters: [Tensor] { [inProjWeight, inProjBias, outProjWeight, outProjBias].compactMap { $0 } }

    /// Attends `query` [L, N, E] to `key` and `value` [S, N, E] (batch first with `batchFirst`:
    /// [N, L, E], [N, S, E]; or unbatched [L, E], [S, E]). `keyPaddingMask` [N, S] (or [S])
    /// marks with a nonzero value the keys to ignore (torch's boolean `key_padding_mask`);
    /// `attnMask` [L, S] or [N·numHeads, L, S] is added to the scores (see
    /// `scaledDotProductAttention`); `isCausal` masks future keys. Returns the output, shaped
    /// like the query, and the attention weights [N, L, S] averaged over heads (or
    /// [N, numHeads, L, S] when `averageAttnWeights` is false; without N when unbatched), as
    /// torch's `need_weights=True`. Differentiable in the inputs and all parameters.
    public func callAsFunction(_ query: Tensor, _ key: Tensor, _ value: Tensor, keyPaddingMask: Tensor? = nil,
                               attnMask: Tensor? = nil, averageAttnWeights: Bool = true,
                               isCausal: Bool = false) -> (output: Tensor, attnWeights: Tensor) {
        let unbatched = query.rank == 2
        func sequenceFirst(_ x: Tensor) -> Tensor {
            engineRequire(x.rank == query.rank && (x.rank == 2 || x.rank == 3) && x.shape.last == embedDim,
                         "MultiheadAttention expects [L, N, \(embedDim)] inputs (or [L, \(embedDim)]), got \(x.shape)")
            if unbatched { return x.reshaped([x.shape[0], 1, embedDim]) }
            return batchFirst ? x.permuted([1, 0, 2]) : x
        }
        let (q, k, v) = (sequenceFirst(query), sequenceFirst(key), sequenceFirst(value))
        let (l, n, s) = (q.shape[0], q.shape[1], k.shape[0])
        engineRequire(k.shape[1] == n && v.shape == k.shape, "MultiheadAttention: key \(key.shape) and value \(value.shape) do not fit query \(query.shape)")
        let headDim = embedDim / numHeads
        let weights = inProjWeight.chunked(3, axis: 0), biases = inProjBias?.chunked(3, axis: 0)
        /// [T, N, E] projected and split into heads: [N, heads, T, headDim].
        func heads(_ x: Tensor, _ part: Int) -> Tensor {
            var projected = matmul(x.reshaped([-1, embedDim]), weights[part], transposeB: true)
            if let biases { projected = projected + biases[part] }
            return projected.reshaped([x.shape[0], n, numHeads, headDim]).permuted([1, 2, 0, 3])
        }
        var mask: Tensor? = attnMask.map { m in
            m.rank == 3 ? m.reshaped([n, numHeads, l, s]) : m
        }
        if let keyPaddingMask {
            engineRequire(keyPaddingMask.count == n * s, "keyPaddingMask must be [\(n), \(s)], got \(keyPaddingMask.shape)")
            let padding = Tensor(shape: [n, 1, 1, s], data: keyPaddingMask.data.map { $0 != 0 ? -Double.infinity : 0 })
            mask = mask.map { $0 + padding } ?? padding
        }
        let attended = attentionWithWeights(heads(q, 0), heads(k, 1), heads(v, 2), attnMask: mask, isCausal: isCausal,
                                            scale: nil)
        var output = matmul(attended.output.permuted([2, 0, 1, 3]).reshaped([l * n, embedDim]), outProjWeight, transposeB: true)
        if let outProjBias { output = output + outProjBias }
        output = output.reshaped([l, n, embedDim])
        output = unbatched ? output.reshaped([l, embedDim]) : (batchFirst ? output.permuted([1, 0, 2]) : output)
        var attnWeights = averageAttnWeights ? attended.weights.mean(axis: 1) : attended.weights
        if unbatched { attnWeights = attnWeights.reshaped(Array(attnWeights.shape.dropFirst())) }
        return (output, attnWeights)
    }
}

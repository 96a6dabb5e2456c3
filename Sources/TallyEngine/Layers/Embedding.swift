/// Rows of `weight` [numEmbeddings, embeddingDim] looked up by integer `indices` (a tensor of
/// whole numbers, any shape): the result has shape indices.shape + [embeddingDim]. The
/// gradient of a row is the sum over its occurrences; the row `paddingIdx` (if given) gets no
/// gradient. Mirrors `torch.nn.functional.embedding`. Traps on an index outside
/// 0..<numEmbeddings or one that is not a whole number.
public func embedding(_ indices: Tensor, _ weight: Tensor, paddingIdx: Int? = nil) -> Tensor {
    engineRequire(weight.rank == 2, "embedding: weight must be [numEmbeddings, embeddingDim], got \(weight.shape)")
    let (rows, dim) = (weight.shape[0], weight.shape[1])
    let ids = indices.data.map { value -> Int in
        engineRequire(value == value.rounded() && value >= 0 && Int(value) < rows,
                     "embedding: index \(value) is not a row of a \(rows)-row table")
        return Int(value)
    }
    let table = weight.data
    var out = [Double]()
    out.reserveCapacity(ids.count * dim)
    for id in ids { out.append(contentsOf: table[id * dim ..< (id + 1) * dim]) }
    return Tensor.recording(shape: indices.shape + [dim], data: out, parents: [weight]) { g in
        var gw = [Double](repeating: 0, count: rows * dim)
        for (k, id) in ids.enumerated() where id != paddingIdx {
            for j in 0..<dim { gw[id * dim + j] += g[k * dim + j] }
        }
        weight.accumulateGradient(gw)
    }
}

/// A lookup table of `numEmbeddings` learnable vectors of length `embeddingDim`, initialised
/// N(0, 1) (seeded) with the `paddingIdx` row zeroed, as `torch.nn.Embedding`. Call it on a
/// tensor of whole-number indices of any shape; see `embedding`.
public final class Embedding: Layer {
    /// The table [numEmbeddings, embeddingDim].
    public var weight: Tensor
    /// The row that stays zero and gets no gradient (torch's `padding_idx`; default none).
    public let paddingIdx: Int?

    /// A table of `numEmbeddings` vectors of length `embeddingDim`, drawn N(0, 1) with `seed`, as
    /// `torch.nn.Embedding`. Traps when `paddingIdx` is not a row of the table.
    public init(_ numEmbeddings: Int, _ embeddingDim: Int, paddingIdx: Int? = nil, seed: UInt64 = 0) {
        engineRequire(paddingIdx.map { $0 >= 0 && $0 < numEmbeddings } ?? true, "Embedding: paddingIdx out of range")
        weight = Tensor.normal([numEmbeddings, embeddingDim], seed: seed)
        if let paddingIdx {
            for j in 0..<embeddingDim { weight.data[paddingIdx * embeddingDim + j] = 0 }
        }
        weight.requiresGrad = true
        self.paddingIdx = paddingIdx
    }

    /// The rows of the table at `indices` (whole numbers, any shape S): shape S + [embeddingDim];
    /// differentiable in the table. Traps on an index outside the table.
    public func callAsFunction(_ indices: Tensor) -> Tensor { embedding(indices, weight, paddingIdx: paddingIdx) }

    /// The table, `weight`.
    public var parameters: [Tensor] { [weight] }
}

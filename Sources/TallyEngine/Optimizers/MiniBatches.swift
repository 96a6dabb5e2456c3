/// Index batches covering 0..<count once (one epoch), shuffled when a seed is given.
/// Batch gradient descent is `batchSize: count`, stochastic gradient descent `batchSize: 1`,
/// mini-batch anything between; the last batch may be smaller.
///
///     for batch in miniBatches(count: 1000, batchSize: 32, seed: UInt64(epoch)) {
///         let loss = mseLoss(model(x.rows(batch)), y.rows(batch))
///         …
///     }
public func miniBatches(count: Int, batchSize: Int, seed: UInt64? = nil) -> [[Int]] {
    engineRequire(batchSize > 0, "batch size must be positive")
    var order = Array(0..<count)
    if let seed {
        var rng = RandomGenerator(seed: seed)
        order = rng.permutation(count)
    }
    return stride(from: 0, to: count, by: batchSize).map { Array(order[$0 ..< Swift.min($0 + batchSize, count)]) }
}

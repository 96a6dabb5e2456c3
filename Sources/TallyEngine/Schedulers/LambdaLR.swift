/// Each group's learning rate is its base rate times `lrLambda(epoch)`, as
/// `torch.optim.lr_scheduler.LambdaLR`; one function for all groups, or one per group
/// (`lrLambdas`, traps if their number differs from the groups').
///
///     LambdaLR(optimizer) { epoch in 1 / Double(epoch + 1) }
public final class LambdaLR: LRScheduler {
    let lrLambdas: [(Int) -> Double]

    /// One factor function per parameter group; attaches and sets epoch 0's rates.
    public init(_ optimizer: Optimizer, lrLambdas: [(Int) -> Double]) {
        engineRequire(lrLambdas.count == optimizer.paramGroups.count,
                     "LambdaLR: \(lrLambdas.count) functions for \(optimizer.paramGroups.count) parameter groups")
        self.lrLambdas = lrLambdas
        super.init(optimizer)
    }

    /// One factor function for every group; attaches and sets epoch 0's rates.
    public convenience init(_ optimizer: Optimizer, lrLambda: @escaping (Int) -> Double) {
        self.init(optimizer, lrLambdas: Array(repeating: lrLambda, count: optimizer.paramGroups.count))
    }

    public override func getLR() -> [Double] {
        zip(lrLambdas, baseLRs).map { lambda, base in base * lambda(lastEpoch) }
    }
}

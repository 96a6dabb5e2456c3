/// The bias–variance decomposition of a model's expected test loss, as mlxtend's
/// `bias_variance_decomp(estimator, X_train, y_train, X_test, y_test, loss, num_rounds=200)`:
/// a fresh model is fitted on each of `numRounds` bootstrap samples of the training rows and
/// predicts the test rows; then, averaged over the test rows,
///
/// - `"mse"`: expected loss E[(ŷ − y)²], bias² (ȳ̂ − y)² with ȳ̂ the mean prediction, and variance
///   E[(ŷ − ȳ̂)²] (so loss = bias + variance exactly);
/// - `"0-1_loss"`: expected loss P(ŷ ≠ y), bias [ŷ_main ≠ y] with ŷ_main the most frequent
///   prediction (the smallest on ties), and variance P(ŷ ≠ ŷ_main).
///
/// Seeded through `RandomGenerator(seed:)` (mlxtend's numpy stream differs); pass
/// `bootstrapIndices` (one array of training-row indices per round) to use given resamples.
/// - Returns: (expectedLoss, bias, variance), mlxtend's (avg_expected_loss, avg_bias, avg_var).
public func biasVarianceDecomp(_ makeEstimator: () -> Estimator, XTrain: Tensor, yTrain: Tensor, XTest: Tensor, yTest: Tensor,
                               loss: String = "0-1_loss", numRounds: Int = 200, seed: UInt64 = 0)
    -> (expectedLoss: Double, bias: Double, variance: Double) {
    let n = SampleMatrix(XTrain, "biasVarianceDecomp").n
    var rng = RandomGenerator(seed: seed)
    let indices = (0..<numRounds).map { _ in (0..<n).map { _ in rng.integer(below: n) } }
    return biasVarianceDecomp(makeEstimator, XTrain: XTrain, yTrain: yTrain, XTest: XTest, yTest: yTest, loss: loss,
                              bootstrapIndices: indices)
}

/// The decomposition over given bootstrap samples of the training rows.
public func biasVarianceDecomp(_ makeEstimator: () -> Estimator, XTrain: Tensor, yTrain: Tensor, XTest: Tensor, yTest: Tensor,
                               loss: String = "0-1_loss", bootstrapIndices: [[Int]])
    -> (expectedLoss: Double, bias: Double, variance: Double) {
    precondition(loss == "mse" || loss == "0-1_loss", "biasVarianceDecomp: loss must be \"mse\" or \"0-1_loss\", got \"\(loss)\"")
    precondition(!bootstrapIndices.isEmpty, "biasVarianceDecomp: needs at least one round")
    let truth = yTest.data
    let predictions = bootstrapIndices.map { rows in
        makeEstimator().fit(XTrain.rows(rows), yTrain.rows(rows)).predict(XTest).data
    }
    let rounds = Double(predictions.count), m = Double(truth.count)
    var expected = 0.0, bias = 0.0, variance = 0.0
    for t in truth.indices {
        let column = predictions.map { $0[t] }
        let main: Double
        if loss == "mse" {
            main = column.reduce(0, +) / rounds
            expected += column.reduce(0) { $0 + ($1 - truth[t]) * ($1 - truth[t]) } / rounds
            bias += (main - truth[t]) * (main - truth[t])
            variance += column.reduce(0) { $0 + ($1 - main) * ($1 - main) } / rounds
        } else {
            main = modes(column).first!
            expected += Double(column.filter { $0 != truth[t] }.count) / rounds
            bias += main != truth[t] ? 1 : 0
            variance += Double(column.filter { $0 != main }.count) / rounds
        }
    }
    return (expected / m, bias / m, variance / m)
}

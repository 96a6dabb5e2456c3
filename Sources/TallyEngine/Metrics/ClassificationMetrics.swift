// Classification metrics as free functions. Empty denominators give 0, as scikit-learn
// does by default (with a warning there).

/// The fraction of predictions equal to the actual label.
public func accuracy<Label: Equatable>(actual: [Label], predicted: [Label]) -> Double {
    engineRequire(actual.count == predicted.count, "accuracy: the arrays differ in length")
    return fractionOrZero(zip(actual, predicted).filter { $0 == $1 }.count, actual.count)
}

/// TP / (TP + FP): of the items predicted positive, the fraction that are.
public func precision(truePositives: Int, falsePositives: Int) -> Double {
    fractionOrZero(truePositives, truePositives + falsePositives)
}

/// TP / (TP + FN): of the positive items, the fraction predicted positive.
public func recall(truePositives: Int, falseNegatives: Int) -> Double {
    fractionOrZero(truePositives, truePositives + falseNegatives)
}

/// The harmonic mean 2PR / (P + R), e.g. `f1Score(precision: 0.8, recall: 0.5)` ≈ 0.615.
public func f1Score(precision: Double, recall: Double) -> Double {
    fBetaScore(precision: precision, recall: recall, beta: 1)
}

/// F_β = (1 + β²)PR / (β²P + R): β > 1 weighs recall more, β < 1 precision.
public func fBetaScore(precision: Double, recall: Double, beta: Double) -> Double {
    let b2 = beta * beta
    let denominator = b2 * precision + recall
    return denominator == 0 ? 0 : (1 + b2) * precision * recall / denominator
}

/// Binary precision from labels, e.g. `precision(actual: [1, 0, 1], predicted: [1, 1, 1])` = 2/3.
public func precision<Label: BinaryLabel>(actual: [Label], predicted: [Label]) -> Double {
    binaryMatrix(actual, predicted).precision
}

/// Binary recall from labels.
public func recall<Label: BinaryLabel>(actual: [Label], predicted: [Label]) -> Double {
    binaryMatrix(actual, predicted).recall
}

/// Binary F1 from labels.
public func f1Score<Label: BinaryLabel>(actual: [Label], predicted: [Label]) -> Double {
    binaryMatrix(actual, predicted).f1Score
}

/// The mean of the per-class recalls; works for any number of classes.
public func balancedAccuracy<Label: Hashable>(actual: [Label], predicted: [Label]) -> Double {
    ConfusionMatrix(actual: actual, predicted: predicted, labels: distinctInOrder(actual + predicted))
        .balancedAccuracy
}

private func binaryMatrix<Label: BinaryLabel>(_ actual: [Label], _ predicted: [Label]) -> ConfusionMatrix<Label> {
    ConfusionMatrix(actual: actual, predicted: predicted, labels: distinctInOrder(actual + predicted))
}

private func distinctInOrder<Label: Hashable>(_ values: [Label]) -> [Label] {
    var seen = Set<Label>()
    return values.filter { seen.insert($0).inserted }
}

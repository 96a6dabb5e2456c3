// ROC and precision–recall curves over score thresholds, following scikit-learn's
// `roc_curve` / `precision_recall_curve` with `drop_intermediate=False`: one point per
// distinct score, so tied scores move the curve diagonally, which is what makes the
// trapezoid ROC AUC count a tie as half a correct ordering.
//
// Unlike scikit-learn, both curves run from the highest threshold down, and the
// starting point (before any item is predicted positive) carries threshold +∞, so every
// array has the same length.

/// The ROC curve: false positive rate against true positive rate as the threshold falls.
public struct ROCCurve: Equatable {
    /// FP / (FP + TN) at each threshold, starting at 0.
    public let falsePositiveRates: [Double]
    /// TP / (TP + FN) at each threshold, starting at 0.
    public let truePositiveRates: [Double]
    /// An item is predicted positive when its score is ≥ the threshold.
    public let thresholds: [Double]

    /// The points [false positive rate, true positive rate], e.g. for `Series("ROC", points: roc.points)`.
    public var points: [[Double]] { zip(falsePositiveRates, truePositiveRates).map { [$0, $1] } }

    /// The area under the curve by the trapezoid rule: the probability that a random
    /// positive scores above a random negative, ties counting half.
    public var auc: Double { trapezoidArea(x: falsePositiveRates, y: truePositiveRates) }
}

/// The precision–recall curve as the threshold falls.
public struct PrecisionRecallCurve: Equatable {
    /// Starts at 1 (scikit-learn's convention for the empty prediction).
    public let precisions: [Double]
    /// Starts at 0.
    public let recalls: [Double]
    /// An item is predicted positive when its score is ≥ the threshold; the first is +∞.
    public let thresholds: [Double]

    /// The points [recall, precision], recall on the x axis as usual.
    public var points: [[Double]] { zip(recalls, precisions).map { [$0, $1] } }

    /// Average precision, scikit-learn's `average_precision_score`: Σₙ (Rₙ − Rₙ₋₁)·Pₙ,
    /// a step function with no interpolation. The usual single-number PR summary.
    public var averagePrecision: Double {
        zip(recalls.indices.dropFirst(), recalls.indices).reduce(0) {
            $0 + (recalls[$1.0] - recalls[$1.1]) * precisions[$1.0]
        }
    }

    /// The trapezoid area under the points (scikit-learn's `auc(recall, precision)`).
    /// Linear interpolation between PR points is optimistic, so prefer `averagePrecision`.
    public var trapezoidArea: Double { TallyEngine.trapezoidArea(x: recalls, y: precisions) }
}

/// The ROC curve of scores against binary labels (1 or true is positive),
/// e.g. `rocCurve(actual: [0, 0, 1, 1], scores: [0.1, 0.4, 0.35, 0.8]).auc` = 0.75.
public func rocCurve<Label: BinaryLabel>(actual: [Label], scores: [Double]) -> ROCCurve {
    let counts = thresholdCounts(actual, scores)
    let positives = Double(counts.truePositives.last!), negatives = Double(counts.falsePositives.last!)
    engineRequire(positives > 0 && negatives > 0, "rocCurve: needs both positive and negative items")
    return ROCCurve(falsePositiveRates: counts.falsePositives.map { Double($0) / negatives },
                    truePositiveRates: counts.truePositives.map { Double($0) / positives },
                    thresholds: counts.thresholds)
}

/// The ROC AUC, e.g. `rocAUC(actual: labels, scores: probabilities)`.
public func rocAUC<Label: BinaryLabel>(actual: [Label], scores: [Double]) -> Double {
    rocCurve(actual: actual, scores: scores).auc
}

/// The precision–recall curve of scores against binary labels (1 or true is positive).
public func precisionRecallCurve<Label: BinaryLabel>(actual: [Label], scores: [Double]) -> PrecisionRecallCurve {
    let counts = thresholdCounts(actual, scores)
    let positives = Double(counts.truePositives.last!)
    engineRequire(positives > 0, "precisionRecallCurve: needs at least one positive item")
    let predicted = zip(counts.truePositives, counts.falsePositives).map { $0 + $1 }
    return PrecisionRecallCurve(
        precisions: zip(counts.truePositives, predicted).map { $1 == 0 ? 1 : Double($0) / Double($1) },
        recalls: counts.truePositives.map { Double($0) / positives },
        thresholds: counts.thresholds)
}

/// Average precision (see `PrecisionRecallCurve.averagePrecision`).
public func averagePrecision<Label: BinaryLabel>(actual: [Label], scores: [Double]) -> Double {
    precisionRecallCurve(actual: actual, scores: scores).averagePrecision
}

/// Cumulative true and false positives when predicting positive for scores ≥ each
/// distinct score, highest first, after a starting point at +∞ with nothing predicted.
private func thresholdCounts<Label: BinaryLabel>(_ actual: [Label], _ scores: [Double])
    -> (truePositives: [Int], falsePositives: [Int], thresholds: [Double]) {
    engineRequire(actual.count == scores.count, "curve: \(actual.count) labels but \(scores.count) scores")
    engineRequire(!scores.contains(where: \.isNaN), "curve: scores contain NaN")
    let order = scores.indices.sorted { scores[$0] > scores[$1] }
    var tps = [0], fps = [0], thresholds = [Double.infinity]
    var tp = 0, fp = 0
    for (position, i) in order.enumerated() {
        if actual[i].isPositive { tp += 1 } else { fp += 1 }
        // Record only after the last item of a group of equal scores.
        if position == order.count - 1 || scores[order[position + 1]] != scores[i] {
            tps.append(tp)
            fps.append(fp)
            thresholds.append(scores[i])
        }
    }
    return (tps, fps, thresholds)
}

/// The trapezoid-rule area under a piecewise linear curve through (x, y).
public func trapezoidArea(x: [Double], y: [Double]) -> Double {
    engineRequire(x.count == y.count, "trapezoidArea: x and y differ in length")
    return zip(x.indices.dropFirst(), x.indices).reduce(0) {
        $0 + (x[$1.0] - x[$1.1]) * (y[$1.0] + y[$1.1]) / 2
    }
}

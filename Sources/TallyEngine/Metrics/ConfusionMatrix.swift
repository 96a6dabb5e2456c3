/// Counts of (actual, predicted) label pairs. Rows are actual classes, columns predicted
/// classes, both in the order of `labels` (scikit-learn's `confusion_matrix` layout).
///
///     let cm = ConfusionMatrix(actual: [0, 1, 1, 0], predicted: [0, 1, 0, 0])
///     cm.truePositives   // 1
///     cm.recall(of: 1)   // 0.5
public struct ConfusionMatrix<Label: Hashable>: Equatable, CustomStringConvertible {
    /// The classes, in the order of rows and columns.
    public let labels: [Label]
    /// `counts[i][j]`: how many items of actual class `labels[i]` were predicted `labels[j]`.
    public let counts: [[Int]]

    /// Counts the pairs; every label in the data must appear in `labels`.
    public init(actual: [Label], predicted: [Label], labels: [Label]) {
        engineRequire(actual.count == predicted.count,
                     "ConfusionMatrix: \(actual.count) actual labels but \(predicted.count) predicted")
        engineRequire(Set(labels).count == labels.count, "ConfusionMatrix: labels must be distinct")
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var counts = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
        for (a, p) in zip(actual, predicted) {
            guard let row = index[a], let column = index[p] else {
                engineFailure("ConfusionMatrix: label \(index[a] == nil ? a : p) is not in labels")
            }
            counts[row][column] += 1
        }
        self.labels = labels
        self.counts = counts
    }

    /// The number of items of actual class `actual` predicted as `predicted` (0 for unknown labels).
    public func count(actual: Label, predicted: Label) -> Int {
        guard let row = labels.firstIndex(of: actual),
              let column = labels.firstIndex(of: predicted) else { return 0 }
        return counts[row][column]
    }

    /// The number of items counted (the sum of all cells).
    public var total: Int { counts.joined().reduce(0, +) }

    /// The fraction of items on the diagonal.
    public var accuracy: Double {
        fractionOrZero(labels.indices.reduce(0) { $0 + counts[$1][$1] }, total)
    }

    /// Of the items predicted `label`, the fraction that are `label` (column-wise).
    public func precision(of label: Label) -> Double {
        let column = labels.firstIndex(of: label)
        return fractionOrZero(count(actual: label, predicted: label),
                     column.map { c in counts.reduce(0) { $0 + $1[c] } } ?? 0)
    }

    /// Of the items that are `label`, the fraction predicted `label` (row-wise).
    public func recall(of label: Label) -> Double {
        let row = labels.firstIndex(of: label)
        return fractionOrZero(count(actual: label, predicted: label), row.map { counts[$0].reduce(0, +) } ?? 0)
    }

    /// The harmonic mean of `precision(of:)` and `recall(of:)`.
    public func f1Score(of label: Label) -> Double {
        TallyEngine.f1Score(precision: precision(of: label), recall: recall(of: label))
    }

    /// The unweighted mean of the per-class recalls (scikit-learn's `balanced_accuracy_score`),
    /// which, unlike accuracy, a majority-class guess cannot inflate. Classes without
    /// actual items are left out of the mean.
    public var balancedAccuracy: Double {
        let recalls = labels.indices.filter { counts[$0].reduce(0, +) > 0 }.map { recall(of: labels[$0]) }
        return recalls.reduce(0, +) / Double(recalls.count)
    }

    /// An aligned table, rows actual and columns predicted:
    ///
    ///     actual \ predicted bird cat dog
    ///                   bird    1   0   0
    ///                    cat    0   1   1
    public var description: String {
        let names = labels.map { "\($0)" }
        let table = [["actual \\ predicted"] + names] + zip(names, counts).map { [$0] + $1.map(String.init) }
        // Each column as wide as its widest cell, right-aligned.
        let widths = table[0].indices.map { column in table.map { $0[column].count }.max()! }
        return table.map { row in
            zip(row, widths).map { String(repeating: " ", count: $1 - $0.count) + $0 }.joined(separator: " ")
        }.joined(separator: "\n")
    }
}

extension ConfusionMatrix where Label: Comparable {
    /// Labels are the distinct values of both arrays, sorted.
    public init(actual: [Label], predicted: [Label]) {
        self.init(actual: actual, predicted: predicted, labels: Set(actual + predicted).sorted())
    }
}

extension ConfusionMatrix where Label == Bool {
    /// Labels are [false, true].
    public init(actual: [Bool], predicted: [Bool]) {
        self.init(actual: actual, predicted: predicted, labels: [false, true])
    }

    /// A binary matrix from its four counts, e.g. for a test described in words.
    public init(truePositives: Int, falsePositives: Int, falseNegatives: Int, trueNegatives: Int) {
        labels = [false, true]
        counts = [[trueNegatives, falsePositives], [falseNegatives, truePositives]]
    }
}

// Two-class summaries; the positive class is the label whose `isPositive` is true.
extension ConfusionMatrix where Label: BinaryLabel {
    private func sum(actualPositive: Bool, predictedPositive: Bool) -> Int {
        var total = 0
        for (i, a) in labels.enumerated() where a.isPositive == actualPositive {
            for (j, p) in labels.enumerated() where p.isPositive == predictedPositive {
                total += counts[i][j]
            }
        }
        return total
    }

    /// Items whose actual and predicted labels are both positive (`BinaryLabel.isPositive`).
    public var truePositives: Int { sum(actualPositive: true, predictedPositive: true) }
    /// Items predicted positive whose actual label is negative.
    public var falsePositives: Int { sum(actualPositive: false, predictedPositive: true) }
    /// Items predicted negative whose actual label is positive.
    public var falseNegatives: Int { sum(actualPositive: true, predictedPositive: false) }
    /// Items whose actual and predicted labels are both negative.
    public var trueNegatives: Int { sum(actualPositive: false, predictedPositive: false) }

    /// TP / (TP + FP).
    public var precision: Double {
        TallyEngine.precision(truePositives: truePositives, falsePositives: falsePositives)
    }
    /// TP / (TP + FN), also called sensitivity or true positive rate.
    public var recall: Double {
        TallyEngine.recall(truePositives: truePositives, falseNegatives: falseNegatives)
    }
    /// TN / (TN + FP), the true negative rate.
    public var specificity: Double { fractionOrZero(trueNegatives, trueNegatives + falsePositives) }
    /// 2·precision·recall / (precision + recall), 0 when both are 0 (scikit-learn's `f1_score`).
    public var f1Score: Double { TallyEngine.f1Score(precision: precision, recall: recall) }
}

/// a / b, with 0 for an empty denominator (scikit-learn's default `zero_division`).
func fractionOrZero(_ a: Int, _ b: Int) -> Double {
    b == 0 ? 0 : Double(a) / Double(b)
}

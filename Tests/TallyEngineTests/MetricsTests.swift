import Foundation
import XCTest
import TallyEngine

/// Metrics against hand-counted examples and scikit-learn's documented examples.
final class MetricsTests: XCTestCase {
    // TP at 0, 2, 7; FN at 1; FP at 4; TN at 3, 5, 6.
    let actual = [1, 1, 1, 0, 0, 0, 0, 1]
    let predicted = [1, 0, 1, 0, 1, 0, 0, 1]

    func testBinaryConfusionMatrix() {
        let cm = ConfusionMatrix(actual: actual, predicted: predicted)
        XCTAssertEqual(cm.labels, [0, 1])
        XCTAssertEqual(cm.counts, [[3, 1], [1, 3]])
        XCTAssertEqual([cm.truePositives, cm.falsePositives, cm.falseNegatives, cm.trueNegatives], [3, 1, 1, 3])
        XCTAssertEqual(cm.precision, 0.75)     // 3 / (3 + 1)
        XCTAssertEqual(cm.recall, 0.75)        // 3 / (3 + 1)
        XCTAssertEqual(cm.specificity, 0.75)   // 3 / (3 + 1)
        XCTAssertEqual(cm.accuracy, 0.75)      // 6 / 8
        XCTAssertEqual(cm.total, 8)
        let boolean = ConfusionMatrix(actual: actual.map { $0 == 1 }, predicted: predicted.map { $0 == 1 })
        XCTAssertEqual(boolean.counts, cm.counts)
        XCTAssertEqual(ConfusionMatrix(truePositives: 3, falsePositives: 1, falseNegatives: 1, trueNegatives: 3),
                       boolean)
    }

    func testFreeFunctionsMatchTheMatrix() {
        XCTAssertEqual(accuracy(actual: actual, predicted: predicted), 0.75)
        XCTAssertEqual(precision(actual: [1, 0, 1], predicted: [1, 1, 1]), 2.0 / 3)
        XCTAssertEqual(recall(actual: [true, true, false], predicted: [true, false, false]), 0.5)
        XCTAssertEqual(f1Score(actual: actual, predicted: predicted), 0.75)
        XCTAssertEqual(precision(truePositives: 0, falsePositives: 0), 0)   // scikit-learn's zero_division=0
    }

    func testF1AndFBeta() {
        // 2·0.8·0.5 / 1.3 = 8/13
        XCTAssertEqual(f1Score(precision: 0.8, recall: 0.5), 8.0 / 13, accuracy: 1e-15)
        // (1 + 4)·0.8·0.5 / (4·0.8 + 0.5) = 2 / 3.7
        XCTAssertEqual(fBetaScore(precision: 0.8, recall: 0.5, beta: 2), 2 / 3.7, accuracy: 1e-15)
        XCTAssertEqual(f1Score(precision: 0, recall: 0), 0)
    }

    func testMultiClassConfusionMatrix() {
        let cm = ConfusionMatrix(actual: ["cat", "cat", "dog", "dog", "dog", "bird"],
                                 predicted: ["cat", "dog", "dog", "dog", "cat", "bird"])
        XCTAssertEqual(cm.labels, ["bird", "cat", "dog"])
        XCTAssertEqual(cm.counts, [[1, 0, 0], [0, 1, 1], [0, 1, 2]])
        XCTAssertEqual(cm.accuracy, 4.0 / 6)
        XCTAssertEqual(cm.precision(of: "cat"), 0.5)      // column cat: 1 of 2
        XCTAssertEqual(cm.recall(of: "dog"), 2.0 / 3)     // row dog: 2 of 3
        XCTAssertEqual(cm.f1Score(of: "bird"), 1)
        // Mean recall: (1 + 1/2 + 2/3) / 3 = 13/18
        XCTAssertEqual(cm.balancedAccuracy, 13.0 / 18, accuracy: 1e-15)
        XCTAssertEqual(balancedAccuracy(actual: ["cat", "cat", "dog", "dog", "dog", "bird"],
                                        predicted: ["cat", "dog", "dog", "dog", "cat", "bird"]),
                       13.0 / 18, accuracy: 1e-15)
        XCTAssertEqual(cm.description, """
            actual \\ predicted bird cat dog
                          bird    1   0   0
                           cat    0   1   1
                           dog    0   1   2
            """)
    }

    func testROCCurveFromScikitLearnDocs() {
        // sklearn.metrics.roc_curve docstring example (drop_intermediate=False).
        let roc = rocCurve(actual: [0, 0, 1, 1], scores: [0.1, 0.4, 0.35, 0.8])
        XCTAssertEqual(roc.falsePositiveRates, [0, 0, 0.5, 0.5, 1])
        XCTAssertEqual(roc.truePositiveRates, [0, 0.5, 0.5, 1, 1])
        XCTAssertEqual(roc.thresholds, [.infinity, 0.8, 0.4, 0.35, 0.1])
        XCTAssertEqual(roc.auc, 0.75)
        XCTAssertEqual(roc.points[2], [0.5, 0.5])
    }

    func testROCAUCCountsTiesAsHalf() {
        // Every positive–negative pair tied: AUC 1/2.
        XCTAssertEqual(rocAUC(actual: [1, 0, 1, 0], scores: [0.5, 0.5, 0.5, 0.5]), 0.5)
        // Pairs (positive, negative): (0.9, 0.5) correct, (0.9, 0.1) correct, (0.5, 0.5) tie,
        // (0.5, 0.1) correct: (3 + 1/2) / 4.
        XCTAssertEqual(rocAUC(actual: [true, true, false, false], scores: [0.9, 0.5, 0.5, 0.1]), 3.5 / 4)
    }

    func testPrecisionRecallCurveFromScikitLearnDocs() {
        // sklearn precision_recall_curve / average_precision_score docstring example, reversed.
        let pr = precisionRecallCurve(actual: [0, 0, 1, 1], scores: [0.1, 0.4, 0.35, 0.8])
        XCTAssertEqual(pr.precisions, [1, 1, 0.5, 2.0 / 3, 0.5])
        XCTAssertEqual(pr.recalls, [0, 0.5, 0.5, 1, 1])
        XCTAssertEqual(pr.thresholds, [.infinity, 0.8, 0.4, 0.35, 0.1])
        XCTAssertEqual(pr.points[3], [1, 2.0 / 3])
        // AP = 0.5·1 + 0·0.5 + 0.5·(2/3) + 0·0.5 = 5/6 (docstring: 0.83…)
        XCTAssertEqual(pr.averagePrecision, 5.0 / 6, accuracy: 1e-15)
        // Trapezoids: 0.5·(1 + 1)/2 + 0 + 0.5·(0.5 + 2/3)/2 + 0 = 0.5 + 7/24
        XCTAssertEqual(pr.trapezoidArea, 0.5 + 7.0 / 24, accuracy: 1e-15)
        XCTAssertEqual(averagePrecision(actual: [0, 0, 1, 1], scores: [0.1, 0.4, 0.35, 0.8]), 5.0 / 6, accuracy: 1e-15)
    }

    func testNDCGWikipediaExample() {
        // Wikipedia "Discounted cumulative gain": relevances 3, 2, 3, 0, 1, 2.
        // DCG = 3 + 2/log₂3 + 3/2 + 0 + 1/log₂6 + 2/log₂7 ≈ 6.861
        let expectedDCG = 3 + 2 / log2(3.0) + 1.5 + 1 / log2(6.0) + 2 / log2(7.0)
        XCTAssertEqual(dcg(relevances: [3, 2, 3, 0, 1, 2]), expectedDCG, accuracy: 1e-14)
        // Ideal order 3, 3, 2, 2, 1, 0: IDCG = 3 + 3/log₂3 + 2/2 + 2/log₂5 + 1/log₂6 ≈ 7.141
        let ideal = 3 + 3 / log2(3.0) + 1 + 2 / log2(5.0) + 1 / log2(6.0)
        XCTAssertEqual(ndcg(relevances: [3, 2, 3, 0, 1, 2]), expectedDCG / ideal, accuracy: 1e-14)
        // At k = 2: (3 + 2/log₂3) / (3 + 3/log₂3)
        XCTAssertEqual(ndcg(relevances: [3, 2, 3, 0, 1, 2], k: 2),
                       (3 + 2 / log2(3.0)) / (3 + 3 / log2(3.0)), accuracy: 1e-14)
        XCTAssertEqual(ndcg(relevances: [0, 0]), 0)
    }

    func testNDCGFromScoresAveragesTies() {
        // Ranked by score: same as listing the relevances in that order.
        XCTAssertEqual(ndcg(relevances: [0, 2, 1], scores: [0.1, 0.9, 0.5]), 1, accuracy: 1e-15)
        // A tie between relevance 1 and 0: the two orders give DCG 1 and 1/log₂3; their mean
        // over the ideal DCG 1 is (1 + 1/log₂3)/2.
        XCTAssertEqual(ndcg(relevances: [1, 0], scores: [0.5, 0.5]), (1 + 1 / log2(3.0)) / 2, accuracy: 1e-15)
        // With k = 1 the tie straddles the cut-off: mean gain 1/2 times the first discount 1.
        XCTAssertEqual(dcg(relevances: [1, 0], scores: [0.5, 0.5], k: 1), 0.5, accuracy: 1e-15)
    }
}

/// Metrics against reference/metrics.py (numpy, other formulations; see its docstring).
final class MetricsReferenceTests: XCTestCase {
    private struct Reference: Decodable {
        struct Binary: Decodable {
            let actual: [Int], scores: [Double], predicted: [Int]
            let accuracy: Double, precision: Double, recall: Double, f1: Double
            let roc_auc: Double, roc_thresholds: [Double], fpr: [Double], tpr: [Double]
            let average_precision: Double, pr_precisions: [Double], pr_recalls: [Double], pr_trapezoid: Double
        }
        struct MultiClass: Decodable {
            let actual: [Int], predicted: [Int], labels: [Int], counts: [[Int]]
            let balanced_accuracy: Double
        }
        struct Ranking: Decodable {
            let relevances: [Double], scores: [Double], k: Int
            let dcg: Double, ndcg: Double, ranked_dcg: Double, ranked_ndcg: Double
        }
        let binary: [Binary]
        let multiclass: [MultiClass]
        let ranking: [Ranking]
    }

    // Run the script once for all the tests of the class.
    private static let loaded = Result { try JSONDecoder().decode(Reference.self, from: runReferenceScript("metrics.py")) }
    private var reference: Reference!

    override func setUpWithError() throws {
        reference = try Self.loaded.get()
    }

    private func assertClose(_ a: [Double], _ b: [Double], _ message: String, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, message, line: line)
        for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: 1e-12, message, line: line) }
    }

    func testBinaryMetricsAndCurves() {
        for (n, c) in reference.binary.enumerated() {
            let name = "binary case \(n)"
            XCTAssertEqual(accuracy(actual: c.actual, predicted: c.predicted), c.accuracy, accuracy: 1e-12, name)
            XCTAssertEqual(precision(actual: c.actual, predicted: c.predicted), c.precision, accuracy: 1e-12, name)
            XCTAssertEqual(recall(actual: c.actual, predicted: c.predicted), c.recall, accuracy: 1e-12, name)
            XCTAssertEqual(f1Score(actual: c.actual, predicted: c.predicted), c.f1, accuracy: 1e-12, name)

            let roc = rocCurve(actual: c.actual, scores: c.scores)
            XCTAssertEqual(roc.auc, c.roc_auc, accuracy: 1e-12, name)
            XCTAssertEqual(Array(roc.thresholds.dropFirst()), c.roc_thresholds, name)
            assertClose(roc.falsePositiveRates, c.fpr, name)
            assertClose(roc.truePositiveRates, c.tpr, name)

            let pr = precisionRecallCurve(actual: c.actual, scores: c.scores)
            XCTAssertEqual(pr.averagePrecision, c.average_precision, accuracy: 1e-12, name)
            XCTAssertEqual(pr.trapezoidArea, c.pr_trapezoid, accuracy: 1e-12, name)
            assertClose(pr.precisions, c.pr_precisions, name)
            assertClose(pr.recalls, c.pr_recalls, name)
        }
    }

    func testMultiClassConfusionMatrices() {
        for c in reference.multiclass {
            let cm = ConfusionMatrix(actual: c.actual, predicted: c.predicted)
            XCTAssertEqual(cm.labels, c.labels)
            XCTAssertEqual(cm.counts, c.counts)
            XCTAssertEqual(cm.balancedAccuracy, c.balanced_accuracy, accuracy: 1e-12)
        }
    }

    func testRanking() {
        for c in reference.ranking {
            XCTAssertEqual(dcg(relevances: c.relevances, scores: c.scores, k: c.k), c.dcg, accuracy: 1e-12)
            XCTAssertEqual(ndcg(relevances: c.relevances, scores: c.scores, k: c.k), c.ndcg, accuracy: 1e-12)
            XCTAssertEqual(dcg(relevances: c.relevances, k: c.k), c.ranked_dcg, accuracy: 1e-12)
            XCTAssertEqual(ndcg(relevances: c.relevances, k: c.k), c.ranked_ndcg, accuracy: 1e-12)
        }
    }
}

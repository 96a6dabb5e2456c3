import Foundation
import XCTest
import TallyEngine

/// Loss values against their textbook formulas evaluated by hand, and gradients against
/// finite differences or their closed forms.
final class LossTests: XCTestCase {
    let prediction = Tensor([0.5, 2.0, -1.0]), target = Tensor([1.0, 0.0, -1.5])

    func testRegressionLosses() {
        XCTAssertEqual(mseLoss(prediction, target).item, (0.25 + 4 + 0.25) / 3, accuracy: 1e-15)
        XCTAssertEqual(maeLoss(prediction, target).item, (0.5 + 2 + 0.5) / 3, accuracy: 1e-15)
        // Residuals −0.5, 2, 0.5 with δ = 1: ½·0.25, 1·(2 − ½), ½·0.25.
        XCTAssertEqual(huberLoss(prediction, target).item, (0.125 + 1.5 + 0.125) / 3, accuracy: 1e-15)
        XCTAssertEqual(hingeLoss(Tensor([0.5, -2, 3]), Tensor([1, -1, -1])).item, (0.5 + 0 + 4) / 3, accuracy: 1e-15)
    }

    func testClassificationLosses() {
        let p = Tensor([0.9, 0.2]), y = Tensor([1.0, 0.0])
        XCTAssertEqual(binaryCrossEntropy(p, y).item, -(Foundation.log(0.9) + Foundation.log(0.8)) / 2, accuracy: 1e-15)
        XCTAssertEqual(binaryCrossEntropy(Tensor([0.0]), Tensor([1.0])).item, 100, "PyTorch clamps ln 0 at −100")
        let logits = Tensor([2.0, -1.0])
        XCTAssertEqual(binaryCrossEntropy(logits: logits, targets: y).item,
                       binaryCrossEntropy(sigmoid(logits), y).item, accuracy: 1e-15)
        XCTAssertEqual(binaryCrossEntropy(logits: Tensor([-800.0]), targets: Tensor([1.0])).item, 800,
                       "stays finite where σ underflows")
        let probabilities = Tensor([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
        let oneHotTargets = oneHot([0, 2], classes: 3)
        XCTAssertEqual(crossEntropy(probabilities, oneHotTargets).item, -(Foundation.log(0.7) + Foundation.log(0.8)) / 2,
                       accuracy: 1e-15)
        let z = Tensor([[1.0, 2.0, 0.5], [1000.0, 0.0, -1000.0]])
        let expected = (logSumExp([1, 2, 0.5]) - 1 + 0) / 2  // second row: class 0 wins by 1000, loss ≈ 0
        XCTAssertEqual(softmaxCrossEntropy(logits: z, labels: [0, 0]).item, expected, accuracy: 1e-12)
    }

    /// ∂/∂z of softmax cross-entropy is (softmax(z) − y) / batch.
    func testSoftmaxCrossEntropyGradientIsSoftmaxMinusTarget() {
        let z = Tensor([[1.0, 2.0, 0.5], [0.1, -0.3, 0.7]], requiresGrad: true)
        softmaxCrossEntropy(logits: z, labels: [2, 0]).backward()
        let y = oneHot([2, 0], classes: 3)
        let expected = (softmax(z.detached()) - y) / 2
        for (got, want) in zip(z.grad!.data, expected.data) { XCTAssertEqual(got, want, accuracy: 1e-15) }
    }

    func testEveryLossDifferentiates() {
        let y01 = Tensor([1, 0, 1]), ySigned = Tensor([1, -1, -1]), probabilities = Tensor([0.8, 0.3, 0.6])
        let losses: [(String, (Tensor) -> Tensor, Tensor)] = [
            ("mse", { mseLoss($0, self.target) }, prediction),
            ("mae", { maeLoss($0, self.target) }, prediction),
            ("huber", { huberLoss($0, self.target, delta: 0.7) }, prediction),
            ("hinge", { hingeLoss($0, ySigned) }, Tensor([0.5, 2, -1.5])),
            ("bce", { binaryCrossEntropy($0, y01) }, probabilities),
            ("bce logits", { binaryCrossEntropy(logits: $0, targets: y01) }, prediction),
            ("cross-entropy", { crossEntropy(softmax($0), oneHot([1], classes: 3)) }, prediction.reshaped([1, 3])),
            ("softmax cross-entropy", { softmaxCrossEntropy(logits: $0, labels: [2]) }, prediction.reshaped([1, 3])),
        ]
        for (name, loss, at) in losses {
            XCTAssertLessThan(gradientCheck(loss, at: at), 1e-8, name)
        }
    }
}

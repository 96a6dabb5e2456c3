import Foundation
import XCTest
import TallyEngine

/// The engine cases found against PyTorch (ties, bounds, BCE at p = 0 and 1, softplus's
/// threshold, ELU/SELU tails), each with the value torch 2.15 (float64) prints for it. The same
/// kinds are covered more widely by TorchFunctionalReferenceTests.
final class TorchParityCaseTests: XCTestCase {
    /// A saturated sigmoid (σ(40) rounds to 1) into BCE with y = 0: torch's loss is 100 (the −100
    /// log clamp) and its gradient in the logit 0, not NaN.
    func testBCEAfterSaturatedSigmoidHasZeroGradient() {
        let z = Tensor([40.0], requiresGrad: true)
        let loss = binaryCrossEntropy(sigmoid(z), Tensor([0.0]))
        XCTAssertEqual(loss.item, 100)
        loss.backward()
        XCTAssertEqual(z.grad!.item, 0)
    }

    /// torch's BCE gradient (p − y)/max(p(1 − p), 1e-12 as a Float): 0 at p = y ∈ {0, 1},
    /// −1000000003995.8029 at p = 0, 1e-20 or 1e-50 with y = 1.
    func testBCEGradientIsFiniteAtZeroAndOne() {
        for (p, y, expected) in [(0.0, 0.0, 0.0), (1.0, 1.0, 0.0), (0.0, 1.0, -1000000003995.8029),
                                 (1e-20, 1.0, -1000000003995.8029), (1e-50, 1.0, -1000000003995.8029)] {
            let probability = Tensor([p], requiresGrad: true)
            binaryCrossEntropy(probability, Tensor([y])).backward()
            XCTAssertEqual(probability.grad!.item, expected, accuracy: 1e-3, "p = \(p), y = \(y)")
        }
        XCTAssertEqual(binaryCrossEntropy(Tensor([1e-20]), Tensor([1.0])).item, 46.051701859880914, accuracy: 1e-13)
    }

    /// torch's x.max() / x.min() split the gradient evenly between tied elements; max(dim) (here
    /// max(axis:)) gives it to the first.
    func testGlobalMaxAndMinSplitTies() {
        let x = Tensor([3.0, 1.0, 3.0], requiresGrad: true)
        x.max().backward()
        XCTAssertEqual(x.grad!.data, [0.5, 0, 0.5])
        let y = Tensor([1.0, 2.0, 1.0], requiresGrad: true)
        y.min().backward()
        XCTAssertEqual(y.grad!.data, [0.5, 0, 0.5])
        let z = Tensor([3.0, 1.0, 3.0], requiresGrad: true)
        z.max(axis: 0).backward()
        XCTAssertEqual(z.grad!.data, [1, 0, 0])
    }

    /// torch.maximum splits a tie 0.5 / 0.5.
    func testMaximumOfTwoTensorsSplitsTies() {
        let a = Tensor([1.0, 2.0], requiresGrad: true), b = Tensor([1.0, 0.0], requiresGrad: true)
        maximum(a, b).sum().backward()
        XCTAssertEqual(a.grad!.data, [0.5, 1])
        XCTAssertEqual(b.grad!.data, [0.5, 0])
    }

    /// torch.clamp has derivative 0 at both bounds, as clamp(min: c) does at c (the engine's maximum(x, c)).
    func testClampHasZeroDerivativeAtItsBounds() {
        let x = Tensor([0.5, 1.0, 2.0], requiresGrad: true)
        clamp(x, 0.5, 2).sum().backward()
        XCTAssertEqual(x.grad!.data, [0, 1, 0])
        let y = Tensor([0.5, 1.0], requiresGrad: true)
        maximum(y, 0.5).sum().backward()
        XCTAssertEqual(y.grad!.data, [0, 1])
    }

    /// F.softplus(20.5) is 20.5 with gradient 1 (threshold 20); the exact form stays available.
    func testSoftplusFollowsTorchsThreshold() {
        let x = Tensor([20.5], requiresGrad: true)
        let s = softplus(x)
        XCTAssertEqual(s.item, 20.5)
        s.backward()
        XCTAssertEqual(x.grad!.item, 1)
        XCTAssertEqual(softplus(20.5, threshold: .infinity), 20.500000001250154, accuracy: 1e-14, "torch.logaddexp(20.5, 0)")
    }

    /// ELU′(−40) = e⁻⁴⁰ and SELU′(−40) = λα·e⁻⁴⁰ as torch computes them, not 0 by cancellation.
    func testELUAndSELUDerivativesInTheFarTail() {
        XCTAssertEqual(Activation.elu.derivative(-40), 4.248354255291589e-18, accuracy: 1e-30)
        XCTAssertEqual(Activation.selu.derivative(-40), 7.46902881591429e-18, accuracy: 1e-30)
    }
}

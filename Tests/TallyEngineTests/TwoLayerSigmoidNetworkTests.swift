import Foundation
import XCTest
import TallyEngine

/// The notes' worked example: a 2-2-1 sigmoid network, input (0.5, 0.8), target 1, loss
/// ½(y − ŷ)². The engine's forward pass, autodiff gradients (including all four entries of
/// ∂J/∂W¹, where the notes give two) and one SGD step must equal the full-precision values of
/// reference/two_two_one_network.py.
final class TwoLayerSigmoidNetworkTests: XCTestCase {
    struct Reference: Decodable {
        let learning_rate: Double
        let z2: [Double], a2: [Double], z3: Double, a3: Double, loss: Double
        let delta3: Double, delta2: [Double]
        let dW2: [Double], db2: Double, dW1: [Double], db1: [Double]
        let W1_after: [Double], b1_after: [Double], W2_after: [Double], b2_after: Double
    }

    func testForwardBackwardAndOneStepMatchReference() throws {
        let r = try JSONDecoder().decode(Reference.self, from: runReferenceScript("two_two_one_network.py"))
        let x = Tensor([[0.5], [0.8]])
        let y = Tensor([[1.0]])
        let W1 = Tensor([[0.2, 0.4], [0.3, 0.7]], requiresGrad: true)
        let b1 = Tensor([[0.1], [0.2]], requiresGrad: true)
        let W2 = Tensor([[0.5, 0.6]], requiresGrad: true)
        let b2 = Tensor([[0.3]], requiresGrad: true)

        let z2 = matmul(W1, x) + b1
        let a2 = sigmoid(z2)
        let z3 = matmul(W2, a2) + b2
        let a3 = sigmoid(z3)
        let loss = 0.5 * mseLoss(a3, y)
        loss.backward()

        assertClose(z2.data, r.z2)
        assertClose(a2.data, r.a2)
        assertClose(z3.data, [r.z3])
        assertClose(a3.data, [r.a3])
        assertClose(loss.data, [r.loss])
        assertClose(z3.grad!.data, [r.delta3])
        assertClose(z2.grad!.data, r.delta2)
        assertClose(W2.grad!.data, r.dW2)
        assertClose(b2.grad!.data, [r.db2])
        assertClose(W1.grad!.data, r.dW1)
        assertClose(b1.grad!.data, r.db1)

        SGD([W1, b1, W2, b2], learningRate: r.learning_rate).step()
        assertClose(W1.data, r.W1_after)
        assertClose(b1.data, r.b1_after)
        assertClose(W2.data, r.W2_after)
        assertClose(b2.data, [r.b2_after])
    }

    /// The notes round intermediates to about three digits, so their figures agree with the
    /// exact ones only to that precision (their loss 0.03406 against 0.034025…).
    func testNotesRoundedFiguresAreWithinTheirRounding() {
        let a2 = sigmoid(Tensor([0.52, 0.91]))
        assertClose(a2.data, [0.627, 0.713], tolerance: 5e-4)
        let a3 = sigmoid(0.5 * a2.data[0] + 0.6 * a2.data[1] + 0.3)
        XCTAssertEqual(a3, 0.739, accuracy: 5e-4)
        XCTAssertEqual(0.5 * (1 - a3) * (1 - a3), 0.03406, accuracy: 1e-4)
        XCTAssertEqual((a3 - 1) * a3 * (1 - a3), -0.0503, accuracy: 1e-4)
    }

    private func assertClose(_ got: [Double], _ want: [Double], tolerance: Double = 1e-14,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(got.count, want.count, file: file, line: line)
        for (g, w) in zip(got, want) {
            XCTAssertEqual(g, w, accuracy: tolerance, file: file, line: line)
        }
    }
}

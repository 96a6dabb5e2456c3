import Foundation
import XCTest
@testable import TallyEngine

final class ActivationTests: XCTestCase {
    let elementwise: [Activation] = [
        .identity, .sigmoid, .tanh, .relu, .leakyReLU(slope: 0.1), .elu, .elu(alpha: 0.5), .selu,
        .swish, .swish(beta: 2), .softplus, .heaviside,
    ]

    /// Values from their textbook definitions at a few points.
    func testValues() {
        XCTAssertEqual(sigmoid(0), 0.5)
        XCTAssertEqual(sigmoid(0.5), 1 / (1 + Foundation.exp(-0.5)), accuracy: 1e-16)
        XCTAssertEqual(sigmoid(-800), 0)
        XCTAssertEqual(Activation.tanh(0.3), Foundation.tanh(0.3))
        XCTAssertEqual(relu(-3), 0)
        XCTAssertEqual(leakyReLU(-3), -0.03, accuracy: 1e-16)
        XCTAssertEqual(elu(-1), Foundation.exp(-1) - 1, accuracy: 1e-16)
        XCTAssertEqual(selu(-1), 1.0507009873554805 * 1.6732632423543772 * (Foundation.exp(-1) - 1), accuracy: 1e-15)
        XCTAssertEqual(swish(1), 1 / (1 + Foundation.exp(-1)), accuracy: 1e-16)
        XCTAssertEqual(softplus(1), Foundation.log(1 + Foundation.exp(1)), accuracy: 1e-15)
        XCTAssertEqual(softplus(1000), 1000)
        XCTAssertEqual([heaviside(-0.1), heaviside(0), heaviside(2)], [0, 1, 1])
    }

    /// Each scalar derivative against central differences (away from the kinks at 0).
    func testScalarDerivatives() {
        for activation in elementwise {
            for x in [-2.1, -0.7, 0.4, 1.9] {
                let numeric = (activation(x + 1e-6) - activation(x - 1e-6)) / 2e-6
                XCTAssertEqual(activation.derivative(x), numeric, accuracy: 1e-7, "\(activation) at \(x)")
            }
        }
        XCTAssertEqual(Activation.sigmoid.derivative(0.5), sigmoid(0.5) * (1 - sigmoid(0.5)), accuracy: 1e-16)
        XCTAssertEqual(Activation.tanh.derivative(Tensor([0, 1])).data, [1, 1 - Foundation.tanh(1) * Foundation.tanh(1)])
    }

    func testTensorActivationsDifferentiate() {
        let x = Tensor([[-2.1, -0.7], [0.4, 1.9]])
        for activation in elementwise {
            XCTAssertEqual(activation(x).data, x.data.map(activation.function))
            XCTAssertLessThan(gradientCheck({ activation($0) }, at: x), 1e-8, activation.name)
        }
        XCTAssertLessThan(gradientCheck({ prelu($0[0], slope: $0[1]) }, at: [x, Tensor([0.2, 0.3])]), 1e-8)
    }

    func testSoftmaxFamilyIsStable() {
        XCTAssertEqual(softmax([1000, 1000]), [0.5, 0.5])
        XCTAssertEqual(logSumExp([1000, 1000]), 1000 + Foundation.log(2), accuracy: 1e-12)
        XCTAssertEqual(logSoftmax([0, -1000])[1], -1000, accuracy: 1e-12)
        let p = softmax([1, 2, 3])
        let e = [1.0, 2, 3].map { Foundation.exp($0) }
        for (got, want) in zip(p, e.map { $0 / e.reduce(0, +) }) { XCTAssertEqual(got, want, accuracy: 1e-15) }
    }

    func testSoftmaxFamilyDifferentiates() {
        let x = Tensor([[0.3, -1.2, 2.0], [1.0, 0.5, -0.5]])
        let weights = Tensor([[1, 2, 3], [-1, 0.5, 2]])
        for axis in [0, 1] {
            XCTAssertLessThan(gradientCheck({ softmax($0, axis: axis) * weights }, at: x), 1e-8)
            XCTAssertLessThan(gradientCheck({ logSoftmax($0, axis: axis) * weights }, at: x), 1e-8)
            XCTAssertLessThan(gradientCheck({ pow(logSumExp($0, axis: axis), 2) }, at: x), 1e-8)
        }
        XCTAssertEqual(softmax(x).sum(axis: 1).data[0], 1, accuracy: 1e-15)
    }

    func testMaxoutAndArgmax() {
        let x = Tensor([[1, 5, -2, -3], [0, 0.5, 4, 2]])
        XCTAssertEqual(maxout(x, pieces: 2).rows, [[5, -2], [0.5, 4]])
        XCTAssertLessThan(gradientCheck({ pow(maxout($0, pieces: 2), 2) }, at: x), 1e-8)
        XCTAssertEqual(argmax([0.1, 0.7, 0.2]), 1)
        XCTAssertEqual(x.argmax(axis: 1), [1, 2])
    }
}

import Foundation
import XCTest
import TallyEngine

/// Notebooks pass engine functions by name (`plot(["softplus": softplus])`,
/// `gradient(mseLoss, at:)`): options must come as overloads, not default arguments, which
/// would change the function's type. These assignments fail to compile if one is lost.
final class FunctionReferenceTests: XCTestCase {
    func testActivationsAndLossesCanBePassedByName() {
        let activations: [(Double) -> Double] = [softplus, gelu, hardtanh, mish, hardswish, softsign, relu, sigmoid]
        XCTAssertEqual(activations.map { $0(0) }, [Foundation.log(2), 0, 0, 0, 0, 0, 0, 0.5])
        let tensorActivations: [(Tensor) -> Tensor] = [softplus, gelu, hardtanh, mish, hardswish, softsign]
        XCTAssertEqual(tensorActivations.map { $0(Tensor([1.0, 2.0])).shape }, Array(repeating: [2], count: 6))
        let losses: [(Tensor, Tensor) -> Tensor] = [mseLoss, maeLoss, hingeLoss, binaryCrossEntropy]
        for (loss, expected) in zip(losses, [0.25, 0.5, 0.5, -Foundation.log(0.5)]) {
            XCTAssertEqual(loss(Tensor([0.5]), Tensor([1.0])).item, expected, accuracy: 1e-15)
        }
    }
}

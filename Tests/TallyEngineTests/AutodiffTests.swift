import Foundation
import XCTest
@testable import TallyEngine

/// Every differentiable operation against central finite differences.
final class AutodiffTests: XCTestCase {
    /// Random inputs kept away from 0, where |x|, ReLU and friends have kinks.
    private func input(_ shape: [Int], seed: UInt64, positive: Bool = false) -> Tensor {
        var rng = RandomGenerator(seed: seed)
        return Tensor(shape: shape, data: (0..<shape.product).map { _ in
            let magnitude = rng.uniform(0.2, 2)
            return positive || rng.uniform() < 0.5 ? magnitude : -magnitude
        })
    }

    private func check(_ name: String, _ inputs: [Tensor], tolerance: Double = 1e-7,
                       file: StaticString = #filePath, line: UInt = #line, _ f: @escaping ([Tensor]) -> Tensor) {
        let error = gradientCheck(f, at: inputs)
        XCTAssertLessThan(error, tolerance, name, file: file, line: line)
    }

    func testArithmeticWithBroadcasting() {
        let a = input([3, 4], seed: 1), row = input([4], seed: 2), column = input([3, 1], seed: 3)
        let positive = input([3, 4], seed: 4, positive: true)
        check("add", [a, row]) { $0[0] + $0[1] }
        check("subtract", [column, a]) { $0[0] - $0[1] }
        check("multiply", [a, column]) { $0[0] * $0[1] }
        check("divide", [a, positive]) { $0[0] / $0[1] }
        check("divide broadcast", [row, positive]) { $0[0] / $0[1] }
        check("scalars", [a]) { 3 - 2 * $0[0] / 4 + 1 }
        check("negate", [a]) { -$0[0] }
        check("3-D broadcast", [input([2, 1, 3], seed: 5), input([4, 1], seed: 6)]) { $0[0] * $0[1] }
        check("reuse", [a]) { $0[0] * $0[0] + $0[0] }
    }

    func testElementwiseFunctions() {
        let a = input([2, 3], seed: 7), p = input([2, 3], seed: 8, positive: true)
        check("exp", [a]) { exp($0[0]) }
        check("log", [p]) { log($0[0]) }
        check("sqrt", [p]) { sqrt($0[0]) }
        check("abs", [a]) { abs($0[0]) }
        check("pow", [p]) { pow($0[0], 2.5) }
        check("maximum constant", [a]) { maximum($0[0], 0.5) }
        check("minimum constant", [a]) { minimum($0[0], 0.5) }
        check("maximum tensors", [a, input([3], seed: 9)]) { maximum($0[0], $0[1]) }
        check("clamp", [a]) { clamp($0[0], -1, 1) }
        check("map", [a]) { $0[0].map({ $0 * $0 * $0 }, derivative: { x, _ in 3 * x * x }) }
    }

    func testReductionsAndShapes() {
        let a = input([3, 4], seed: 10), cube = input([2, 3, 4], seed: 11)
        check("sum", [a]) { $0[0].sum() }
        check("sum axis 0", [a]) { pow($0[0].sum(axis: 0), 2) }
        check("sum middle axis", [cube]) { pow($0[0].sum(axis: 1), 2) }
        check("mean", [a]) { pow($0[0], 2).mean() }
        check("mean axis", [cube]) { pow($0[0].mean(axis: -1), 2) }
        check("max", [a]) { $0[0].max() * 3 }
        check("max axis", [cube]) { pow($0[0].max(axis: 1), 2) }
        check("min axis", [a]) { pow($0[0].min(axis: 0), 2) }
        check("reshape", [a]) { pow($0[0].reshaped([2, 6]), 2) * Tensor.arange(6) }
        check("transpose", [a]) { $0[0].T * Tensor.arange(3) }
        check("slice", [a]) { pow($0[0][1..<3, 0..<2], 2) }
        check("rows", [a]) { pow($0[0].rows([2, 0, 2]), 2) }
    }

    func testMatmulEveryTransposition() {
        let a = input([3, 4], seed: 12), b = input([4, 2], seed: 13)
        check("matmul", [a, b]) { matmul($0[0], $0[1]) * Tensor.arange(2) }
        check("matmul Aᵀ", [a.T.detached(), b]) { matmul($0[0], $0[1], transposeA: true) * Tensor.arange(2) }
        check("matmul Bᵀ", [a, b.T.detached()]) { matmul($0[0], $0[1], transposeB: true) * Tensor.arange(2) }
        check("matmul AᵀBᵀ", [a.T.detached(), b.T.detached()]) {
            matmul($0[0], $0[1], transposeA: true, transposeB: true) * Tensor.arange(2)
        }
        check("matrix·vector", [a, input([4], seed: 14)]) { pow(matmul($0[0], $0[1]), 2) }
        check("vector·matrix", [input([3], seed: 15), a]) { pow(matmul($0[0], $0[1]), 2) }
        let big = input([45, 50], seed: 16), other = input([50, 40], seed: 17)
        // A mean, not a sum: finite differences of a sum of 1,800 terms lose too many digits.
        check("matmul through BLAS", [big, other]) { matmul($0[0], $0[1]).mean() }
    }

    func testGradientsAccumulateAndResetCorrectly() {
        let x = Tensor([2.0], requiresGrad: true)
        let y = x * x * x  // dy/dx = 3x² = 12
        y.backward()
        XCTAssertEqual(x.grad!.data, [12])
        y.backward()  // a second backward adds the same again, as in PyTorch
        XCTAssertEqual(x.grad!.data, [24])
        x.zeroGrad()
        XCTAssertNil(x.grad)
        let constant = Tensor([5.0])
        (constant * x).backward()
        XCTAssertNil(constant.grad, "tensors without requiresGrad get no gradient")
        XCTAssertEqual(x.grad!.data, [5])
    }

    func testLongChainsDoNotOverflowTheStack() {
        let x = Tensor([1.0], requiresGrad: true)
        var y = x
        for _ in 0..<20_000 { y = y * 1.0001 }
        y.backward()
        XCTAssertEqual(x.grad!.item, Foundation.pow(1.0001, 20_000), accuracy: 1e-9)
    }

    func testHandDerivedGradientCheck() {
        let x = Tensor([1, -2, 3])
        XCTAssertLessThan(gradientCheck({ ($0 * $0).sum() }, gradient: { 2 * $0 }, at: x), 1e-8)
        XCTAssertGreaterThan(gradientCheck({ ($0 * $0).sum() }, gradient: { 3 * $0 }, at: x), 0.3,
                             "a wrong hand-derived gradient must be caught")
    }
}

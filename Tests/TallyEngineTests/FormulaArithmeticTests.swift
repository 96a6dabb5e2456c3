import TallyEngine
import XCTest

/// The helpers checked formulas compile to: products by shape, transposes, elements, sums.
/// Expected values are worked by hand from the definitions.
final class FormulaArithmeticTests: XCTestCase {
    private let W = Tensor([[1.0, 2.0], [3.0, 4.0], [0.5, -1.0]])
    private let x = Tensor([0.5, -0.25])

    func testMatrixTimesVectorIsAVector() {
        let y = _formulaMultiply(W, x)
        XCTAssertEqual(y.shape, [3])
        XCTAssertEqual(y.data, [0.0, 0.5, 0.5])  // [0.5 − 0.5, 1.5 − 1, 0.25 + 0.25]
    }

    func testTwoVectorsMultiplyElementwise() {
        let y = _formulaMultiply(Tensor([1.0, 2.0]), Tensor([3.0, 4.0]))
        XCTAssertEqual(y.shape, [2])
        XCTAssertEqual(y.data, [3, 8])
    }

    func testRowTimesColumnIsANumberAndColumnTimesRowAnOuterProduct() {
        let dot = _formulaMultiply(_formulaTranspose(Tensor([1.0, 2.0])), Tensor([3.0, 4.0]))
        XCTAssertEqual(dot.shape, [])
        XCTAssertEqual(dot.item, 11)
        let outer = _formulaMultiply(Tensor([1.0, 2.0]), _formulaTranspose(Tensor([3.0, 4.0, 5.0])))
        XCTAssertEqual(outer.shape, [2, 3])
        XCTAssertEqual(outer.data, [3, 4, 5, 6, 8, 10])
    }

    func testTransposes() {
        XCTAssertEqual(_formulaTranspose(W).shape, [2, 3])
        XCTAssertEqual(_formulaTranspose(W).data, [1, 3, 0.5, 2, 4, -1])
        XCTAssertEqual(_formulaTranspose(x).shape, [1, 2])
        XCTAssertEqual(_formulaTranspose(2.5), 2.5)
    }

    func testElementsAreOneBased() {
        XCTAssertEqual(_formulaElement(Tensor([7.0, 8.0, 9.0]), 1).item, 7)
        XCTAssertEqual(_formulaElement(Tensor([7.0, 8.0, 9.0]), 3).item, 9)
        XCTAssertEqual(_formulaElement(W, 2).data, [3, 4], "row 2 of a matrix")
        XCTAssertEqual(_formulaLength(W), 3)
    }

    func testSumsAndProducts() {
        XCTAssertEqual(_formulaSum(from: 1, through: 4) { $0 }, 10)
        XCTAssertEqual(_formulaProduct(from: 1, through: 5) { $0 }, 120)
        XCTAssertEqual(_formulaSum(from: 3, through: 2) { $0 }, 0, "an empty sum")
        XCTAssertEqual(_formulaSum(from: 1, through: 2) { i in Tensor([i, 2 * i]) }.data, [3, 6])
    }

    func testCallAppliesFunctionsAndMultipliesValues() {
        XCTAssertEqual(_formulaCall(Activation.relu, -2.0), 0)
        XCTAssertEqual(_formulaCall({ (v: Double) in v + 1 }, 2.0), 3)
        XCTAssertEqual(_formulaCall(3.0, 2.0), 6, "y(1 - y) is a product")
        XCTAssertEqual(_formulaCall(Tensor([1.0, 2.0]), Tensor([3.0, 4.0])).data, [3, 8])
    }

    func testPowersNormsAndExtremes() {
        XCTAssertEqual(_formulaPower(Tensor([2.0, 3.0]), 2.0).data, [4, 9])
        XCTAssertEqual(_formulaPower(2.0, Tensor([3.0, 0.5])).data[0], 8)
        XCTAssertEqual(_formulaPower(Tensor([2.0]), Tensor([10.0])).data, [1024])
        XCTAssertEqual(_formulaNorm(Tensor([3.0, 4.0])), 5)
        XCTAssertEqual(_formulaMax(Tensor([3.0, -4.0])), 3)
        XCTAssertEqual(_formulaMax(0.0, Tensor([-1.0, 2.0])).data, [0, 2])
        XCTAssertEqual(_formulaMin(Tensor([3.0, -4.0]), Tensor([1.0, 1.0])).data, [1, -4])
        XCTAssertEqual(_formulaRoot(27.0, 3), 3, accuracy: 1e-15)
        XCTAssertEqual(_formulaValue([[1, 2], [3, 4]] as [[Double]]).shape, [2, 2])
        XCTAssertEqual(_formulaValue(3), 3.0)
    }
}

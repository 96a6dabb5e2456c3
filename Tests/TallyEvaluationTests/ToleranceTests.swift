import XCTest
import TallyDocument
@testable import TallyEvaluation
import TallyProtocol
import TallyResults

/// Half a unit of the last written digit unless `± x`; elementwise with shapes for vectors and matrices.
final class ToleranceTests: XCTestCase {
    private func verify(_ stated: String, _ numbers: [Double], shape: [Int] = []) throws -> (CheckOutcome, [String]) {
        let value = try StatedValue.parse(stated, at: SourceLocation(file: "t.md", line: 1, column: 1)).get()
        let raw: ProgramValue = shape.isEmpty && numbers.count == 1 ? .real(numbers[0]) : .tensor(shape: shape, numbers: numbers, integer: false)
        let (outcome, diagnostics) = CheckVerifier.verify(value, computed: raw)
        return (outcome, diagnostics.map(\.message))
    }

    func testHalfAUnitOfTheLastDigitIsInclusive() throws {
        XCTAssertTrue(try verify("0.74", [0.745]).0.passed, "0.745 is exactly half a unit away")
        XCTAssertTrue(try verify("0.74", [0.735]).0.passed)
        XCTAssertFalse(try verify("0.74", [0.7451]).0.passed)
        XCTAssertTrue(try verify("12", [12.49]).0.passed)
        XCTAssertFalse(try verify("12", [12.51]).0.passed)
        XCTAssertTrue(try verify("0.50", [0.504]).0.passed, "a trailing zero is a written digit")
        XCTAssertFalse(try verify("0.50", [0.506]).0.passed)
        XCTAssertTrue(try verify("1.5e-3", [0.00154]).0.passed, "last digit of 1.5e-3 is 1e-4")
        XCTAssertFalse(try verify("1.5e-3", [0.00156]).0.passed)
    }

    func testExplicitTolerances() throws {
        XCTAssertTrue(try verify("0.739 ± 0.01", [0.748]).0.passed)
        XCTAssertFalse(try verify("0.739 ± 0.001", [0.7412]).0.passed)
        XCTAssertTrue(try verify("200 ± 1%", [201.9]).0.passed)
        XCTAssertFalse(try verify("200 ± 1%", [202.1]).0.passed)
    }

    func testNanNeverMatches() throws {
        XCTAssertFalse(try verify("0.5 ± 100", [.nan]).0.passed)
    }

    func testVectorsAndMatricesAreCheckedElementwiseWithShape() throws {
        XCTAssertTrue(try verify("[0.1, 0.2]", [0.12, 0.18], shape: [2]).0.passed)
        let (wrong, messages) = try verify("[[1, 2], [3, 4]]", [1, 2, 3.6, 4], shape: [2, 2])
        XCTAssertEqual(messages, ["stated 3, computed 3.6 (tolerance 0.5) at [1][0]"])
        XCTAssertEqual(wrong.wrongNumbers.map(\.stated.text), ["3"])
        XCTAssertEqual(try verify("[1, 2, 3, 4]", [1, 2, 3, 4], shape: [2, 2]).1, ["stated a vector of 4, computed a 2×2 matrix"])
        XCTAssertEqual(try verify("[1, 2]", [1, 2, 3], shape: [3]).1, ["stated a vector of 2, computed a vector of 3"])
        XCTAssertTrue(try verify("0.5", [0.5], shape: [1]).0.passed, "a one-element tensor checks against a number")
    }
}

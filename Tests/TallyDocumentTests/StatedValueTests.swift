import XCTest
@testable import TallyDocument

final class StatedValueTests: XCTestCase {
    let at = SourceLocation(file: "n.md", line: 4, column: 20)

    private func value(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> StatedValue? {
        switch StatedValue.parse(text, at: at) {
        case .success(let v): return v
        case .failure(let e):
            XCTFail("'\(text)' did not parse: \(e.message)", file: file, line: line)
            return nil
        }
    }

    private func failure(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> StatedValue.ParseError? {
        switch StatedValue.parse(text, at: at) {
        case .success(let v):
            XCTFail("'\(text)' parsed as \(v.numbers.map(\.value))", file: file, line: line)
            return nil
        case .failure(let e): return e
        }
    }

    func testLastDigitTolerance() throws {
        let a = try XCTUnwrap(value("0.739"))
        XCTAssertEqual(a.numbers.map(\.value), [0.739])
        XCTAssertEqual(a.shape, [])
        XCTAssertEqual(a.tolerance, .lastDigit)
        XCTAssertEqual(a.allowedError(at: 0), 0.0005, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(value("12")).allowedError(at: 0), 0.5, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(value("12.50")).allowedError(at: 0), 0.005, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(value("-3.0")).allowedError(at: 0), 0.05, accuracy: 1e-15)
    }

    func testScientificNotation() throws {
        let v = try XCTUnwrap(value("1.5e-3"))
        XCTAssertEqual(v.numbers.first?.value ?? 0, 0.0015, accuracy: 1e-18)
        XCTAssertEqual(v.allowedError(at: 0), 0.00005, accuracy: 1e-18)
        XCTAssertEqual(try XCTUnwrap(value("2E2")).allowedError(at: 0), 50, accuracy: 1e-12)
    }

    func testAbsoluteTolerance() throws {
        for text in ["0.739 ± 0.001", "0.739±0.001", "0.739 +/- 0.001", "0.739 +- 0.001"] {
            let v = try XCTUnwrap(value(text))
            XCTAssertEqual(v.numbers.map(\.value), [0.739], text)
            XCTAssertEqual(v.tolerance, .absolute(0.001), text)
            XCTAssertEqual(v.allowedError(at: 0), 0.001, accuracy: 1e-15, text)
        }
        XCTAssertEqual(try XCTUnwrap(value("  0.739 ± 0.001 ")).text, "0.739 ± 0.001")
        XCTAssertEqual(try XCTUnwrap(value("  0.739 ± 0.001 ")).valueText, "0.739")
        XCTAssertEqual(try XCTUnwrap(value("[1, 2] +/- 0.5")).valueText, "[1, 2]")
    }

    func testRelativeTolerance() throws {
        let v = try XCTUnwrap(value("12.5 ± 1%"))
        XCTAssertEqual(v.tolerance, .relative(0.01))
        XCTAssertEqual(v.allowedError(at: 0), 0.125, accuracy: 1e-12)
        let negative = try XCTUnwrap(value("-200 ± 5 %"))
        XCTAssertEqual(negative.allowedError(at: 0), 10, accuracy: 1e-12)
    }

    func testVector() throws {
        let v = try XCTUnwrap(value("[0.1, 0.25, -3]"))
        XCTAssertEqual(v.shape, [3])
        XCTAssertEqual(v.numbers.map(\.value), [0.1, 0.25, -3])
        XCTAssertEqual(v.allowedError(at: 0), 0.05, accuracy: 1e-15)
        XCTAssertEqual(v.allowedError(at: 1), 0.005, accuracy: 1e-15)
        XCTAssertEqual(v.allowedError(at: 2), 0.5, accuracy: 1e-15)
        XCTAssertEqual(v.shapeDescription, "3")
        // Each number knows its own column, so a fixer can rewrite exactly it.
        XCTAssertEqual(v.numbers.map(\.location.column), [21, 26, 32])
    }

    func testMatrixIsRowMajor() throws {
        let m = try XCTUnwrap(value("[[1, 2, 3], [4, 5, 6]] ± 0.1"))
        XCTAssertEqual(m.shape, [2, 3])
        XCTAssertEqual(m.numbers.map(\.value), [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(m.tolerance, .absolute(0.1))
        XCTAssertEqual(m.shapeDescription, "2×3")
    }

    func testRaggedMatrixIsAnError() {
        XCTAssertNotNil(failure("[[1, 2], [3]]"))
        XCTAssertNotNil(failure("[[1, 2], 3]"))
        XCTAssertNotNil(failure("[1, [2, 3]]"))
        XCTAssertNotNil(failure("[[[1]]]"))
    }

    func testMalformedStatementsAreErrorsAtTheirColumn() throws {
        let a = try XCTUnwrap(failure("0.739 abc"))
        XCTAssertEqual(a.location, SourceLocation(file: "n.md", line: 4, column: 26))
        let b = try XCTUnwrap(failure("abc"))
        XCTAssertEqual(b.location.column, 20)
        XCTAssertNotNil(failure("0.7 ± "))
        XCTAssertNotNil(failure("0.7 ± 1% extra"))
        XCTAssertNotNil(failure("[1, 2"))
        XCTAssertNotNil(failure(""))
    }

    func testUnicodeMinus() throws {
        XCTAssertEqual(try XCTUnwrap(value("−0.5")).numbers.map(\.value), [-0.5])
    }
}

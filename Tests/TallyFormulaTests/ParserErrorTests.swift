import TallyFormula
import XCTest

/// Constructs outside the subset are errors that name the construct, at its offset (UTF-8 bytes).
final class ParserErrorTests: XCTestCase {
    private func error(_ tex: String, file: StaticString = #filePath, line: UInt = #line) -> FormulaError? {
        do {
            _ = try CheckedFormula(tex)
            XCTFail("\(tex) should not parse", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testUnsupportedConstructsAreNamed() {
        let integral = error(#"\int_0^1 x\,dx = \frac12"#)
        XCTAssertEqual(integral?.message, #"\int is not supported in a checked formula"#)
        XCTAssertEqual(integral?.offset, 0)
        let limit = error(#"y = \lim_{h} f(h)"#)
        XCTAssertEqual(limit?.message, #"\lim is not supported in a checked formula"#)
        XCTAssertEqual(limit?.offset, 4)
        XCTAssertEqual(error(#"x \le 1"#)?.message, #"\le is not supported in a checked formula (only = chains are checked)"#)
        XCTAssertEqual(error(#"\begin{cases} 1 \end{cases}"#)?.message, #"\begin{cases} is not supported in a checked formula"#)
        XCTAssertEqual(error(#"P(X = k) = p"#)?.message, "= is supported only between the sides of a checked formula, not inside ( )")
        XCTAssertEqual(error(#"P(X = k) = p"#)?.offset, 4)
        XCTAssertEqual(error("n! = 1")?.message, "! (factorial) is not supported in a checked formula")
        XCTAssertEqual(error("∫ x = 1")?.message, #"\int is not supported in a checked formula"#)
    }

    func testOffsetsCountUTF8Bytes() {
        // "θ = " is 5 bytes (θ is 2).
        XCTAssertEqual(error(#"θ = \lim x"#)?.offset, 5)
    }

    func testMalformedTeX() {
        let unclosed = error(#"\frac{1}{2"#)
        XCTAssertEqual(unclosed?.message, "expected }, the formula ends")
        XCTAssertEqual(unclosed?.offset, 10)
        XCTAssertEqual(error("(a + b")?.message, "expected ) to close (")
        XCTAssertEqual(error(#"\bigl(a + b)"#)?.message, #"expected \bigr) to close \bigl("#)
        XCTAssertEqual(error("a = ")?.message, "the formula ends where a value was expected")
        XCTAssertEqual(error("")?.message, "the formula is empty")
        XCTAssertEqual(error("x_1_2")?.message, "double subscript")
        let comma = error(#"\sigma(x) = 1, \qquad y = 2"#)
        XCTAssertEqual(comma?.message, "a checked formula is one = chain: put the part after this comma in a formula of its own")
        XCTAssertEqual(comma?.offset, 13)
        XCTAssertEqual(error(#"\sum x"#)?.message, #"\sum needs an index and bounds: \sum_{i=1}^{n}"#)
        XCTAssertEqual(error(#"\hat{1}"#)?.message, #"\hat is supported only on a letter (\hat y)"#)
        XCTAssertEqual(error(#"(x)_i"#)?.message, "a subscript is supported only on a name (x_i, \\theta_t)")
    }
}

import XCTest
import TallyDocument
@testable import TallyEvaluation
import TallyResults

/// `--fix` writes the computed number the way the stated one was written.
final class FormattingTests: XCTestCase {
    private func rewrite(_ value: Double, like text: String) -> String? {
        guard let stated = try? StatedValue.parse(text, at: SourceLocation(file: "t.md", line: 1)).get() else { return "unparsed" }
        return NumberFormatting.rewritten(value, like: stated.numbers[0])
    }

    func testSameDecimalsAndNotation() {
        XCTAssertEqual(rewrite(0.73105857, like: "0.7412"), "0.7311")
        XCTAssertEqual(rewrite(12.6, like: "12"), "13")
        XCTAssertEqual(rewrite(0.00173, like: "1.5e-3"), "1.7e-3")
        XCTAssertEqual(rewrite(0.00173, like: "1.50E-03"), "1.73E-03")
        XCTAssertEqual(rewrite(17300, like: "1.5e+4"), "1.7e+4")
        XCTAssertEqual(rewrite(-0.25, like: "−0.3"), "−0.2", "keeps the Unicode minus; %.1f rounds half to even")
        XCTAssertEqual(rewrite(0.25, like: "+0.30"), "+0.25")
        XCTAssertEqual(rewrite(-0.0001, like: "0.00"), "-0.0001", "decimals are added rather than significant digits lost")
        XCTAssertEqual(rewrite(-0.0, like: "0.00"), "0.00", "no sign on zero")
        XCTAssertNil(rewrite(.nan, like: "0.5"))
    }
}

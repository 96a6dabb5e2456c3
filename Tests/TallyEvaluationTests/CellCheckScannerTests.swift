import XCTest
import TallyDocument

/// Which lines of a cell are checks, and what they check.
final class CellCheckScannerTests: XCTestCase {
    func testFindsBindingsAndExpressionsButNotStringsOrPlainComments() {
        let code = """
        let a3 = sigmoid(z3) // => 0.739
        var w: [Double] = [0.1, 0.2]   //   => [0.1, 0.2] ± 0.01
        loss // => 0.03403
        print("not // => 1")
        // just a comment
        let text = \"\"\"
        x // => 2
        \"\"\"

        """
        let cell = Cell(index: 0, code: code, options: .init(), location: SourceLocation(file: "n.md", line: 9),
                        codeLocation: SourceLocation(file: "n.md", line: 10))
        let (checks, diagnostics) = CellCheckScanner.checks(in: cell)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(checks.map(\.subject), [.binding("a3"), .binding("w"), .expression])
        XCTAssertEqual(checks.map(\.lineOffset), [0, 1, 2])
        XCTAssertEqual(checks.map(\.code), ["let a3 = sigmoid(z3)", "var w: [Double] = [0.1, 0.2]", "loss"])
        XCTAssertEqual(checks[0].stated.location, SourceLocation(file: "n.md", line: 10, column: 27))
        XCTAssertEqual(checks[1].stated.shape, [2])
        XCTAssertEqual(checks[1].stated.tolerance, .absolute(0.01))
    }

    func testACheckOnTheLastLineOfAStatementReadsTheFirstLinesBinding() {
        let code = """
        let p = bayesPosterior(prior: 0.01, likelihood: 0.9,
                               likelihoodIfNot: 0.05) // => 0.1538
        for i in 0..<2 {
            let y = Double(i) // => 1
        }
        max(1,
            2) // => 2
        let q = max(1, // => 1

        """
        let cell = Cell(index: 0, code: code, options: .init(), location: SourceLocation(file: "n.md", line: 1),
                        codeLocation: SourceLocation(file: "n.md", line: 2))
        let (checks, diagnostics) = CellCheckScanner.checks(in: cell)
        XCTAssertEqual(checks.map(\.subject), [.binding("p"), .binding("y")])
        XCTAssertEqual(checks.map(\.lineOffset), [1, 3])
        XCTAssertEqual(diagnostics.map(\.location.line), [8, 9])
        XCTAssertTrue(diagnostics[0].message.contains("needs a 'let'"), diagnostics[0].message)
        XCTAssertTrue(diagnostics[1].message.contains("last line"), diagnostics[1].message)
    }

    func testAnUnreadableStatedValueIsAnError() {
        let cell = Cell(index: 0, code: "x // => about 3\n", options: .init(), location: SourceLocation(file: "n.md", line: 1),
                        codeLocation: SourceLocation(file: "n.md", line: 2))
        let (checks, diagnostics) = CellCheckScanner.checks(in: cell)
        XCTAssertEqual(checks, [])
        XCTAssertEqual(diagnostics.map(\.location.line), [2])
    }
}

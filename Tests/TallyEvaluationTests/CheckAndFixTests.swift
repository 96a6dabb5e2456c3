import XCTest
import TallyDocument
@testable import TallyEvaluation
import TallyResults

/// A wrong stated number in a cell and in prose fails at its exact place; `--fix` repairs both and
/// leaves every other byte as it was.
final class CheckAndFixTests: XCTestCase {
    // σ(1) = 1 / (1 + e^-1) = 0.7310585786… (textbook value); 2σ(1) = 1.4621171573…
    // Line 11 states 0.7412 (wrong), the prose's last span states 1.50 (wrong).
    let notebook = """
    ---
    title: Sigmoid by hand
    ---

    # One neuron

    With weight 2 and input 0.5 the pre-activation is 1.

    ```swift
    let z = 2.0 * 0.5 // => 1.0
    let a = 1.0 / (1.0 + exp(-z)) // => 0.7412
    ```

    So σ(1) is `{swift %.3f} a` and twice it is `{swift} 2 * a => 1.50`.

    """

    func testWrongNumbersFailAtTheirPlacesAndFixRepairsOnlyThem() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = try workspace.write("sigmoid.md", notebook)

        let first = try workspace.evaluate(path)
        XCTAssertFalse(first.passed)
        XCTAssertEqual(first.errors, [
            "11:37: stated 0.7412, computed 0.731059 (tolerance 0.00005)",
            "14:64: stated 1.50, computed 1.4621 (tolerance 0.005)",
        ])
        XCTAssertEqual(first.checks.count, 3, "two in the cell, one in the prose")
        let notebookModel = try workspace.parse(path)
        let spans = notebookModel.inlineExpressions
        XCTAssertEqual(first.expression(spans[0])?.text, "0.731")
        XCTAssertEqual(first.expression(spans[1])?.text, "1.50", "a checked span shows the stated number")

        let fixes = StatedNumberFixer.fixes(for: first)
        XCTAssertEqual(fixes.map(\.replacement), ["0.7311", "1.46"])
        let result = try StatedNumberFixer.fix(file: workspace.url(of: path), with: fixes)
        XCTAssertEqual(result.applied, 2)
        let expected = notebook.replacingOccurrences(of: "0.7412", with: "0.7311")
            .replacingOccurrences(of: "1.50`", with: "1.46`")
        XCTAssertEqual(try Data(contentsOf: workspace.url(of: path)), Data(expected.utf8))

        let second = try workspace.evaluate(path)
        XCTAssertTrue(second.passed, "\(second.errors)")
        XCTAssertEqual(second.compiledPrograms, 0, "stated values are not part of the program: --fix needs no recompile")
    }

    func testFixKeepsCRLFAndByteOrderMarkAndSkipsStaleFixes() {
        let text = "\u{FEFF}a // => 1.5\r\nb // => 2.25\r\n"
        let fixes = [
            StatedNumberFix(location: SourceLocation(file: "x", line: 1, column: 9), original: "1.5", replacement: "1.7"),
            StatedNumberFix(location: SourceLocation(file: "x", line: 2, column: 9), original: "2.25", replacement: "2.00"),
            StatedNumberFix(location: SourceLocation(file: "x", line: 2, column: 9), original: "9.99", replacement: "1.00"),
        ]
        let (data, skipped) = StatedNumberFixer.apply(fixes, to: Data(text.utf8))
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "\u{FEFF}a // => 1.7\r\nb // => 2.00\r\n")
        XCTAssertEqual(skipped, [fixes[2]])
    }
}

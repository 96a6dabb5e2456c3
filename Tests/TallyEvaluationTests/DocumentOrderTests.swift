import XCTest
import TallyDocument
@testable import TallyEvaluation
import TallyResults

/// Inline values follow the document (as in knitr and Quarto): an expression in prose sees the cells
/// above it, not the cells below; a trap in it is reported at its own line; the cache stays keyed on
/// code (a prose edit compiles nothing).
final class DocumentOrderTests: XCTestCase {
    /// Issue 11's must-show and `newcomer/01`: prose states a `var` between the cells that change it.
    func testProseStatesAVarAtEachPointBetweenTheCellsThatChangeIt() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = try workspace.write("order.md", """
        # Order

        ```swift
        var count = 1
        ```

        First `{swift} count => 1`, shown as `{swift} count`.

        ```swift
        count += 4
        ```

        Then `{swift} count => 5`.

        ```swift
        count *= 2
        ```

        Last `{swift} count => 10`.

        """)
        let evaluation = try workspace.evaluate(path)
        XCTAssertTrue(evaluation.passed, "\(evaluation.errors)")
        XCTAssertEqual(evaluation.checks.map(\.passed), [true, true, true])
        let shown = try workspace.parse(path).inlineExpressions.compactMap { evaluation.expression($0)?.text }
        XCTAssertEqual(shown, ["1", "1", "5", "10"])

        // Moving prose around cells changes where it runs, but a prose-only edit compiles nothing.
        try workspace.write("order.md", try workspace.read(path).replacingOccurrences(of: "First", with: "At first, we have"))
        let again = try workspace.evaluate(path)
        XCTAssertEqual(again.compiledPrograms, 0)
        XCTAssertTrue(again.passed, "\(again.errors)")
    }

    func testATrapInAnInlineExpressionIsReportedAtItsLineAndStopsTheCellsBelow() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = try workspace.write("trap.md", """
        # Trap

        ```swift
        let xs = [1.0, 2.0]
        ```

        The third is `{swift} xs[2]`.

        ```swift
        let y = 3.0 // => 3
        ```

        """)
        let evaluation = try workspace.evaluate(path)
        XCTAssertEqual(evaluation.errors.first, "7:25: Fatal error: Index out of range")
        XCTAssertEqual(evaluation.cells.map(\.status), [.ran, .notReached])
    }

    func testAnExpressionNamingAValueOnlyALaterCellDeclaresIsAnError() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = try workspace.write("early.md", """
        # Early

        It takes `{swift} steps => 27` steps.

        ```swift
        let steps = 27
        ```

        """)
        let evaluation = try workspace.evaluate(path)
        XCTAssertEqual(evaluation.errors, ["3:19: 'steps' is declared by the cell at line 6, below this expression: values follow"
                                           + " the document, so an expression sees only the cells above it"])
        XCTAssertEqual(evaluation.diagnostics.first?.rule, .usedBeforeDeclared)
    }
}

import XCTest
import TallyDocument
@testable import TallyEvaluation
import TallyResults

/// Compile errors, traps and hangs are reported at the notebook's own lines.
final class FailureLocationTests: XCTestCase {
    func testCompileErrorIsReportedAtTheNotebookLine() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = try workspace.write("broken.md", """
        # Broken

        ```swift
        let n = 3
        ```

        Text.

        ```swift
        let label: Int = "three"
        ```

        """)
        let evaluation = try workspace.evaluate(path)
        XCTAssertEqual(evaluation.diagnostics.count, 1, "\(evaluation.errors)")
        let error = try XCTUnwrap(evaluation.diagnostics.first)
        XCTAssertEqual(error.location, SourceLocation(file: path, line: 10, column: 18))
        XCTAssertTrue(error.message.contains("String"), error.message)
        XCTAssertEqual(evaluation.cells.map(\.status), [.notReached, .failed])
        XCTAssertEqual(evaluation.cells[1].diagnostics, [error], "shown under its cell")
    }

    func testRuntimeTrapIsReportedAtTheNotebookLineWithOutputSoFar() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = try workspace.write("trap.md", """
        # Trap

        ```swift
        let xs = [1, 2, 3]
        print("before")
        ```

        ```swift
        let i = xs.count + 2
        print(xs[i])
        ```

        """)
        let evaluation = try workspace.evaluate(path)
        let error = try XCTUnwrap(evaluation.diagnostics.first)
        XCTAssertEqual(error.location.line, 10)
        XCTAssertEqual(error.message, "Fatal error: Index out of range")
        XCTAssertEqual(evaluation.cells.map(\.status), [.ran, .failed])
        XCTAssertEqual(evaluation.cells[0].stdout, "before\n")
        XCTAssertFalse(evaluation.cells[1].stderr.contains("Backtrac"), "the backtrace is read, not shown")
    }

    func testInfiniteLoopIsStoppedAtTheTimeLimitAndNamesItsCell() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = try workspace.write("hang.md", """
        # Hang

        ```swift
        var steps = 0
        ```

        ```swift
        while steps >= 0 { steps = (steps + 1) % 10 }
        ```

        """)
        let evaluation = try workspace.evaluate(path, timeLimit: 2)
        let error = try XCTUnwrap(evaluation.diagnostics.first)
        XCTAssertEqual(error.location.line, 8)
        XCTAssertEqual(error.message, "cell 2 did not finish within 2 s (stopped at the time limit; see --timeout)")
        XCTAssertEqual(evaluation.cells.map(\.status), [.ran, .failed])
    }

    func testExpectErrorCellsMustFailAndDoNotBreakTheRest() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = try workspace.write("expect.md", """
        # Expected errors

        ```swift
        let limit = 2
        ```

        ```swift expect-error
        let word: Int = "two"
        ```

        ```swift expect-error
        let xs = [0, 1]
        print(xs[limit])
        ```

        ```swift expect-error
        let fine = limit + 1
        ```

        ```swift
        limit * 10 // => 20
        ```

        """)
        let evaluation = try workspace.evaluate(path)
        XCTAssertEqual(evaluation.cells.map(\.status), [.ran, .failedAsExpected, .failedAsExpected, .failed, .ran])
        XCTAssertEqual(evaluation.cells[1].diagnostics.first?.location.line, 8)
        XCTAssertEqual(evaluation.cells[2].diagnostics.first?.message, "Fatal error: Index out of range")
        XCTAssertEqual(evaluation.errors, ["17:1: cell 4 is marked expect-error, but it compiled and ran without error"])
        XCTAssertEqual(evaluation.checks.map(\.passed), [true])
    }

    func testErrorsInInlineExpressionsAreReportedAtTheirColumn() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let text = "Values: `{swift} k * 2` and `{swift} k + nope` and `{swift} k`."
        let path = try workspace.write("prose.md", "# Prose\n\n```swift\nlet k = 4\n```\n\n" + text + "\n")
        let evaluation = try workspace.evaluate(path)
        let column = text.utf8.count - "nope` and `{swift} k`.".utf8.count + 1
        XCTAssertEqual(evaluation.errors, ["7:\(column): cannot find 'nope' in scope"])

        let trapping = "First `{swift} k`, then `{swift} [1, 2][k]`."
        try workspace.write("prose.md", "# Prose\n\n```swift\nlet k = 4\n```\n\n" + trapping + "\n")
        let trapped = try workspace.evaluate(path)
        let subscriptColumn = trapping.utf8.count - "[k]`.".utf8.count + 1
        XCTAssertEqual(trapped.errors, ["7:\(subscriptColumn): Fatal error: Index out of range"])
        XCTAssertEqual(trapped.cells.map(\.status), [.ran], "the cells ran before the expressions")
    }
}

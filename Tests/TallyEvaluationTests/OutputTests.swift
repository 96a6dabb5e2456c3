import XCTest
import TallyDocument
@testable import TallyEvaluation
import TallyResults

/// Cells share state; each cell's stdout, stderr and `show` displays are its own; inline
/// expressions anywhere in the notebook (cards, tables, lists) are evaluated after the cells.
final class OutputTests: XCTestCase {
    func testOutputsDisplaysAndInlineExpressions() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = try workspace.write("outputs.md", """
        # Outputs

        ```swift
        var total = 0
        for k in 1...4 { total += k }
        print("total", total)
        FileHandle.standardError.write("a warning\\n".data(using: .utf8)!)
        ```

        ```swift hide
        print("before")
        show([[1.0, 2.5], [3.0, 4.0]])
        show(total)
        show("plain words")
        print("second")
        ```

        ```swift no-run
        fatalError("never runs")
        ```

        | quantity | value |
        |---|---|
        | total | `{swift} total` |

        - half: `{swift %.2f} Double(total) / 4`

        ::: card
        What is 1 + 2 + 3 + 4?
        ---
        It is `{swift} total => 10`.
        :::

        """)
        let evaluation = try workspace.evaluate(path)
        XCTAssertTrue(evaluation.passed, "\(evaluation.errors)")
        XCTAssertEqual(evaluation.cells.map(\.status), [.ran, .ran, .notRun])
        XCTAssertEqual(evaluation.cells[0].stdout, "total 10\n")
        XCTAssertEqual(evaluation.cells[0].stderr, "a warning\n")
        XCTAssertEqual(evaluation.cells[1].stdout, "before\nsecond\n")
        XCTAssertEqual(evaluation.cells[1].displays, [
            .table(rows: [["1", "2.5"], ["3", "4"]]), .text("10"), .text("plain words"),
        ])
        // What was printed and what was shown come back in the order the cell did them.
        XCTAssertEqual(evaluation.cells[1].outputs, [
            .text("before\n"), .display(.table(rows: [["1", "2.5"], ["3", "4"]])), .display(.text("10")),
            .display(.text("plain words")), .text("second\n"),
        ])
        XCTAssertEqual(evaluation.cells[0].outputs, [.text("total 10\n")])
        let notebook = try workspace.parse(path)
        XCTAssertEqual(notebook.inlineExpressions.map { evaluation.expression($0)?.text }, ["10", "2.50", "10"])
        XCTAssertEqual(evaluation.checks.map(\.passed), [true])
    }

    func testEngineFunctionsAndTensorsNeedNoImport() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // σ(0) = 1/2 exactly; σ(1) = 0.7310585786… (textbook value).
        let path = try workspace.write("engine.md", """
        # Engine

        ```swift
        let a = sigmoid(Tensor([0.0, 1.0])) // => [0.5, 0.731]
        sigmoid(0.0) // => 0.5
        show(LineChart([Series("loss", y: [3, 2, 1])]))
        ```

        """)
        let evaluation = try workspace.evaluate(path)
        XCTAssertTrue(evaluation.passed, "\(evaluation.errors)")
        XCTAssertEqual(evaluation.checks.first?.computedShape, [2])
        guard case .svg(let svg)? = evaluation.cells[0].displays.first else {
            return XCTFail("a chart shows as SVG, got \(evaluation.cells[0].displays)")
        }
        XCTAssertTrue(svg.hasPrefix("<svg"), svg)
    }

    func testRunawayOutputIsStoppedAndDoesNotStopOtherNotebooks() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let noisy = try workspace.write("noisy.md", """
        # Noisy

        ```swift
        let line = String(repeating: "x", count: 1000)
        while true { print(line) }
        ```

        """)
        let quiet = try workspace.write("quiet.md", """
        # Quiet

        ```swift
        7 * 6 // => 42
        ```

        """)
        let evaluations = try workspace.evaluate([noisy, quiet])
        XCTAssertEqual(evaluations[0].errors, ["4:1: cell 1 wrote more than 16 MiB of output (stopped)"])
        XCTAssertLessThanOrEqual(evaluations[0].cells[0].stdout.utf8.count, NotebookRunner.cellOutputCap + 100)
        XCTAssertTrue(evaluations[0].cells[0].stdout.hasSuffix("(output truncated at 1 MiB)\n"))
        XCTAssertTrue(evaluations[1].passed, "\(evaluations[1].errors)")
    }
}

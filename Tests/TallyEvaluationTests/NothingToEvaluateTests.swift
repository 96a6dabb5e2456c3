import XCTest
import TallyDocument
@testable import TallyEvaluation
import TallyResults

/// A notebook whose summary shows no cell, inline expression or checked formula is evaluated without a plan
/// (`NotebookEvaluation.nothing`): its evaluation is the one its plan gives, and each kind of thing the
/// evaluator looks at, anywhere in the notebook (a card's back, a table cell), marks the summary as having
/// something to evaluate.
final class NothingToEvaluateTests: XCTestCase {
    private func parse(_ text: String) -> Notebook { NotebookParser.parse(text, path: "notes/n.md").notebook }

    func testProseIsEvaluatedAsItsPlanWouldBe() {
        let prose = parse("# Losses\n\nThe squared error $e^2$ and a [link](other.md).\n\n::: card\nFront\n---\nBack\n:::\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        XCTAssertFalse(prose.summary.hasEvaluation)
        XCTAssertEqual(NotebookEvaluation.nothing(path: prose.path), Evaluator.nothingToRun(NotebookPlan(prose)))
        XCTAssertTrue(NotebookEvaluation.nothing(path: prose.path).isEmpty)
    }

    func testEachThingTheEvaluatorLooksAtIsSeen() {
        let cell = parse("# A\n\n```swift\nlet x = 1\n```\n")
        let noRunCell = parse("# A\n\n```swift no-run\nlet x = 1\n```\n")
        let expression = parse("# A\n\nTwo is `{swift} 1 + 1`.\n")
        let expressionOnACardsBack = parse("# A\n\n::: card\nHow much?\n---\nIt is `{swift} 1 + 1`.\n:::\n")
        let expressionInATable = parse("# A\n\n| x | y |\n|---|---|\n| 1 | `{swift} 2 * 1` |\n")
        let formula = parse("# A\n\n$$y = 2x$$\n{check for x in 0...1 where y = { x in 2 * x }}\n")
        for (name, notebook) in [("cell", cell), ("no-run cell", noRunCell), ("expression", expression),
                                 ("expression on a card's back", expressionOnACardsBack),
                                 ("expression in a table", expressionInATable), ("checked formula", formula)] {
            XCTAssertTrue(notebook.summary.hasEvaluation, name)
            XCTAssertTrue(NotebookPlan(notebook).needsProgram || !NotebookPlan(notebook).cells.isEmpty, name)
        }
        // Kept summaries carry it.
        let kept = NotebookSummary(encoded: try! expression.summary.encoded())
        XCTAssertEqual(kept?.hasEvaluation, true)
    }
}

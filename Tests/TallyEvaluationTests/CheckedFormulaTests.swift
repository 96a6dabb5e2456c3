import Foundation
import TallyDocument
import TallyResults
import XCTest

/// Issue 18's must-show, with the real `swiftc` and engine: checked formulas are evaluated where
/// they stand in the notebook, against its cells; failures name the formula's line. Expected values
/// are worked by hand: θ − η g = 2 − 0.25 · 0.8 = 1.8 and θ + η g = 2.2; σ(−6) = 1/(1 + e⁶).
final class CheckedFormulaTests: XCTestCase {
    private var workspace: Workspace!

    override func setUpWithError() throws { workspace = try Workspace() }
    override func tearDown() { workspace?.remove() }

    private let sgdCell = """
        ```swift
        let theta = 2.0
        let grad = 0.8
        let lr = 0.25
        let thetaNext = theta - lr * grad
        ```
        """

    func testTheIssuesThreeExamplesHoldAndAreCounted() throws {
        let path = try workspace.write("good.md", """
            # Formulas

            \(sgdCell)

            $$\\sigma'(x) = \\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)$$
            {check for x in -6...6 where \\sigma = sigmoid, \\sigma' = Activation.sigmoid.derivative}

            The update, checked against the cell above:

            $$\\theta_{t+1} = \\theta_t - \\eta\\, g_t$$
            {check where \\theta_{t+1} = thetaNext, \\theta_t = theta, \\eta = lr, g_t = grad}

            $$
            \\sum_{i=1}^{n} i = \\frac{n\\,(n+1)}{2}
            $$
            {check for n in 1...50}

            ```math
            \\theta_t = 2
            ```
            {check where \\theta_t = theta}
            """)
        let notebook = try workspace.parse(path)
        XCTAssertEqual(notebook.formulaChecks.map(\.location.line), [10, 15, 18, 23])
        let evaluation = try workspace.evaluate(path)
        XCTAssertEqual(evaluation.errors, [])
        XCTAssertEqual(evaluation.formulas.map(\.passed), [true, true, true, true])
        XCTAssertEqual(evaluation.formulas[0].detail, "\(evaluation.formulas[0].pointsTried) points of x in [-6, 6]")
        XCTAssertGreaterThan(evaluation.formulas[0].pointsTried, 2)
        XCTAssertEqual(evaluation.formulas[1].detail, "θ_{t+1} = 1.8; θ_t = 2, η = 0.25, g_t = 0.8")
        XCTAssertEqual(CheckSummary.line([evaluation]), "checked 1 notebook: 0 of 0 stated values and 4 of 4 formulas hold")
    }

    func testFailuresAreAtTheFormulasLineWithTheFirstFailingPointOrBothSides() throws {
        let path = try workspace.write("bad.md", """
            # Lost signs

            \(sgdCell)

            $$\\sigma'(x) = \\sigma(x)(1 + \\sigma(x))$$
            {check for x in -6...6 where \\sigma = sigmoid, \\sigma' = Activation.sigmoid.derivative}

            $$\\theta_{t+1} = \\theta_t + \\eta\\, g_t$$
            {check where \\theta_{t+1} = thetaNext, \\theta_t = theta, \\eta = lr, g_t = grad}

            $$\\int_0^1 x\\,dx = \\frac12$$
            {check}
            """)
        let evaluation = try workspace.evaluate(path)
        let s = 1 / (1 + Foundation.exp(6.0))
        XCTAssertEqual(String(format: "%.3g %.3g", s * (1 - s), s * (1 + s)), "0.00247 0.00248")
        XCTAssertEqual(evaluation.errors, [
            "10:1: formula does not hold: at x = -6: left 0.00247, right 0.00248; it holds with - instead of +: σ'(x) = σ(x)(1 - σ(x))",
            "13:1: formula does not hold: left θ_{t+1} = 1.8, right θ_t + η g_t = 2.2 (θ_t = 2, η = 0.25, g_t = 0.8); "
                + "it holds with - instead of +: θ_{t+1} = θ_t - η g_t",
            "16:1: \\int is not supported in a checked formula",
        ])
        XCTAssertEqual(Set(evaluation.diagnostics.map(\.rule)), [.formula])
        XCTAssertEqual(evaluation.formulas.map(\.passed), [false, false, false])
        XCTAssertEqual(CheckSummary.line([evaluation]), "checked 1 notebook: 0 of 0 stated values and 0 of 3 formulas hold; 1 notebook failed")
    }

    func testATrapWhileEvaluatingIsReportedAtTheFormulasLine() throws {
        let path = try workspace.write("trap.md", """
            # Shapes

            ```swift
            let u = Tensor([1.0, 2.0])
            let w = Tensor([1.0, 2.0, 3.0])
            ```

            $$u + w = w + u$$
            {check}
            """)
        let evaluation = try workspace.evaluate(path)
        XCTAssertEqual(evaluation.errors, ["8:1: shapes [2] and [3] do not broadcast"])
        XCTAssertEqual(evaluation.diagnostics.map(\.rule), [.cellTrap])
        XCTAssertEqual(evaluation.formulas.map(\.passed), [false])
    }

    /// Swift would compile a read of a global declared further down and read it uninitialised: a
    /// binding naming a value only a cell below declares is an error, and the formula is left out.
    func testABindingDeclaredOnlyBelowIsAnError() throws {
        let path = try workspace.write("early.md", "# E\n\n$$a = 1$$\n{check where a = later}\n\n```swift\nlet later = 1.0\n```\n")
        let evaluation = try workspace.evaluate(path)
        XCTAssertEqual(evaluation.errors, ["3:1: 'later' is declared by the cell at line 7, below this formula: a checked formula sees only the cells above it"])
        XCTAssertEqual(evaluation.diagnostics.map(\.rule), [.usedBeforeDeclared])
        XCTAssertEqual(evaluation.cells.map(\.status), [.ran])
    }

    func testACheckLineAfterSomethingElseIsAnErrorAndNotRendered() throws {
        let (notebook, diagnostics) = NotebookParser.parse("# T\n\nSome prose.\n{check}\n\n$$x = 1$$\n{check where x = 1.0}\n", path: "x.md")
        XCTAssertEqual(diagnostics.map { "\($0.location.line):\($0.location.column) \($0.rule)" }, ["4:1 formula"])
        XCTAssertEqual(notebook.formulaChecks.map(\.tex), ["x = 1"])
        XCTAssertEqual(notebook.formulaChecks.map(\.checkBlock), ["{check where x = 1.0}"])
        // The taken check line is not in the document any more; the formula is.
        guard case .paragraph(let inlines) = notebook.blocks.last?.kind else { return XCTFail("\(notebook.blocks)") }
        XCTAssertEqual(inlines.count, 1)
    }
}

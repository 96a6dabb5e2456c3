import TallyFormula
import XCTest

/// The `{check …}` line after a formula.
final class CheckBlockTests: XCTestCase {
    func testPlainCheck() throws {
        let block = try FormulaCheckBlock(parsing: "{check}")
        XCTAssertEqual(block.variables, [])
        XCTAssertEqual(block.bindings, [])
        XCTAssertEqual(block.tolerance, 1e-9)
        XCTAssertTrue(FormulaCheckBlock.isCheckBlock("  {check}"))
        XCTAssertTrue(FormulaCheckBlock.isCheckBlock("{check for x in 0...1}"))
        XCTAssertFalse(FormulaCheckBlock.isCheckBlock("{#sigmoid .reversed}"))
        XCTAssertFalse(FormulaCheckBlock.isCheckBlock("{checked}"))
    }

    func testRanges() throws {
        let one = try FormulaCheckBlock(parsing: "{check for x in -6...6}")
        XCTAssertEqual(one.variables.map(\.tex), ["x"])
        XCTAssertEqual(one.variables[0].lower, -6)
        XCTAssertEqual(one.variables[0].upper, 6)
        XCTAssertTrue(one.variables[0].isInteger)
        let two = try FormulaCheckBlock(parsing: "{check for n in 1...50, m in 0...3}")
        XCTAssertEqual(two.variables.map(\.tex), ["n", "m"])
        XCTAssertEqual(two.variables.map(\.upper), [50, 3])
        XCTAssertEqual(two.variables[1].offset, 24)
        let real = try FormulaCheckBlock(parsing: #"{check for \theta in -1.5...2.5e0}"#)
        XCTAssertEqual(real.variables[0].lower, -1.5)
        XCTAssertEqual(real.variables[0].upper, 2.5)
        XCTAssertFalse(real.variables[0].isInteger)
        XCTAssertEqual(FormulaPrinter.print(real.variables[0].symbol), #"\theta"#)
    }

    func testBindings() throws {
        let block = try FormulaCheckBlock(parsing: #"{check where \sigma = sigmoid, \sigma' = Activation.sigmoid.derivative}"#)
        XCTAssertEqual(block.bindings.map(\.tex), [#"\sigma"#, #"\sigma'"#])
        XCTAssertEqual(block.bindings.map(\.swift), ["sigmoid", "Activation.sigmoid.derivative"])
        XCTAssertEqual(block.bindings[1].offset, 31)
        // Commas and braces inside Swift expressions, and TeX with braces, stay whole.
        let nested = try FormulaCheckBlock(parsing: #"{check where \theta_{t+1} = step(theta, lr: [1, 2]), f = { $0 * 2 }, s = "a, b"}"#)
        XCTAssertEqual(nested.bindings.map(\.tex), [#"\theta_{t+1}"#, "f", "s"])
        XCTAssertEqual(nested.bindings.map(\.swift), ["step(theta, lr: [1, 2])", "{ $0 * 2 }", #""a, b""#])
    }

    func testToleranceAndCombinations() throws {
        let block = try FormulaCheckBlock(parsing: #"{check tolerance 1e-4 for x in -1...1 where \sigma = sigmoid}"#)
        XCTAssertEqual(block.tolerance, 1e-4)
        XCTAssertEqual(block.variables.map(\.tex), ["x"])
        XCTAssertEqual(block.bindings.map(\.swift), ["sigmoid"])
        let reordered = try FormulaCheckBlock(parsing: #"{check for x in -6...6 where \sigma = sigmoid tolerance 0.001}"#)
        XCTAssertEqual(reordered.tolerance, 0.001)
        XCTAssertEqual(reordered.bindings.map(\.swift), ["sigmoid"])
    }

    func testErrorsHaveOffsetsIntoTheBlock() {
        func error(_ line: String) -> FormulaError? {
            do { _ = try FormulaCheckBlock(parsing: line); return nil } catch { return error }
        }
        XCTAssertEqual(error("{check when x}")?.message, "unknown clause when: expected for, where or tolerance")
        XCTAssertEqual(error("{check when x}")?.offset, 7)
        XCTAssertEqual(error("{check when x}")?.inCheckBlock, true)
        XCTAssertEqual(error("{check for x in 6...-6}")?.message, "the range 6...-6 is empty")
        XCTAssertEqual(error("{check for x in -6..6}")?.message, "expected ... between the bounds (x in -6...6)")
        XCTAssertEqual(error("{check tolerance -1}")?.message, "tolerance needs a positive number such as 1e-4")
        XCTAssertEqual(error("{check where x}")?.message, "expected TeX = Swift in a where clause")
        XCTAssertEqual(error(#"{check where \int = f}"#)?.message, #"\int is not supported in a checked formula"#)
        XCTAssertEqual(error(#"{check where \int = f}"#)?.offset, 13)
        XCTAssertEqual(error("{check for x in 0...1, x in 1...2}")?.message, "x is given two ranges")
        XCTAssertEqual(error("{check where f = g(}")?.message, "expected ) in the Swift expression")
        XCTAssertEqual(error("{check} trailing")?.message, "unexpected text after the check block")
        XCTAssertEqual(error("{check for x in 0...1 for y in 0...1}")?.message, "for appears twice")
    }
}

import TallyFormula
import XCTest

/// The one-edit variants a failing formula's message may suggest.
final class CandidateTests: XCTestCase {
    private func candidates(_ tex: String) throws -> [String] {
        try CheckedFormula(tex).oneEditCandidates.map { "\($0.change): \(FormulaPrinter.print($0.formula))" }
    }

    func testSignsAndOperators() throws {
        XCTAssertEqual(try candidates(#"x_{i+1} = x_i + \alpha g"#), [
            "- instead of +: x_{i - 1} = x_i + \\alpha g",
            "- instead of +: x_{i + 1} = x_i - \\alpha g",
            "/ instead of a product: x_{i + 1} = x_i + \\alpha/g",
            "the sign of side 2 flipped: x_{i + 1} = -(x_i + \\alpha g)",
        ])
        XCTAssertEqual(try candidates(#"y = e^{-x}"#), [
            "without the - sign: y = e^x",
            "the sign of side 2 flipped: y = -(e^{-x})",
        ])
        XCTAssertEqual(try candidates(#"y = a / b"#).first, "· instead of /: y = a \\cdot b")
        XCTAssertEqual(try candidates("y = x^2").first, "the exponent negated: y = x^{-2}")
    }

    func testOffsetsPointAtTheChange() throws {
        let c = try CheckedFormula(#"\theta_{t+1} = \theta_t + \eta\, g_t"#).oneEditCandidates
        let plus = try XCTUnwrap(c.first { $0.change == "- instead of +" && FormulaPrinter.print($0.formula).hasSuffix(#"\theta_t - \eta g_t"#) })
        XCTAssertEqual(plus.offset, 26, "the right operand of the flipped +")
        XCTAssertEqual(plus.suggestion, "it holds with - instead of +: θ_{t+1} = θ_t - η g_t")
    }

    /// A name the check block binds (`z^2 = z2`, `\theta_{t+1} = thetaNext`) is one value: no edit
    /// inside it, or the variant would name something the notebook does not have.
    func testBoundNamesAreLeftAlone() throws {
        let block = try FormulaCheckBlock(parsing: #"{check where z^2 = z2, W^1 = W1, b^1 = b1}"#)
        let bound = Set(block.bindings.map { FormulaPrinter.print($0.expression, .canonical) })
        let kept = try CheckedFormula(#"z^2 = W^1 x - b^1"#).oneEditCandidates(keeping: bound)
            .map { "\($0.change): \(FormulaPrinter.print($0.formula))" }
        XCTAssertEqual(kept, [
            "+ instead of -: z^2 = W^1 x + b^1",
            "/ instead of a product: z^2 = W^1/x - b^1",
            "the sign of side 2 flipped: z^2 = -(W^1 x - b^1)",
        ])
        XCTAssertTrue(try candidates(#"z^2 = W^1 x - b^1"#).contains("the exponent negated: z^{-2} = W^1 x - b^1"))
    }
}

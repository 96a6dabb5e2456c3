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
}

import TallyFormula
import XCTest

/// Printing a parsed formula as TeX gives TeX that parses back to the same formula.
final class RoundTripTests: XCTestCase {
    static let formulas = [
        #"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)"#,
        #"\theta_{t+1} = \theta_t - \eta\, g_t"#,
        #"\sum_{i=1}^{n} i = \frac{n\,(n+1)}{2}"#,
        #"\tanh(x) = \frac{e^x - e^{-x}}{e^x + e^{-x}}"#,
        #"z^2 = W^1 x + b^1"#,
        #"\delta^2 = \bigl((W^2)^\top \delta^3\bigr) \odot a^2 \odot (1 - a^2)"#,
        #"\hat m_t = \frac{m_t}{1 - \beta_1^t}"#,
        #"\theta_{t+1} = \theta_t - \eta\, \frac{\hat m_t}{\sqrt{\hat v_t} + \varepsilon}"#,
        #"L = \max(z, 0) - z\,y + \ln\bigl(1 + e^{-|z|}\bigr)"#,
        #"\mathrm{CE} = -\sum_{k=1}^{K} y_k \ln p_k"#,
        #"\lVert x \rVert^2 = x^\top x"#,
        #"\sqrt[3]{8} = 2 = \tfrac{4}{2}"#,
        #"f(x) = \frac{1}{\sigma\sqrt{2\pi}} \exp\!\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)"#,
        #"\log_2(8) \cdot 2 \times 1 / 6 = 1"#,
        #"\max(0, x) + \min(x) = |x| + \lvert y \rvert + \|w\|"#,
        #"2\,3 = 6"#,
        #"\mathbf{W} \mathbf{x} + \boldsymbol{\theta} = \tanh^2 x"#,
    ]

    func testPrintedTeXParsesBackToTheSameFormula() throws {
        for tex in Self.formulas {
            let parsed = try CheckedFormula(tex)
            let printed = FormulaPrinter.print(parsed)
            let reparsed = try CheckedFormula(printed)
            XCTAssertEqual(FormulaPrinter.print(reparsed), printed, tex)
            XCTAssertEqual(FormulaPrinter.print(reparsed, .canonical), FormulaPrinter.print(parsed, .canonical), tex)
            XCTAssertEqual(reparsed.sides.count, parsed.sides.count, tex)
        }
    }

    func testReadableTextForMessages() throws {
        let readable = { (tex: String) in FormulaPrinter.print(try CheckedFormula(tex), .readable) }
        XCTAssertEqual(try readable(#"\theta_t + \eta\, g_t"#), "θ_t + η g_t")
        XCTAssertEqual(try readable(#"\sigma(x)(1 + \sigma(x))"#), "σ(x)(1 + σ(x))")
        XCTAssertEqual(try readable(#"\frac{a + b}{2} \cdot x^\top"#), "(a + b)/2 · xᵀ")
        XCTAssertEqual(try readable(#"\sum_{i=1}^{n} x_i"#), "∑_{i=1}^n x_i")
        XCTAssertEqual(try readable(#"\sqrt{v_t} + \lVert w \rVert"#), "√v_t + ‖w‖")
    }
}

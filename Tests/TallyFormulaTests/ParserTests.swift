import TallyFormula
import XCTest

/// The TeX subset of checked formulas: what each construct parses to, printed back canonically.
final class ParserTests: XCTestCase {
    private func canonical(_ tex: String) throws -> String {
        FormulaPrinter.print(try CheckedFormula(tex), .canonical)
    }

    private func kind(_ tex: String) throws -> FormulaExpression.Kind {
        try CheckedFormula(tex).sides[0].kind
    }

    func testTheThreeExamplesOfTheIssueParse() throws {
        let sigmoid = try CheckedFormula(#"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)"#)
        XCTAssertEqual(sigmoid.sides.count, 2)
        XCTAssertEqual(FormulaPrinter.print(sigmoid), #"\sigma'(x) = \sigma(x) \bigl(1 - \sigma(x)\bigr)"#)
        let update = try CheckedFormula(#"\theta_{t+1} = \theta_t - \eta\, g_t"#)
        XCTAssertEqual(FormulaPrinter.print(update, .readable), "θ_{t+1} = θ_t - η g_t")
        let gauss = try CheckedFormula(#"\sum_{i=1}^{n} i = \frac{n\,(n+1)}{2}"#)
        XCTAssertEqual(FormulaPrinter.print(gauss), #"\sum_{i=1}^n i = \frac{n(n + 1)}{2}"#)
        guard case .bigOperator(.sum, let index, let lower?, let upper?, let body) = gauss.sides[0].kind else {
            return XCTFail("expected a sum, got \(gauss.sides[0].kind)")
        }
        XCTAssertEqual(FormulaPrinter.print(index), "i")
        XCTAssertEqual(FormulaPrinter.print(lower), "1")
        XCTAssertEqual(FormulaPrinter.print(upper), "n")
        XCTAssertEqual(FormulaPrinter.print(body), "i")
        guard case .call(let n, let arguments, _) = gauss.sides[1].kind.numerator?.kind else {
            return XCTFail("n(n+1) should read as an application-or-product")
        }
        XCTAssertEqual(FormulaPrinter.print(n), "n")
        XCTAssertEqual(arguments.count, 1)
    }

    func testOperatorsAndPrecedence() throws {
        XCTAssertEqual(try canonical(#"a + b \cdot c - d"#), #"a + b \cdot c - d"#)
        guard case .binary(.minus, let lhs, _) = try kind("a + b - c"), case .binary(.plus, _, _) = lhs.kind else {
            return XCTFail("+ and - associate to the left")
        }
        // Juxtaposition binds tighter than / and \cdot: a / 2b is a/(2b).
        guard case .binary(.divide, _, let rhs) = try kind("a / 2b"), case .binary(.implicit, _, _) = rhs.kind else {
            return XCTFail("implicit multiplication binds tighter than /")
        }
        guard case .binary(.times, _, _) = try kind(#"a \times b"#) else { return XCTFail() }
        guard case .binary(.odot, _, _) = try kind(#"a \odot b"#) else { return XCTFail() }
        guard case .negation = try kind("-x + 1").children.first?.kind else { return XCTFail("leading minus") }
        guard case .binary(.cdot, _, let negated) = try kind(#"a \cdot -b"#), case .negation = negated.kind else {
            return XCTFail("a minus after \\cdot negates the factor")
        }
    }

    func testFractionsRootsAndTeXArguments() throws {
        XCTAssertEqual(try canonical(#"\frac12"#), #"\frac{1}{2}"#)
        XCTAssertEqual(try canonical(#"\tfrac{1}{n} + \dfrac1n"#), #"\frac{1}{n} + \frac{1}{n}"#)
        XCTAssertEqual(FormulaPrinter.print(try CheckedFormula(#"\tfrac14"#)), #"\tfrac{1}{4}"#)
        XCTAssertEqual(try canonical(#"\sqrt[3]{x} + \sqrt{x+1} + \sqrt2"#), #"\sqrt[3]{x} + \sqrt{x + 1} + \sqrt{2}"#)
        // As in TeX, x^23 is x² · 3.
        XCTAssertEqual(try canonical("x^23"), #"x^2\,3"#)
    }

    func testSubscriptsPrimesAndAccentsArePartOfTheName() throws {
        for (tex, printed) in [(#"\theta_t"#, #"\theta_t"#), ("x_{i+1}", "x_{i + 1}"), (#"\hat y"#, #"\hat{y}"#),
                               (#"\hat{m}_t"#, #"\hat{m}_t"#), (#"\sigma'"#, #"\sigma'"#), (#"\beta_1"#, #"\beta_1"#),
                               (#"a_{\text{in}}"#, #"a_{\mathrm{in}}"#), (#"\mathbf{W}"#, "W"), (#"\mathrm{ReLU}"#, #"\mathrm{ReLU}"#)] {
            guard case .symbol = try kind(tex) else { return XCTFail("\(tex) should be one name") }
            XCTAssertEqual(try canonical(tex), printed)
        }
        guard case .symbol(let s) = try kind(#"\hat y"#) else { return XCTFail() }
        XCTAssertEqual(s.accent, "hat")
        XCTAssertEqual(FormulaPrinter.print(s, .readable), "y\u{0302}")
    }

    func testPrimedFunctionsAndWordsAreNames() throws {
        guard case .call(let tanhPrime, _, _) = try kind(#"\tanh'(x)"#) else { return XCTFail(#"\tanh'(x) applies a name"#) }
        XCTAssertEqual(FormulaPrinter.print(tanhPrime), #"\tanh'"#)
        XCTAssertEqual(try canonical(#"\mathrm{DCG@}k"#), #"\mathrm{DCG@} k"#)
        XCTAssertEqual(try canonical(#"p_{\text{true class}}"#), #"p_{\mathrm{true class}}"#)
        // TeX's x^a_b is x_b^a.
        XCTAssertEqual(try canonical(#"w^{\text{ridge}}_j"#), #"w_j^{\mathrm{ridge}}"#)
    }

    func testSuperscriptsArePowersOrTransposes() throws {
        guard case .power = try kind("W^{1}") else { return XCTFail("an unbound superscript is a power") }
        guard case .power = try kind("z^2") else { return XCTFail() }
        for tex in [#"x^\top"#, "x^T", #"x^{\top}"#, "x^{T}", #"x^\intercal"#, #"G_x^{\mathsf T}"#] {
            guard case .transpose = try kind(tex) else { return XCTFail("\(tex) is a transpose") }
            XCTAssertEqual(try canonical(tex).hasSuffix(#"^{\top}"#), true, tex)
        }
        XCTAssertEqual(FormulaPrinter.print(try CheckedFormula(#"(a^2)^\top"#)), #"(a^2)^\top"#)
        guard case .power(let base, _) = try kind(#"\beta_1^t"#), case .symbol(let s) = base.kind else { return XCTFail() }
        XCTAssertEqual(FormulaPrinter.print(s), #"\beta_1"#)
    }

    func testDelimitersOfEverySize() throws {
        for tex in [#"\left(x + 1\right)"#, #"\bigl(x + 1\bigr)"#, #"\Bigl(x + 1\Bigr)"#, #"\biggl[x + 1\biggr]"#, "(x + 1)", "[x + 1]"] {
            guard case .group = try kind(tex) else { return XCTFail(tex) }
            XCTAssertEqual(FormulaPrinter.print(try CheckedFormula(tex)), tex)
        }
        guard case .absolute = try kind("|x - y|") else { return XCTFail() }
        guard case .absolute = try kind(#"\left| x \right|"#) else { return XCTFail() }
        guard case .absolute = try kind(#"\lvert x \rvert"#) else { return XCTFail() }
        guard case .norm = try kind(#"\lVert x\rVert"#) else { return XCTFail() }
        guard case .norm = try kind(#"\|x\|"#) else { return XCTFail() }
        XCTAssertEqual(try canonical(#"|a| + |b|"#), "|a| + |b|")
        XCTAssertEqual(try canonical(#"\lVert y - Xw \rVert^2"#), #"\lVert y - X w\rVert^2"#)
    }

    func testSpacingIsIgnored() throws {
        XCTAssertEqual(try canonical(#"\eta\, g_t \; + \quad x \qquad - \! y ~ z"#), #"\eta g_t + x - y z"#)
    }

    func testFunctions() throws {
        guard case .function(.exp, nil, nil, let args, _?) = try kind(#"\exp\!\left(-x\right)"#) else { return XCTFail() }
        XCTAssertEqual(args.count, 1)
        guard case .function(.log, let base?, nil, _, _) = try kind(#"\log_2(i + 1)"#) else { return XCTFail() }
        XCTAssertEqual(FormulaPrinter.print(base), "2")
        guard case .function(.tanh, nil, let power?, _, _) = try kind(#"\tanh^2(x)"#) else { return XCTFail() }
        XCTAssertEqual(FormulaPrinter.print(power), "2")
        guard case .function(.max, _, _, let pair, _) = try kind(#"\max(0, x)"#) else { return XCTFail() }
        XCTAssertEqual(pair.count, 2)
        // Without parentheses the argument is the next factor: \ln p_k times y_k.
        guard case .binary(.implicit, let ln, _) = try kind(#"\ln p_k y_k"#),
              case .function(.ln, _, _, let lnArgs, nil) = ln.kind else { return XCTFail() }
        XCTAssertEqual(FormulaPrinter.print(lnArgs[0]), "p_k")
        for name in ["sin", "cos", "min"] {
            guard case .function = try kind("\\\(name)(x)") else { return XCTFail(name) }
        }
        guard case .call(_, let two, _) = try kind("f(x, y)") else { return XCTFail() }
        XCTAssertEqual(two.count, 2)
    }

    func testSumsAndProducts() throws {
        guard case .binary(.plus, let product, _) = try kind(#"\prod_{k=1}^{K} (1 + x_k) + 1"#),
              case .bigOperator(.prod, _, _?, _?, let body) = product.kind else {
            return XCTFail("the body of \\prod stops at +")
        }
        guard case .group = body.kind else { return XCTFail() }
        guard case .bigOperator(.sum, _, nil, nil, _) = try kind(#"\sum_i w_i^2"#) else { return XCTFail() }
        guard case .bigOperator(.sum, _, _?, _?, _) = try kind(#"\sum^{n}_{j=0} j"#) else { return XCTFail("limits in either order") }
    }

    func testEqualsChainsAndTrailingPunctuation() throws {
        XCTAssertEqual(try CheckedFormula("a = b = c").sides.count, 3)
        XCTAssertEqual(try CheckedFormula(#"x = \frac{1}{2}."#).sides.count, 2)
        XCTAssertEqual(try CheckedFormula("θ · x − 1 = y").sides.count, 2, "Unicode operators and Greek letters")
        XCTAssertEqual(try canonical("θ · x − 1"), #"\theta \cdot x - 1"#)
    }
}

extension FormulaExpression.Kind {
    var numerator: FormulaExpression? {
        if case .fraction(let n, _, _) = self { return n }
        return nil
    }

    var children: [FormulaExpression] {
        switch self {
        case .binary(_, let a, let b): return [a, b]
        case .negation(let a): return [a]
        default: return []
        }
    }
}

import TallyFormula
import XCTest

/// What TeX becomes in Swift: calls of TallyEngine's `_formula…` helpers, one statement each.
final class TranslationTests: XCTestCase {
    private func snippet(_ tex: String, _ block: String = "{check}", _ identifiers: Set<String> = []) throws -> FormulaSnippet {
        try FormulaSnippet(id: 7, formula: CheckedFormula(tex), check: FormulaCheckBlock(parsing: block), identifiers: identifiers)
    }

    /// The statements inside the point loop.
    private func body(_ s: FormulaSnippet) -> [String] {
        let lines = s.source.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let start = lines.firstIndex { $0.hasPrefix("for __point") }! + 1
        return lines[start..<(lines.count - 2)].filter { !$0.contains("= __point[") }
    }

    func testTheSGDUpdate() throws {
        let s = try snippet(#"\theta_{t+1} = \theta_t - \eta\, g_t"#,
                            #"{check where \theta_{t+1} = thetaNext, \theta_t = theta, \eta = lr, g_t = grad}"#)
        XCTAssertEqual(s.source, """
            do {
                let __points: [[Double]] = [[]]
                for __point in __points {
                    let __f1 = _formulaValue(thetaNext)
                    let __f2 = _formulaValue(theta)
                    let __f3 = _formulaValue(lr)
                    let __f4 = _formulaValue(grad)
                    let __f5 = _formulaMultiply(__f3, __f4)
                    let __f6 = _formulaSubtract(__f2, __f5)
                    _formulaCheck(7, point: __point, sides: [__f1, __f6], bindings: [thetaNext, theta, lr, grad])
                }
            }
            """)
        XCTAssertEqual(s.sides, ["θ_{t+1}", "θ_t - η g_t"])
        XCTAssertEqual(s.bindingNames, ["θ_{t+1}", "θ_t", "η", "g_t"])
        XCTAssertEqual(s.points, [[]])
    }

    func testIdentityOverAVariable() throws {
        let s = try snippet(#"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)"#,
                            #"{check for x in -6...6 where \sigma = sigmoid, \sigma' = Activation.sigmoid.derivative}"#)
        XCTAssertTrue(s.source.contains("let __points: [[Double]] = [[-6.0], [6.0], [0.0], "), s.source)
        XCTAssertEqual(body(s), [
            "let __f1 = _formulaCall(Activation.sigmoid.derivative, x)",
            "let __f2 = _formulaCall(sigmoid, x)",
            "let __f3 = 1 as Double",
            "let __f4 = _formulaCall(sigmoid, x)",
            "let __f5 = _formulaSubtract(__f3, __f4)",
            "let __f6 = _formulaMultiply(__f2, __f5)",
            "_formulaCheck(7, point: __point, sides: [__f1, __f6], bindings: [])",
        ])
        XCTAssertTrue(s.source.contains("let x = __point[0]"))
        XCTAssertEqual(s.variables, ["x"])
    }

    func testSumWithItsIndexAndElementsOfABoundVector() throws {
        let gauss = try snippet(#"\sum_{i=1}^{n} i = \frac{n\,(n+1)}{2}"#, "{check for n in 1...50}")
        XCTAssertEqual(body(gauss), [
            "let __f1 = 1 as Double",
            "let __f2 = _formulaSum(from: __f1, through: n) { (__fi2: Double) in",
            "return __fi2",
            "}",
            "let __f3 = 1 as Double",
            "let __f4 = _formulaAdd(n, __f3)",
            "let __f5 = _formulaCall(n, __f4)",
            "let __f6 = 2 as Double",
            "let __f7 = _formulaDivide(__f5, __f6)",
            "_formulaCheck(7, point: __point, sides: [__f2, __f7], bindings: [])",
        ])
        let dot = try snippet(#"\sum_{i=1}^{3} w_i x_{i} = w^\top x"#, "{check}")
        XCTAssertTrue(body(dot).contains("let __f5 = _formulaElement(__f4, __fi3)"), dot.source)
        XCTAssertTrue(body(dot).contains("let __f10 = _formulaTranspose(__f9)"), dot.source)
        XCTAssertEqual(dot.bindingNames, ["w", "x"])
        let unbounded = try snippet(#"\sum_i d_i^2 = s"#)
        XCTAssertTrue(body(unbounded).contains("let __f3 = _formulaLength(__f2)"), unbounded.source)
    }

    func testAForVariableNamedEIsAVariable() throws {
        let s = try snippet(#"\eta_e = \eta_0\,\gamma^{e}"#, #"{check for e in 0...50 where \eta_e = rate(e), \eta_0 = 0.1, \gamma = 0.95}"#)
        XCTAssertTrue(s.source.contains("let e = __point[0]"), s.source)
        XCTAssertTrue(s.source.contains("_formulaPower(__f3, e)"), s.source)
        XCTAssertFalse(s.source.contains("_formulaExp"), s.source)
    }

    func testEveryOperatorAndFunctionHasItsHelper() throws {
        let s = try snippet(#"-a + b \cdot c \times d / f \odot g = \frac{h}{k} + p^2 + e^{q} + \sqrt{r} + \sqrt[3]{s} + \exp(t) + \log_2(u) + \ln v + \tanh^2(w) + \max(0, y) + \min(z) + |A| + \lVert B \rVert + C^\top"#)
        let helpers = ["_formulaNegate", "_formulaAdd", "_formulaMultiply", "_formulaDivide", "_formulaHadamard", "_formulaPower",
                       "_formulaExp", "_formulaSqrt", "_formulaRoot", "_formulaLog", "_formulaTanh", "_formulaMax", "_formulaMin",
                       "_formulaAbs", "_formulaNorm", "_formulaTranspose"]
        for helper in helpers { XCTAssertTrue(s.source.contains(helper + "("), helper) }
        XCTAssertFalse(s.source.contains("_formulaValue(e)"), "e^{q} is exp(q)")
    }

    func testBindingsMatchWholeSubexpressions() throws {
        let s = try snippet(#"\frac{\partial J}{\partial W^2} = \delta^3 (a^2)^\top"#,
                            #"{check where \frac{\partial J}{\partial W^2} = dW2, \delta^3 = delta3, a^2 = a2}"#)
        XCTAssertEqual(body(s), [
            "let __f1 = _formulaValue(dW2)",
            "let __f2 = _formulaValue(delta3)",
            "let __f3 = _formulaValue(a2)",
            "let __f4 = _formulaTranspose(__f3)",
            "let __f5 = _formulaMultiply(__f2, __f4)",
            "_formulaCheck(7, point: __point, sides: [__f1, __f5], bindings: [dW2, delta3, a2])",
        ])
    }

    func testGreekNamesFollowTheNotebook() throws {
        XCTAssertTrue(try snippet(#"\eta = 1"#, "{check}", ["η"]).source.contains("_formulaValue(η)"))
        XCTAssertTrue(try snippet(#"\eta = 1"#, "{check}", []).source.contains("_formulaValue(eta)"))
        XCTAssertTrue(try snippet(#"\pi = 3"#).source.contains("Double.pi as Double"))
    }

    func testSuperscriptsThatLookLikeIndicesAreNoted() throws {
        let s = try snippet("z^2 = W^1 x", "{check}", ["z2", "W1", "x", "z", "W"])
        XCTAssertEqual(s.notes, ["z^2 is read as a power (z to the 2); if 2 is an index, bind it: where z^2 = z2",
                                 "W^1 is read as a power (W to the 1); if 1 is an index, bind it: where W^1 = W1"])
    }

    func testALayerIndexReadAsAPowerOfAnUndeclaredNameIsAnError() {
        XCTAssertThrowsError(try snippet("a = z^2 + 1", "{check}", ["z2", "a"])) { error in
            XCTAssertEqual((error as? FormulaError)?.message,
                           "z^2 is read as a power (z to the 2), but the notebook declares no z; if 2 is an index, bind it: where z^2 = z2")
            XCTAssertEqual((error as? FormulaError)?.offset, 4)
        }
        XCTAssertNoThrow(try snippet("a = z^2 + 1", "{check where z^2 = z2}", ["z2", "a"]))
    }

    func testUnresolvedNamesAreErrorsAtTheirOffset() {
        XCTAssertThrowsError(try snippet(#"y = \theta_t + 1"#)) { error in
            let e = error as? FormulaError
            XCTAssertEqual(e?.offset, 4)
            XCTAssertEqual(e?.message.hasPrefix(#"\theta_t needs a binding (where \theta_t = …)"#), true, e?.message ?? "")
        }
        XCTAssertThrowsError(try snippet(#"\frac{\partial J}{\partial W} = 1"#)) { error in
            XCTAssertEqual((error as? FormulaError)?.offset, 6)
        }
    }

    func testCandidatesAreEvaluatedWhenAskedFor() throws {
        let s = try FormulaSnippet(id: 1, formula: CheckedFormula("y = a + b"), check: FormulaCheckBlock(parsing: "{check}"),
                                   identifiers: [], includingCandidates: true)
        XCTAssertEqual(s.candidates, ["it holds with - instead of +: y = a - b", "it holds with the sign of side 2 flipped: y = -(a + b)"])
        XCTAssertTrue(s.source.contains("_formulaCheck(1, candidate: 0, point: __point, sides: [__c0_1, __c0_4], bindings: [])"), s.source)
        XCTAssertTrue(s.source.contains("candidate: 1"))
    }
}

import TallyFormula
import XCTest

/// The documented rules for names the check block does not bind.
final class NameResolutionTests: XCTestCase {
    private func resolve(_ tex: String, _ identifiers: Set<String> = []) throws -> FormulaNameResolver.Resolution {
        guard case .symbol(let s) = try CheckedFormula(tex).sides[0].kind else {
            XCTFail("\(tex) is not a name")
            return .unresolved("")
        }
        return FormulaNameResolver(identifiers: identifiers).resolve(s)
    }

    func testLatinLettersAreTheirSwiftNames() throws {
        XCTAssertEqual(try resolve("x"), .swift("x"))
        XCTAssertEqual(try resolve("W"), .swift("W"))
        XCTAssertEqual(try resolve(#"\mathbf{W}"#), .swift("W"))
    }

    func testGreekLettersPreferTheDeclaredSpelling() throws {
        XCTAssertEqual(try resolve(#"\eta"#, ["η"]), .swift("η"))
        XCTAssertEqual(try resolve(#"\eta"#, ["lr"]), .swift("eta"))
        XCTAssertEqual(try resolve(#"\varepsilon"#), .swift("epsilon"))
        XCTAssertEqual(try resolve(#"\varepsilon"#, ["ε"]), .swift("ε"))
        XCTAssertEqual(try resolve("θ", ["θ"]), .swift("θ"), "a Greek letter typed in Unicode")
    }

    func testConstants() throws {
        XCTAssertEqual(try resolve("e", ["e"]), .constant("2.718281828459045"), "e is Euler's number unless bound")
        XCTAssertEqual(try resolve(#"\pi"#), .constant("Double.pi"))
        XCTAssertEqual(try resolve("e_1", ["e_1"]), .swift("e_1"), "a decorated e is a name")
    }

    func testDecoratedNamesUseTheFirstDeclaredSpelling() throws {
        XCTAssertEqual(try resolve("g_t", ["g_t"]), .swift("g_t"))
        XCTAssertEqual(try resolve("g_t", ["gt"]), .swift("gt"))
        XCTAssertEqual(try resolve(#"\beta_1"#, ["beta1"]), .swift("beta1"))
        XCTAssertEqual(try resolve(#"\beta_1"#, ["β1", "beta1"]), .swift("β1"))
        XCTAssertEqual(try resolve(#"\hat y"#, ["yHat"]), .swift("yHat"))
        XCTAssertEqual(try resolve(#"\sigma'"#, ["sigmaPrime"]), .swift("sigmaPrime"))
        XCTAssertEqual(try resolve(#"\hat m_t"#, ["mHat_t"]), .swift("mHat_t"))
        XCTAssertEqual(try resolve(#"a_{\text{in}}"#, ["a_in"]), .swift("a_in"))
        XCTAssertEqual(try resolve(#"\tanh'"#, ["tanhPrime"]), .swift("tanhPrime"))
        XCTAssertEqual(try resolve(#"\theta_t"#),
                       .unresolved(#"\theta_t needs a binding (where \theta_t = …): the notebook declares none of θ_t, θt, theta_t, thetat"#))
        XCTAssertEqual(try resolve(#"\theta_{t+1}"#),
                       .unresolved(#"\theta_{t + 1} needs a binding (where \theta_{t + 1} = …): a subscript such as t + 1 has no Swift spelling"#))
    }

    func testWordsAndDerivatives() throws {
        XCTAssertEqual(try resolve(#"\mathrm{ReLU}"#), .swift("relu"), "the engine's function")
        XCTAssertEqual(try resolve(#"\mathrm{ReLU}"#, ["ReLU"]), .swift("ReLU"))
        XCTAssertEqual(try resolve(#"\operatorname{softplus}"#), .swift("softplus"))
        XCTAssertEqual(try resolve(#"\mathrm{MSE}"#),
                       .unresolved(#"\mathrm{MSE} needs a binding (where \mathrm{MSE} = …): the notebook declares neither MSE nor mse"#))
        guard case .unresolved(let reason) = try resolve(#"\partial"#) else { return XCTFail() }
        XCTAssertTrue(reason.hasPrefix(#"\partial can only appear inside an expression the check block binds"#), reason)
    }
}

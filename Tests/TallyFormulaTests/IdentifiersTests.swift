import TallyFormula
import XCTest

final class IdentifiersTests: XCTestCase {
    func testDeclarationsAreFound() {
        let code = """
            let η = 0.25          // let notThis = 1
            var theta = Tensor([1.0, 2.0])
            let (m_t, v_t) = (0.1, 0.2)
            func f(_ x: Double) -> Double { let inner = x; return inner }
            print(theta)
            """
        XCTAssertEqual(FormulaIdentifiers.declared(in: code), ["η", "theta", "m_t", "v_t", "f", "inner"])
    }
}

import Foundation
import TallyFormula
@testable import TallyEvaluation
import TallyProtocol
import XCTest

/// Judging reported values: tolerance, shapes, the first failing point, the messages.
final class VerdictTests: XCTestCase {
    private func snippet(_ tex: String, _ block: String, _ identifiers: Set<String> = [], candidates: Bool = false) throws -> FormulaSnippet {
        try FormulaSnippet(id: 0, formula: CheckedFormula(tex), check: FormulaCheckBlock(parsing: block),
                           identifiers: identifiers, includingCandidates: candidates)
    }

    private func number(_ x: Double) -> FormulaObservation.Value { .init(shape: [], numbers: [x]) }

    func testSignFlippedUpdateMessage() throws {
        let s = try snippet(#"\theta_{t+1} = \theta_t + \eta\, g_t"#,
                            #"{check where \theta_{t+1} = thetaNext, \theta_t = theta, \eta = lr, g_t = grad}"#)
        // θ = 2, g = 0.8, η = 0.25: the program computed 2 − 0.25·0.8 = 1.8 and the formula 2 + 0.2 = 2.2.
        let o = FormulaObservation(id: 0, point: [], sides: [number(1.8), number(2.2)],
                                   bindings: [number(1.8), number(2), number(0.25), number(0.8)])
        let verdict = FormulaVerdict.judge(s, observations: [o])
        XCTAssertFalse(verdict.holds)
        XCTAssertEqual(verdict.message, "formula does not hold: left θ_{t+1} = 1.8, right θ_t + η g_t = 2.2 (θ_t = 2, η = 0.25, g_t = 0.8)")
        XCTAssertNil(verdict.suggestion)
    }

    func testRelativeToleranceDefaultAndFromTheBlock() throws {
        let strict = try snippet("a = b", "{check}")
        let close = FormulaObservation(id: 0, point: [], sides: [number(1e6), number(1e6 + 1e-4)], bindings: [])
        XCTAssertTrue(FormulaVerdict.judge(strict, observations: [close]).holds, "1e-10 relative is within 1e-9")
        let far = FormulaObservation(id: 0, point: [], sides: [number(1), number(1 + 1e-8)], bindings: [])
        XCTAssertFalse(FormulaVerdict.judge(strict, observations: [far]).holds)
        XCTAssertEqual(FormulaVerdict.judge(strict, observations: [far]).message,
                       "formula does not hold: left a = 1, right b = 1.00000001")
        let loose = try snippet("a = b", "{check tolerance 1e-4}")
        XCTAssertTrue(FormulaVerdict.judge(loose, observations: [far]).holds)
        let zero = FormulaObservation(id: 0, point: [], sides: [number(0), number(1e-17)], bindings: [])
        XCTAssertTrue(FormulaVerdict.judge(strict, observations: [zero]).holds, "rounding noise around 0")
        let nan = FormulaObservation(id: 0, point: [], sides: [number(.nan), number(.nan)], bindings: [])
        XCTAssertTrue(FormulaVerdict.judge(strict, observations: [nan]).holds)
        let inf = FormulaObservation(id: 0, point: [], sides: [number(.infinity), number(-.infinity)], bindings: [])
        XCTAssertFalse(FormulaVerdict.judge(strict, observations: [inf]).holds)
    }

    func testShapesAreCompared() throws {
        let s = try snippet("a = b", "{check}")
        let vector = FormulaObservation.Value(shape: [2], numbers: [1, 2])
        let column = FormulaObservation.Value(shape: [2, 1], numbers: [1, 2])
        let longer = FormulaObservation.Value(shape: [3], numbers: [1, 2, 3])
        XCTAssertTrue(FormulaVerdict.judge(s, observations: [.init(id: 0, point: [], sides: [vector, column], bindings: [])]).holds,
                      "an n×1 column equals a vector of n")
        let verdict = FormulaVerdict.judge(s, observations: [.init(id: 0, point: [], sides: [vector, longer], bindings: [])])
        XCTAssertEqual(verdict.message, "formula does not hold: left a has shape [2], right b has shape [3]")
        let matrix = FormulaObservation.Value(shape: [2, 2], numbers: [1, 2, 3, 4])
        let other = FormulaObservation.Value(shape: [2, 2], numbers: [1, 2, 3, 5])
        XCTAssertEqual(FormulaVerdict.judge(s, observations: [.init(id: 0, point: [], sides: [matrix, other], bindings: [])]).message,
                       "formula does not hold: left a = [[1, 2], [3, 4]], right b = [[1, 2], [3, 5]]")
    }

    func testIdentityReportsTheFirstFailingPoint() throws {
        let s = try snippet(#"f(x) = g(x)"#, "{check for x in -6...6}")
        let observations = s.points.map { point in
            FormulaObservation(id: 0, point: point, sides: [number(point[0] * point[0]), number(point[0] < 0 ? -point[0] : point[0] * point[0])], bindings: [])
        }
        let verdict = FormulaVerdict.judge(s, observations: observations)
        XCTAssertEqual(verdict.message, "formula does not hold: at x = -6: left 36, right 6")
        XCTAssertEqual(verdict.pointsTried, s.points.count)
        let holding = s.points.map { FormulaObservation(id: 0, point: $0, sides: [number($0[0]), number($0[0])], bindings: []) }
        let held = FormulaVerdict.judge(s, observations: holding)
        XCTAssertTrue(held.holds)
        XCTAssertEqual(held.detail, "13 points of x in [-6, 6]")
    }

    func testAProgramThatStoppedDoesNotHold() throws {
        let s = try snippet("f(x) = x", "{check for x in 0...1}")
        let one = FormulaObservation(id: 0, point: s.points[0], sides: [number(0), number(0)], bindings: [])
        XCTAssertEqual(FormulaVerdict.judge(s, observations: [one]).message, "formula was not evaluated at x = 1: the program stopped first")
        XCTAssertFalse(FormulaVerdict.judge(try snippet("a = b", "{check}"), observations: []).holds)
    }

    func testDigitsAreEnoughToTellTheSidesApart() throws {
        let s = try snippet("a = b", "{check}")
        let o = FormulaObservation(id: 0, point: [], sides: [number(0.0024665), number(0.0024787)], bindings: [])
        XCTAssertEqual(FormulaVerdict.judge(s, observations: [o]).message, "formula does not hold: left a = 0.00247, right b = 0.00248")
        let near = FormulaObservation(id: 0, point: [], sides: [number(1.23456), number(1.23457)], bindings: [])
        XCTAssertEqual(FormulaVerdict.judge(s, observations: [near]).message, "formula does not hold: left a = 1.23456, right b = 1.23457")
    }

    func testTheFirstHoldingCandidateIsSuggested() throws {
        let s = try snippet("y = a + b", "{check where y = yy, a = aa, b = bb}", candidates: true)
        XCTAssertEqual(s.candidates.count, 2)
        let main = FormulaObservation(id: 0, point: [], sides: [number(1), number(5)], bindings: [number(1), number(3), number(2)])
        let minus = FormulaObservation(id: 0, candidate: 0, point: [], sides: [number(1), number(1)], bindings: [])
        let flipped = FormulaObservation(id: 0, candidate: 1, point: [], sides: [number(1), number(-5)], bindings: [])
        let verdict = FormulaVerdict.judge(s, observations: [main, minus, flipped])
        XCTAssertEqual(verdict.suggestion, "it holds with - instead of +: y = a - b")
        XCTAssertEqual(verdict.message, "formula does not hold: left y = 1, right a + b = 5 (a = 3, b = 2); it holds with - instead of +: y = a - b")
    }

    func testObservationsComeFromTheTypedFormulaEvent() throws {
        let event = ProgramEvent.formula(id: 3, candidate: nil, point: [-6], sides: [.real(0.5), .tensor(shape: [2], numbers: [1, .nan], integer: false)],
                                         bindings: [.string("(Function)")])
        let line = try JSONEncoder().encode(event)
        // nan ≠ nan, so the round trip is compared through its text.
        XCTAssertEqual(String(describing: try JSONDecoder().decode(ProgramEvent.self, from: line)), String(describing: event))
        let events = ProgramEvents(line + Data([0x0A]))
        XCTAssertEqual(events.unreadable, [])
        let o = try XCTUnwrap(events.formulas.first)
        XCTAssertEqual(o.id, 3)
        XCTAssertNil(o.candidate)
        XCTAssertEqual(o.coordinates, [-6])
        XCTAssertEqual(o.sides[0].values, [0.5])
        XCTAssertEqual(o.sides[1].shape, [2])
        XCTAssertEqual(o.sides[1].values?.last?.isNaN, true)
        XCTAssertNil(o.bindings[0].values)
        // The one-edit variants travel with their number.
        let candidate = try JSONEncoder().encode(ProgramEvent.formula(id: 0, candidate: 2, point: [], sides: [], bindings: []))
        XCTAssertEqual(ProgramEvents(candidate).formulas.first?.candidate, 2)
    }
}

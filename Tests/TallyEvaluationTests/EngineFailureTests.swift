import XCTest
import TallyDocument
@testable import TallyEvaluation
import TallyResults

/// `newcomer/02`: an engine precondition is reported at the cell's line with the engine's message and
/// both shapes, in debug and in optimised (`-O`) programs alike.
final class EngineFailureTests: XCTestCase {
    /// The first error as `line:col: message`; in an optimised program the backtrace may not name the
    /// line (inlined frames), and the error is then at the start of the cell (line 4).
    private func firstError(_ code: String, optimize: Bool) throws -> String? {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = try workspace.write("trap.md", "# Trap\n\n```swift\n\(code)\n```\n")
        let options = EvaluationOptions(engine: try XCTUnwrap(Workspace.engine), cacheFolder: nil, optimize: optimize)
        return Evaluator(options).evaluate([try workspace.parse(path)])[0].errors.first
    }

    func testShapeErrorsNameBothShapesAtTheirLine() throws {
        for optimize in [false, true] {
            let line = optimize ? "4:1" : "5:11"
            XCTAssertEqual(try firstError("let a = Tensor([1.0, 2.0, 3.0])\nlet c = a + Tensor([1.0, 2.0])", optimize: optimize),
                           "\(line): shapes [3] and [2] do not broadcast")
            XCTAssertEqual(try firstError("let m = Tensor([[1.0, 2.0], [3.0, 4.0]])\nlet bad = matmul(m, Tensor([1.0, 2.0, 3.0]))",
                                          optimize: optimize),
                           "\(line): matmul: inner dimensions differ, [2, 2] × [3]")
        }
    }

    func testIndexOutOfRangeIsReportedAtItsLine() throws {
        XCTAssertEqual(try firstError("let arr = [1.0, 2.0]\narr[5] // => 1", optimize: false), "5:4: Fatal error: Index out of range")
    }
}

import XCTest
@testable import TallyEvaluation

/// Cells reach the engine's LAPACK-backed linear algebra (whose C module map the evaluator passes
/// to swiftc beside CBLAS's), and its traps name the shapes involved.
final class EngineLinearAlgebraCellTests: XCTestCase {
    func testCellsSolveAndFactorWithLAPACK() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // By hand: det [[2, 1], [1, 2]] = 4 − 1 = 3; [[3, 1], [1, 2]]·[2, 3] = [9, 8].
        let path = try workspace.write("linalg.md", """
        # Linear algebra

        ```swift
        det(Tensor([[2.0, 1], [1, 2]])).item // => 3
        let x = solve(Tensor([[3.0, 1], [1, 2]]), Tensor([9.0, 8]))
        x.data[0] // => 2
        x.data[1] // => 3
        ```

        """)
        let evaluation = try workspace.evaluate(path)
        XCTAssertTrue(evaluation.passed, "\(evaluation.errors)")
        XCTAssertEqual(evaluation.checks.map(\.passed), [true, true, true])
    }

    func testCholeskyOfAnIndefiniteMatrixTrapsNamingShapeAndMinor() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // [[1, 2], [2, 1]] has eigenvalues 3 and −1: its second leading minor, 1 − 4, is negative.
        let path = try workspace.write("indefinite.md", """
        # Indefinite

        ```swift
        let l = cholesky(Tensor([[1.0, 2], [2, 1]]))
        ```

        """)
        let evaluation = try workspace.evaluate(path)
        let error = try XCTUnwrap(evaluation.diagnostics.first)
        XCTAssertEqual(error.location.line, 4)
        XCTAssertTrue(error.message.contains("shape [2, 2]"), error.message)
        XCTAssertTrue(error.message.contains("leading minor of order 2"), error.message)
    }
}

import Foundation
import XCTest
@testable import TallyEvaluation
import TallyResults

/// A cell that allocates without end is stopped at the memory limit, reported at its own cell,
/// and the other notebooks evaluated with it are not affected.
final class MemoryLimitTests: XCTestCase {
    func testRunawayAllocationIsStoppedAtItsCellAndOtherNotebooksRun() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let hog = try workspace.write("hog.md", """
        # Hog

        ```swift
        let before = 1
        ```

        ```swift
        var hoard: [[UInt8]] = []
        while true { hoard.append([UInt8](repeating: 1, count: 8 << 20)) }
        ```

        """)
        let fine = try workspace.write("fine.md", """
        # Fine

        ```swift
        print("still here")
        ```

        """)
        let engine = try XCTUnwrap(Workspace.engine, "build the engine first: swift build")
        let options = EvaluationOptions(engine: engine, cacheFolder: workspace.url(of: ".tally-cache"),
                                        timeLimit: 120, memoryLimit: 256 << 20)
        let results = Evaluator(options).evaluate([try workspace.parse(hog), try workspace.parse(fine)])

        let errors = results[0].errors
        XCTAssertEqual(errors.count, 1, "\(errors)")
        // Line 9 is the allocating loop (the backtrace's line), in cell 2.
        XCTAssertTrue(errors.first?.hasPrefix("9:") ?? false, "\(errors)")
        XCTAssertTrue(errors.first?.contains("cell 2 used more than 256 MiB of memory") ?? false, "\(errors)")
        XCTAssertEqual(results[0].cells.map(\.status), [.ran, .failed])

        XCTAssertTrue(results[1].passed, "\(results[1].errors)")
        XCTAssertEqual(results[1].cells.first?.stdout, "still here\n")
    }
}

import XCTest
import TallyDocument
@testable import TallyEvaluation
import TallyResults

/// A second evaluation with nothing changed compiles nothing; a prose edit neither, and its
/// results still land on the notebook's new lines; a code edit compiles again.
final class CacheTests: XCTestCase {
    func testCacheSkipsCompilingUntilCodeChanges() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // 0.1 + 0.2 is 0.30000000000000004 in Double: stating 0.4 fails at line 4.
        let original = """
        # Sums

        ```swift
        let s = 0.1 + 0.2 // => 0.4
        ```

        """
        let path = try workspace.write("sums.md", original)

        let first = try workspace.evaluate(path)
        XCTAssertEqual(first.compiledPrograms, 1)
        XCTAssertEqual(first.errors, ["4:25: stated 0.4, computed 0.3 (tolerance 0.05)"])

        let second = try workspace.evaluate(path)
        XCTAssertEqual(second.compiledPrograms, 0)
        var same = first
        same.compiledPrograms = 0
        XCTAssertEqual(second, same, "the cached result is the result")

        try workspace.write("sums.md", original.replacingOccurrences(of: "# Sums\n", with: "# Sums\n\nTwo new lines of prose.\n"))
        let afterProse = try workspace.evaluate(path)
        XCTAssertEqual(afterProse.compiledPrograms, 0)
        XCTAssertEqual(afterProse.errors, ["6:25: stated 0.4, computed 0.3 (tolerance 0.05)"])

        try workspace.write("sums.md", original.replacingOccurrences(of: "0.1 + 0.2", with: "0.2 + 0.2"))
        let afterCode = try workspace.evaluate(path)
        XCTAssertEqual(afterCode.compiledPrograms, 1)
        XCTAssertTrue(afterCode.passed, "\(afterCode.errors)")
    }
}

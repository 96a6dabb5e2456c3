import XCTest
import TallyDocument
@testable import TallyEvaluation
import TallyResults

/// The JUnit report attaches each failure to the check that reported it and types it by rule id;
/// errors of the program as a whole go to the notebook's "runs" case.
final class JUnitReportTests: XCTestCase {
    func testFailingCheckIsNamedByItsRuleID() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        // 0.1 + 0.2 = 0.30000000000000004: stating 0.4 fails, 0.3 holds.
        let path = try workspace.write("sums.md", """
        # Sums

        ```swift
        let s = 0.1 + 0.2 // => 0.4
        let t = 0.1 + 0.2 // => 0.3
        ```

        """)
        let xml = JUnitReport.xml([try workspace.evaluate(path)])
        XCTAssertTrue(xml.contains("""
            <testcase classname="notebooks/sums.md" name="notebooks/sums.md:4:25 =&gt; 0.4">
              <failure type="stated-value" message="stated 0.4, computed 0.3 (tolerance 0.05)">
        """), xml)
        XCTAssertTrue(xml.contains("<testcase classname=\"notebooks/sums.md\" name=\"runs\"/>"), xml)
        XCTAssertTrue(xml.contains("<testcase classname=\"notebooks/sums.md\" name=\"notebooks/sums.md:5:25 =&gt; 0.3\"/>"), xml)
        XCTAssertTrue(xml.contains("tests=\"3\" failures=\"1\""), xml)
    }

    func testCompileErrorsFailTheRunsCase() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let path = try workspace.write("broken.md", "# Broken\n\n```swift\nlet n: Int = \"x\" // => 1\n```\n")
        let xml = JUnitReport.xml([try workspace.evaluate(path)])
        XCTAssertTrue(xml.contains("<testcase classname=\"notebooks/broken.md\" name=\"runs\">\n      <failure type=\"compile-error\""), xml)
        XCTAssertTrue(xml.contains("tests=\"2\" failures=\"1\" skipped=\"1\""), xml)
        XCTAssertTrue(xml.contains("<skipped message=\"not computed: the program stopped before it\"/>"), xml)
    }
}

import Foundation
import XCTest
import TallyTestSupport

/// WCAG 2.2 AA by axe-core (from the PyPI package axe-playwright-python) on every page of the built sites
/// (`BuiltSites`), light and dark, at 1280 px and a 390 px phone; and a keyboard-only walk through a
/// notebook page (Browser/site_accessibility.py drives Chromium; the assertions are here).
final class SiteAccessibilityInBrowserTests: XCTestCase {
    struct Report: Decodable {
        struct Violation: Decodable { var id: String; var impact: String?; var help: String; var nodes: [String]; var count: Int }
        struct Stop: Decodable, Equatable {
            var tag: String
            var cls: String?
            var id: String?
            var text: String?
            var scrollable: Bool?
            var ring: Bool?
            var inMain: Bool?
        }
        struct Walk: Decodable {
            var scrollable: Int
            var forward: [Stop]
            var backward: [Stop]
            var skipLink: Stop
            var afterSkip: Stop
            var afterSkipTab: Stop
            var scrolledByArrow: Bool?
        }
        struct Preferences: Decodable {
            var mutedIsText: Bool
            var linksUnderlined: Bool
            var smoothScrollOff: Bool
            var transitionsOff: Bool
            var axe: [Violation]
        }
        var axe: [String: [Violation]]
        var walk: Walk
        var preferences: Preferences
    }

    private func audit(_ site: URL, walk: String) throws -> Report {
        let pages = try FileManager.default.subpathsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") }.sorted()
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/site_accessibility.py")
        return try JSONDecoder().decode(Report.self, from: PythonScript.run(script, [site.path, walk] + pages))
    }

    private func assertNoViolations(_ report: Report, site: String) {
        for (view, violations) in report.axe.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(violations.map(\.id), [], "\(site) \(view): \(violations.map { "\($0.id) ×\($0.count): \($0.nodes)" })")
        }
    }

    func testNotebooksPagesHaveNoWCAGViolationsAndAKeyboardReachesEverything() throws {
        let site = try XCTUnwrap(try BuiltSites.all().first { $0.name == "notebooks" })
        let report = try audit(site.folder, walk: "backpropagation.html")
        for page in ["index.html", "backpropagation.html", "optimizers.html", "cards.html", "review.html"] {
            for view in ["light 1280", "dark 1280", "light 390", "dark 390"] {
                XCTAssertEqual(report.axe["\(page) \(view)"].map { $0.map(\.id) }, [], "\(page) \(view)")
            }
        }
        assertNoViolations(report, site: "notebooks")
        assertKeyboardWalk(report.walk)
        // prefers-contrast: more and prefers-reduced-motion: reduce are honoured.
        let preferences = report.preferences
        XCTAssertTrue(preferences.mutedIsText && preferences.linksUnderlined, "more contrast: \(preferences)")
        XCTAssertTrue(preferences.smoothScrollOff && preferences.transitionsOff, "reduced motion: \(preferences)")
        XCTAssertEqual(preferences.axe.map(\.id), [])
    }

    /// A page whose code, table and formulas scroll sideways: each is a Tab stop with a focus ring.
    func testWideBlocksAreReachedByTheKeyboard() throws {
        let site = try XCTUnwrap(try BuiltSites.all().first { $0.name == "wide" })
        let report = try audit(site.folder, walk: "wide-things.html")
        assertNoViolations(report, site: "wide")
        XCTAssertGreaterThanOrEqual(report.walk.scrollable, 2, "the code line and the formula scroll at 1280 px")
        assertKeyboardWalk(report.walk)
        XCTAssertEqual(report.walk.scrolledByArrow, true, "→ scrolls a focused block")
    }

    func testImportedSeedsHaveNoWCAGViolations() throws {
        guard let site = try BuiltSites.all().first(where: { $0.name == "seeds" }) else {
            try missingRealPart("no seeds on this machine (TALLY_SEEDS or ../shared/seeds)")
        }
        let report = try audit(site.folder, walk: "index.html")
        assertNoViolations(report, site: "seeds")
    }

    private func assertKeyboardWalk(_ walk: Report.Walk, file: StaticString = #filePath, line: UInt = #line) {
        // The skip link comes first and moves focus to the content; the next Tab lands inside it.
        XCTAssertEqual(walk.skipLink.cls, "skip-link", file: file, line: line)
        XCTAssertEqual(walk.afterSkip.id, "content", file: file, line: line)
        XCTAssertEqual(walk.afterSkipTab.inMain, true, "\(walk.afterSkipTab)", file: file, line: line)
        // Tab reaches the search box and every scrollable block, each with a visible focus ring…
        let stops = walk.forward
        XCTAssertTrue(stops.contains { $0.tag == "input" && ($0.cls ?? "").contains("search-input") }, file: file, line: line)
        XCTAssertEqual(stops.filter { $0.scrollable == true }.count, walk.scrollable, "\(stops.filter { $0.scrollable == true })",
                       file: file, line: line)
        XCTAssertEqual(stops.filter { $0.tag != "body" && $0.ring != true }, [], file: file, line: line)
        // …and comes back round to the first stop: no trap.
        XCTAssertGreaterThan(stops.count, 5, file: file, line: line)
        XCTAssertEqual(stops.last, stops.first, "the walk did not come back round in \(stops.count) stops", file: file, line: line)
        // Shift-Tab goes backwards from the start: to the last stops of the page, in reverse.
        let cycle = stops.filter { $0.tag != "body" }.dropLast()
        XCTAssertEqual(Array(walk.backward.prefix(2)), Array(cycle.suffix(2).reversed()), file: file, line: line)
    }
}

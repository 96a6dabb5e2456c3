import Foundation
import XCTest
import TallyDocument
@testable import TallySite
import TallyTestSupport

/// The sidebar in headless Chromium, with the site opened from disk (file://): with JavaScript it lists
/// every notebook from the shared `nav.js` with the current one marked; without, it shows the link to
/// the index (Browser/site_navigation.py drives Chromium and reports; the assertions are here).
final class SiteNavigationInBrowserTests: XCTestCase {
    struct Report: Decodable {
        struct Sidebar: Decodable {
            struct Entry: Decodable, Equatable {
                var href: String
                var text: String
                var current: Bool
                var ariaCurrent: String?
                var sections: Int
                var math: Int
                var shown: Bool
            }
            struct Fallback: Decodable { var href: String; var resolved: String; var shown: Bool }
            var scripts: Bool
            var shared: Int
            var entries: [Entry]
            var fallback: Fallback?
            var location: String
        }
        var withScript: Sidebar
        var afterClick: Sidebar
        var withoutScript: [String: Sidebar]
        var requests: [String]
        var consoleErrors: [String]
    }

    func testTheSidebarListsEveryNotebookFromTheSharedFileAndFallsBackToTheIndex() throws {
        let project = try Project(self)
        try project.write("notebooks/basics/sigmoid.md", "# The $\\sigma$ function\n\n## Its derivative\n\ntext\n\n## Its range\n\ntext\n")
        try project.write("notebooks/losses.md", "# Losses\n\ntext\n")
        try project.write("notebooks/optim.md", "# Optimisers\n\ntext\n")
        let (sources, diagnostics) = try project.build()
        XCTAssertEqual(sources.notebooks.count, 3)
        XCTAssertEqual(diagnostics.filter { $0.severity != .note }, [])
        // The page names only its neighbour (the "Next" link): the rest of what the sidebar lists came from the shared file.
        let page = try project.read("basics/sigmoid.html")
        XCTAssertFalse(page.contains("Optimisers") || page.contains("optim.html"), page)

        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/site_navigation.py")
        let report = try JSONDecoder().decode(Report.self, from: PythonScript.run(script, [project.site.path, "basics/sigmoid.html", "losses.html"]))
        XCTAssertEqual(report.consoleErrors, [])

        // With JavaScript, from a page in a folder: every notebook, in the site's order, through the path back to the root;
        // the current one marked (class and aria-current) with its sections; the fallback link gone.
        let sidebar = report.withScript
        XCTAssertTrue(sidebar.location.hasPrefix("file://"), sidebar.location)
        XCTAssertTrue(sidebar.scripts)
        XCTAssertEqual(sidebar.shared, 3)
        XCTAssertEqual(sidebar.entries, [
            .init(href: "../basics/sigmoid.html", text: sidebar.entries.first?.text ?? "", current: true, ariaCurrent: "page", sections: 2, math: 1, shown: true),
            .init(href: "../losses.html", text: "Losses", current: false, ariaCurrent: nil, sections: 0, math: 0, shown: true),
            .init(href: "../optim.html", text: "Optimisers", current: false, ariaCurrent: nil, sections: 0, math: 0, shown: true),
        ])
        XCTAssertTrue(sidebar.entries.first?.text.hasPrefix("The σ") == true, "\(sidebar.entries)")
        XCTAssertNil(sidebar.fallback)
        XCTAssertEqual(report.requests.filter { $0.hasSuffix("/nav.js") }.count, 2, "once per page opened: \(report.requests)")

        // Clicking "Losses" opens it; there it is the current entry, and the title with a formula (typeset HTML from nav.js) shows its math.
        let after = report.afterClick
        XCTAssertTrue(after.location.hasSuffix("/site/losses.html"), after.location)
        XCTAssertEqual(after.entries.map(\.href), ["basics/sigmoid.html", "losses.html", "optim.html"])
        XCTAssertEqual(after.entries.map(\.current), [false, true, false])
        XCTAssertEqual(after.entries.map(\.ariaCurrent), [nil, "page", nil])
        XCTAssertEqual(after.entries.first?.math, 1)

        // Without JavaScript, at desktop and phone width: the link to the index is shown, and the current notebook with its sections.
        XCTAssertEqual(Set(report.withoutScript.keys), ["1280", "390"])
        for (width, plain) in report.withoutScript {
            XCTAssertFalse(plain.scripts, width)
            XCTAssertEqual(plain.shared, -1, width)
            let fallback = try XCTUnwrap(plain.fallback, width)
            XCTAssertEqual(fallback.href, "../index.html", width)
            XCTAssertEqual(fallback.resolved, project.site.appendingPathComponent("index.html").absoluteString, width)
            XCTAssertTrue(fallback.shown, width)
            XCTAssertEqual(plain.entries.map(\.href), ["../index.html", "../basics/sigmoid.html"], width)
            XCTAssertEqual(plain.entries.map(\.current), [false, true], width)
            XCTAssertEqual(plain.entries.last?.sections, 2, width)
        }
    }
}

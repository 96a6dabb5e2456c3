import Foundation
import XCTest
import TallyTestSupport
@testable import TallySite

/// The sidebar's list of notebooks is one shared file (`nav.js`), so a page's size does not depend on
/// how many notebooks the site has; the page keeps only its own entry and a link to the index.
final class SiteNavigationTests: XCTestCase {
    /// A tiny notebook with a title and two sections, named so that every site orders them alike.
    private static func notebook(_ i: Int) -> (path: String, text: String) {
        let name = String(format: "n%04d", i)
        return ("notebooks/\(name).md", "# Note \(name)\n\nA line of text.\n\n## First part\n\nMore.\n\n## Second part\n\nThe end.\n")
    }

    private func site(notebooks count: Int) throws -> Project {
        let project = try Project(self)
        for i in 0..<count {
            let (path, text) = Self.notebook(i)
            try project.write(path, text)
        }
        let (sources, diagnostics) = try project.build()
        XCTAssertEqual(sources.notebooks.count, count)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        return project
    }

    private func bytes(_ project: Project, _ page: String) throws -> Int {
        try Data(contentsOf: project.site.appendingPathComponent(page)).count
    }

    func testAPageIsTheSameSizeWithTenTimesTheNotebooks() throws {
        let small = try site(notebooks: 12), large = try site(notebooks: 120)
        // The same notebook, with the same neighbours (previous and next), in both sites: byte for byte the same size.
        for page in ["n0001.html", "n0005.html", "cards.html", "review.html"] {
            XCTAssertEqual(try bytes(large, page), try bytes(small, page), page)
        }
        XCTAssertEqual(try large.read("n0005.html"), try small.read("n0005.html"))
        // What does grow is the shared list (once per site) and the index, which lists every notebook by design.
        let smallList = try bytes(small, NavigationScript.fileName), largeList = try bytes(large, NavigationScript.fileName)
        XCTAssertGreaterThan(largeList, 9 * smallList)
        XCTAssertLessThan(largeList, 11 * smallList)
        XCTAssertGreaterThan(try bytes(large, "index.html"), try bytes(small, "index.html"))
    }

    func testTheSharedFileListsEveryNotebookAndThePageOnlyItsOwn() throws {
        let project = try Project(self)
        try project.write("notebooks/basics/sigmoid.md", "# Sigmoid\n\n## Its derivative\n\ntext\n\n## Its range\n\ntext\n")
        try project.write("notebooks/losses.md", "---\ntitle: \"Losses <b>& gains\"\n---\ntext\n")
        try project.write("notebooks/optim.md", "# Optimisers\n\ntext\n")
        _ = try project.build()

        let script = try project.read(NavigationScript.fileName)
        XCTAssertTrue(script.hasPrefix("window.tallyNavigation = ["), script)
        let json = try XCTUnwrap(script.split(separator: "=", maxSplits: 1).last?.trimmingCharacters(in: .whitespacesAndNewlines))
        let entries = try JSONDecoder().decode([[String: String]].self, from: Data(json.dropLast().utf8))
        // The title's markup arrives escaped (it is text), exactly as the page's own title is written.
        XCTAssertEqual(entries, [["href": "basics/sigmoid.html", "titleHTML": "Sigmoid"],
                                 ["href": "losses.html", "titleHTML": "Losses &lt;b&gt;&amp; gains"],
                                 ["href": "optim.html", "titleHTML": "Optimisers"]])

        // A notebook page in a folder: its own entry (current, with its sections), the fallback link to the index
        // and the shared file, all through the path back to the root; no other notebook is named but its
        // neighbour, in the "Next" link.
        let page = try project.read("basics/sigmoid.html")
        XCTAssertTrue(page.contains("<script defer src=\"../nav.js\"></script>"), page)
        XCTAssertTrue(page.contains("<li class=\"nav-fallback\"><a href=\"../index.html\">All notebooks</a></li>"), page)
        XCTAssertTrue(page.contains("<li class=\"current\" data-href=\"basics/sigmoid.html\"><a href=\"../basics/sigmoid.html\" aria-current=\"page\">Sigmoid</a>"), page)
        XCTAssertTrue(page.contains("<ul class=\"sections\"><li><a href=\"#its-derivative\">Its derivative</a></li><li><a href=\"#its-range\">Its range</a></li></ul>"), page)
        XCTAssertFalse(page.contains("optim.html"), page)
        XCTAssertFalse(page.contains("Optimisers"), page)
        XCTAssertEqual(page.components(separatedBy: "losses.html").count - 1, 1, "the Next link only")

        // The index is the page the fallback leads to: it is marked current there, and lists every notebook itself.
        let index = try project.read("index.html")
        XCTAssertTrue(index.contains("<li class=\"nav-fallback current\"><a href=\"index.html\" aria-current=\"page\">All notebooks</a></li>"), index)
        XCTAssertTrue(index.contains("<a href=\"losses.html\">"), index)
        XCTAssertFalse(index.contains("data-href"), index)
    }
}

import Foundation
import TallyBuild
import TallyDocument
import XCTest
@testable import TallyServe
import TallyTestSupport

/// Under `tally serve` a notebook that fails keeps its page, with its errors listed on it, until a save fixes
/// them (cases/newcomer/07-serve-failing-page-404: the page used to turn into a 404). `tally build` still
/// leaves such a notebook out.
final class FailingNotebookPageTests: XCTestCase {
    private static let banner = "class=\"failures\""

    /// Case 07: a stated value made wrong by a save.
    func testAFailingStatedValueKeepsItsPageWithTheErrorUntilFixed() throws {
        let served = try ServedProject(self)
        func save(_ cellLine: String) throws {
            try served.project.write("notebooks/live.md", "# Live\n\n```swift\n\(cellLine)\n```\n")
        }
        try save("let x = 0.5   // => 0.5")
        _ = try served.start()
        try served.build(1)
        let good = try served.get("/live.html")
        XCTAssertEqual(good.status, 200)
        XCTAssertFalse(good.body.contains(Self.banner), good.body)

        let wrong = "let x = 0.5   // => 0.6"
        try save(wrong)
        let failing = try served.build(2)
        XCTAssertTrue(failing.diagnostics.hasErrors)
        let page = try served.get("/live.html")
        XCTAssertEqual(page.status, 200, "the page stays: \(page.body)")
        XCTAssertTrue(page.body.contains(Self.banner), page.body)
        // Line 4 of the file, at the stated number (columns count from 1).
        let column = wrong.distance(from: wrong.startIndex, to: wrong.range(of: "0.6")!.lowerBound) + 1
        let shown = try XCTUnwrap(Self.failures(in: page.body).first, page.body)
        XCTAssertTrue(shown.hasPrefix("notebooks/live.md:4:\(column): error: "), shown)
        XCTAssertTrue(shown.hasSuffix("[stated-value]"), shown)
        XCTAssertTrue(shown.contains("0.6"), shown)
        XCTAssertTrue(page.body.contains("<h1 id=\"live\">Live</h1>"), "the notebook itself is still shown")
        let summary = try served.pipeline().summary(of: try XCTUnwrap(failing.result))
        XCTAssertTrue(summary.hasPrefix("built 0 of 1 notebook into "), summary)
        XCTAssertTrue(summary.contains("; 1 page shown with its errors"), "the summary says the page is there: \(summary)")

        // `tally build` (the same pipeline without serve) still leaves it out.
        var build = try served.pipeline()
        build.output = served.project.url("built")
        let result = try build.run(try SourceLoader.load(paths: ["notebooks"], workingDirectory: served.project.root))
        XCTAssertTrue(result.diagnostics.hasErrors)
        XCTAssertEqual(result.published.count, 0)
        XCTAssertFalse(served.project.exists("built/site/live.html"))

        try save("let x = 0.5   // => 0.5")
        try served.build(3)
        let fixed = try served.get("/live.html")
        XCTAssertEqual(fixed.status, 200)
        XCTAssertFalse(fixed.body.contains(Self.banner), "the next good save removes the errors: \(fixed.body)")
    }

    /// A cell that traps and a cell that does not compile: each page stays, with the error at the cell's line.
    func testCellsThatTrapOrDoNotCompileKeepTheirPages() throws {
        let served = try ServedProject(self)
        try served.project.write("notebooks/trap.md", "# Trap\n\n```swift\nlet xs = [1, 2]\nprint(xs[5])\n```\n")
        try served.project.write("notebooks/typo.md", "# Typo\n\n```swift\nlet y: Int = \"seven\"\n```\n")
        _ = try served.start()
        try served.build(1)
        for (page, line, rule) in [("trap", 5, "cell-trap"), ("typo", 4, "compile-error")] {
            let response = try served.get("/\(page).html")
            XCTAssertEqual(response.status, 200, page)
            let errors = Self.failures(in: response.body)
            XCTAssertTrue(errors.contains { Self.line(of: $0, in: "notebooks/\(page).md") == "\(line)" && $0.hasSuffix("[\(rule)]") },
                          "\(page): \(errors)")
        }
    }

    /// A notebook whose front matter and card do not parse, and a file that is not UTF-8, still get their pages,
    /// listing the errors (escaped: notes are untrusted); other pages are unaffected.
    func testNotebooksThatDoNotParseKeepTheirPages() throws {
        let served = try ServedProject(self)
        try served.project.write("notebooks/broken.md", "# Broken\n\nFirst prose.\n")
        try served.project.write("notebooks/bytes.md", "# Bytes\n")
        try served.project.write("notebooks/other.md", "# Other\n")
        _ = try served.start()
        try served.build(1)
        for page in ["/broken.html", "/bytes.html", "/other.html"] { XCTAssertEqual(try served.get(page).status, 200, page) }

        try served.project.write("notebooks/broken.md", """
            ---
            title: [never closed
            ---
            # Broken

            First prose.

            ::: card {#<img/src=x>}
            front
            ---
            back
            :::

            """)
        try served.project.write("notebooks/bytes.md", Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]))
        let expected: Set<RuleID> = [.frontMatter, .cardAttribute, .invalidUTF8]
        let (_, failing) = try served.build(after: 1) { Set($0.diagnostics.filter { $0.severity == .error }.map(\.rule)) == expected }

        let broken = try served.get("/broken.html")
        XCTAssertEqual(broken.status, 200)
        let errors = Self.failures(in: broken.body)
        XCTAssertEqual(errors.count, 2, broken.body)
        // The YAML error within the front matter (lines 1–3), the card's on its opening line (8).
        XCTAssertTrue(errors.contains { ["2", "3"].contains(Self.line(of: $0, in: "notebooks/broken.md")) && $0.hasSuffix("[front-matter]") },
                      "\(errors)")
        XCTAssertTrue(errors.contains { Self.line(of: $0, in: "notebooks/broken.md") == "8" && $0.hasSuffix("[card-attribute]") }, "\(errors)")
        XCTAssertTrue(broken.body.contains("&lt;img/src=x&gt;"), "the card id is in the message, escaped")
        XCTAssertFalse(broken.body.contains("<img/src=x>"), broken.body)
        XCTAssertTrue(broken.body.contains("First prose."), "the notebook is shown as far as it was read")

        let bytes = try served.get("/bytes.html")
        XCTAssertEqual(bytes.status, 200)
        XCTAssertEqual(Self.failures(in: bytes.body).map { $0.hasPrefix("notebooks/bytes.md:1:3: error: ") && $0.hasSuffix("[invalid-utf8]") },
                       [true], bytes.body)
        XCTAssertFalse(Self.failures(in: try served.get("/other.html").body).count > 0)

        try served.project.write("notebooks/broken.md", "# Broken\n\nFirst prose.\n")
        try served.project.write("notebooks/bytes.md", "# Bytes\n")
        _ = try served.build(after: failing) { !$0.diagnostics.hasErrors }
        for page in ["/broken.html", "/bytes.html"] {
            let fixed = try served.get(page)
            XCTAssertEqual(fixed.status, 200, page)
            XCTAssertFalse(fixed.body.contains(Self.banner), fixed.body)
        }
    }

    /// The line of a `file:line:col: …` diagnostic about `file` (nil for another file).
    static func line(of diagnostic: String, in file: String) -> String? {
        guard diagnostic.hasPrefix(file + ":") else { return nil }
        return diagnostic.dropFirst(file.count + 1).split(separator: ":").first.map(String.init)
    }

    /// The items of the page's error list, HTML entities of the quote characters decoded.
    static func failures(in html: String) -> [String] {
        guard let start = html.range(of: "<div class=\"failures\""),
              let end = html.range(of: "</div>", range: start.upperBound..<html.endIndex) else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<li>").dropFirst().map {
            String($0.prefix { $0 != "<" }).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
        }
    }
}

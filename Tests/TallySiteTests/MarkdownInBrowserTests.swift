import Foundation
import XCTest
import TallyDocument
@testable import TallySite
import TallyTestSupport

/// GitHub- and Obsidian-flavoured Markdown as a reader sees it in Chromium (Browser/markdown_in_browser.py
/// reports, the assertions are here): footnotes, alerts, a folded callout that opens on a click, comments
/// (and a commented-out card) invisible, `<kbd>`/`<sub>` allowed and `<b>` shown as text, wikilinks and
/// an embed resolved by name, images whose names hold spaces, `#` and `%` loading from `file://`, a bare
/// `align*` typeset, escaped brackets kept, and links to `#example-1` and to `second.md#the-definition`
/// landing on those headings.
final class MarkdownInBrowserTests: XCTestCase {
    struct Report: Decodable {
        struct Landing: Decodable {
            var id: String
            var found: Bool
            var tag: String?
            var text: String?
            var index: Int?
            var top: Int?
            var page: String?
        }
        var footnoteRefs: [String]
        var footnotes: [String]
        var alertTitle: String?
        var foldedBodyVisibleBefore: Bool
        var foldedBodyVisibleAfterClick: Bool
        var commentTextShown: Bool
        var commentedCard: Bool
        var kbd: [String]
        var sub: [String]
        var boldElements: Int
        var escapedTagShown: Bool
        var wikilinks: [String]
        var embedLoaded: [Bool]
        var oddNamesLoaded: [Bool]
        var displayMath: Int
        var typesetDisplays: Int
        var katexErrors: Int
        var bracketsText: Bool
        var crossLink: String?
        var landings: [String: Landing]
    }

    static let filler = (1...40).map { "Filler paragraph \($0), so the page scrolls." }.joined(separator: "\n\n")

    static let first = """
    ---
    title: First
    ---
    # Example

    Adam[^adam] is an optimiser; so is RMSprop[^rms].

    [^adam]: Kingma and Ba, 2015.
    [^rms]: Hinton's lecture notes.

    > [!NOTE]
    > Alerts have a title of their own.

    > [!tip]- Folded tip
    > Shown after a click.

    <!-- a hidden remark -->

    <!--
    ::: card {#old-card}
    Outdated question?
    ---
    Outdated answer
    :::
    -->

    Press <kbd>Ctrl</kbd>+<kbd>C</kbd>; water is H<sub>2</sub>O; <b>bold</b> stays text.

    See [[Second]], [[Second#The definition|the definition]] and ![[plot one.png]].

    ![odd](<img/plot #1 100%.png>)

    \\begin{align*}
    a &= b + c \\\\
    &= d
    \\end{align*}

    Report the loss as median\\[IQR\\]; index as v\\[0\\] in prose.

    The [definition](second.md#the-definition) and [the second example](#example-1).

    \(filler)

    # Example

    The second one.

    \(filler)

    """

    static let second = """
    # Second

    \(filler)

    ## The definition

    Defined here.

    \(filler)

    """

    func testGitHubAndObsidianMarkdownInChromium() throws {
        let project = try TemporaryProject(self, prefix: "tally-markdown-browser")
        let base = project.root
        let notebooks = project.url("notebooks")
        try project.write("notebooks/first.md", Self.first)
        try project.write("notebooks/second.md", Self.second)
        let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")!
        try project.write("notebooks/pictures/plot one.png", png)
        try project.write("notebooks/img/plot #1 100%.png", png)

        let sources = try SourceLoader.load(paths: [notebooks.path], workingDirectory: base)
        XCTAssertEqual(sources.diagnostics, [])
        let site = base.appendingPathComponent("site")
        XCTAssertEqual(try SiteBuilder(sources: sources, templates: try TemplateSet(folder: nil)).build(into: site), [])
        let html = try String(contentsOf: site.appendingPathComponent("first.html"), encoding: .utf8)
        XCTAssertTrue(html.contains(#"<a href="second.html#the-definition">definition</a>"#), html)

        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/markdown_in_browser.py")
        let report = try JSONDecoder().decode(Report.self, from: try PythonScript.run(script, [site.path]))

        XCTAssertEqual(report.footnoteRefs, ["#fn-1", "#fn-2"])
        XCTAssertEqual(report.footnotes.map { $0.replacingOccurrences(of: " ↩", with: "") },
                       ["fn-1: Kingma and Ba, 2015.", "fn-2: Hinton's lecture notes."])
        XCTAssertEqual(report.alertTitle, "Note")
        XCTAssertFalse(report.foldedBodyVisibleBefore, "a [!tip]- callout starts folded")
        XCTAssertTrue(report.foldedBodyVisibleAfterClick, "and opens when its title is clicked")
        XCTAssertFalse(report.commentTextShown)
        XCTAssertFalse(report.commentedCard)
        XCTAssertEqual(report.kbd, ["Ctrl", "C"])
        XCTAssertEqual(report.sub, ["2"])
        XCTAssertEqual(report.boldElements, 0)
        XCTAssertTrue(report.escapedTagShown)
        XCTAssertEqual(report.wikilinks, ["second.html", "second.html#the-definition"])
        XCTAssertEqual(report.embedLoaded, [true])
        XCTAssertEqual(report.oddNamesLoaded, [true])
        XCTAssertEqual(report.displayMath, 1)
        XCTAssertEqual(report.typesetDisplays, 1)
        XCTAssertEqual(report.katexErrors, 0)
        XCTAssertTrue(report.bracketsText)

        let example = try XCTUnwrap(report.landings["example1"])
        XCTAssertTrue(example.found)
        XCTAssertEqual(example.text, "Example")
        XCTAssertEqual(example.index, 1, "#example-1 is the second 'Example'")
        XCTAssertLessThan(abs(example.top ?? 999), 150, "scrolled to the heading")
        let cross = try XCTUnwrap(report.landings["cross"])
        XCTAssertEqual(cross.page, "second.html")
        XCTAssertEqual(cross.text, "The definition")
        XCTAssertLessThan(abs(cross.top ?? 999), 150, "scrolled to the heading")
    }
}

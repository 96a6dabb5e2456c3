import Foundation
import XCTest
import TallyTestSupport
import TallyDocument
@testable import TallySite

/// One test per kind of fault in `../shared/cases/markdown` and `../shared/cases/newcomer` that belongs to
/// the model, the parser and the HTML walk (issue 12, §1, §4 and the model's side of §3). Fixtures are
/// small notebooks written for these tests; expected values are what GitHub and Obsidian show.
final class MarkdownCasesTests: XCTestCase {
    /// Builds `files` (path → text) as a site; returns the site folder and every diagnostic.
    private func build(_ files: [String: String]) throws -> (site: URL, diagnostics: [Diagnostic], sources: SourceSet) {
        let project = try TemporaryProject(self, prefix: "tally-cases")
        let base = project.root
        let notebooks = project.url("notebooks")
        for (path, text) in files { try project.write("notebooks/\(path)", text) }
        let sources = try SourceLoader.load(paths: [notebooks.path], workingDirectory: base)
        let site = base.appendingPathComponent("site")
        let diagnostics = try SiteBuilder(sources: sources, templates: try TemplateSet(folder: nil)).build(into: site)
        return (site, sources.diagnostics + diagnostics, sources)
    }

    private func page(_ site: URL, _ name: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(name), encoding: .utf8)
    }

    /// newcomer/05: a ```math fence is display math, as on GitHub.
    func testMathFenceIsDisplayMath() throws {
        let (site, diagnostics, _) = try build(["fence.md": "# Step\n\n```math\nw \\leftarrow w - \\eta g\n```\n"])
        XCTAssertEqual(diagnostics, [])
        let html = try page(site, "fence.html")
        XCTAssertTrue(html.contains("<div class=\"math display\"><span class=\"katex-display\">"), html)
        XCTAssertTrue(html.contains("<annotation encoding=\"application/x-tex\">w \\leftarrow w - \\eta g</annotation>"), html)
        XCTAssertFalse(html.contains("language-math"), html)
    }

    /// newcomer/09: an HTML comment is invisible, and a card inside it is not a card.
    func testCommentedOutCardIsNoCard() throws {
        let text = "# Notes\n\n<!-- to do -->\n\n<!--\n::: card {#gone}\nQ?\n---\nA\n:::\n-->\n\nKept.\n"
        let (site, diagnostics, sources) = try build(["c.md": text])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(sources.notebooks[0].cards, [])
        let html = try page(site, "c.html")
        XCTAssertFalse(html.contains("to do"), html)
        XCTAssertFalse(html.contains("card {#gone}"), html)
        XCTAssertTrue(html.contains("<p>Kept.</p>"), html)
    }

    /// newcomer/10: footnotes are numbered references with the notes at the end, as cmark-gfm renders them.
    func testFootnotes() throws {
        let (site, diagnostics, _) = try build(["f.md": "# Momentum\n\nPolyak proposed it.[^p]\n\n[^p]: Polyak, 1964.\n"])
        XCTAssertEqual(diagnostics, [])
        let html = try page(site, "f.html")
        XCTAssertTrue(html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>"), html)
        XCTAssertTrue(html.contains("<li id=\"fn-1\">\n<p>Polyak, 1964. <a href=\"#fnref-1\""), html)
        XCTAssertFalse(html.contains("[^p]"), html)
    }

    /// newcomer/11 and markdown/19 (the model's side): a heading's title in the outline keeps its TeX readable
    /// (no placeholder characters, no `$`), and its anchor is GitHub's.
    func testMathInHeadingsHasReadableTitlesAndGitHubAnchors() throws {
        let notebook = NotebookParser.parse("# The $\\sigma(x)$ function\n\n## Its slope $\\sigma'(x)$\n", path: "h.md").notebook
        XCTAssertEqual(notebook.outline.headings.map(\.title), ["The \\sigma(x) function", "Its slope \\sigma'(x)"])
        XCTAssertEqual(notebook.outline.headings.map(\.anchor), ["the-sigmax-function", "its-slope-sigmax"])
        XCTAssertEqual(notebook.title, "The \\sigma(x) function")
        let (site, _, _) = try build(["h.md": "# The $\\sigma(x)$ function\n\n## Its slope $\\sigma'(x)$\n"])
        let html = try page(site, "h.html") + (try page(site, "search/h.js"))
        XCTAssertFalse(html.unicodeScalars.contains { (0xE000...0xE002).contains($0.value) })
    }

    /// newcomer/12: the second `Example` is `example-1`, as on GitHub, and a link to it is not broken.
    func testDuplicateHeadingAnchorsFollowGitHub() throws {
        let (site, diagnostics, _) = try build(["d.md": "# Example\n\nOne.\n\n# Example\n\nTwo; see [it](#example-1).\n"])
        XCTAssertEqual(diagnostics, [])
        let html = try page(site, "d.html")
        XCTAssertTrue(html.contains("<h1 id=\"example\">Example</h1>"), html)
        XCTAssertTrue(html.contains("<h1 id=\"example-1\">Example</h1>"), html)
    }

    /// newcomer/13: a front-matter title with no `#` heading is the page's heading.
    func testFrontMatterTitleIsThePageHeading() throws {
        let (site, _, _) = try build(["t.md": "---\ntitle: Weight decay\n---\n\nSome prose.\n\n## L2\n"])
        XCTAssertTrue(try page(site, "t.html").contains("<h1 class=\"page-title\">Weight decay</h1>\n<p>Some prose.</p>"))
        let (other, _, _) = try build(["u.md": "---\ntitle: Weight decay\n---\n\n# Its own heading\n"])
        XCTAssertFalse(try page(other, "u.html").contains("page-title"))
    }

    /// markdown/14: `\[`, `\]` in running text and in a link text are brackets, not display math.
    func testEscapedBracketsInRunningTextStayBrackets() throws {
        let text = "Report median\\[IQR\\] over seeds.\n\nA citation [\\[4\\]][adam].\n\nIndex v\\[0\\] here.\n\n\\[ x^2 \\]\n\n[adam]: https://example.org/adam\n"
        let (site, _, _) = try build(["b.md": text])
        let html = try page(site, "b.html")
        XCTAssertTrue(html.contains("<p>Report median[IQR] over seeds.</p>"), html)
        XCTAssertTrue(html.contains("<a href=\"https://example.org/adam\">[4]</a>"), html)
        XCTAssertTrue(html.contains("<p>Index v[0] here.</p>"), html)
        XCTAssertTrue(html.contains("<annotation encoding=\"application/x-tex\"> x^2 </annotation>") && html.contains("<div class=\"math display\">"),
                      "at the start of a line it is display math: \(html)")
    }

    /// markdown/15: images with the same name in two folders stay two files; names with spaces, `#` and `%` are
    /// URL-encoded in `src`.
    func testImageSourcesAreURLEncoded() throws {
        let project = try TemporaryProject(self, prefix: "tally-cases")
        let base = project.root
        let notebooks = project.url("notebooks")
        for (name, byte) in [("img/a/fig.png", 1), ("img/b/fig.png", 2), ("img/my plot 100%.png", 3), ("img/plot#1.png", 4)] {
            try project.write("notebooks/\(name)", Data([UInt8(byte)]))
        }
        try project.write("notebooks/m.md",
                          "# Figures\n\n![a](img/a/fig.png) ![b](img/b/fig.png) ![c](<img/my plot 100%.png>) ![d](<img/plot#1.png>)\n")
        let sources = try SourceLoader.load(paths: [notebooks.path], workingDirectory: base)
        let site = base.appendingPathComponent("site")
        XCTAssertEqual(try SiteBuilder(sources: sources, templates: try TemplateSet(folder: nil)).build(into: site), [])
        let html = try page(site, "m.html")
        let sources_ = html.components(separatedBy: "src=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            .filter { $0.hasPrefix("media/") }
        XCTAssertEqual(sources_.count, 4)
        XCTAssertEqual(Set(sources_).count, 4, "\(sources_)")
        XCTAssertTrue(sources_.contains { $0.hasSuffix("-my%20plot%20100%25.png") }, "\(sources_)")
        XCTAssertTrue(sources_.contains { $0.hasSuffix("-plot%231.png") }, "\(sources_)")
        for src in sources_ {
            let file = site.appendingPathComponent(try XCTUnwrap(src.removingPercentEncoding))
            XCTAssertTrue(FileManager.default.fileExists(atPath: file.path), src)
        }
    }

    /// markdown/22b: a bare `\begin{align*}…\end{align*}` is display math, as Jupyter shows it.
    func testBareEnvironmentIsDisplayMath() throws {
        let notebook = NotebookParser.parse("# Mean\n\n\\begin{align*}\nm &= \\frac{2+3}{2} \\\\\n&= 2.5\n\\end{align*}\n", path: "e.md").notebook
        guard case .paragraph(let inlines) = notebook.blocks[1].kind, case .math(let math) = inlines.first?.kind else {
            return XCTFail("\(notebook.blocks)")
        }
        XCTAssertEqual(math, Math(tex: "\\begin{align*}\nm &= \\frac{2+3}{2} \\\\\n&= 2.5\n\\end{align*}", display: true))
    }

    /// markdown/23: links to other notebooks point at their pages; a missing notebook or heading is a warning at its line.
    func testLinksBetweenNotebooks() throws {
        let first = "# Example\n\nSee [it](target.md), [its loss](target.md#cross-entropy), [nested](sub/deep.md#setup),\n[gone](missing.md) and [no such](target.md#nowhere).\n"
        let (site, diagnostics, _) = try build(["first.md": first, "target.md": "# Cross-entropy\n", "sub/deep.md": "# Setup\n\n[back](../first.md#example)\n"])
        let html = try page(site, "first.html")
        XCTAssertTrue(html.contains("<a href=\"target.html\">it</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"target.html#cross-entropy\">its loss</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"sub/deep.html#setup\">nested</a>"), html)
        XCTAssertTrue(try page(site, "sub/deep.html").contains("<a href=\"../first.html#example\">back</a>"))
        XCTAssertEqual(diagnostics.map(\.description), [
            "notebooks/first.md:4:1: warning: link to 'missing.md': no such notebook in this build [broken-link]",
            "notebooks/first.md:4:24: warning: link to '#nowhere': target.md has no heading with that anchor [broken-link]",
        ])
    }

    /// GFM: inside a table cell `\|` is a literal `|`, inside math too (`$\|x\|$` is |x|).
    func testEscapedPipeInTableMath() throws {
        let notebook = NotebookParser.parse("| norm | note |\n|---|---|\n| $\\|x\\|$ | a \\| b |\n", path: "p.md").notebook
        guard case .table(let table) = notebook.blocks[0].kind else { return XCTFail("\(notebook.blocks)") }
        XCTAssertEqual(table.rows[0][0].map(\.kind), [.math(Math(tex: "|x|", display: false))])
        XCTAssertEqual(table.rows[0][1].plainText, "a | b")
    }
}

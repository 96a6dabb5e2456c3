import Foundation
import TallyDocument
import TallyEvaluation
import TallyResults
import TallyHTML
import XCTest
@testable import TallySite
import TallyTestSupport

/// Nothing a note holds runs as script on the site: markup in prose, math, code, cells' output,
/// charts, cards, tables, links, images and the title is escaped or dropped — unless the notebook
/// opts into raw HTML. Checked on the HTML a browser would read (tags found as its tokenizer finds
/// them), for the renderer alone and for a site built from evaluated notebooks.
final class InjectionTests: XCTestCase {
    static let evil = #"""
    ---
    title: "</title><script>alert('title')</script><img src=x onerror=alert(0)>"
    ---
    # Head <script>alert(1)</script>

    Text <script>alert(2)</script> and <img src=x onerror=alert(3)> and <a href="javascript:alert(4)">raw link</a>.
    Links: [a](javascript:alert(5)) [b](JaVaScRiPt:alert(6)) [c](java%0Ascript:alert(7)) [d](<java script:alert(8)>)
    [e](&#106;avascript:alert(9)) [f](vbscript:msgbox(10)) [g](data:text/html,<script>alert(11)</script>)
    [h](https://example.com "t\" onmouseover=\"alert(12)") <javascript:alert(13)>

    Math $</span><script>alert(14)</script>$ and \(<img src=x onerror=alert(15)>\) and $a<b>c$.

    $$</div><script>alert(16)</script>$$

    Code `<script>alert(17)</script>` and a value `{swift} "<script>alert(18)</script>"`.

    ![alt" onerror="alert(19)](x.png "title\" onerror=\"alert(20)") ![i](javascript:alert(21))

    | a <script>alert(22)</script> | b |
    |---|---|
    | <img src=x onerror=alert(23)> | [x](javascript:alert(24)) `<script>` |

    <div onclick="alert(25)"><script>alert(26)</script></div>

    <svg onload="alert(27)"><script>alert(28)</script></svg>

    ```html
    <script>alert(29)</script>
    ```

    ```swift
    print("<script>alert(30)</script>")
    struct Evil: SVGRenderable {
        var svg: String { "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(31)'><script>alert(32)</script></svg>" }
    }
    show(Evil())
    ```

    ::: card {#evil-card}
    Front <script>alert(33)</script> $</span><script>alert(34)</script>$ [x](javascript:alert(35))
    ---
    Back <img src=x onerror=alert(36)> `{swift} "<script>alert(37)</script>"`
    :::

    """#

    /// The same notebook with raw HTML allowed: its scripts do get through (so the check can see them).
    static var optedIn: String { evil.replacingOccurrences(of: "title: \"", with: "unsafe-html: true\ntitle: \"") }

    // MARK: Renderer

    func testRendererEscapesEverything() {
        let (notebook, _) = NotebookParser.parse(Self.evil, path: "evil.md")
        for style in [HTMLRenderer.MathStyle.katex, .mathJax] {
            var renderer = HTMLRenderer(mathStyle: style)
            let plain = renderer
            renderer.card = { CardHTML.render($0, with: plain) }
            let html = renderer.render(notebook.blocks)
            XCTAssertEqual(Self.problems(in: html, site: nil), [], "\(style)")
            XCTAssertTrue(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"), "raw HTML shows as text")
            XCTAssertTrue(html.contains("alert(14)"), "math keeps its text, escaped")
        }
    }

    func testRendererLetsRawHTMLThroughOnlyWhenOptedIn() {
        let (notebook, _) = NotebookParser.parse(Self.optedIn, path: "evil.md")
        XCTAssertTrue(notebook.frontMatter.unsafeHTML)
        let renderer = HTMLRenderer(mathStyle: .katex, allowRawHTML: true)
        let problems = Self.problems(in: renderer.render(notebook.blocks), site: nil)
        XCTAssertTrue(problems.contains { $0.contains("onerror") }, "\(problems)")
        // GFM's tagfilter still applies: a <script> element never gets through, even opted in.
        XCTAssertFalse(problems.contains { $0.contains("alert(2)") }, "\(problems)")
    }

    // MARK: Built site

    func testBuiltSiteHasNoScriptButItsOwn() throws {
        let site = try buildSite(["evil.md": Self.evil])
        let page = try String(contentsOf: site.appendingPathComponent("evil.html"), encoding: .utf8)
        for file in try Self.pages(in: site) {
            XCTAssertEqual(Self.problems(in: try String(contentsOf: file, encoding: .utf8), site: site), [], file.lastPathComponent)
        }
        // What was written is shown, as text: the cell ran, its output and the values are escaped.
        XCTAssertTrue(page.contains("&lt;script&gt;alert(30)&lt;/script&gt;"), "the cell's output is on the page, escaped")
        XCTAssertTrue(page.contains("&lt;script&gt;alert(18)&lt;/script&gt;"), "the inline value is on the page, escaped")
        XCTAssertTrue(page.contains("&lt;/title&gt;&lt;script&gt;alert(&#39;title&#39;)"), "the title is escaped by the template")
        // The cards the cards and review pages insert (from cards/PAGE.js) are held to the same rules.
        let cards = try SiteParts.cardsHTML(in: site)
        XCTAssertEqual(Self.problems(in: cards, site: site), [], "cards/")
        XCTAssertTrue(cards.contains("&lt;script&gt;alert(33)"), "the card is on the cards page, escaped")
        XCTAssertTrue(cards.contains("&lt;script&gt;alert(37)"), "the card's inline value, escaped")

        // The chart: its SVG (script and all) only as an image, which a browser never runs.
        let tags = HTMLTag.scan(page)
        XCTAssertFalse(tags.contains { $0.name == "svg" }, "no inline SVG")
        let chart = try XCTUnwrap(tags.first { $0.name == "img" && $0.value("class") == "output chart" }, "the cell showed a chart")
        let src = try XCTUnwrap(chart.value("src"))
        XCTAssertTrue(src.hasPrefix("data:image/svg+xml;base64,"), src)
        let svg = String(decoding: try XCTUnwrap(Data(base64Encoded: String(src.dropFirst("data:image/svg+xml;base64,".count)))), as: UTF8.self)
        XCTAssertTrue(svg.contains("<script>alert(32)</script>"), "the user's SVG is the image, unchanged: \(svg)")
    }

    func testOptedInNotebookDoesGetItsScripts() throws {
        let site = try buildSite(["evil.md": Self.optedIn])
        let problems = Self.problems(in: try String(contentsOf: site.appendingPathComponent("evil.html"), encoding: .utf8), site: site)
        XCTAssertTrue(problems.contains { $0.contains("alert(25)") }, "\(problems)")
        XCTAssertFalse(problems.contains { $0.contains("alert(26)") }, "the <script> inside is tagfiltered: \(problems)")
    }

    // MARK: Checks

    /// Every way the HTML could run script: a `<script>` that is not one of the site's own files,
    /// an `on…` attribute, a `javascript:`/`vbscript:` URL, a `data:` URL other than an image, a frame or object.
    static func problems(in html: String, site: URL?) -> [String] {
        var problems: [String] = []
        for tag in HTMLTag.scan(html) {
            if tag.name == "script" {
                let src = tag.value("src") ?? ""
                let code = tag.content.trimmingCharacters(in: .whitespacesAndNewlines)
                let ownFile = !src.isEmpty && !src.contains(":") && !src.hasPrefix("/") && !src.contains("..") && code.isEmpty
                    && site.map { FileManager.default.fileExists(atPath: $0.appendingPathComponent(src).path) } ?? true
                let ownInline = src.isEmpty && layoutScripts.contains(code)
                if !ownFile && !ownInline { problems.append("<script src=\"\(src)\">\(tag.content)") }
            }
            if ["iframe", "frame", "object", "embed", "applet", "base", "form"].contains(tag.name) {
                problems.append("<\(tag.name)>")
            }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") { problems.append("<\(tag.name) \(name)=\"\(value)\">") }
                let url = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
                if url.hasPrefix("javascript:") || url.hasPrefix("vbscript:") {
                    problems.append("<\(tag.name) \(name)=\"\(value)\">")
                }
                if url.hasPrefix("data:"), !(tag.name == "img" && name == "src" && url.hasPrefix("data:image/")) {
                    problems.append("<\(tag.name) \(name)=\"\(value)\">")
                }
            }
        }
        return problems
    }

    /// The inline scripts of the built-in layout: the site's own.
    static let layoutScripts = Set(HTMLTag.scan(try! DefaultTemplates.text("layout")).filter { $0.name == "script" && $0.value("src") == nil }
        .map { $0.content.trimmingCharacters(in: .whitespacesAndNewlines) })

    static func pages(in site: URL) throws -> [URL] {
        let walker = try XCTUnwrap(FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil))
        let pages = walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "html" }
        XCTAssertGreaterThanOrEqual(pages.count, 3, "index, cards and the notebook")
        return pages
    }

    // MARK: Building

    private func buildSite(_ notebooks: [String: String]) throws -> URL {
        let project = try TemporaryProject(self, prefix: "tally-injection")
        let base = project.root
        for (name, text) in notebooks { try project.write("notebooks/\(name)", text) }
        let sources = try SourceLoader.load(paths: [base.appendingPathComponent("notebooks").path], workingDirectory: base)
        let engine = try XCTUnwrap(testEngine,
                                   "build the engine first: swift build")
        let evaluations = Evaluator(EvaluationOptions(engine: engine, cacheFolder: nil)).evaluate(sources.notebooks)
        for evaluation in evaluations {
            XCTAssertTrue(evaluation.passed, "the notebook's code runs: \(evaluation.diagnostics)")
        }
        // Every notebook is published, whatever its diagnostics (a page left out would hide nothing).
        let site = base.appendingPathComponent("output/site")
        _ = try SiteBuilder(sources: sources, templates: try TemplateSet(folder: nil), notebooks: sources.notebooks,
                            evaluations: Dictionary(uniqueKeysWithValues: evaluations.map { ($0.path, $0) })).build(into: site)
        return site
    }

}

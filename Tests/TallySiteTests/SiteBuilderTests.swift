import Foundation
import XCTest
import TallyTestSupport
import TallyDocument
@testable import TallySite

/// A project folder written by a test (the shared `TemporaryProject`): `notebooks/` plus whatever else the test adds.
struct Project {
    let project: TemporaryProject
    var base: URL { project.root }
    var notebooks: URL { project.url("notebooks") }
    var site: URL { project.url("output/site") }

    init(_ test: XCTestCase) throws {
        project = try TemporaryProject(test, prefix: "tally-site-tests")
        try project.makeFolder("notebooks")
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> URL { try project.write(relative, text) }

    func build(_ paths: [String]? = nil, templates: URL? = nil) throws -> (sources: SourceSet, diagnostics: [Diagnostic]) {
        let sources = try SourceLoader.load(paths: paths ?? [notebooks.path], workingDirectory: base)
        let diagnostics = try SiteBuilder(sources: sources, templates: TemplateSet(folder: templates)).build(into: site)
        return (sources, sources.diagnostics + diagnostics)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(relative), encoding: .utf8)
    }

    /// The HTML of every card on the site, from each notebook's `cards/PAGE.js` (what the cards and review pages load).
    func cardsHTML() throws -> String { try SiteParts.cardsHTML(in: site) }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: site.appendingPathComponent(relative).path)
    }

    /// Every file under the site, as paths relative to it.
    func files() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: site.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: site.appendingPathComponent($0).path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }
}

/// The document tests' fixture files, read straight from the source tree.
private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("TallyDocumentTests/Fixtures")

private let normalisation = """
---
title: Normalisation
---
# Batch normalisation

During training the layer uses $\\mu_{batch}$ and $\\sigma^2_{batch}$.

::: card {#bn-mean}
Which mean does batch norm use in training?
---
The mini-batch mean $\\mu_{batch}$.
:::

::: card
Why does batch norm allow larger learning rates?
---
It keeps activations in a stable range.
:::

"""

private let activations = """
# Activations

```swift
let x = 1 < 2
```

::: card {#relu-def}
Define ReLU.
---
$\\max(0, x)$
:::

"""

final class SiteBuilderTests: XCTestCase {
    func testSiteFromNotebooksAndFixtures() throws {
        let project = try Project(self)
        try project.write("notebooks/normalisation.md", normalisation)
        try project.write("notebooks/activations/basics.md", activations)
        for name in ["heading-notes.md", "exported-notes.md", "question-lines.md", "flashcard-page.md", "deck-cards.txt"] {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name),
                                             to: project.notebooks.appendingPathComponent("imported/\(name)").creatingParent())
        }
        let deck = project.notebooks.appendingPathComponent("imported/deck-cards.txt").path
        let (sources, diagnostics) = try project.build([project.notebooks.path, deck])
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        XCTAssertEqual(sources.notebooks.count, 7)

        // One page per notebook, keeping the folders.
        for page in ["index.html", "cards.html", "normalisation.html", "activations/basics.html", "imported/heading-notes.html",
                     "imported/exported-notes.html", "imported/question-lines.html", "imported/flashcard-page.html",
                     "imported/deck-cards.html"] {
            XCTAssertTrue(project.exists(page), page)
        }

        // The index lists each notebook with its card count.
        let index = try project.read("index.html")
        XCTAssertTrue(index.contains("<a href=\"normalisation.html\">Normalisation</a></td><td>2</td>"), index)
        XCTAssertTrue(index.contains("<a href=\"activations/basics.html\">Activations</a></td><td>1</td>"), index)
        XCTAssertTrue(index.contains("<a href=\"imported/deck-cards.html\">deck-cards</a></td><td>4</td>"), index)
        XCTAssertTrue(index.contains("<a href=\"imported/heading-notes.html\">Probability Refresher</a></td><td>0</td>"), index)
        XCTAssertTrue(index.contains("7 notebooks, 7 cards."), index)

        // The cards page lists each notebook with cards and loads its cards' script; together they hold every card, each with its id.
        let cardsPage = try project.read("cards.html")
        XCTAssertTrue(cardsPage.contains("<section class=\"card-group\" data-notebook=\"imported/deck-cards.html\" data-cards=\"cards/imported/deck-cards.js\">"), cardsPage)
        XCTAssertTrue(cardsPage.contains("<span class=\"card-count\">4 cards</span>"), cardsPage)
        XCTAssertFalse(cardsPage.contains("data-card-id"), "the shared page carries no card")
        XCTAssertFalse(project.exists("cards/imported/heading-notes.js"), "a notebook without cards has no cards script")
        let cards = try project.cardsHTML()
        let assigned = try XCTUnwrap(sources.notebooks.first { $0.title == "Normalisation" }?.cards.last?.id)
        for id in ["bn-mean", assigned, "relu-def", "optim-sgd-01", "norm-stats-02", "loss-table-03", "code-relu-04"] {
            XCTAssertTrue(cards.contains("data-card-id=\"\(id)\""), id)
            XCTAssertTrue(cards.contains("<div class=\"card-id\">\(id)</div>"), id)
        }
        XCTAssertEqual(cards.components(separatedBy: "<div class=\"card\" ").count - 1, 7)

        // Math reaches KaTeX with its underscores (typeset at build time; its MathML keeps the TeX).
        let page = try project.read("normalisation.html")
        XCTAssertTrue(page.contains("<span class=\"math inline\"><span class=\"katex\">"), page)
        XCTAssertTrue(page.contains("<annotation encoding=\"application/x-tex\">\\mu_{batch}</annotation>"), page)
        XCTAssertTrue(page.contains("<annotation encoding=\"application/x-tex\">\\sigma^2_{batch}</annotation>"), page)
        XCTAssertTrue(cards.contains("<annotation encoding=\"application/x-tex\">\\mu_{batch}</annotation>"))
        XCTAssertTrue(try project.read("imported/heading-notes.html").contains("\\mu_{batch}"))
        XCTAssertTrue(try project.read("imported/deck-cards.html").contains("\\sigma^2_{batch}"))

        // Pages in folders load the assets through the right relative path.
        let nested = try project.read("activations/basics.html")
        XCTAssertTrue(nested.contains("href=\"../assets/katex/katex.min.css\""), nested)
        // Math is typeset at build time: pages need no KaTeX script to show it.
        XCTAssertFalse(nested.contains("katex.min.js"), nested)
        XCTAssertTrue(nested.contains("let</span> x = <span class=\"tok-number\">1</span> &lt; <span class=\"tok-number\">2</span>"), nested)
    }

    /// A card's links and images are relative to the page it is on: its notebook's page (in a folder or
    /// not) and the cards and review pages at the site root, which load `cards/PAGE.js`. (A page at the
    /// root gives its cards' HTML to the cards part as rendered; one in a folder renders them again.)
    func testCardLinksAreRelativeToThePagesShowingThem() throws {
        let project = try Project(self)
        let card = { (link: String) in "::: card {#c}\nSee [it](\(link)) and ![plot](plot.png).\n---\nBack.\n:::\n" }
        try project.write("notebooks/plot.png", "not really a PNG")
        try project.write("notebooks/a.md", "# A\n\n" + card("sub/b.md"))
        try project.write("notebooks/sub/b.md", "# B\n\n" + card("../a.md").replacingOccurrences(of: "{#c}", with: "{#d}")
                                                           .replacingOccurrences(of: "(plot.png)", with: "(../plot.png)"))
        XCTAssertEqual(try project.build().diagnostics.filter { $0.severity == .error }, [])
        XCTAssertTrue(try project.read("a.html").contains("<a href=\"sub/b.html\">it</a>"))
        XCTAssertTrue(try project.read("sub/b.html").contains("<a href=\"../a.html\">it</a>"))
        let fromRoot = try project.read("cards/a.js") + project.read("cards/sub/b.js")
        XCTAssertTrue(fromRoot.contains("<a href=\\\"sub/b.html\\\">it</a>"), fromRoot)
        XCTAssertTrue(fromRoot.contains("<a href=\\\"a.html\\\">it</a>"), fromRoot)
        XCTAssertFalse(fromRoot.contains("../"), fromRoot)
        XCTAssertTrue(try project.read("sub/b.html").contains("src=\"../media/"))
        XCTAssertEqual(fromRoot.components(separatedBy: "src=\\\"media/").count - 1, 2, fromRoot)
    }

    func testNothingIsLoadedFromTheInternet() throws {
        let project = try Project(self)
        try project.write("notebooks/a.md", normalisation + "\n![remote](https://example.org/x.png) [a link](https://example.org)\n")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("heading-notes.md"), to: project.notebooks.appendingPathComponent("h.md"))
        let (_, diagnostics) = try project.build()
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        let files = project.files()
        XCTAssertTrue(files.contains("assets/katex/katex.min.css"))
        var scanned = 0
        for file in files where file.hasSuffix(".html") || file.hasSuffix(".css") || file.hasSuffix(".js") && !file.contains("katex") {
            let text = try project.read(file)
            scanned += 1
            // <script src>, <link href>, <img src>, <iframe src> …: anything that the browser loads by itself.
            for pattern in [#"<(script|link|img|iframe|source|audio|video|embed|object)\b[^>]*\b(src|href|data)\s*=\s*["']?\s*(https?:)?//"#,
                            #"url\(\s*["']?\s*(https?:)?//"#, #"@import\s+["']?\s*(url\()?\s*["']?(https?:)?//"#] {
                let hit = text.range(of: pattern, options: [.regularExpression, .caseInsensitive])
                XCTAssertNil(hit, "\(file): \(hit.map { String(text[$0]) } ?? "")")
            }
        }
        XCTAssertGreaterThanOrEqual(scanned, 5)
        // The remote image is not loaded (and is a warning): it is a link to it with its alt text; the ordinary link stays a link.
        let page = try project.read("a.html")
        XCTAssertFalse(page.contains("<img src=\"https://example.org/x.png"))
        XCTAssertTrue(page.contains("<a class=\"image-link\" href=\"https://example.org/x.png\">remote</a>"), page)
        XCTAssertTrue(page.contains("<a href=\"https://example.org\">a link</a>"))
        XCTAssertTrue(diagnostics.contains { $0.severity == .warning && $0.message.contains("remote image") })
    }

    func testKaTeXIsCopiedAsRealFiles() throws {
        try requireRealPart(FileManager.default.fileExists(atPath: "/usr/share/javascript/katex/katex.min.js"),
                            "libjs-katex is not installed")
        let project = try Project(self)
        try project.write("notebooks/a.md", "# A\n\n$x_1$\n")
        let (_, diagnostics) = try project.build()
        XCTAssertEqual(diagnostics, [])
        let fm = FileManager.default
        for file in ["assets/katex/katex.min.js", "assets/katex/katex.min.css", "assets/tally.css", "assets/tally.js"] {
            let path = project.site.appendingPathComponent(file).path
            let attributes = try fm.attributesOfItem(atPath: path)  // lstat: a symlink shows as one
            XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeRegular, file)
            XCTAssertGreaterThan((attributes[.size] as? NSNumber)?.intValue ?? 0, 100, file)
        }
        // Every font the KaTeX stylesheet names is there.
        let css = try project.read("assets/katex/katex.min.css")
        let regex = try NSRegularExpression(pattern: #"url\((fonts/[^)]+)\)"#)
        let fonts = Set(regex.matches(in: css, range: NSRange(css.startIndex..., in: css)).map { String(css[Range($0.range(at: 1), in: css)!]) })
        XCTAssertGreaterThan(fonts.count, 10)
        for font in fonts {
            XCTAssertTrue(project.exists("assets/katex/\(font)"), font)
        }
        // WOFF2 only: the stylesheet names no other format, and the site holds exactly the fonts it names.
        XCTAssertTrue(fonts.allSatisfy { $0.hasSuffix(".woff2") }, "\(fonts)")
        XCTAssertFalse(css.contains("format('woff')") || css.contains("truetype"))
        let shipped = Set(try fm.contentsOfDirectory(atPath: project.site.appendingPathComponent("assets/katex/fonts").path).map { "fonts/" + $0 })
        XCTAssertEqual(shipped, fonts)
    }

    /// Each `@font-face` source list keeps its WOFF2 source; a list without one is left as it is, so
    /// every address the stylesheet names is a font that is copied (`SiteAssets.fontFiles`).
    func testKaTeXStylesheetKeepsTheWOFF2SourceOfEachFont() {
        let css = "@font-face{font-family:A;src:url(fonts/A.woff2) format('woff2'),url(fonts/A.woff) format('woff'),url(fonts/A.ttf) format('truetype');font-weight:400}"
            + "@font-face{font-family:B;src:url(\"fonts/B.woff\") format(\"woff\"),url(\"fonts/B.woff2\") format(\"woff2\")}"
            + "@font-face{font-family:C;src:url(fonts/C.ttf) format('truetype')}.katex{font:normal 1.21em KaTeX_Main,Times New Roman,serif}"
        let cut = SiteAssets.woff2Only(css)
        XCTAssertEqual(cut, "@font-face{font-family:A;src:url(fonts/A.woff2) format('woff2');font-weight:400}"
                       + "@font-face{font-family:B;src:url(\"fonts/B.woff2\") format(\"woff2\")}"
                       + "@font-face{font-family:C;src:url(fonts/C.ttf) format('truetype')}.katex{font:normal 1.21em KaTeX_Main,Times New Roman,serif}")
        XCTAssertEqual(SiteAssets.fontFiles(cut), ["fonts/A.woff2", "fonts/B.woff2", "fonts/C.ttf"])
    }

    func testImageOutsideTheProjectIsAnErrorAndNothingIsCopied() throws {
        let project = try Project(self)
        try project.write("notebooks/img/ok.png", "PNGDATA")
        // The project is the working directory: anything above it is off limits.
        try project.write("notebooks/a.md", "# A\n\n![p](../../etc/passwd)\n\n![s](../../secret.txt)\n\n![s2](img/../../../secret.txt)\n\n![ok](img/ok.png)\n")
        let (_, diagnostics) = try project.build()
        let errors = diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(Set(errors.map(\.location.line)), [3, 5, 7], "\(errors)")
        XCTAssertTrue(errors.allSatisfy { $0.location.file.hasSuffix("a.md") && $0.message.contains("outside the project") }, "\(errors)")
        let copied = project.files().filter { $0.hasPrefix("media/") }
        XCTAssertEqual(copied.count, 1, "\(copied)")
        guard copied.count == 1 else { return }
        XCTAssertTrue(copied[0].hasSuffix("ok.png"))
        XCTAssertEqual(try project.read(copied[0]), "PNGDATA")
        for file in project.files() where !file.hasPrefix("assets/katex") {
            let text = (try? project.read(file)) ?? ""
            XCTAssertFalse(text.contains("root:x:0:0"), file)
            XCTAssertFalse(text.contains("top secret"), file)
        }
        let page = try project.read("a.html")
        XCTAssertFalse(page.contains("passwd\""), page)
        XCTAssertTrue(page.contains("<img src=\"\(copied[0])\""), page)
    }

    func testAbsoluteAndEncodedPathsLeavingTheProjectAreRefused() throws {
        let project = try Project(self)
        try project.write("notebooks/a.md", "![a](/etc/passwd)\n\n![b](..%2F..%2F..%2Fetc%2Fpasswd)\n\n![c](file:///etc/passwd)\n")
        let (_, diagnostics) = try project.build()
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.location.line), [1, 3])
        XCTAssertEqual(diagnostics.filter { $0.severity == .warning }.map(\.location.line), [5])
        XCTAssertFalse(project.files().contains { $0.hasPrefix("media/") })
        XCTAssertFalse(try project.read("a.html").contains("passwd"))
    }

    func testSymlinkLeavingTheProjectIsRefused() throws {
        let project = try Project(self)
        let outside = try TemporaryProject(self, prefix: "tally-outside").write("outside.png", "OUTSIDE")
        try FileManager.default.createSymbolicLink(at: project.notebooks.appendingPathComponent("link.png"), withDestinationURL: outside)
        try project.write("notebooks/a.md", "![l](link.png)\n")
        let (_, diagnostics) = try project.build()
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.count, 1)
        XCTAssertFalse(project.files().contains { $0.hasPrefix("media/") })
    }

    func testCustomTemplateOverridesOneTemplate() throws {
        let project = try Project(self)
        try project.write("notebooks/a.md", normalisation)
        try project.write("templates/index.mustache", "<p class=\"custom-index\">{{notebookCount}} books</p>\n{{#notebooks}}<i>{{title}}={{cardCount}}</i>{{/notebooks}}\n")
        _ = try project.build(templates: project.base.appendingPathComponent("templates"))
        let index = try project.read("index.html")
        XCTAssertTrue(index.contains("<p class=\"custom-index\">1 books</p>"), index)
        XCTAssertTrue(index.contains("<i>Normalisation=2</i>"), index)
        XCTAssertFalse(index.contains("<table class=\"notebooks\">"), index)
        // The other templates are still the built-in ones.
        XCTAssertTrue(index.contains("<nav class=\"sidebar\">"), index)
        XCTAssertTrue(try project.read("cards.html").contains("<h1>All cards</h1>"))
    }

    func testTemplateValuesAreEscaped() throws {
        let project = try Project(self)
        try project.write("notebooks/a.md", "---\ntitle: \"<script>alert(1)</script>\"\n---\ntext\n")
        _ = try project.build()
        for page in ["index.html", "a.html"] {
            XCTAssertFalse(try project.read(page).contains("<script>alert"), page)
        }
    }

    func testBrokenNotebookIsLeftOutAndTheOthersBuild() throws {
        let project = try Project(self)
        try project.write("notebooks/good.md", normalisation)
        try project.write("notebooks/bad.md", "# Bad\n\n::: card {#x}\nfront\n---\nback\n")
        let (sources, diagnostics) = try project.build()
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.location.line), [3])
        XCTAssertEqual(sources.publishable.count, 1)
        XCTAssertTrue(project.exists("good.html"))
        XCTAssertFalse(project.exists("bad.html"))
        XCTAssertFalse(try project.read("index.html").contains("bad.html"))
    }

    func testRawHTMLOnlyWithOptIn() throws {
        let project = try Project(self)
        try project.write("notebooks/plain.md", "# P\n\n<b class=\"raw\">x</b>\n")
        try project.write("notebooks/opted.md", "---\nunsafe-html: true\n---\n# O\n\n<b class=\"raw\">x</b>\n")
        _ = try project.build()
        XCTAssertFalse(try project.read("plain.html").contains("<b class=\"raw\">"))
        XCTAssertTrue(try project.read("opted.html").contains("<b class=\"raw\">"))
    }

    func testClozeCardsShowABlankOnTheFrontAndTheAnswerOnTheBack() throws {
        let project = try Project(self)
        try project.write("notebooks/c.md", "::: card {#cz}\nReLU is {{c1::max(0, x)}} and {{c2::cheap::cost}}.\n---\nExtra.\n:::\n")
        _ = try project.build()
        let page = try project.read("c.html")
        let front = page.components(separatedBy: "<div class=\"front\">")[1].components(separatedBy: "</div>")[0]
        let back = page.components(separatedBy: "<div class=\"back\">")[1].components(separatedBy: "</div>")[0]
        XCTAssertTrue(front.contains("[…]") && front.contains("[cost]"), front)
        XCTAssertFalse(front.contains("max(0, x)") || front.contains("{{c"), front)
        XCTAssertTrue(back.contains("<span class=\"cloze revealed\">max(0, x)</span>") && back.contains("Extra."), back)
        XCTAssertFalse(back.contains("{{c"), back)
    }

    func testClozeInsideAFormulaIsABlankThenTheAnswer() throws {
        let project = try Project(self)
        try project.write("notebooks/m.md", "::: card {#m}\n$p_i = {{c1::\\frac{e^{z_i}}{\\sum_j e^{z_j}}}}$ and $a^2 + {{c2::b::leg}}^2$\n---\n:::\n")
        _ = try project.build()
        let page = try project.read("m.html")
        let front = page.components(separatedBy: "<div class=\"front\">")[1].components(separatedBy: "</div>")[0]
        let back = page.components(separatedBy: "<div class=\"back\">")[1].components(separatedBy: "</div>")[0]
        XCTAssertTrue(front.contains("<span class=\"math inline\">p_i = [\\dots]</span>"), front)
        XCTAssertTrue(front.contains("<span class=\"math inline\">a^2 + [\\text{leg}]^2</span>"), front)
        XCTAssertTrue(back.contains("<span class=\"math inline\">p_i = \\boxed{\\frac{e^{z_i}}{\\sum_j e^{z_j}}}</span>"), back)
        XCTAssertFalse((front + back).contains("{{c"))
    }

    func testAFormulaInsideAClozeIsBlankedWholeThenShown() throws {
        let project = try Project(self)
        try project.write("notebooks/f.md", "::: card {#f}\nThe derivative of $\\ln x$ is {{c1::$\\frac{1}{x}$::a fraction}}.\n---\n:::\n")
        _ = try project.build()
        let page = try project.read("f.html")
        let front = page.components(separatedBy: "<div class=\"front\">")[1].components(separatedBy: "</div>")[0]
        let back = page.components(separatedBy: "<div class=\"back\">")[1].components(separatedBy: "</div>")[0]
        XCTAssertTrue(front.contains("<span class=\"cloze\">[a fraction]</span>") && !front.contains("\\frac"), front)
        // The formula is typeset at build time; KaTeX keeps its TeX in the MathML annotation.
        XCTAssertTrue(back.contains("<span class=\"cloze revealed\"><span class=\"math inline\"><span class=\"katex\">"), back)
        XCTAssertTrue(back.contains("<annotation encoding=\"application/x-tex\">\\frac{1}{x}</annotation>"), back)
    }

    func testAnEmptyNotebookBuildsWithAWarningAtLine1() throws {
        let project = try Project(self)
        try project.write("notebooks/empty.md", "")
        try project.write("notebooks/blank.md", "\n  \n")
        try project.write("notebooks/full.md", "# Full\n\nText.\n")
        let (_, diagnostics) = try project.build()
        XCTAssertEqual(diagnostics.filter { $0.severity != .note }.map(\.description).sorted(), [
            "notebooks/blank.md:1:1: warning: the notebook is empty: its page has nothing to show [empty-notebook]",
            "notebooks/empty.md:1:1: warning: the notebook is empty: its page has nothing to show [empty-notebook]",
        ])
        XCTAssertTrue(project.exists("empty.html"))
    }

    /// A template that does not parse names the file, line and column of the fault and says what is wrong.
    func testATemplateThatDoesNotParseSaysWhereAndWhy() throws {
        let project = try Project(self)
        try project.write("notebooks/a.md", "# A\n")
        let cases: [(template: String, expected: String)] = [
            ("<div>\n<p>\n<span>{{#hidden}}never closed</span>\n</div>\n",
             "notebook.mustache:3:7: error: section 'hidden' is never closed (it needs '{{/hidden}}') [template]"),
            ("<div>\n  <p>{{#open}</p>\n</div>\n",
             "notebook.mustache:2:6: error: tag '{{#open' is not finished: a tag ends with '}}' [template]"),
            ("{{#outer}}\n{{#inner}}x{{/outer}}{{/inner}}\n",
             "notebook.mustache:2:12: error: '{{/outer}}' does not close the open section 'inner' (line 2) [template]"),
        ]
        for (template, expected) in cases {
            let file = try project.write("templates/notebook.mustache", template)
            XCTAssertThrowsError(try TemplateSet(folder: file.deletingLastPathComponent())) { error in
                let description = (error as? Diagnostic)?.description ?? "\(error)"
                XCTAssertTrue(description.hasSuffix(expected), description)
                XCTAssertTrue(description.hasPrefix(file.deletingLastPathComponent().path) || description.hasPrefix("templates/"), description)
            }
        }
    }
}

final class AtomicFolderTests: XCTestCase {
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return result }
        for case let path as String in walker {
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            result[path] = isDirectory.boolValue ? Data() : try Data(contentsOf: url)
        }
        return result
    }

    private struct HalfWay: Error {}

    func testFailedWriteLeavesThePreviousFolderByteIdentical() throws {
        let base = try TemporaryProject(self, prefix: "tally-atomic").root
        let target = base.appendingPathComponent("site")
        let folder = AtomicFolder(target)
        try folder.replace { dir in
            try Data("old index".utf8).write(to: dir.appendingPathComponent("index.html"))
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
            try Data([0, 1, 2, 255]).write(to: dir.appendingPathComponent("sub/page.bin"))
        }
        let before = try snapshot(target)
        XCTAssertEqual(before.count, 3)

        XCTAssertThrowsError(try folder.replace { dir in
            try Data("new index".utf8).write(to: dir.appendingPathComponent("index.html"))
            try Data("half".utf8).write(to: dir.appendingPathComponent("extra.html"))
            throw HalfWay()
        }) { XCTAssertTrue($0 is HalfWay) }
        XCTAssertEqual(try snapshot(target), before)
        // No staging folder is left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: base.path).filter { $0.contains(".tmp-") || $0.contains(".old-") }
        XCTAssertEqual(leftovers, [])
    }

    func testSuccessfulWriteReplacesTheWholeFolder() throws {
        let base = try TemporaryProject(self, prefix: "tally-atomic").root
        let target = base.appendingPathComponent("out/site")
        try AtomicFolder(target).replace { try Data("1".utf8).write(to: $0.appendingPathComponent("old.html")) }
        try AtomicFolder(target).replace { try Data("2".utf8).write(to: $0.appendingPathComponent("new.html")) }
        XCTAssertEqual(try snapshot(target), ["new.html": Data("2".utf8)])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path).filter { $0.contains(".tmp-") || $0.contains(".old-") }
        XCTAssertEqual(leftovers, [])
    }

    /// With a spare, the folder replaced is kept and handed to the build after next, which sees what it held;
    /// a write that fails in it leaves the target as it was and the spare gone (the next build starts empty).
    func testTheFolderReplacedIsKeptAsTheSpareForTheBuildAfterNext() throws {
        let base = try TemporaryProject(self, prefix: "tally-atomic").root
        let target = base.appendingPathComponent("out/site")
        var seen: [(reused: Bool, files: [String])] = []
        func build(_ name: String, fail: Bool = false) throws {
            try AtomicFolder(target).replace(keepingSpare: true, { folder, reused in
                seen.append((reused, try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()))
                for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                    try FileManager.default.removeItem(at: folder.appendingPathComponent(file))
                }
                try Data(name.utf8).write(to: folder.appendingPathComponent(name + ".html"))
                if fail { throw HalfWay() }
            })
        }
        try build("one")
        try build("two")
        try build("three")
        XCTAssertEqual(seen.map(\.reused), [false, false, true])
        XCTAssertEqual(seen[2].files, ["one.html"], "the build after next writes over the first build's folder")
        XCTAssertEqual(try snapshot(target), ["three.html": Data("three".utf8)])
        let spare = base.appendingPathComponent("out/.site.spare")
        XCTAssertEqual(try snapshot(spare), ["two.html": Data("two".utf8)])

        XCTAssertThrowsError(try build("four", fail: true)) { XCTAssertTrue($0 is HalfWay) }
        XCTAssertEqual(try snapshot(target), ["three.html": Data("three".utf8)])
        XCTAssertFalse(FileManager.default.fileExists(atPath: spare.path))
        try build("five")
        XCTAssertEqual(seen.last?.reused, false)
        XCTAssertEqual(try snapshot(target), ["five.html": Data("five".utf8)])

        // A replace without a spare deletes the one left.
        try AtomicFolder(target).replace { try Data("6".utf8).write(to: $0.appendingPathComponent("six.html")) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: spare.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: base.appendingPathComponent("out").path)
            .filter { $0.contains(".tmp-") || $0.contains(".old-") }
        XCTAssertEqual(leftovers, [])
    }

    /// A reused folder ends with exactly what the build placed: a file linked as it should be is kept, one that
    /// differs is replaced without writing through it (it may be a link into the cache), and the rest goes.
    func testAReusedSiteFolderEndsWithExactlyWhatWasPlaced() throws {
        let base = try TemporaryProject(self, prefix: "tally-site-folder")
        let keptFolder = base.url("cache")
        try base.write("cache/a.page", "page A")
        try base.write("cache/b.page", "page B")
        try base.write("cache/old.page", "old page")
        // The folder as an earlier build left it.
        let site = base.url("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("cards"), withIntermediateDirectories: true)
        XCTAssertEqual(link(keptFolder.appendingPathComponent("a.page").path, site.appendingPathComponent("a.html").path), 0)
        XCTAssertEqual(link(keptFolder.appendingPathComponent("old.page").path, site.appendingPathComponent("b.html").path), 0)
        XCTAssertEqual(link(keptFolder.appendingPathComponent("old.page").path, site.appendingPathComponent("index.html").path), 0)
        try base.write("site/cards/gone.js", "gone")
        try base.write("site/media", "a file where a folder goes")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("empty/deeper"), withIntermediateDirectories: true)
        var before = stat()
        XCTAssertEqual(stat(site.appendingPathComponent("a.html").path, &before), 0)

        let files = SiteFolder(site, reused: true)
        let kept = SiteFolder.KeptFolder(keptFolder)
        try files.link("a.page", in: kept, to: "a.html")
        try files.link("b.page", in: kept, to: "b.html")
        try files.write("new index", to: "index.html")
        try files.copy(keptFolder.appendingPathComponent("b.page"), to: "media/b.png")
        files.finish()

        XCTAssertEqual(try snapshot(site), ["a.html": Data("page A".utf8), "b.html": Data("page B".utf8),
                                            "index.html": Data("new index".utf8), "media": Data(), "media/b.png": Data("page B".utf8)])
        var after = stat()
        XCTAssertEqual(stat(site.appendingPathComponent("a.html").path, &after), 0)
        XCTAssertEqual(after.st_ino, before.st_ino, "a file already as it should be is kept")
        XCTAssertEqual(try String(contentsOf: keptFolder.appendingPathComponent("old.page"), encoding: .utf8), "old page",
                       "the index was written as a new file, not through its link to a kept page")
    }

    func testFailedFirstWriteCreatesNothing() throws {
        let base = try TemporaryProject(self, prefix: "tally-atomic").root
        let target = base.appendingPathComponent("site")
        XCTAssertThrowsError(try AtomicFolder(target).replace { dir in
            try Data("x".utf8).write(to: dir.appendingPathComponent("a.html"))
            throw HalfWay()
        })
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
    }
}

private extension URL {
    func creatingParent() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}

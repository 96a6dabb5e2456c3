import Foundation
import XCTest
import TallyTestSupport
import TallyDocument
@testable import TallySite

/// Every formula is typeset by KaTeX (Debian's libjs-katex under Node) when the site is built: pages
/// carry KaTeX's HTML and MathML, and a formula KaTeX rejects is a diagnostic at its line. The expected
/// values are KaTeX's documented behaviour (its error messages, `\mathbf` → `mathbf` spans, macros
/// made by `\newcommand`/`\gdef` persisting within one page), not Tally's output pasted back.
final class MathAtBuildTimeTests: XCTestCase {
    override func setUpWithError() throws {
        if KaTeXProcess.findNode() == nil || !FileManager.default.fileExists(atPath: KaTeXProcess.katexScript.path) {
            try missingRealPart("nodejs or libjs-katex is not installed (make test installs them)")
        }
    }

    /// `tally serve` keeps Node running between builds: the second build reuses the first's process, and a
    /// macro one page defines does not leak into the next build's page (each request starts afresh).
    func testKeptProcessesAreReusedAndStartEachPageAfresh() throws {
        let project = try Project(self)
        try project.write("notebooks/a.md", "# A\n\n$\\gdef\\Vt{\\mathbf{v}}$ and $\\Vt^n$.\n")
        var sources = try SourceLoader.load(paths: [project.notebooks.path], workingDirectory: project.base)
        let processes = KaTeXProcesses()
        defer { processes.close() }
        let first = TypesetMath(notebooks: sources.notebooks, sources: sources, strict: false, processes: processes)
        XCTAssertEqual(first.diagnostics, [])
        let kept = processes.kept
        XCTAssertEqual(kept.count, 1, "the process is kept after the build")

        try project.write("notebooks/a.md", "# A\n\n$\\Vt^n$ undefined here.\n")
        sources = try SourceLoader.load(paths: [project.notebooks.path], workingDirectory: project.base)
        let second = TypesetMath(notebooks: sources.notebooks, sources: sources, strict: false, processes: processes)
        XCTAssertEqual(processes.kept, kept, "the same process served the second build")
        XCTAssertEqual(second.diagnostics.map(\.rule), [.math], "\\Vt (KaTeX has no such macro) is not defined on this page: \(second.diagnostics)")
        XCTAssertTrue(second.diagnostics.first?.message.contains("Undefined control sequence") ?? false, "\(second.diagnostics)")
        processes.close()
        XCTAssertTrue(processes.kept.isEmpty)
    }

    func testARejectedFormulaIsAWarningAtItsLineWithKaTeXsMessage() throws {
        let project = try Project(self)
        // Line 5, column 10: the `$` that opens the broken formula.
        try project.write("notebooks/half.md", "# Halves\n\nA half is $\\frac{1}{2}$.\n\nWritten as $\\frac{1}{2$ it breaks.\n")
        let (_, diagnostics) = try project.build()
        let math = diagnostics.filter { $0.rule == .math }
        XCTAssertEqual(math.count, 1, "\(diagnostics)")
        let diagnostic = try XCTUnwrap(math.first)
        XCTAssertEqual(diagnostic.severity, .warning)
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "notebooks/half.md", line: 5, column: 12))
        XCTAssertTrue(diagnostic.message.hasPrefix("KaTeX: "), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("expected '}'"), diagnostic.message)
        XCTAssertTrue(diagnostic.description.hasSuffix("[math]"), diagnostic.description)

        // The page shows the TeX, marked, with KaTeX's message; never KaTeX's red error rendering.
        let page = try project.read("half.html")
        XCTAssertTrue(page.contains("<span class=\"math inline math-error\" title=\"KaTeX: "), page)
        XCTAssertTrue(page.contains("<code>\\frac{1}{2</code>"), page)
        XCTAssertFalse(page.contains("katex-error"), page)
        // The good formula is typeset, with its MathML for screen readers.
        XCTAssertTrue(page.contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\">"), page)

        // --strict-math makes it an error.
        let sources = try SourceLoader.load(paths: [project.notebooks.path], workingDirectory: project.base)
        var strict = SiteBuilder(sources: sources, templates: try TemplateSet(folder: nil))
        strict.strictMath = true
        XCTAssertEqual(try strict.build(into: project.site).filter { $0.rule == .math }.map(\.severity), [.error])
    }

    func testMacrosDefinedInAFormulaApplyToTheLaterFormulasOfThatPageAndItsCards() throws {
        let project = try Project(self)
        try project.write("notebooks/vectors.md", """
        # Vectors

        $$\\newcommand{\\vect}[1]{\\mathbf{#1}}\\gdef\\NN{\\mathbb{N}}\\def\\half{\\tfrac12}$$

        A vector $\\vect{v}$ indexed by $\\NN$, scaled by $\\half$.

        $$\\renewcommand{\\vect}[1]{\\boldsymbol{#1}}$$

        Now $\\vect{w}$ is bold italic.

        ::: card {#vect}
        How is $\\vect{u}$ written?
        ---
        In bold, over $\\NN$.
        :::

        """)
        // Another page does not see them.
        try project.write("notebooks/other.md", "# Other\n\n$\\vect{x}$\n")
        let (_, diagnostics) = try project.build()
        let math = diagnostics.filter { $0.rule == .math }
        XCTAssertEqual(math.map(\.location.file), ["notebooks/other.md"], "\(diagnostics)")
        XCTAssertTrue(math.first?.message.contains("Undefined control sequence: \\vect") ?? false, "\(math)")

        let page = try project.read("vectors.html")
        XCTAssertFalse(page.contains("math-error"), page)
        XCTAssertTrue(Self.typesets(page, "mathbf", "v"), page)   // \vect as first defined
        XCTAssertTrue(Self.typesets(page, "mathbb", "N"), page)   // \gdef
        XCTAssertTrue(Self.typesets(page, "boldsymbol", "w"), page) // \renewcommand, later on
        // The card's formulas use the page's macros, on the page and on the cards and review pages.
        XCTAssertTrue(Self.typesets(try project.read("vectors.html"), "boldsymbol", "u"))
        XCTAssertTrue(Self.typesets(try project.cardsHTML(), "boldsymbol", "u"), "cards/vectors.js")
    }

    func testFrontMatterMacrosAndTheProjectMacrosFile() throws {
        let project = try Project(self)
        try project.write("notebooks/macros.tex", "\\newcommand{\\E}{\\mathbb{E}}\n")
        try project.write("notebooks/a.md", "---\nmacros:\n  RR: \\mathbb{R}\n---\n# A\n\n$\\E[x] \\in \\RR$\n")
        try project.write("notebooks/b.md", "# B\n\n$\\E[y]$ and $\\RR$\n")
        let (_, diagnostics) = try project.build()
        // b.md has the project's macros but not a.md's front matter.
        XCTAssertEqual(diagnostics.filter { $0.rule == .math }.map(\.location),
                       [SourceLocation(file: "notebooks/b.md", line: 3, column: 13)], "\(diagnostics)")
        let a = try project.read("a.html")
        XCTAssertFalse(a.contains("math-error"), a)
        XCTAssertTrue(Self.typesets(a, "mathbb", "E"), a)
        XCTAssertTrue(Self.typesets(a, "mathbb", "R"), a)
        XCTAssertTrue(Self.typesets(try project.read("b.html"), "mathbb", "E"))
    }

    func testMathInHeadingsAndTitlesIsTypesetInNavigationAndReadAsTextInTitlesAndSearch() throws {
        let project = try Project(self)
        try project.write("notebooks/sched.md", """
        ---
        title: Decay of $\\beta_1$
        ---
        # The $\\sigma$ function

        Text.

        ## Gradient of $\\mathcal{L}$ w.r.t. $z_i$

        More text.

        ## Second section

        Text.

        """)
        try project.write("notebooks/plain.md", "# The $\\tanh$ curve\n\nText.\n\n## Its slope $\\tanh'$\n\nMore.\n")
        let (_, diagnostics) = try project.build()
        XCTAssertEqual(diagnostics.filter { $0.severity != .note }, [])

        let sched = try project.read("sched.html")
        // <title>: clean text, no TeX.
        XCTAssertTrue(sched.contains("<title>Decay of β1 · Tally</title>"), sched)
        XCTAssertTrue(try project.read("plain.html").contains("<title>The tanh curve · Tally</title>"))
        // "On this page" and the sidebar's sections typeset the heading's math.
        let toc = try XCTUnwrap(sched.range(of: #"<nav class="toc"[\s\S]*?</nav>"#, options: .regularExpression).map { String(sched[$0]) })
        XCTAssertTrue(toc.contains("Gradient of <span class=\"math inline\"><span class=\"katex\">"), toc)
        XCTAssertFalse(toc.contains("$"), toc)
        let sections = try XCTUnwrap(sched.range(of: #"<ul class="sections">[\s\S]*?</ul>"#, options: .regularExpression).map { String(sched[$0]) })
        XCTAssertTrue(sections.contains("<span class=\"katex\">"), sections)
        XCTAssertFalse(sections.contains("\\mathcal{L}</a>"), sections)
        // The sidebar and the index show the titles typeset.
        let index = try project.read("index.html")
        XCTAssertTrue(index.contains("<a href=\"sched.html\">Decay of <span class=\"math inline\"><span class=\"katex\">"), index)
        XCTAssertTrue(index.contains("<a href=\"plain.html\">The <span class=\"math inline\"><span class=\"katex\">"), index)
        // Search shows headings and titles as text.
        let search = try SiteParts.searchScripts(in: project.site)
        XCTAssertTrue(search.contains("\"title\":\"The σ function\""), search)
        XCTAssertTrue(search.contains("\"title\":\"Gradient of L w.r.t. zi\""), search)
        XCTAssertTrue(search.contains("\"notebook\":\"Decay of β1\""), search)
        XCTAssertFalse(search.contains("\\\\sigma"), search)
    }

    /// KaTeX's answers are kept in the cache file between builds and served from it: an answer planted
    /// in the file comes out on the page (so a rebuild with nothing new doesn't typeset again).
    func testKaTeXsAnswersAreKeptBetweenBuilds() throws {
        let project = try Project(self)
        try project.write("notebooks/a.md", "# A\n\n$\\frac{1}{2}$ and $x^2$\n")
        let cache = project.base.appendingPathComponent("cache/\(TypesetMath.cacheFileName)")
        let sources = try SourceLoader.load(paths: [project.notebooks.path], workingDirectory: project.base)
        var builder = SiteBuilder(sources: sources, templates: try TemplateSet(folder: nil))
        builder.mathCacheFile = cache
        XCTAssertEqual(try builder.build(into: project.site), [])
        let first = try project.read("a.html")
        let keys = ["\\frac{1}{2}", "x^2"].map { KaTeXCache.MacroState(macros: [:]).key($0, display: false) }
        XCTAssertEqual(keys.map { KaTeXCache(file: cache).answer($0) != nil }, [true, true])
        XCTAssertEqual(try builder.build(into: project.site), [])
        XCTAssertEqual(try project.read("a.html"), first, "the same page from the cache")

        try FileManager.default.removeItem(at: cache)
        let planted = KaTeXCache(file: cache)
        let answer = KaTeXProcess.Answer(result: .init(html: "<b class=\"planted\">from the cache</b>", text: "planted"))
        planted.record(notebook: "notebooks/a.md", keys: keys, answers: [keys[0]: answer, keys[1]: answer])
        planted.save(keeping: ["notebooks/a.md"])
        XCTAssertEqual(try builder.build(into: project.site), [])
        XCTAssertEqual(try project.read("a.html").components(separatedBy: "<b class=\"planted\">from the cache</b>").count - 1, 2)
    }

    func testWithoutNodeMathIsLeftToTheBrowserWithAWarning() throws {
        setenv("TALLY_NODE", "/nonexistent/node", 1)
        defer { unsetenv("TALLY_NODE") }
        let project = try Project(self)
        try project.write("notebooks/a.md", "# A\n\n$x^2$\n")
        let (_, diagnostics) = try project.build()
        XCTAssertEqual(diagnostics.map(\.rule), [.katexMissing], "\(diagnostics)")
        let page = try project.read("a.html")
        XCTAssertTrue(page.contains("<span class=\"math inline\">x^2</span>"), page)
        XCTAssertTrue(page.contains("src=\"assets/katex/katex.min.js\""), page)
    }

    /// Whether KaTeX's HTML in `html` sets `letter` in `font` (`\mathbf{v}` is `<span class="mord mathbf" …>v</span>`).
    static func typesets(_ html: String, _ font: String, _ letter: String) -> Bool {
        html.range(of: "<span class=\"mord \(font)\"[^>]*>\(letter)</span>", options: .regularExpression) != nil
    }
}

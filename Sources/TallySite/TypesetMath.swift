import Foundation
import TallyDocument
import TallyHTML

/// Every formula of a build typeset once, at build time, by KaTeX under Node (`KaTeXProcess`): pages
/// then show math without JavaScript, print it right, and a formula KaTeX rejects is a diagnostic
/// (`x.md:5:10: warning: KaTeX: Expected '}' … [math]`) instead of red text in a browser.
///
/// Macros: a project's `macros.tex` (in the notebooks' root folder) and a notebook's `macros:` front
/// matter are in effect from a page's first formula; `\newcommand`, `\renewcommand`, `\def` and
/// `\gdef` in one formula apply to the later formulas of the same page and its cards.
///
/// When Node or KaTeX is missing, `isAvailable` is false, one `katex-missing` warning says so, and
/// pages leave math to the browser as before.
public struct TypesetMath {
    /// The project-wide macros file, looked up in the notebooks' root folder (`SourceSet.root`).
    public static let macrosFileName = "macros.tex"
    /// The file, in a cache folder, holding KaTeX's answers between builds.
    public static let cacheFileName = "katex.json"

    struct Key: Hashable {
        var location: SourceLocation
        var tex: String
        var display: Bool
    }

    private var results: [Key: KaTeXProcess.Result] = [:]
    /// What KaTeX rejected (rule `math`: warnings, or errors when `strict`), and a missing KaTeX.
    public private(set) var diagnostics: [Diagnostic] = []
    /// False when KaTeX could not run: the renderer then keeps TeX for the browser's KaTeX.
    public private(set) var isAvailable = true
    /// What was reported of each notebook, by path (its formulas and the project's macros).
    private var reportedByNotebook: [String: [Diagnostic]] = [:]

    /// The warning a build gives once when KaTeX can't run (`reason`: what is missing, or why Node failed).
    static func unavailable(_ reason: Any) -> Diagnostic {
        .warning("\(reason): formulas are not checked and are typeset in the browser",
                 at: SourceLocation(file: KaTeXProcess.katexScript.path, line: 1), rule: .katexMissing)
    }

    /// What typesetting `path`'s notebook reported: its rejected formulas, and faults of the project's macros.
    func diagnostics(for path: String) -> [Diagnostic] { reportedByNotebook[path] ?? [] }

    /// Adds the formulas another run typeset (for other notebooks of the same build).
    mutating func merge(_ other: TypesetMath) {
        results.merge(other.results) { mine, _ in mine }
        let known = Set(diagnostics)
        diagnostics += other.diagnostics.filter { !known.contains($0) }
        reportedByNotebook.merge(other.reportedByNotebook) { mine, _ in mine }
        isAvailable = isAvailable && other.isAvailable
    }

    /// Nothing typeset: math is left to the browser.
    public static let none: TypesetMath = {
        var math = TypesetMath()
        math.isAvailable = false
        return math
    }()

    private init() {}

    /// Typesets every formula of `notebooks` (titles, prose and cards). `strict`: a rejected formula is
    /// an error rather than a warning. `cacheFile`: where KaTeX's answers are kept between builds (nil:
    /// this build only). Many formulas are split between several Node processes (one per core, at most
    /// 4), each taking a run of whole notebooks and keeping its own cache file beside `cacheFile`.
    /// `processes`: Node processes kept between builds (`tally serve`); nil: started for this build and ended after it.
    public init(notebooks: [Notebook], sources: SourceSet, strict: Bool, cacheFile: URL? = nil, processes: KaTeXProcesses? = nil) {
        // Each notebook's formulas, collected once: they size the workers' shares and are what they typeset.
        let pages = notebooks.map { Page(notebook: $0, formulas: Self.titleFormulas($0) + MathCollector.formulas(in: $0)) }
        let total = pages.reduce(0) { $0 + $1.formulas.count }
        // Node's start (about 0.1 s) is worth a second process only for thousands of formulas.
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4, total / 2_000, notebooks.count))
        var chunks = Array(repeating: [Page](), count: workers)
        var before = 0
        for page in pages {
            chunks[min(workers - 1, before * workers / max(total, 1))].append(page)
            before += page.formulas.count
        }
        chunks.removeAll { $0.isEmpty && workers > 1 }
        let parts = chunks.enumerated().map { ($0.offset, $0.element) }.concurrentMap { worker, chunk in
            TypesetMath(chunk, sources: sources, strict: strict, processes: processes,
                        cacheFile: worker == 0 ? cacheFile : cacheFile?.deletingPathExtension().appendingPathExtension("\(worker + 1).json"))
        }
        self = parts.first ?? .none
        for part in parts.dropFirst() { merge(part) }
    }

    /// A notebook and the formulas typeset for its page: its title's, then those of its prose and cards.
    private struct Page {
        var notebook: Notebook
        var formulas: [(math: Math, location: SourceLocation)]
    }

    /// One Node process's share: `pages` typeset in order.
    private init(_ pages: [Page], sources: SourceSet, strict: Bool, processes: KaTeXProcesses?, cacheFile: URL?) {
        let process: KaTeXProcess
        do {
            process = try processes?.take(cacheFile: cacheFile) ?? KaTeXProcess(cacheFile: cacheFile)
        } catch {
            isAvailable = false
            diagnostics.append(Self.unavailable(error))
            return
        }
        let projectMacros = Self.projectMacros(sources)
        var reported: Set<Diagnostic> = []
        var healthy = true
        defer { if healthy { processes?.giveBack(process, cacheFile: cacheFile) } }
        for page in pages {
            let notebook = page.notebook
            var formulas: [(math: Math, location: SourceLocation)] = []
            if let projectMacros {
                formulas.append((Math(tex: projectMacros.tex, display: false), projectMacros.location))
            }
            formulas += page.formulas
            let answers: [KaTeXProcess.Result]
            do {
                answers = try process.typeset(formulas.map { .init(tex: $0.math.tex, display: $0.math.display) },
                                              macros: notebook.frontMatter.macros)
            } catch {
                healthy = false
                let failure = Diagnostic.error("\(error)", at: SourceLocation(file: notebook.path, line: 1), rule: .math)
                diagnostics.append(failure)
                reportedByNotebook[notebook.path, default: []].append(failure)
                continue
            }
            for (formula, answer) in zip(formulas, answers) {
                results[Key(location: formula.location, tex: formula.math.tex, display: formula.math.display)] = answer
                guard let message = answer.error else { continue }
                let at = Self.location(of: answer.position, in: formula.math.tex, startingAt: formula.location)
                let text = "KaTeX: \(message)"
                let diagnostic: Diagnostic = strict ? .error(text, at: at, rule: .math) : .warning(text, at: at, rule: .math)
                reportedByNotebook[notebook.path, default: []].append(diagnostic)
                // The project's macros are typeset with every page: report their faults once.
                if reported.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
            }
        }
    }

    // MARK: What pages show

    /// The element for a formula (`HTMLRenderer.typesetMath`): KaTeX's HTML and MathML in a `.math`
    /// element, a rejected formula as its TeX marked `.math-error` with KaTeX's message, or nil when the
    /// formula was not typeset (the renderer then leaves it to the browser).
    func html(_ math: Math, at location: SourceLocation, block: Bool) -> String? {
        guard let result = results[Key(location: location, tex: math.tex, display: math.display)] else { return nil }
        let tag = block ? "div" : "span"
        let kind = math.display ? "display" : "inline"
        if let html = result.html { return "<\(tag) class=\"math \(kind)\">\(html)</\(tag)>" }
        let message = "KaTeX: \(result.error ?? "")".htmlEscaped
        return "<\(tag) class=\"math \(kind) math-error\" title=\"\(message)\"><code>\(math.tex.htmlEscaped)</code></\(tag)>"
    }

    /// A formula as plain text (its typeset reading, "σ(x)" for `\sigma(x)`), or its TeX when it wasn't typeset.
    func text(_ math: Math, at location: SourceLocation) -> String {
        results[Key(location: location, tex: math.tex, display: math.display)]?.text ?? math.tex
    }

    /// Inlines as HTML for contents and navigation (a heading in "On this page", the sidebar): text and
    /// code escaped, formulas typeset, emphasis kept; links and images flattened to their text (the
    /// entry is itself a link).
    func navigationHTML(_ inlines: [Inline]) -> String {
        var visitor = NavigationHTML(math: self)
        return inlines.map { visitor.visit($0) }.joined()
    }

    /// Plain text of inlines with formulas read as text (a page's `<title>`, search).
    func plainText(_ inlines: [Inline]) -> String {
        inlines.plainText(math: { m, location in text(m, at: location) })
    }

    /// A notebook's title as plain text (formulas read as text) and as HTML (formulas typeset).
    func title(of notebook: Notebook) -> (text: String, html: String) {
        if let title = notebook.frontMatter.title, !title.isEmpty {
            let location = Self.titleLocation(notebook)
            var text = "", html = ""
            for piece in MathCollector.titlePieces(title) {
                guard piece.isMath else { text += piece.text; html += piece.text.htmlEscaped; continue }
                let math = Math(tex: piece.text, display: false)
                text += self.text(math, at: location)
                html += self.html(math, at: location, block: false) ?? "<span class=\"math inline\">\(piece.text.htmlEscaped)</span>"
            }
            return (text, html)
        }
        for block in notebook.blocks {
            if case .heading(_, let inlines) = block.kind { return (plainText(inlines), navigationHTML(inlines)) }
        }
        return (notebook.title, notebook.title.htmlEscaped)
    }

    // MARK: Collecting

    /// Formulas in a front-matter title are typeset too (reported at the front matter's first line).
    private static func titleFormulas(_ notebook: Notebook) -> [(math: Math, location: SourceLocation)] {
        guard let title = notebook.frontMatter.title else { return [] }
        return MathCollector.titlePieces(title).filter(\.isMath).map { (Math(tex: $0.text, display: false), titleLocation(notebook)) }
    }

    private static func titleLocation(_ notebook: Notebook) -> SourceLocation {
        SourceLocation(file: notebook.path, line: 1)
    }

    /// `macros.tex` in the notebooks' root folder, as one formula of definitions typeset before every page.
    static func projectMacros(_ sources: SourceSet) -> (tex: String, location: SourceLocation)? {
        let file = sources.root.appendingPathComponent(macrosFileName)
        guard let data = FileManager.default.contents(atPath: file.path), let tex = String(data: data, encoding: .utf8),
              !tex.trimmingWhitespaceAndNewlines().isEmpty else { return nil }
        let full = file.standardizedFileURL.path, base = sources.workingDirectory.standardizedFileURL.path
        let shown = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : full
        // Line comments are TeX's `%`; KaTeX takes them, but not a `%` line ending the input unterminated.
        return (tex + "\n", SourceLocation(file: shown, line: 1))
    }

    /// Where in the source KaTeX's error offset (UTF-16, into the TeX) falls: on a later line of a
    /// multi-line formula, that line and column; on its first line, the formula's own start.
    static func location(of position: Int?, in tex: String, startingAt start: SourceLocation) -> SourceLocation {
        guard let position, position > 0 else { return start }
        let utf16 = Array(tex.utf16.prefix(position))
        let before = String(decoding: utf16, as: UTF16.self)
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 1, let last = lines.last else { return start }
        return start.advanced(byLines: lines.count - 1, column: last.utf8.count + 1)
    }
}

/// `TypesetMath.navigationHTML`: a visitor that keeps text, code, emphasis and typeset formulas and
/// flattens everything else to its text.
private struct NavigationHTML: DocumentVisitor {
    let math: TypesetMath

    mutating func children(_ inlines: [Inline]) -> String { inlines.map { visit($0) }.joined() }
    mutating func defaultVisit(_ block: Block) -> String { "" }
    mutating func defaultVisit(_ inline: Inline) -> String {
        switch inline.kind {
        case .link(_, _, let c), .image(_, _, let c): return children(c)
        case .cloze(let cloze): return children(cloze.content)
        default: return [inline].plainText.htmlEscaped
        }
    }
    mutating func visitText(_ inline: Inline, text: String) -> String { text.htmlEscaped }
    mutating func visitInlineCode(_ inline: Inline, code: String) -> String { "<code>\(code.htmlEscaped)</code>" }
    mutating func visitSoftBreak(_ inline: Inline) -> String { " " }
    mutating func visitLineBreak(_ inline: Inline) -> String { " " }
    mutating func visitEmphasis(_ inline: Inline, children c: [Inline]) -> String { "<em>\(children(c))</em>" }
    mutating func visitStrong(_ inline: Inline, children c: [Inline]) -> String { "<strong>\(children(c))</strong>" }
    mutating func visitStrikethrough(_ inline: Inline, children c: [Inline]) -> String { "<del>\(children(c))</del>" }
    mutating func visitInlineHTML(_ inline: Inline, html: String) -> String { "" }
    mutating func visitMath(_ inline: Inline, math m: Math) -> String {
        math.html(m, at: inline.location, block: false) ?? "<span class=\"math inline\">\(m.tex.htmlEscaped)</span>"
    }
    mutating func visitExpression(_ inline: Inline, expression e: InlineExpression) -> String { e.expression.htmlEscaped }
}

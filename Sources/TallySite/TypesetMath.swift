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
    /// The file, in a cache folder, holding KaTeX's answers between builds (`KaTeXCache`).
    public static let cacheFileName = "katex-answers.bin"

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
    /// an error rather than a warning. `cache`: KaTeX's answers kept between builds (nil: this build only);
    /// a formula found there is not sent to KaTeX, and Node is not started when every formula is found.
    /// The others are sent once per distinct formula; thousands of them are split between several Node
    /// processes (one per core, at most 4), each taking a run of whole notebooks.
    /// `processes`: Node processes kept between builds (`tally serve`) or started early (`tally build`);
    /// nil: started for this build when needed and ended after it.
    public init(notebooks: [Notebook], sources: SourceSet, strict: Bool, cache: KaTeXCache? = nil, processes: KaTeXProcesses? = nil) {
        let each = Slots<TypesetMath>(count: notebooks.count)
        var whole = Self.typeset(notebooks, sources: sources, strict: strict, cache: cache, processes: processes) { each[$0] = $1 }
        for notebook in each.all { whole.merge(notebook) }
        self = whole
    }

    /// Typesets `notebooks` as `init` does, handing each notebook over as soon as its formulas are
    /// typeset (so that its page can be rendered while Node typesets the next): `each(i, math)` is called
    /// once per notebook, with a `TypesetMath` of `notebooks[i]`'s formulas and diagnostics alone — at once
    /// for those whose formulas are all in `cache`, then in order as each Node process answers (from as many
    /// threads as processes run, one call at a time per process). Returns what concerns the build as a
    /// whole: `isAvailable`, and the `katex-missing` warning when KaTeX could not run.
    static func typeset(_ notebooks: [Notebook], sources: SourceSet, strict: Bool, cache: KaTeXCache?, processes: KaTeXProcesses?,
                        each: (Int, TypesetMath) -> Void) -> TypesetMath {
        if let missing = KaTeXProcess.missing {
            notebooks.indices.forEach { each($0, .none) }
            var whole = TypesetMath.none
            whole.diagnostics = [unavailable(missing)]
            return whole
        }
        let projectMacros = Self.projectMacros(sources)
        // Each notebook's formulas, collected once, each looked up in the cache (under the macros the
        // answers found so far say are in effect), the notebooks on all cores: Node waits for them.
        let pages = notebooks.concurrentMap { notebook in
            var formulas: [(math: Math, location: SourceLocation)] = []
            if let projectMacros { formulas.append((Math(tex: projectMacros.tex, display: false), projectMacros.location)) }
            var page = Page(notebook: notebook, formulas: formulas + Self.titleFormulas(notebook) + MathCollector.formulas(in: notebook))
            page.lookUp(in: cache)
            return page
        }
        var missing = Set<KaTeXCache.Key>()
        var newMisses = Array(repeating: 0, count: pages.count)
        for i in pages.indices {
            for (key, answer) in zip(pages[i].keys, pages[i].answers) where answer == nil {
                if missing.insert(key).inserted { newMisses[i] += 1 }
            }
        }
        // Pages with a formula the cache does not know are typeset by Node, whose start (about 0.1 s) is
        // worth a second process only for thousands of distinct formulas. The others are done.
        let unknown = pages.indices.filter { pages[$0].answers.contains(nil) }
        for i in pages.indices where !pages[i].answers.contains(nil) { each(i, pages[i].typeset(strict: strict, cache: cache)) }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4, missing.count / 2_000, unknown.count))
        var chunks = Array(repeating: [Int](), count: workers)
        var before = 0
        for i in unknown {
            chunks[min(workers - 1, before * workers / max(missing.count, 1))].append(i)
            before += newMisses[i]
        }
        chunks.removeAll(where: \.isEmpty)
        let failures = chunks.concurrentMap { chunk in
            Self.typeset(chunk.map { pages[$0] }, processes: processes) { n, page in
                each(chunk[n], page.typeset(strict: strict, cache: cache))
            }
        }
        var whole = TypesetMath()
        for failure in failures.compactMap({ $0 }) {
            whole.isAvailable = false
            if !whole.diagnostics.contains(failure) { whole.diagnostics.append(failure) }
        }
        return whole
    }

    /// A notebook and the formulas typeset for its page (the project's macros, its title's, then those of
    /// its prose and cards), with their keys and answers as far as they are known.
    private struct Page {
        var notebook: Notebook
        var formulas: [(math: Math, location: SourceLocation)]
        /// Each formula's key in `KaTeXCache`, and its answer (nil: not known yet).
        var keys: [KaTeXCache.Key] = []
        var answers: [KaTeXProcess.Answer?] = []
        /// The answers KaTeX gave this build (not in the cache), by key.
        var fresh: [KaTeXCache.Key: KaTeXProcess.Answer] = [:]
        /// Why Node could not typeset the page.
        var failure: KaTeXProcess.Failure?

        init(notebook: Notebook, formulas: [(math: Math, location: SourceLocation)]) {
            self.notebook = notebook
            self.formulas = formulas
        }

        /// Looks each formula up in `cache`. A formula not found is taken to define nothing: when it does
        /// (Node says so), the keys after it change, and Node answers all of them (see `take(_:)`).
        mutating func lookUp(in cache: KaTeXCache?) {
            var state = KaTeXCache.MacroState(macros: notebook.frontMatter.macros)
            keys = []
            answers = []
            for formula in formulas {
                let key = state.key(formula.math.tex, display: formula.math.display)
                let answer = cache?.answer(key)
                if answer?.defines == true { state.define(formula.math.tex, display: formula.math.display) }
                keys.append(key)
                answers.append(answer)
            }
        }

        /// The page for Node: the formulas already answered marked `known`.
        var request: KaTeXProcess.Page {
            KaTeXProcess.Page(formulas: zip(formulas, answers).map { formula, answer in
                KaTeXProcess.Formula(tex: formula.math.tex, display: formula.math.display, known: answer != nil, defines: answer?.defines ?? false)
            }, macros: notebook.frontMatter.macros)
        }

        /// Takes Node's answers to `request`, with each formula's key under the macros in effect there:
        /// the key `lookUp` gave it while the formulas before it define what the cache said they do, and
        /// computed afresh after the first that does not (a new formula that defines something).
        mutating func take(_ replies: [KaTeXProcess.Answer?]) throws {
            var state: KaTeXCache.MacroState?  // nil while the keys of `lookUp` hold
            var keys = keys, answers = answers, fresh = fresh
            for (i, formula) in formulas.enumerated() {
                let key = state?.key(formula.math.tex, display: formula.math.display) ?? keys[i]
                // Node leaves out only known formulas before anything unexpected was defined: their keys hold.
                guard let answer = replies[i] ?? (key == keys[i] ? answers[i] : nil) else {
                    throw KaTeXProcess.Failure(description: "KaTeX (node) left out a formula it was not told of")
                }
                if replies[i] != nil { fresh[key] = answer }
                if state == nil, answer.defines != (self.answers[i]?.defines == true) {
                    // The first definition `lookUp` did not expect: the macros in effect before it, from the
                    // definitions it did.
                    var replayed = KaTeXCache.MacroState(macros: notebook.frontMatter.macros)
                    for (earlier, known) in zip(formulas[..<i], self.answers[..<i]) where known?.defines == true {
                        replayed.define(earlier.math.tex, display: earlier.math.display)
                    }
                    state = replayed
                }
                if answer.defines { state?.define(formula.math.tex, display: formula.math.display) }
                keys[i] = key
                answers[i] = answer
            }
            (self.keys, self.answers, self.fresh) = (keys, answers, fresh)
        }

        /// What the page's answers show and report (nothing when Node could not typeset it all); keeps
        /// the answers in `cache`.
        func typeset(strict: Bool, cache: KaTeXCache?) -> TypesetMath {
            var math = TypesetMath()
            let path = notebook.path
            if let failure {
                let error = Diagnostic.error("\(failure)", at: SourceLocation(file: path, line: 1), rule: .math)
                math.diagnostics.append(error)
                math.reportedByNotebook[path, default: []].append(error)
            }
            guard failure == nil, !answers.contains(nil) else { return math }
            cache?.record(notebook: path, keys: keys, answers: fresh)
            var reported: Set<Diagnostic> = []
            for (formula, answer) in zip(formulas, answers) {
                guard let answer = answer?.result else { continue }
                math.results[Key(location: formula.location, tex: formula.math.tex, display: formula.math.display)] = answer
                guard let message = answer.error else { continue }
                let at = TypesetMath.location(of: answer.position, in: formula.math.tex, startingAt: formula.location)
                let text = "KaTeX: \(message)"
                let diagnostic: Diagnostic = strict ? .error(text, at: at, rule: .math) : .warning(text, at: at, rule: .math)
                math.reportedByNotebook[path, default: []].append(diagnostic)
                // The project's macros are typeset with every page: `merge` reports their faults once.
                if reported.insert(diagnostic).inserted { math.diagnostics.append(diagnostic) }
            }
            return math
        }
    }

    /// One Node process's share: `pages` typeset in order, each handed to `each` (with its index) as soon as
    /// it is; returns the `katex-missing` warning when Node could not start (each page then has no answers).
    private static func typeset(_ pages: [Page], processes: KaTeXProcesses?, each: (Int, Page) -> Void) -> Diagnostic? {
        let process: KaTeXProcess
        do {
            process = try processes?.take() ?? KaTeXProcess()
        } catch {
            pages.enumerated().forEach { each($0, $1) }
            return unavailable(error)
        }
        var healthy = true
        process.typeset(pages.map(\.request)) { i, reply in
            var page = pages[i]
            do {
                try page.take(reply.get())
            } catch {
                healthy = false
                page.failure = error as? KaTeXProcess.Failure ?? KaTeXProcess.Failure(description: "\(error)")
            }
            each(i, page)
        }
        if healthy { processes?.giveBack(process) }
        return nil
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

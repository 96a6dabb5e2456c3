import Foundation
import TallyAnki
import TallyDocument
import TallyEngineReference
import TallyEvaluation
import TallyResults
import TallySite

/// The one load → evaluate → verify pipeline behind every command that writes a page, a card or a report:
/// `tally build` (site, report, deck), `tally anki` (the deck alone) and `tally serve` (rebuilds), so the same
/// notebooks give the same notes whichever command wrote them. Prints nothing; the caller reports.
public struct BuildPipeline {
    public var output: URL
    /// The project's templates folder; a folder that does not exist means the built-in templates.
    public var templates: URL
    public var evaluator: Evaluator
    /// Publish notebooks whose checks fail, with the failures marked.
    public var allowFailures = false
    public var writeDeck = true
    /// `--site-url`: overrides the project file's `site-url:` (Anki's Source field links there).
    public var siteURL: String?
    /// Drop removed cards from the Anki lock instead of sending their notes again (`--forget-removed`).
    public var forgetRemoved = false
    /// A formula KaTeX rejects is an error, not a warning (`--strict-math`).
    public var strictMath = false

    /// Also write the engine's API reference into the site (`engine/`), read from the engine the
    /// notebooks run against.
    public var engineReference = false

    /// Node processes for KaTeX kept between runs (`tally serve` sets them); nil: each run starts its own.
    public var mathProcesses: KaTeXProcesses?
    /// `tally serve`: every notebook keeps its page, a failing one (a check that fails, a cell that traps or does not
    /// compile, a parse or front-matter error, a file that cannot be read) with its errors listed at the top (see
    /// `FailingPages`); notebooks with parse errors are evaluated too (their cells' problems are reported as well).
    /// The deck still has only the notebooks `allowFailures` publishes. Default false (`tally build`).
    public var showFailingNotebooks = false
    /// Whether writing the deck records its stamps in the Anki lock (default) or only reads the lock (`tally serve`).
    public var lockUse: AnkiExporter.LockUse = .record
    /// Called by `run` as soon as the new site is in place, before the report and the deck are written (`tally serve`
    /// reloads open pages then: the deck costs about a fifth of a build and the page need not wait for it).
    public var siteWritten: () -> Void = {}

    public init(output: URL, templates: URL, evaluator: Evaluator, allowFailures: Bool = false, writeDeck: Bool = true,
                siteURL: String? = nil, forgetRemoved: Bool = false, strictMath: Bool = false, engineReference: Bool = false) {
        self.output = output
        self.templates = templates
        self.evaluator = evaluator
        self.allowFailures = allowFailures
        self.writeDeck = writeDeck
        self.siteURL = siteURL
        self.forgetRemoved = forgetRemoved
        self.strictMath = strictMath
        self.engineReference = engineReference
    }

    public var siteFolder: URL { output.appendingPathComponent("site") }
    public var deckFile: URL { output.appendingPathComponent("tally.apkg") }

    /// What a build did.
    public struct Result {
        /// Everything found, from loading to the deck (I/O errors excepted: see `Failure`).
        public var diagnostics: [Diagnostic]
        public var evaluations: [NotebookEvaluation]
        public var published: [Notebook]
        public var notebookCount: Int
        /// Notes written to the deck, or nil when no deck was written.
        public var deckNotes: Int?
        /// Cards removed since the last export (see `AnkiExporter.Removals`).
        public var removals = AnkiExporter.Removals()
        /// Pages shown with their notebook's errors rather than left out (`showFailingNotebooks`).
        public var pagesWithErrors = 0
    }

    /// A build stopped by an error writing its output; `diagnostics` are those found before it.
    public struct Failure: Error {
        public var diagnostics: [Diagnostic]
        public var error: Error
    }

    /// The notebooks evaluated and verified: what every output is made from.
    public struct Evaluated {
        public var evaluations: [NotebookEvaluation]
        public var byPath: [String: NotebookEvaluation]
        /// The notebooks to publish: those whose checks hold (all publishable ones with `allowFailures`).
        public var published: [Notebook]
        public var project: ProjectFile
        public var diagnostics: [Diagnostic]
        /// The evaluation cache the evaluations used (nil with `--no-cache`): the site keeps its pages there too.
        public var cacheFolder: URL?
    }

    /// Runs and checks the publishable notebooks of `sources` (cells, inline values, stated numbers) and reads the
    /// project file above their root; a bad `tally.yml` becomes a diagnostic and the defaults are used. Never throws.
    public func evaluate(_ sources: SourceSet) -> Evaluated {
        let notebooks = showFailingNotebooks ? sources.notebooks : sources.publishable
        // The project's cache folder, found once (it walks up from the notebooks' common folder).
        let evaluator = self.evaluator.caching(notebooks)
        let evaluations = evaluator.evaluate(notebooks)
        let byPath = Dictionary(uniqueKeysWithValues: evaluations.map { ($0.path, $0) })
        let published = sources.publishable.filter { allowFailures || byPath[$0.path]?.passed ?? true }
        var diagnostics = sources.diagnostics + evaluations.flatMap(\.diagnostics)
        var project = ProjectFile()
        do {
            project = try ProjectFile.find(above: sources.root)
        } catch let problem as Diagnostic {
            diagnostics.append(problem)
        } catch {}
        return Evaluated(evaluations: evaluations, byPath: byPath, published: published, project: project,
                         diagnostics: diagnostics, cacheFolder: evaluator.options.cacheFolder)
    }

    public func run(_ sources: SourceSet) throws -> Result {
        let evaluated = evaluate(sources)
        PhaseClock.mark("evaluated")
        var diagnostics = evaluated.diagnostics
        let failing = showFailingNotebooks ? FailingPages(sources, evaluations: evaluated.byPath) : nil
        let pages = failing?.notebooks ?? evaluated.published
        do {
            var site = SiteBuilder(sources: sources, templates: try TemplateSet(folder: Self.existingFolder(templates)),
                                   notebooks: pages, evaluations: failing?.evaluations ?? evaluated.byPath)
            site.strictMath = strictMath
            let cache = evaluated.cacheFolder
            site.mathCacheFile = cache?.appendingPathComponent(TypesetMath.cacheFileName)
            site.pageCacheFolder = cache?.appendingPathComponent("site")
            site.mathProcesses = mathProcesses
            site.ownFiles = [AnkiExporter.lockPlace(for: sources, project: evaluated.project).url]
            if engineReference {
                switch referencePages() {
                case .success(let files): site.engineReference = files
                case .failure(let problem): diagnostics.append(problem)
                }
                PhaseClock.mark("engine reference")
            }
            let unread = failing?.unread ?? []
            diagnostics += try site.build(into: siteFolder).filter { !($0.rule == .emptyNotebook && unread.contains($0.location.file)) }
            PhaseClock.mark("site written")
            siteWritten()
            try FileWriter.write(JUnitReport.xml(evaluated.evaluations), to: output.appendingPathComponent("check-report.xml"))
            // Files that could not be read count too: "built 0 of 1 notebook", not "of 0".
            let unreadable = Set(sources.diagnostics.filter { [.unreadableFile, .invalidUTF8].contains($0.rule) }.map(\.location.file))
            var result = Result(diagnostics: diagnostics, evaluations: evaluated.evaluations, published: evaluated.published,
                                notebookCount: sources.notebooks.count + unreadable.subtracting(sources.notebooks.map(\.path)).count)
            result.pagesWithErrors = pages.count - evaluated.published.count
            if writeDeck {
                let deck = try exportDeck(sources, evaluated, pages: pages, format: .apkg, to: deckFile)
                result.diagnostics += deck.diagnostics
                result.deckNotes = deck.notes
                result.removals = deck.removals
            }
            return result
        } catch {
            throw Failure(diagnostics: diagnostics, error: error)
        }
    }

    /// `tally anki`: evaluates as `run` does and writes only the deck, to `url`.
    public func runDeck(_ sources: SourceSet, format: AnkiExporter.Format, to url: URL) throws -> Result {
        let evaluated = evaluate(sources)
        do {
            let deck = try exportDeck(sources, evaluated, pages: evaluated.published, format: format, to: url)
            return Result(diagnostics: evaluated.diagnostics + deck.diagnostics, evaluations: evaluated.evaluations,
                          published: evaluated.published, notebookCount: sources.notebooks.count,
                          deckNotes: deck.notes, removals: deck.removals)
        } catch {
            throw Failure(diagnostics: evaluated.diagnostics, error: error)
        }
    }

    /// The deck of the published notebooks, their values computed; Source links to the site only when its
    /// address is known (`--site-url`, else the project file's `site-url:`); `pages` are the notebooks the site has.
    private func exportDeck(_ sources: SourceSet, _ evaluated: Evaluated, pages: [Notebook], format: AnkiExporter.Format,
                            to url: URL) throws -> AnkiExporter.Result {
        var deckSources = sources
        deckSources.notebooks = evaluated.published
        Notebook.parseBlocks(of: evaluated.published)
        PhaseClock.mark("deck's notebooks parsed")
        let hrefs = SiteBuilder.pageHrefs(sources: sources, notebooks: pages)
        let notes = CardNotes(sources: deckSources, pageHref: { hrefs[$0.path] ?? "index.html" },
                              siteURL: siteURL ?? evaluated.project.siteURL, evaluations: evaluated.byPath)
        return try AnkiExporter.export(notes, format: format, to: url, project: evaluated.project,
                                       forgetRemoved: forgetRemoved, lockUse: lockUse)
    }

    /// The one-line summary `tally build` prints.
    public func summary(of result: Result) -> String {
        let cards = result.published.reduce(0) { $0 + $1.summary.cardCount }
        let checks = result.evaluations.flatMap(\.checks)
        return "built \(result.published.count) of \(counted(result.notebookCount, "notebook")) into \(siteFolder.path): "
            + "\(counted(cards, "card")), " + CheckSummary.holding(checks, result.evaluations.flatMap(\.formulas))
            + (result.pagesWithErrors > 0 ? "; \(counted(result.pagesWithErrors, "page")) shown with \(result.pagesWithErrors == 1 ? "its" : "their") errors" : "")
            + (result.deckNotes.map { "; \(counted($0, "note")) in \(deckFile.path)" } ?? "")
    }

    /// The engine reference's files, or a warning saying why there are none (the site is built either way).
    private func referencePages() -> Swift.Result<[String: String], Diagnostic> {
        guard let engine = evaluator.options.engine ?? EngineLocation.find() else {
            let searched = EngineLocation.searchedFolders().map(\.path).joined(separator: ", ")
            return .failure(.warning("engine reference not written: the engine was not found (looked in \(searched))",
                                     at: SourceLocation(file: "TallyEngine", line: 1), rule: .engineReference))
        }
        do {
            let graphs = try SymbolGraphExtractor.extract(engine: engine)
            return .success(ReferencePages(EngineReference(graphs: graphs)).files())
        } catch {
            return .failure(.warning("engine reference not written: \(error)",
                                     at: SourceLocation(file: engine.modules.appendingPathComponent("TallyEngine.swiftmodule").path, line: 1),
                                     rule: .engineReference))
        }
    }

    private static func existingFolder(_ url: URL) -> URL? {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue ? url : nil
    }
}

import Foundation
import TallyAnki
import TallyDocument
import TallyEngineReference
import TallyEvaluation
import TallySite

/// `tally build` as a function, so that `tally serve` rebuilds exactly as the command builds:
/// evaluate the publishable notebooks, render the site (atomically), write the JUnit report and
/// the Anki deck. Prints nothing; the caller reports.
public struct BuildPipeline {
    public var output: URL
    /// The project's templates folder; a folder that does not exist means the built-in templates.
    public var templates: URL
    public var evaluator: Evaluator
    /// Publish notebooks whose checks fail, with the failures marked.
    public var allowFailures = false
    public var writeDeck = true
    /// Also write the engine's API reference into the site (`engine/`), read from the engine the
    /// notebooks run against.
    public var engineReference = false

    public init(output: URL, templates: URL, evaluator: Evaluator, allowFailures: Bool = false, writeDeck: Bool = true,
                engineReference: Bool = false) {
        self.output = output
        self.templates = templates
        self.evaluator = evaluator
        self.allowFailures = allowFailures
        self.writeDeck = writeDeck
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
    }

    /// A build stopped by an error writing its output; `diagnostics` are those found before it.
    public struct Failure: Error {
        public var diagnostics: [Diagnostic]
        public var error: Error
    }

    public func run(_ sources: SourceSet) throws -> Result {
        let evaluations = evaluator.evaluate(sources.publishable)
        let byPath = Dictionary(uniqueKeysWithValues: evaluations.map { ($0.path, $0) })
        let published = sources.publishable.filter { allowFailures || byPath[$0.path]?.passed ?? true }
        var diagnostics = sources.diagnostics + evaluations.flatMap(\.diagnostics)
        do {
            var site = SiteBuilder(sources: sources, templates: try TemplateSet(folder: Self.existingFolder(templates)),
                                   notebooks: published, evaluations: byPath)
            if engineReference {
                switch referencePages() {
                case .success(let files): site.engineReference = files
                case .failure(let problem): diagnostics.append(problem)
                }
            }
            diagnostics += try site.build(into: siteFolder)
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try JUnitReport.xml(evaluations).write(to: output.appendingPathComponent("check-report.xml"),
                                                    atomically: true, encoding: .utf8)
            var deckNotes: Int?
            if writeDeck {
                var deckSources = sources
                deckSources.notebooks = published
                let hrefs = site.pageHrefs
                let notes = CardNotes(sources: deckSources, pageHref: { hrefs[$0.path] ?? "index.html" },
                                      siteURL: "", evaluations: byPath)
                let deck = try AnkiExporter.export(deckSources, format: .apkg, to: deckFile, notes: notes)
                diagnostics += deck.diagnostics
                deckNotes = deck.notes
            }
            return Result(diagnostics: diagnostics, evaluations: evaluations, published: published,
                          notebookCount: sources.notebooks.count, deckNotes: deckNotes)
        } catch {
            throw Failure(diagnostics: diagnostics, error: error)
        }
    }

    /// The one-line summary `tally build` prints.
    public func summary(of result: Result) -> String {
        let cards = result.published.flatMap(\.cards).count
        let checks = result.evaluations.flatMap(\.checks)
        return "built \(result.published.count) of \(result.notebookCount) notebooks into \(siteFolder.path): "
            + "\(cards) cards, \(checks.filter(\.passed).count) of \(checks.count) stated values hold"
            + (result.deckNotes.map { "; \($0) notes in \(deckFile.path)" } ?? "")
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

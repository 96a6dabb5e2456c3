import Foundation
import TallyDocument
import TallyEvaluation
import TallyTestSupport
import XCTest
@testable import TallyAnki

/// A folder of notebooks written by a test (in the shared `TemporaryProject`), and the export pipeline the CLI
/// runs over it.
struct NotebookFixture {
    let project: TemporaryProject
    /// Holds `notebooks/` (the root the loader sees) and the exported packages.
    var base: URL { project.root }
    var root: URL { project.url("notebooks") }

    init() throws {
        project = try TemporaryProject(prefix: "tally-anki-fixture")
        try project.makeFolder("notebooks")
    }

    func remove() { project.remove() }

    /// Writes `text` to `notebooks/<relativePath>`, creating its folders.
    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> URL {
        try project.write("notebooks/\(relativePath)", text)
    }

    /// Writes `data` to `notebooks/<relativePath>`, creating its folders.
    @discardableResult
    func write(_ relativePath: String, _ data: Data) throws -> URL {
        try project.write("notebooks/\(relativePath)", data)
    }

    /// A notebook's path as diagnostics name it.
    func path(_ relativePath: String) -> String { root.appendingPathComponent(relativePath).path }

    /// Loads and maps the notebooks (all of `notebooks/`, or the files named); diagnostics from both stages.
    func notes(_ files: [String]? = nil) throws -> (sources: SourceSet, package: AnkiDeckPackage, diagnostics: [Diagnostic]) {
        // Named by absolute path: notebooks' paths (and so diagnostics) are absolute, as for any folder outside
        // the working directory, and image paths resolve from there.
        let sources = try SourceLoader.load(paths: files.map { $0.map(path) } ?? [root.path])
        let (package, diagnostics) = CardNotes(sources: sources, pageHref: { _ in "page.html" }).package()
        return (sources, package, sources.diagnostics + diagnostics)
    }

    /// Loads, maps and writes `name` (and the lock in the notebooks' root), as `tally anki` does for notebooks
    /// without values to compute.
    @discardableResult
    func exportPackage(_ files: [String]? = nil, name: String = "deck.apkg", forgetRemoved: Bool = false,
                       now: Date = Date()) throws -> (url: URL, result: AnkiExporter.Result) {
        let sources = try SourceLoader.load(paths: files.map { $0.map(path) } ?? [root.path])
        let url = base.appendingPathComponent(name)
        let result = try AnkiExporter.export(CardNotes(sources: sources), format: .apkg, to: url,
                                             project: try ProjectFile.find(above: sources.root),
                                             forgetRemoved: forgetRemoved, now: now)
        return (url, result)
    }

    /// The notes of `sources` with their values computed by a real evaluation (swiftc against the built engine).
    func evaluatedNotes(_ sources: SourceSet) throws -> CardNotes {
        let engine = try XCTUnwrap(testEngine, "build the engine first: swift build")
        let options = EvaluationOptions(engine: engine, cacheFolder: base.appendingPathComponent("cache"))
        let evaluations = Evaluator(options).evaluate(sources.publishable)
        XCTAssertEqual(evaluations.flatMap(\.diagnostics), [])
        return CardNotes(sources: sources, evaluations: Dictionary(uniqueKeysWithValues: evaluations.map { ($0.path, $0) }))
    }
}

import Foundation
import TallyDocument
import XCTest
@testable import TallyEvaluation
import TallyResults
import TallyTestSupport

/// A scratch project (the shared `TemporaryProject`) with notebooks written into `notebooks/`, evaluated with
/// real `swiftc` against the built engine.
struct Workspace {
    let project: TemporaryProject
    var root: URL { project.root }

    init() throws {
        project = try TemporaryProject(prefix: "tally-eval")
        try project.makeFolder("notebooks")
    }

    func remove() { project.remove() }

    /// Writes `text` to `notebooks/<name>` and returns its path as diagnostics show it.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try project.write("notebooks/\(name)", text)
        return "notebooks/\(name)"
    }

    func url(of path: String) -> URL { project.url(path) }

    func read(_ path: String) throws -> String { try project.read(path) }

    func parse(_ path: String) throws -> Notebook {
        let (notebook, diagnostics) = NotebookParser.parse(try read(path), path: path)
        XCTAssertEqual(diagnostics, [], "the fixture should parse cleanly")
        return notebook
    }

    /// Evaluates the notebooks at `paths` with this workspace's cache.
    func evaluate(_ paths: [String], timeLimit: TimeInterval = 60) throws -> [NotebookEvaluation] {
        let options = EvaluationOptions(engine: try XCTUnwrap(Workspace.engine, "build the engine first: swift build"),
                                        cacheFolder: root.appendingPathComponent(".tally-cache"), timeLimit: timeLimit,
                                        workingDirectory: root)
        return Evaluator(options).evaluate(try paths.map(parse))
    }

    func evaluate(_ path: String, timeLimit: TimeInterval = 60) throws -> NotebookEvaluation {
        try evaluate([path], timeLimit: timeLimit)[0]
    }

    static let engine = testEngine
}

extension NotebookEvaluation {
    /// Diagnostics as `line:col: message`, the file name left out.
    var errors: [String] {
        diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }
}

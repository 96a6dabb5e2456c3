import Foundation
import TallyBuild
import TallyEvaluation
import TallyResults
import XCTest
@testable import TallyServe
import TallyTestSupport

/// `tally serve` in-process: a real build with real swiftc, served over 127.0.0.1, rebuilt on a save.
final class DevServerTests: XCTestCase {
    private var project: URL!
    private var server: DevServer?
    private let builds = Builds()

    override func setUpWithError() throws {
        project = FileManager.default.temporaryDirectory.appendingPathComponent("tally-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: project.appendingPathComponent("templates/assets"), withIntermediateDirectories: true)
    }

    override func tearDown() {
        server?.stop()
        try? FileManager.default.removeItem(at: project)
    }

    private func write(_ prose: String) throws {
        let notebook = """
        ---
        title: Served
        ---
        # Served

        \(prose)

        ```swift
        let x = 6 * 7
        print("answer", x)
        ```

        """
        try Data(notebook.utf8).write(to: project.appendingPathComponent("notebooks/served.md"))
    }

    private func startServer() throws -> DevServer {
        let engine = try XCTUnwrap(testEngine,
                                   "build the engine first: swift build")
        let evaluator = Evaluator(EvaluationOptions(engine: engine, cacheFolder: project.appendingPathComponent(".tally-cache"),
                                                    parallelism: 1))
        let pipeline = BuildPipeline(output: project.appendingPathComponent("output"), templates: project.appendingPathComponent("templates"),
                                     evaluator: evaluator, writeDeck: false)
        let server = try DevServer(paths: ["notebooks"], pipeline: pipeline, port: 0, workingDirectory: project)
        let builds = self.builds
        server.onBuild = { builds.append($0) }
        self.server = server
        server.start()
        return server
    }

    /// A warning (here a remote image) is new in the build that finds it and not repeated by later rebuilds.
    func testAWarningIsReportedOnceNotOnEveryRebuild() throws {
        let page = project.appendingPathComponent("notebooks/remote.md")
        try Data("# Remote\n\n![plot](https://example.org/plot.png)\n".utf8).write(to: page)
        let server = try startServer()
        let first = try XCTUnwrap(builds.wait(for: 1))
        XCTAssertEqual(first.newDiagnostics.map(\.rule), [.remoteImage])
        try Data("# Remote\n\n![plot](https://example.org/plot.png)\n\nMore prose.\n".utf8).write(to: page)
        let second = try XCTUnwrap(builds.wait(for: 2))
        XCTAssertEqual(second.diagnostics.map(\.rule), [.remoteImage], "the rebuild still finds it")
        XCTAssertEqual(second.newDiagnostics, [], "but it is not printed again")
        _ = server
    }

    func testProseChangeRebuildsThePageWithoutCompiling() throws {
        try write("Original prose.")
        let server = try startServer()
        let first = try XCTUnwrap(builds.wait(for: 1))
        XCTAssertNil(first.error)
        XCTAssertEqual(first.compiledPrograms, 1, "the first build compiles the notebook's program")

        let page = try HTTPClient.get("/served.html", port: server.port)
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.head.contains("Content-Type: text/html; charset=utf-8"), page.head)
        XCTAssertTrue(page.body.contains("Original prose."))
        XCTAssertTrue(page.body.contains("answer 42"), "the cell's output is on the page")
        XCTAssertTrue(page.body.contains(LiveReload.path), "served pages carry the reload script")
        let built = try String(contentsOf: project.appendingPathComponent("output/site/served.html"), encoding: .utf8)
        XCTAssertFalse(built.contains(LiveReload.path), "the built file is left as tally build writes it")

        // An open page's event stream, as the injected script opens it.
        let since = server.reloadGeneration
        let events = try XCTUnwrap(HTTPClient.connect("127.0.0.1", server.port))
        defer { close(events) }
        HTTPClient.send(events, "GET \(LiveReload.path)?since=\(since) HTTP/1.1\r\nHost: x\r\n\r\n")

        try write("Changed prose.")
        let second = try XCTUnwrap(builds.wait(for: 2))
        XCTAssertEqual(second.changed.map { URL(fileURLWithPath: $0).lastPathComponent }, ["served.md"])
        XCTAssertNil(second.error)
        XCTAssertEqual(second.compiledPrograms, 0, "a prose-only change compiles nothing: the cell comes from the cache")

        let reloaded = try HTTPClient.get("/served.html", port: server.port)
        XCTAssertTrue(reloaded.body.contains("Changed prose."))
        XCTAssertFalse(reloaded.body.contains("Original prose."))
        XCTAssertTrue(reloaded.body.contains("answer 42"), "the cached output is still shown")
        let stream = String(decoding: HTTPClient.readAll(events, until: "data: reload"), as: UTF8.self)
        XCTAssertTrue(stream.contains("text/event-stream"), stream)
        XCTAssertTrue(stream.contains("data: reload"), "the open page is told to reload: \(stream)")

        // The templates folder is watched too (here: a project stylesheet appears in it).
        let assets = project.appendingPathComponent("templates/assets")
        try Data("/* the project's own */".utf8).write(to: assets.appendingPathComponent("tally.css"))
        let third = try XCTUnwrap(builds.wait(for: 3))
        XCTAssertEqual(third.compiledPrograms, 0)
        XCTAssertEqual(try HTTPClient.get("/assets/tally.css", port: server.port).body, "/* the project's own */")
    }

}

/// Builds reported by the server's thread, waited for by the test (generous timeouts: a hang
/// detector for a machine shared with other builds, not a speed requirement).
final class Builds: @unchecked Sendable {
    private let condition = NSCondition()
    private var all: [DevServer.Build] = []

    func append(_ build: DevServer.Build) {
        condition.withLock {
            all.append(build)
            condition.broadcast()
        }
    }

    func wait(for count: Int, timeout: TimeInterval = 300) -> DevServer.Build? {
        condition.withLock {
            let deadline = Date().addingTimeInterval(timeout)
            while all.count < count && condition.wait(until: deadline) {}
            return all.count >= count ? all[count - 1] : nil
        }
    }
}

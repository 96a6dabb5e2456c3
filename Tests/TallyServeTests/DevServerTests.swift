import Foundation
import TallyBuild
import TallyEvaluation
import TallyResults
import XCTest
@testable import TallyServe
import TallyTestSupport

/// `tally serve` in-process: a real build with real swiftc, served over 127.0.0.1, rebuilt on a save.
final class DevServerTests: XCTestCase {
    private var served: ServedProject!

    override func setUpWithError() throws {
        served = try ServedProject(self)
    }

    private var builds: Builds { served.builds }

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
        try served.project.write("notebooks/served.md", notebook)
    }

    /// A warning (here a remote image) is printed by the build that finds it; a rebuild that finds it again only
    /// counts it as unchanged, and a warning that is new (or moved) in a rebuild is printed by that rebuild.
    func testARebuildPrintsOnlyTheWarningsThatChanged() throws {
        try served.project.write("notebooks/remote.md", "# Remote\n\n![plot](https://example.org/plot.png)\n")
        _ = try served.start()
        let first = try served.build(1)
        XCTAssertEqual(first.newDiagnostics.map(\.rule), [.remoteImage])
        try served.project.write("notebooks/remote.md", "# Remote\n\n![plot](https://example.org/plot.png)\n\nMore prose.\n")
        let second = try served.build(2)
        XCTAssertEqual(second.diagnostics.map(\.rule), [.remoteImage], "the rebuild still finds it")
        XCTAssertEqual(second.newDiagnostics, [], "but it is not printed again")
        XCTAssertEqual(second.unchangedWarnings, 1)
        try served.project.write("notebooks/remote.md",
                                 "# Remote\n\n![plot](https://example.org/plot.png)\n\n![other](https://example.org/other.png)\n")
        let third = try served.build(3)
        XCTAssertEqual(third.newDiagnostics.map(\.location.line), [5], "only the new image's warning is printed")
        XCTAssertEqual(third.unchangedWarnings, 1)
    }

    func testProseChangeRebuildsThePageWithoutCompiling() throws {
        try write("Original prose.")
        let server = try served.start()
        let first = try XCTUnwrap(builds.wait(for: 1))
        XCTAssertNil(first.error)
        XCTAssertEqual(first.compiledPrograms, 1, "the first build compiles the notebook's program")

        let page = try HTTPClient.get("/served.html", port: server.port)
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.head.contains("Content-Type: text/html; charset=utf-8"), page.head)
        XCTAssertTrue(page.body.contains("Original prose."))
        XCTAssertTrue(page.body.contains("answer 42"), "the cell's output is on the page")
        XCTAssertTrue(page.body.contains(LiveReload.path), "served pages carry the reload script")
        let built = try served.project.read("output/site/served.html")
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
        let assets = served.project.url("templates/assets")
        try Data("/* the project's own */".utf8).write(to: assets.appendingPathComponent("tally.css"))
        let third = try XCTUnwrap(builds.wait(for: 3))
        XCTAssertEqual(third.compiledPrograms, 0)
        XCTAssertEqual(try HTTPClient.get("/assets/tally.css", port: server.port).body, "/* the project's own */")
    }

}

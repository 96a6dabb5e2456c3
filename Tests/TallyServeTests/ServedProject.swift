import Foundation
import TallyBuild
import TallyEvaluation
import XCTest
@testable import TallyServe
import TallyTestSupport

/// A scratch project served by a real `DevServer` for one test: `notebooks/` and `templates/assets/` in a
/// `TemporaryProject`, built with the real engine and swiftc (cache inside the project), served on a free port of
/// 127.0.0.1. The server is stopped and the folder removed after the test.
final class ServedProject {
    let project: TemporaryProject
    let builds = Builds()
    private(set) var server: DevServer?

    init(_ test: XCTestCase) throws {
        project = try TemporaryProject(test, prefix: "tally-serve")
        try project.makeFolder("notebooks")
        try project.makeFolder("templates/assets")
        test.addTeardownBlock { [self] in server?.stop() }
    }

    /// The pipeline `tally serve` is given (before `DevServer` adds its own settings), writing into `output/`.
    func pipeline(writeDeck: Bool = false) throws -> BuildPipeline {
        let engine = try XCTUnwrap(testEngine, "build the engine first: swift build")
        let evaluator = Evaluator(EvaluationOptions(engine: engine, cacheFolder: project.url(".tally-cache"), parallelism: 1))
        return BuildPipeline(output: project.url("output"), templates: project.url("templates"), evaluator: evaluator,
                             writeDeck: writeDeck)
    }

    /// Starts serving `notebooks`; every build is appended to `builds`.
    func start(writeDeck: Bool = false) throws -> DevServer {
        let server = try DevServer(paths: ["notebooks"], pipeline: try pipeline(writeDeck: writeDeck), port: 0,
                                   workingDirectory: project.root)
        let builds = self.builds
        server.onBuild = { builds.append($0) }
        self.server = server
        server.start()
        return server
    }

    /// Waits for build number `count` (1: the first) and fails the test when it could not finish.
    @discardableResult
    func build(_ count: Int, file: StaticString = #filePath, line: UInt = #line) throws -> DevServer.Build {
        let build = try XCTUnwrap(builds.wait(for: count), "build \(count) never came", file: file, line: line)
        XCTAssertNil(build.error, file: file, line: line)
        return build
    }

    /// Waits for the builds after number `count` until one satisfies `done` (a save of several files may be seen
    /// as more than one change); returns that build and its number.
    func build(after count: Int, until done: (DevServer.Build) -> Bool,
               file: StaticString = #filePath, line: UInt = #line) throws -> (build: DevServer.Build, number: Int) {
        var number = count + 1
        while true {
            let build = try self.build(number, file: file, line: line)
            if done(build) { return (build, number) }
            number += 1
        }
    }

    /// `GET target` from the running server.
    func get(_ target: String) throws -> HTTPClient.Response {
        try HTTPClient.get(target, port: try XCTUnwrap(server).port)
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

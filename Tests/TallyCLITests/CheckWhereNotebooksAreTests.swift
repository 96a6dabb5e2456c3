import Foundation
import XCTest
import TallyTestSupport

/// Issue 11 §3 and §4, with the real `tally`, `swiftc` and `bwrap`: a notebook's program runs in the
/// notebook's folder whatever folder `tally` starts in, its cached result depends on the files it read,
/// the cache belongs to the project, and a cell cannot write outside its notebook's folder.
final class CheckWhereNotebooksAreTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        let project = try TemporaryProject(self, prefix: "tally-where")
        try project.makeFolder("nb")
        folder = project.root
    }

    /// The `tally` built beside the tests; on CI its absence is a failure, elsewhere a skip.
    private func tally(in directory: URL, _ arguments: [String], environment: [String: String] = [:]) throws
        -> (status: Int32, stderr: String) {
        try requireRealPart(TallyCLITests.binary != nil, "the tally executable was not found next to the tests")
        let run = try TallyCLITests.run(arguments, in: directory, environment: environment)
        return (run.status, run.stderr)
    }

    private func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(relative))
    }

    /// Must-show: from `/`, the program reads `log.csv` beside its notebook; editing it makes the next
    /// check report the new value; no `/.tally-cache` appears. (0.4 and 0.6 average 0.5; 0.4 and 0.8, 0.6.)
    func testProgramReadsFilesBesideItsNotebookAndTheCacheKnowsThem() throws {
        let rootCacheExisted = FileManager.default.fileExists(atPath: "/.tally-cache")
        try write("nb/log.csv", "0.4\n0.6\n")
        try write("nb/mean.md", """
        # Mean of a log

        ```swift
        import Foundation
        let text = try! String(contentsOfFile: "log.csv", encoding: .utf8)
        let values = text.split(separator: "\\n").compactMap { Double($0) }
        let meanLoss = values.reduce(0, +) / Double(values.count) // => 0.5
        ```

        The mean loss is `{swift} meanLoss => 0.5`.

        """)
        let notebook = folder.appendingPathComponent("nb/mean.md").path
        let root = URL(fileURLWithPath: "/")
        let first = try tally(in: root, ["check", notebook])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("nb/.tally-cache").path),
                      "the cache is the project's")
        if !rootCacheExisted { XCTAssertFalse(FileManager.default.fileExists(atPath: "/.tally-cache")) }

        try write("nb/log.csv", "0.4\n0.8\n")
        let second = try tally(in: root, ["check", notebook])
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.stderr.contains("mean.md:7:65: error: stated 0.5, computed 0.6 (tolerance 0.05) [stated-value]"), second.stderr)

        // A key without absolute paths: the same project moved elsewhere reuses its cache.
        let moved = FileManager.default.temporaryDirectory.appendingPathComponent("tally-moved-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: moved) }
        try write("nb/log.csv", "0.4\n0.6\n")
        _ = try tally(in: root, ["check", notebook])
        try FileManager.default.copyItem(at: folder.appendingPathComponent("nb"), to: moved)
        let records = try FileManager.default.contentsOfDirectory(atPath: moved.appendingPathComponent(".tally-cache").path).sorted()
        XCTAssertEqual(try tally(in: root, ["check", moved.appendingPathComponent("mean.md").path]).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: moved.appendingPathComponent(".tally-cache").path).sorted(),
                       records, "no new record: the moved project's cache applied")
    }

    /// `make install`'s layout works on its own: the engine, the protocol module the engine's interface
    /// names, and the open-file log, all from PREFIX/lib/tally, here a prefix under /tmp (which the
    /// sandbox replaces with its own: the engine's folder must stay visible).
    func testInstalledTallyChecksANotebook() throws {
        let prefix = folder.appendingPathComponent("prefix")
        XCTAssertEqual(try TallyCLITests.install(into: prefix), 0)
        try write("nb/log.csv", "1\n2\n")
        try write("nb/installed.md", """
        # Installed

        ```swift
        import Foundation
        let rows = try! String(contentsOfFile: "log.csv", encoding: .utf8).split(separator: "\\n").count // => 2
        let product = matmul(Tensor([[1.0, 2.0]]), Tensor([3.0, 4.0])) // => [11]
        ```

        """)
        let process = Process()
        process.executableURL = prefix.appendingPathComponent("bin/tally")
        process.arguments = ["check", folder.appendingPathComponent("nb/installed.md").path]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        var environment = ProcessInfo.processInfo.environment
        environment["TALLY_ENGINE_DIR"] = nil
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }

    /// A file elsewhere in the project (`../data/x.csv`, the project being the folder with `.git`) is
    /// read and keyed as well. 1 + 3 = 4; after the edit 1 + 5 = 6.
    func testFilesElsewhereInTheProjectAreKeyedToo() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try write("data/x.csv", "1\n3\n")
        try write("nb/sum.md", """
        # Sum

        ```swift
        import Foundation
        let text = try! String(contentsOfFile: "../data/x.csv", encoding: .utf8)
        let total = text.split(separator: "\\n").compactMap { Double($0) }.reduce(0, +) // => 4
        ```

        """)
        XCTAssertEqual(try tally(in: folder.appendingPathComponent("nb"), ["check", "sum.md"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".tally-cache").path), "the project's cache")
        try write("data/x.csv", "1\n5\n")
        let edited = try tally(in: folder.appendingPathComponent("nb"), ["check", "sum.md"])
        XCTAssertTrue(edited.stderr.contains("stated 4, computed 6"), edited.stderr)
    }

    /// Where bwrap cannot create namespaces (simulated by a `bwrap` first on PATH that fails as the
    /// real one does without user namespaces), tally says so once and runs the programs without it.
    func testWithoutUserNamespacesTallySaysSoOnceAndRunsUnsandboxed() throws {
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let fake = bin.appendingPathComponent("bwrap")
        try Data("#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        try write("nb/a.md", "# A\n\n```swift\nlet a = 1 + 1 // => 2\n```\n")
        try write("nb/b.md", "# B\n\n```swift\nlet b = 2 + 2 // => 4\n```\n")
        let path = bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let (status, stderr) = try tally(in: folder, ["check", "--no-cache", "nb"], environment: ["PATH": path])
        XCTAssertEqual(status, 0, stderr)
        XCTAssertEqual(stderr.components(separatedBy: "note: bwrap cannot create a sandbox here").count - 1, 1, stderr)
        XCTAssertTrue(stderr.contains("No permissions to create new namespace"), stderr)
    }

    func testNoCacheWritesNoCache() throws {
        try write("nb/two.md", "# Two\n\n```swift\nlet two = 1 + 1 // => 2\n```\n")
        let run = try tally(in: folder, ["check", "--no-cache", "nb/two.md"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("nb/.tally-cache").path))
    }

    /// Must-show: a cell that writes outside its notebook's folder fails inside the program, and the
    /// rest of the notebook's report is intact; `/tmp` is the program's own.
    func testACellCannotWriteOutsideItsNotebooksFolder() throws {
        let escape = packageRoot.appendingPathComponent(".build/sandbox-escape-\(UUID().uuidString)")
        let privateTemporary = "/tmp/tally-private-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(at: escape) }
        try write("nb/writes.md", """
        # Writes

        ```swift
        import Foundation
        let inside = FileManager.default.createFile(atPath: "figure.txt", contents: Data("ok".utf8)) // => true
        let outside = FileManager.default.createFile(atPath: "\(escape.path)", contents: Data("no".utf8)) // => true
        let scratch = FileManager.default.createFile(atPath: "\(privateTemporary)", contents: Data("tmp".utf8)) // => true
        let after = 2 + 2 // => 4
        ```

        """)
        let run = try tally(in: folder, ["check", "nb/writes.md"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("writes.md:6:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("stated true, computed false [stated-value]"), run.stderr)
        XCTAssertTrue(run.stderr.contains("3 of 4 stated values hold"), run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("nb/figure.txt").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: escape.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: privateTemporary), "the program's /tmp is its own")

        let unsandboxed = try tally(in: folder, ["check", "--no-sandbox", "--no-cache", "nb/writes.md"])
        XCTAssertEqual(unsandboxed.status, 0, unsandboxed.stderr)
        try? FileManager.default.removeItem(atPath: privateTemporary)
    }

    /// No network: a cell cannot connect even to a server listening on this machine's loopback.
    func testACellHasNoNetwork() throws {
        let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(server) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(server, raw, length) == 0, listen(server, 4) == 0, getsockname(server, raw, &length) == 0 else {
                    try missingRealPart("cannot listen on 127.0.0.1")
                }
            }
        }
        let port = UInt16(bigEndian: address.sin_port)
        try write("nb/net.md", """
        # Network

        ```swift
        import Foundation
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var server = sockaddr_in()
        server.sin_family = sa_family_t(AF_INET)
        server.sin_port = in_port_t(\(port)).bigEndian
        server.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &server) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        let connected = status == 0 // => false
        ```

        """)
        let sandboxed = try tally(in: folder, ["check", "--no-cache", "nb/net.md"])
        XCTAssertEqual(sandboxed.status, 0, sandboxed.stderr)
        let open = try tally(in: folder, ["check", "--no-cache", "--no-sandbox", "nb/net.md"])
        XCTAssertTrue(open.stderr.contains("stated false, computed true"), "the server is reachable without the sandbox: \(open.stderr)")
    }
}

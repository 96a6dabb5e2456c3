import Foundation
import XCTest
import TallyTestSupport

/// `tally build` replaces the site atomically: a build killed while writing leaves the previous
/// site whole, and two builds into one folder at once leave one whole site.
final class AtomicBuildTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        try requireRealPart(TallyCLITests.binary != nil, "the tally executable was not found next to the tests")
        let project = try TemporaryProject(self, prefix: "tally-atomic")
        folder = project.root
    }

    /// `count` notebooks in `notebooks/<set>/`, each page large enough that writing the site takes a while.
    private func writeNotebooks(_ set: String, version: String, count: Int) throws {
        let dir = folder.appendingPathComponent(set)
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let filler = String(repeating: "Gradient descent moves the weights against the gradient, $w - \\eta g$. ", count: 150)
        for i in 0..<count {
            let text = "# \(set) \(i) \(version)\n\nVersion \(version) of page \(i).\n\n\(filler)\n\n::: card {#\(set)-\(version)-\(i)}\nFront \(i)\n---\nBack \(i)\n:::\n"
            try Data(text.utf8).write(to: dir.appendingPathComponent("page-\(i).md"))
        }
    }

    private func start(_ arguments: String...) throws -> Process { try start(arguments) }

    private func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = TallyCLITests.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func build(_ arguments: String...) throws -> Int32 {
        let process = try start(arguments)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Every file of the site with its contents, by relative path.
    private func snapshot(_ site: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = try XCTUnwrap(FileManager.default.enumerator(at: site, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.path.dropFirst(site.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    private func leftovers(in output: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".site.tmp-") || $0.hasPrefix(".site.old-") }
    }

    func testBuildKilledWhileWritingLeavesThePreviousSiteWhole() throws {
        let output = folder.appendingPathComponent("output")
        let site = output.appendingPathComponent("site")
        try writeNotebooks("notes", version: "A", count: 300)
        XCTAssertEqual(try build("build", "notes", "--no-deck"), 0)
        let before = try snapshot(site)
        XCTAssertEqual(before.keys.filter { $0.hasPrefix("page-") }.count, 300)

        try writeNotebooks("notes", version: "B", count: 300)
        let process = try start("build", "notes", "--no-deck")
        // Kill it once it is writing the new site (its staging folder has pages in it).
        let deadline = Date().addingTimeInterval(300)  // a hang detector, not a speed requirement
        var killed = false
        while process.isRunning && Date() < deadline {
            let staging = try leftovers(in: output).filter { $0.hasPrefix(".site.tmp-") }
            if let name = staging.first,
               let pages = try? FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent(name).path), pages.count > 3 {
                kill(process.processIdentifier, SIGKILL)
                killed = true
                break
            }
            usleep(500)
        }
        process.waitUntilExit()
        XCTAssertTrue(killed && process.terminationReason == .uncaughtSignal, "the build was killed while writing (not after it finished)")

        XCTAssertEqual(try snapshot(site), before, "the previous site is intact and complete")

        // The next build is not blocked by the killed one's lock, and cleans up after it.
        XCTAssertEqual(try build("build", "notes", "--no-deck"), 0)
        let after = try snapshot(site)
        XCTAssertEqual(after.keys.filter { $0.hasPrefix("page-") }.count, 300)
        XCTAssertTrue(after.filter { $0.key.hasPrefix("page-") }.values.allSatisfy { String(decoding: $0, as: UTF8.self).contains("Version B") })
        XCTAssertEqual(try leftovers(in: output), [], "no staging folder is left behind")
    }

    func testTwoBuildsAtOnceLeaveOneWholeSite() throws {
        let output = folder.appendingPathComponent("output")
        let site = output.appendingPathComponent("site")
        try writeNotebooks("left", version: "L", count: 60)
        try writeNotebooks("right", version: "R", count: 40)
        for round in 0..<3 {
            let left = try start("build", "left", "--no-deck")
            let right = try start("build", "right", "--no-deck")
            left.waitUntilExit()
            right.waitUntilExit()
            XCTAssertEqual([left.terminationStatus, right.terminationStatus], [0, 0], "round \(round)")

            let files = try snapshot(site)
            let pages = files.filter { $0.key.hasPrefix("page-") }.map { String(decoding: $0.value, as: UTF8.self) }
            let fromLeft = pages.filter { $0.contains("Version L") }.count
            let fromRight = pages.filter { $0.contains("Version R") }.count
            XCTAssertTrue((fromLeft, fromRight) == (60, 0) || (fromLeft, fromRight) == (0, 40),
                          "round \(round): one build's pages only, all of them (\(fromLeft) left, \(fromRight) right)")
            let index = String(decoding: try XCTUnwrap(files["index.html"]), as: UTF8.self)
            XCTAssertTrue(index.contains(fromLeft == 60 ? "60 notebooks" : "40 notebooks"), "round \(round): the index belongs to the same build")
            XCTAssertNotNil(files["assets/tally.css"], "round \(round)")
            XCTAssertEqual(try leftovers(in: output), [], "round \(round)")
        }
    }
}

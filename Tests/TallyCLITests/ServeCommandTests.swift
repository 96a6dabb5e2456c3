import Foundation
import XCTest
import TallyTestSupport

/// `tally serve` as a user runs it: what it prints on a rebuild.
final class ServeCommandTests: XCTestCase {
    /// A rebuild that finds no new warning prints none: the warning of the first build is counted as unchanged.
    func testARebuildWithNoNewWarningPrintsNoWarningLine() throws {
        guard let binary = TallyCLITests.binary else { try missingRealPart("the tally executable was not found next to the tests") }
        let project = try TemporaryProject(self, prefix: "tally-serve-cli")
        try project.write("notebooks/remote.md", "# Remote\n\n![plot](https://example.org/plot.png)\n")
        let log = project.url("serve.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0", "--no-deck"]
        process.currentDirectoryURL = project.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }

        /// What the server printed once `marker` has appeared `count` times (a hang detector, not a speed limit).
        func printed(once marker: String, count: Int = 1) throws -> String {
            let deadline = Date().addingTimeInterval(300)
            while Date() < deadline {
                let text = try project.read("serve.log")
                if text.components(separatedBy: marker).count > count { return text }
                Thread.sleep(forTimeInterval: 0.05)
            }
            XCTFail("\(marker) never printed: \(try project.read("serve.log"))")
            return try project.read("serve.log")
        }
        let first = try printed(once: "serving http://127.0.0.1:")
        XCTAssertEqual(first.components(separatedBy: "[remote-image]").count - 1, 1, first)

        try project.write("notebooks/remote.md", "# Remote\n\n![plot](https://example.org/plot.png)\n\nMore prose.\n")
        let rebuilt = try printed(once: "rebuilt in")
        let afterRebuild = String(rebuilt[rebuilt.range(of: "changed: ")!.lowerBound...])
        XCTAssertFalse(afterRebuild.contains("warning:"), afterRebuild)
        XCTAssertTrue(afterRebuild.contains("1 warning unchanged"), afterRebuild)
    }
}

import Foundation
import XCTest
import TallyTestSupport
import TallyDocument
@testable import TallyServe

/// The watcher behind `tally serve`, with real files: a save, a save by rename, a file in a folder made
/// after the watcher started, and hidden files (editors' swap files) left out. Each runs with kernel
/// events (inotify) and with polling (`TALLY_WATCH_POLL`).
final class FolderWatcherTests: XCTestCase {
    private func changes(polling: Bool, _ edit: (URL) throws -> Void) throws -> [[String]] {
        if polling { setenv("TALLY_WATCH_POLL", "1", 1) } else { unsetenv("TALLY_WATCH_POLL") }
        defer { unsetenv("TALLY_WATCH_POLL") }
        let project = try TemporaryProject(self, prefix: "tally-watch")
        let notes = try project.makeFolder("notes")
        _ = try project.write("notes/a.md", "# A\n")
        let watcher = FolderWatcher([notes])
        let seen = Locked<[[String]]>([])
        let reported = expectation(description: "a change is reported")
        reported.assertForOverFulfill = false
        watcher.start { paths in
            seen.withLock { $0.append(paths.map { String($0.dropFirst(notes.path.count + 1)) }) }
            reported.fulfill()
        }
        defer { watcher.stop() }
        try edit(notes)
        wait(for: [reported], timeout: 5)
        Thread.sleep(forTimeInterval: 0.3)  // a second report, if the watcher wrongly gives one
        return seen.withLock { $0 }
    }

    func testASaveIsOneChange() throws {
        for polling in [false, true] {
            let seen = try changes(polling: polling) { notes in
                try "# A\n\nMore.\n".write(to: notes.appendingPathComponent("a.md"), atomically: false, encoding: .utf8)
            }
            XCTAssertEqual(seen, [["a.md"]], "polling: \(polling)")
        }
    }

    func testASaveByRenameIsOneChangeAndHiddenFilesAreLeftOut() throws {
        for polling in [false, true] {
            let seen = try changes(polling: polling) { notes in
                let swap = notes.appendingPathComponent(".a.md.swp")
                try "# A\n\nSaved by rename.\n".write(to: swap, atomically: false, encoding: .utf8)
                _ = rename(swap.path, notes.appendingPathComponent("a.md").path)
            }
            XCTAssertEqual(seen, [["a.md"]], "polling: \(polling)")
        }
    }

    func testAFileInANewFolderIsSeen() throws {
        for polling in [false, true] {
            let seen = try changes(polling: polling) { notes in
                let folder = notes.appendingPathComponent("later")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                Thread.sleep(forTimeInterval: 0.1)
                try "# B\n".write(to: folder.appendingPathComponent("b.md"), atomically: false, encoding: .utf8)
            }
            XCTAssertTrue(seen.flatMap { $0 }.contains("later/b.md"), "polling: \(polling): \(seen)")
        }
    }
}

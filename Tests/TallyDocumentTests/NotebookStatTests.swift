import Foundation
import XCTest
import TallyHashing
@testable import TallyDocument

/// A rebuild does not read a notebook whose `stat` is the one recorded when its bytes were hashed (as git's
/// index does), and a stat is recorded only once the file has settled (git's "racily clean" rule). The
/// digests expected are SHA-256 of the files' bytes, computed here.
final class NotebookStatTests: XCTestCase {
    private func load(_ root: URL) throws -> SourceSet {
        try SourceLoader.load(paths: ["notes"], workingDirectory: root,
                              summaries: { _ in NotebookSummaries(cache: root.appendingPathComponent(".tally-cache")) })
    }

    private func statRecords(_ root: URL) throws -> Int {
        let file = root.appendingPathComponent(".tally-cache/" + NotebookSummaries.fileName)
        return try XCTUnwrap(RecordFile.read(file, kind: "notebook-summaries")).keys.filter { $0.contains("-stat") }.count
    }

    private func digest(_ root: URL, _ relative: String) throws -> String {
        SHA256.hex(try Data(contentsOf: root.appendingPathComponent(relative)))
    }

    func testASettledFileIsKnownByItsStatAndAChangedOneIsReadAgain() throws {
        let root = try temporaryFolder(self)
        _ = try write("# A\n\nFirst version, $x$.\n", to: root, "notes/a.md")
        _ = try write("# B\n\nSee [A](a.md).\n", to: root, "notes/b.md")
        // Just written: not settled, so the first load records no stat.
        _ = try load(root)
        XCTAssertEqual(try statRecords(root), 0, "files changed within the last second are not known by their stat")
        Thread.sleep(forTimeInterval: 1.2)
        _ = try load(root)
        XCTAssertEqual(try statRecords(root), 2)

        // Known by their stat: the digests are those of the bytes, the blocks unread until asked for.
        let known = try load(root)
        XCTAssertEqual(known.notebooks.map(\.sourceDigest), [try digest(root, "notes/a.md"), try digest(root, "notes/b.md")])
        XCTAssertEqual(known.notebooks.map(\.isUnparsed), [true, true])
        XCTAssertEqual(known.notebooks[0].blocks.count, 2, "the blocks are parsed from the file when read")

        // Same size, new bytes: the stat differs (times), so the file is read and its new digest used.
        _ = try write("# A\n\nOther version, $y$.\n", to: root, "notes/a.md")
        let edited = try load(root)
        XCTAssertEqual(edited.notebooks[0].sourceDigest, try digest(root, "notes/a.md"))
        XCTAssertNotEqual(edited.notebooks[0].sourceDigest, known.notebooks[0].sourceDigest)
        XCTAssertTrue(edited.notebooks[0].title.contains("A"))
        XCTAssertEqual(edited.notebooks[1].sourceDigest, try digest(root, "notes/b.md"))
        // b's stat stays recorded; a's old one is dropped and its new one not recorded yet (not settled).
        XCTAssertEqual(try statRecords(root), 1)
    }

    func testAStatIsSettledOnlyASecondAfterTheFileChanged() throws {
        let root = try temporaryFolder(self)
        _ = try write("text", to: root, "a.md")
        let identity = try XCTUnwrap(FileStamp.Identity(root.appendingPathComponent("a.md").path))
        var now = FileStamp.Identity.now
        XCTAssertFalse(identity.settled(before: now))
        now.tv_sec += 2
        XCTAssertTrue(identity.settled(before: now))
        XCTAssertNil(FileStamp.Identity(root.appendingPathComponent("missing.md").path))
    }
}

import Foundation
import TallyDocument
import XCTest
import TallyTestSupport
@testable import TallyAnki

final class ModLockTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_750_000_000)

    func testModStaysWhileContentIsUnchangedAndGrowsWhenItChanges() {
        var lock = ModLock()
        let first = lock.stamp("g", hash: "h1", now: t0)
        XCTAssertEqual(first.mod, 1_750_000_000)
        XCTAssertEqual(lock.stamp("g", hash: "h1", now: t0.addingTimeInterval(3600)), first)
        // Changed within the same second: still newer than what Anki has.
        XCTAssertEqual(lock.stamp("g", hash: "h2", now: t0).mod, 1_750_000_001)
        XCTAssertEqual(lock.stamp("g", hash: "h3", now: t0.addingTimeInterval(60)).mod, 1_750_000_060)
        XCTAssertEqual(lock.entries["g"]?.id, first.id, "a note keeps its id")
    }

    func testNewNotesGetDistinctIDsWithRoomForTheirCards() {
        var lock = ModLock()
        let a = lock.stamp("a", hash: "x", now: t0).id
        let b = lock.stamp("b", hash: "x", now: t0).id
        XCTAssertEqual(a, 1_750_000_000_000)
        XCTAssertGreaterThanOrEqual(b - a, ModLock.idsPerNote)
        XCTAssertEqual(lock.stamp("t", hash: "x", now: t0, fixedID: 7).id, 7)
    }

    func testRoundTripsThroughItsFileAndAMissingFileIsEmpty() throws {
        let url = try TemporaryProject(self, prefix: "tally-lock").url("lock.json")
        XCTAssertEqual(try ModLock.load(from: url), ModLock())
        var lock = ModLock()
        _ = lock.stamp("g", hash: "h", now: t0)
        try lock.write(to: url)
        XCTAssertEqual(try ModLock.load(from: url), lock)
    }

    func testTwoNotesWithOneGUIDAreRefused() throws {
        let note = AnkiNote(guid: "g", noteType: .basic, fields: ["a", "b", ""], tags: [], deckName: "D",
                            location: .init(file: "x.md", line: 1))
        let url = try TemporaryProject(self, prefix: "tally-dup").url("dup.apkg")
        XCTAssertThrowsError(try AnkiExporter.writeTSV(AnkiDeckPackage(notes: [note, note]), to: url)) {
            XCTAssertEqual($0 as? AnkiExportError, .duplicateGUID("g"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }

    func testLockIsNotWrittenWhenThePackageCannotBe() throws {
        let directory = try TemporaryProject(self, prefix: "tally-lock").root
        let lockURL = directory.appendingPathComponent(AnkiExporter.lockFileName)
        // The output's folder is a file, so the package cannot be written.
        let blocker = directory.appendingPathComponent("out")
        try Data().write(to: blocker)
        let note = AnkiNote(guid: "g", noteType: .basic, fields: ["a", "b", ""], tags: [], deckName: "D",
                            location: .init(file: "x.md", line: 1))
        XCTAssertThrowsError(try AnkiExporter.writePackage(AnkiDeckPackage(notes: [note]),
                                                           to: blocker.appendingPathComponent("d.apkg"), lockURL: lockURL))
        XCTAssertFalse(FileManager.default.fileExists(atPath: lockURL.path))
    }

    func testLockBelongsToTheNotebooksOrToTheProjectFile() {
        let root = URL(fileURLWithPath: "/work/project/notebooks", isDirectory: true)
        // Whatever the working directory: the lock is a property of the notebooks.
        for cwd in ["/", "/work/project", "/tmp"] {
            let sources = SourceSet(notebooks: [], diagnostics: [], root: root, workingDirectory: URL(fileURLWithPath: cwd))
            XCTAssertEqual(AnkiExporter.lockPlace(for: sources, project: ProjectFile()).url.path,
                           "/work/project/notebooks/tally-anki.lock")
            let project = ProjectFile(url: URL(fileURLWithPath: "/work/project/tally.yml"),
                                      ankiLock: URL(fileURLWithPath: "/work/project/locks/anki"))
            let place = AnkiExporter.lockPlace(for: sources, project: project)
            XCTAssertEqual(place.url.path, "/work/project/locks/anki")
            XCTAssertEqual(place.base.path, "/work/project")
        }
    }
}

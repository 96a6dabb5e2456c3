import Foundation
import XCTest
import TallyDocument
@testable import TallyAnki
import TallyTestSupport

/// A card deleted from the notes is named, and its note comes once more tagged `tally::removed` (content as it
/// was, newer `mod`), so one search in Anki finds every note to delete; the lock remembers it until
/// `--forget-removed`. Checked against the real Anki importer.
final class RemovedCardsTests: XCTestCase {
    private var fixture: NotebookFixture!

    override func setUpWithError() throws { fixture = try NotebookFixture() }
    override func tearDown() { fixture.remove() }

    private func card(_ id: String, _ front: String) -> String {
        "::: card {#\(id)}\n\(front)\n---\nAn answer to \(front.lowercased())\n:::\n\n"
    }

    func testRemovedCardsAreNamedTaggedAndRememberedUntilForgotten() throws {
        let all = ["keep", "sigmoid-range", "old-question"]
        try fixture.write("a.md", "# Cards\n\n" + all.map { card($0, "Question \($0)?") }.joined())
        try fixture.write("b.md", card("elsewhere", "Other notebook?"))
        let guids = try AnkiHarness.guids(forCardIDs: all + ["elsewhere"])
        let anki = AnkiHarness(directory: fixture.base)
        let t0 = Date(timeIntervalSince1970: 1_780_000_000)

        let first = try anki.importPackage(fixture.exportPackage(name: "v1.apkg", now: t0).url)
        XCTAssertEqual(first.log?.new.count, 4)
        _ = try anki.answerFirstCard(ofNote: guids["keep"]!)
        let before = try XCTUnwrap(first.state.note(guids["old-question"]!))

        // Two cards deleted from the notebook.
        try fixture.write("a.md", "# Cards\n\n" + card("keep", "Question keep?"))
        let (v2, export) = try fixture.exportPackage(name: "v2.apkg", now: t0.addingTimeInterval(60))
        XCTAssertEqual(export.notes, 2)
        XCTAssertEqual(export.removals.new, ["old-question", "sigmoid-range"])
        XCTAssertEqual(AnkiExporter.report(export.removals).first,
                       "2 cards removed since the last export: old-question, sigmoid-range")
        let second = try anki.importPackage(v2)
        XCTAssertEqual(Set(second.log?.updated ?? []), [guids["old-question"]!, guids["sigmoid-range"]!])
        XCTAssertEqual(second.log?.new, [])
        XCTAssertEqual(Set(try anki.search("tag:\(AnkiNote.removedTag)")), [guids["old-question"]!, guids["sigmoid-range"]!])
        let after = try XCTUnwrap(second.state.note(guids["old-question"]!))
        XCTAssertEqual(after.fields, before.fields, "content unchanged")
        XCTAssertGreaterThan(after.mod, before.mod)
        XCTAssertEqual(second.state.note(guids["keep"]!)?.reviews, 1, "reviews elsewhere untouched")
        XCTAssertEqual(second.state.note(guids["keep"]!)?.tags, ["Cards"])

        // Exported again: still carried, nothing new to say, nothing updated.
        let (v3, again) = try fixture.exportPackage(name: "v3.apkg", now: t0.addingTimeInterval(120))
        XCTAssertEqual(again.removals.new, [])
        XCTAssertEqual(again.removals.remembered, ["old-question", "sigmoid-range"])
        let third = try anki.importPackage(v3)
        XCTAssertEqual(third.log?.updated, [])
        XCTAssertEqual(third.log?.new, [])

        // Confirmed: the lock forgets them and the package no longer carries them.
        let (_, forgotten) = try fixture.exportPackage(name: "v4.apkg", forgetRemoved: true, now: t0.addingTimeInterval(180))
        XCTAssertEqual(forgotten.removals.forgotten, ["old-question", "sigmoid-range"])
        let lock = try ModLock.load(from: fixture.root.appendingPathComponent(AnkiExporter.lockFileName))
        XCTAssertNil(lock.entries[guids["old-question"]!])
        XCTAssertNotNil(lock.entries[guids["keep"]!])
        XCTAssertEqual(try fixture.exportPackage(name: "v5.apkg").result.removals, AnkiExporter.Removals())
    }

    /// Exporting one notebook alone does not call the others' cards removed; deleting a whole notebook does.
    func testOnlyCardsOfExportedOrDeletedNotebooksCountAsRemoved() throws {
        try fixture.write("a.md", card("in-a", "A?"))
        try fixture.write("b.md", card("in-b", "B?"))
        try fixture.exportPackage()
        XCTAssertEqual(try fixture.exportPackage(["a.md"]).result.removals.new, [])
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("b.md"))
        XCTAssertEqual(try fixture.exportPackage().result.removals.new, ["in-b"])
    }

    /// Naming one notebook of a subfolder uses the collection's lock (found above it, within the project), with
    /// the same notebook paths, instead of starting a lock of its own.
    func testOneNotebookNamedAloneUsesItsCollectionsLock() throws {
        try Data().write(to: fixture.base.appendingPathComponent("tally.yml"))
        try fixture.write("top.md", card("top", "Top?"))
        try fixture.write("sub/x.md", card("deep", "Deep?"))
        try fixture.exportPackage()
        let lock = fixture.root.appendingPathComponent(AnkiExporter.lockFileName)
        let before = try ModLock.load(from: lock)
        try fixture.write("sub/x.md", card("deep", "Deeper?"))
        let alone = try fixture.exportPackage(["sub/x.md"]).result
        XCTAssertEqual(alone.removals, AnkiExporter.Removals(), "top.md was not exported, not removed")
        XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("sub/tally-anki.lock").path))
        let after = try ModLock.load(from: lock)
        XCTAssertEqual(Set(after.entries.keys), Set(before.entries.keys))
        let guid = AnkiGUID.forCard(id: "deep")
        XCTAssertEqual(after.entries[guid]?.note?.notebook, "sub/x.md")
        XCTAssertNotEqual(after.entries[guid]?.hash, before.entries[guid]?.hash)
    }
}

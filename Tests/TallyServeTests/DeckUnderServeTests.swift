import Foundation
import TallyDocument
import XCTest
import TallyTestSupport

/// `tally serve` rewrites `output/tally.apkg` on every rebuild, stamped from the committed Anki lock, and never
/// writes the lock: real Anki imports each rebuild's package as the update it is, and cards that only existed
/// between two saves never become removed notes.
final class DeckUnderServeTests: XCTestCase {
    private func card(_ id: String?, _ front: String, _ back: String) -> String {
        "::: card\(id.map { " {#\($0)}" } ?? "")\n\(front)\n---\n\(back)\n:::\n\n"
    }

    /// A field's text: Anki stores the HTML Tally rendered (`<p>Four</p>`).
    private func text(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every file of the lock folder with its bytes.
    private func lockFiles(_ project: TemporaryProject) throws -> [String: Data] {
        let folder = project.url("notebooks/tally-anki.lock")
        let paths = FileManager.default.subpaths(atPath: folder.path) ?? []
        var files: [String: Data] = [:]
        for path in paths {
            var isDirectory: ObjCBool = false
            let file = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: file)
            }
        }
        return files
    }

    func testEachRebuildRewritesTheDeckAndLeavesTheLockAsCommitted() throws {
        let served = try ServedProject(self)
        let project = served.project
        func save(_ cards: String) throws { try project.write("notebooks/deck.md", "# Deck\n\n" + cards) }
        let multiply = card("q-multiply", "What is six times seven?", "Forty-two")
        let add = card("q-add", "What is two plus two?", "Four")
        try save(multiply + add)

        // `tally build` first: its lock is the committed one.
        let recorded = try served.pipeline(writeDeck: true).run(try SourceLoader.load(paths: ["notebooks"], workingDirectory: project.root))
        XCTAssertEqual(recorded.deckNotes, 2)
        let committed = try lockFiles(project)
        XCTAssertFalse(committed.isEmpty)
        let guids = try AnkiHarness.guids(forCardIDs: ["q-multiply", "q-add"])
        let deck = project.url("output/tally.apkg")

        _ = try served.start(writeDeck: true)
        try served.build(1)
        let anki = AnkiHarness(directory: project.root)
        let first = try anki.importPackage(deck)
        XCTAssertEqual(Set(first.state.notes.map(\.guid)), Set(guids.values))

        // A save: one answer edited, one card deleted, a new card half typed (its id comes from its front).
        try save(card("q-multiply", "What is six times seven?", "Forty-two, six sevens") + card(nil, "Half typ", "Back"))
        try served.build(2)
        let second = try anki.importPackage(deck)
        XCTAssertEqual(Set(second.log?.updated ?? []), [guids["q-multiply"], guids["q-add"]], "the edit and the removal reach Anki")
        XCTAssertEqual(second.state.note(guids["q-multiply"]!)?.fields["Back"].map(text), "Forty-two, six sevens")
        XCTAssertTrue(second.state.note(guids["q-add"]!)?.tags.contains("tally::removed") ?? false)
        XCTAssertEqual(second.state.notes.filter { $0.fields["Front"].map(text) == "Half typ" }.count, 1)

        // Typed on: the half-typed card is gone from the notebook, and it never was in the lock.
        try save(card("q-multiply", "What is six times seven?", "Forty-two, six sevens") + card(nil, "Half typed, now whole", "Back"))
        try served.build(3)
        let fresh = AnkiHarness(directory: project.url("fresh"))
        try FileManager.default.createDirectory(at: project.url("fresh"), withIntermediateDirectories: true)
        let third = try fresh.importPackage(deck)
        XCTAssertEqual(third.state.notes.map { text($0.fields["Front"] ?? "") }.sorted(),
                       ["Half typed, now whole", "What is six times seven?", "What is two plus two?"],
                       "the deleted card is sent as removed (the committed lock knows it), the half-typed one is not")
        let again = try anki.importPackage(deck)
        XCTAssertEqual(again.log?.updated ?? [], [], "an unchanged note keeps the mod of the session's earlier package")

        XCTAssertEqual(try lockFiles(project), committed, "serve never writes the lock")
    }
}

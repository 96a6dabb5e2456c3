import Foundation
import XCTest
import TallyTestSupport
@testable import TallyAnki

/// The acceptance run: a deck file of 117 cards imports into real Anki as 117 notes whose GUIDs derive
/// from their card_ids; editing one card and exporting again updates exactly that note, keeping its reviews.
final class SeedAcceptanceTests: XCTestCase {
    private var fixture: NotebookFixture!

    override func setUpWithError() throws { fixture = try NotebookFixture() }
    override func tearDown() { fixture.remove() }

    func testOwnDeckFileOf117Cards() throws {
        let text = (1...117).map { i in
            "---\ncard_id: own\(i)x\n---\nWhat is the **\(i)th** moment of $x_{i}^{\(i)}$?\n---\n- $\\mathbb{E}[x^{\(i)}]$\n- about \(i)\n---\n"
        }.joined()
        try fixture.write("deck.txt", text)
        try acceptanceRun(file: "deck.txt", expectedCount: 117)
    }

    /// The real seed, where the checkout has `shared/` beside it (CI does).
    func testSharedSeedDeckFile() throws {
        let seed = AnkiHarness.packageRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/seeds/000_683dc635d23167b2.txt")
        try requireRealPart(FileManager.default.fileExists(atPath: seed.path), "no \(seed.path) beside the checkout")
        try fixture.write("seed.txt", Data(contentsOf: seed))
        try acceptanceRun(file: "seed.txt", expectedCount: 117)
    }

    private func acceptanceRun(file: String, expectedCount: Int) throws {
        let url = fixture.root.appendingPathComponent(file)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        // Card ids read straight from the text, not through Tally's parser.
        let ids = lines.filter { $0.hasPrefix("card_id:") }.map { $0.dropFirst("card_id:".count).trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(ids.count, expectedCount)
        let expectedGUIDs = try AnkiHarness.guids(forCardIDs: ids)

        let (_, _, diagnostics) = try fixture.notes([file])
        XCTAssertEqual(diagnostics, [])
        let anki = AnkiHarness(directory: fixture.base)
        let now = Date()
        let first = try anki.importPackage(fixture.exportPackage([file], now: now).url)
        XCTAssertEqual(first.log?.new.count, expectedCount)
        XCTAssertEqual(first.state.notes.count, expectedCount)
        XCTAssertEqual(first.state.cardCount, expectedCount)
        XCTAssertEqual(Set(first.state.notes.map(\.guid)), Set(expectedGUIDs.values))
        XCTAssertEqual(Set(first.state.notes.flatMap(\.decks)), ["notebooks"], "deck named after the folder")

        let edited = ids[4]
        let guid = try XCTUnwrap(expectedGUIDs[edited])
        XCTAssertEqual(try anki.answerFirstCard(ofNote: guid).state.note(guid)?.reviews, 1)

        // Append a line to the back: the card's closing `---` is the third rule after its `card_id:` line.
        let header = try XCTUnwrap(lines.firstIndex(of: "card_id: \(edited)"))
        let rules = lines.indices.filter { $0 > header && lines[$0].trimmingCharacters(in: .whitespaces) == "---" }
        lines.insert(contentsOf: ["", "Edited by the acceptance test."], at: rules[2])
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)

        // Same `now`: the edit must reach Anki even within the same second.
        let second = try anki.importPackage(fixture.exportPackage([file], now: now).url)
        let log = try XCTUnwrap(second.log)
        XCTAssertEqual(log.updated, [guid])
        XCTAssertEqual(log.new, [])
        XCTAssertEqual(log.conflicting, [])
        XCTAssertEqual(log.duplicate.count, expectedCount - 1, "unchanged notes are left alone")
        XCTAssertEqual(second.state.notes.count, expectedCount)
        let note = try XCTUnwrap(second.state.note(guid))
        XCTAssertTrue(note.fields["Back"]?.contains("Edited by the acceptance test.") ?? false, "\(note.fields)")
        XCTAssertEqual(note.reviews, 1, "review history kept")
    }
}

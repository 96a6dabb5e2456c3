import Foundation
import TallyDocument
import XCTest
import TallyTestSupport
import TallyHashing
@testable import TallyAnki

/// The writer against the real Anki importer: what Anki stores, and what its import log says on a re-import.
final class ApkgImportTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try TemporaryProject(self, prefix: "tally-anki-test").root
    }

    private let plot = AnkiMedia(data: Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"4\"/></svg>".utf8),
                                 fileExtension: "svg")

    private func note(_ cardID: String, _ first: String, _ second: String, type: AnkiNoteType = .basic,
                      tags: [String] = ["ml"], deck: String = "ML::Basics") -> AnkiNote {
        AnkiNote(guid: AnkiGUID.forCard(id: cardID), noteType: type, fields: [first, second, "<a href=\"x.html\">x.md:1</a>"],
                 tags: tags, deckName: deck, location: SourceLocation(file: "x.md", line: 1),
                 clozeNumbers: type == .cloze ? [1, 2] : [])
    }

    private func sample() -> AnkiDeckPackage {
        AnkiDeckPackage(notes: [
            note("relu", "<p>What is <strong>ReLU</strong>?</p>", "<p>\\(\\max(0, x)\\)</p>", tags: ["ml", "activations"]),
            note("sigmoid", "<p>sigmoid</p>", "<p>\\(\\frac{1}{1+e^{-x}}\\)</p>", type: .basicAndReversed),
            note("softmax",
                 // As TallyHTML's MathJax mode writes it: `}}` in TeX spaced apart.
                 "<p>{{c1::Softmax}} is \\(\\frac{e^{x_i}}{\\sum_j e^{x_{j} } }\\) and {{c2::\\(\\frac{1}{x^{2} }\\)}}</p>",
                 "<img src=\"\(plot.name)\">", type: .cloze, deck: "ML"),
        ], media: [plot])
    }

    private func export(_ package: AnkiDeckPackage, name: String = "deck.apkg", now: Date) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try AnkiExporter.writePackage(package, to: url, lockURL: directory.appendingPathComponent("tally-anki.lock"), now: now)
        return url
    }

    func testAnkiImportsNotesCardsFieldsDecksTagsAndMedia() throws {
        let anki = AnkiHarness(directory: directory)
        let report = try anki.importPackage(export(sample(), now: Date(timeIntervalSince1970: 1_750_000_000)))
        let state = report.state
        let guids = try AnkiHarness.guids(forCardIDs: ["relu", "sigmoid", "softmax"])

        XCTAssertEqual(report.log?.new.count, 3)
        XCTAssertEqual(Set(state.notes.map(\.guid)), Set(guids.values))
        XCTAssertEqual(state.cardCount, 5, "1 basic + 2 reversed + 2 cloze deletions")

        let relu = try XCTUnwrap(state.note(guids["relu"]!))
        XCTAssertEqual(relu.notetype, "Tally Basic")
        XCTAssertEqual(relu.fields["Front"], "<p>What is <strong>ReLU</strong>?</p>")
        XCTAssertEqual(relu.fields["Back"], "<p>\\(\\max(0, x)\\)</p>")
        XCTAssertEqual(relu.fields["Source"], "<a href=\"x.html\">x.md:1</a>")
        XCTAssertEqual(Set(relu.tags), ["ml", "activations"])
        XCTAssertEqual(relu.decks, ["ML::Basics"])

        let sigmoid = try XCTUnwrap(state.note(guids["sigmoid"]!))
        XCTAssertEqual(sigmoid.notetype, "Tally Basic (and reversed card)")
        XCTAssertEqual(sigmoid.cardOrds, [0, 1])
        XCTAssertTrue(sigmoid.questions[1].contains("\\frac{1}{1+e^{-x}}"), sigmoid.questions[1])

        let softmax = try XCTUnwrap(state.note(guids["softmax"]!))
        XCTAssertEqual(softmax.notetype, "Tally Cloze")
        XCTAssertEqual(softmax.cardOrds, [0, 1])
        XCTAssertEqual(softmax.decks, ["ML"])
        // The second deletion hides the whole formula; its `}}` did not end the deletion early.
        XCTAssertFalse(softmax.questions[1].contains("x^{2}"), softmax.questions[1])
        XCTAssertTrue(softmax.questions[0].contains("x^{2} }"), softmax.questions[0])

        XCTAssertTrue(Set(state.decks).isSuperset(of: ["ML", "ML::Basics"]), "\(state.decks)")
        XCTAssertEqual(state.media, [plot.name: SHA256.hex(plot.data)])
    }

    func testEditedNoteIsUpdatedInPlaceKeepingItsReviewsAndOthersAreUntouched() throws {
        let anki = AnkiHarness(directory: directory)
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        var package = sample()
        _ = try anki.importPackage(export(package, now: now))
        let relu = AnkiGUID.forCard(id: "relu")
        XCTAssertEqual(try anki.answerFirstCard(ofNote: relu).state.note(relu)?.reviews, 1)

        // Same second as the first export: the lock must still give the edit a newer mod.
        package.notes[0].fields[1] = "<p>\\(\\max(0, x)\\), zero for negative inputs</p>"
        let report = try anki.importPackage(export(package, now: now))

        let log = try XCTUnwrap(report.log)
        XCTAssertEqual(log.updated, [relu])
        XCTAssertEqual(log.new, [])
        // Anki lists notes it already has and leaves alone as "duplicate".
        XCTAssertEqual(Set(log.duplicate), [AnkiGUID.forCard(id: "sigmoid"), AnkiGUID.forCard(id: "softmax")])
        XCTAssertEqual(log.conflicting, [])
        XCTAssertEqual(report.state.notes.count, 3)
        let updated = try XCTUnwrap(report.state.note(relu))
        XCTAssertEqual(updated.fields["Back"], "<p>\\(\\max(0, x)\\), zero for negative inputs</p>")
        XCTAssertEqual(updated.reviews, 1, "review history kept")
    }

    func testRebuildWithoutChangesUpdatesNothing() throws {
        let anki = AnkiHarness(directory: directory)
        _ = try anki.importPackage(export(sample(), now: Date(timeIntervalSince1970: 1_750_000_000)))
        let report = try anki.importPackage(export(sample(), now: Date(timeIntervalSince1970: 1_760_000_000)))
        XCTAssertEqual(report.log?.updated, [])
        XCTAssertEqual(report.log?.new, [])
        XCTAssertEqual(report.log?.duplicate.count, 3)
        XCTAssertEqual(report.state.notes.count, 3)
    }

    func testTSVImportsIntoStockNoteTypes() throws {
        let url = directory.appendingPathComponent("deck.tsv")
        try AnkiExporter.writeTSV(sample(), to: url)
        let report = try AnkiHarness(directory: directory).importTSV(url)
        let guids = try AnkiHarness.guids(forCardIDs: ["relu", "sigmoid", "softmax"])

        XCTAssertEqual(report.log?.new.count, 3)
        XCTAssertEqual(report.state.cardCount, 5)
        let relu = try XCTUnwrap(report.state.note(guids["relu"]!))
        XCTAssertEqual(relu.notetype, "Basic")
        XCTAssertEqual(relu.fields["Front"], "<p>What is <strong>ReLU</strong>?</p>")
        XCTAssertEqual(relu.fields["Back"], "<p>\\(\\max(0, x)\\)</p><div class=\"tally-source\"><a href=\"x.html\">x.md:1</a></div>")
        XCTAssertEqual(Set(relu.tags), ["ml", "activations"])
        XCTAssertEqual(relu.decks, ["ML::Basics"])
        XCTAssertEqual(report.state.note(guids["sigmoid"]!)?.notetype, "Basic (and reversed card)")
        XCTAssertEqual(report.state.note(guids["softmax"]!)?.cardOrds, [0, 1])
    }
}

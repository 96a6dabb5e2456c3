import Foundation
import TallyDocument
import TallyImport
import XCTest
import TallyTestSupport

/// The user's real notes, in `../shared/seeds` beside the package root (present on CI). Expected numbers
/// were counted independently of the importer:
/// - 000: `grep -c '^card_id:'` → 117 cards.
/// - 001: `grep -c '?$'` → 25 questions (the title line has no `?`).
/// - 002: the page's own counter line `1/52`, and 52 term lines counted by hand; the garbled formula lines
///   were read one by one (`grep -n 'amp;'` finds three of them: 125, 128, 136).
/// - 003: `grep -c '^### '` → 48 topics, of which 15 are followed only by blank lines and another heading
///   (58, 60, and the 13 from 333 to 357); `grep -c '^## '` → 3 more sections. Five topics are longer
///   than a card (more than 20 non-blank lines or 2,000 characters, counted by a few lines of Python
///   over the file): 93 has five `####` sub-headings (5 cards, 5 more sections), 13, 189, 269 and 279
///   have neither sub-headings nor a term list (prose, a warning each) → 48 − 15 − 5 + 5 = 33 cards.
/// - 004: `diff <(sed -n 367,397p) <(sed -n 431,461p)` and `diff <(sed -n 401,427p) <(sed -n 465,491p)`
///   are empty: two sections pasted twice. `grep -niE '^#+ +(why|what|how|when|which|who|where)\b|^#+ .*\?\s*$'`
///   → 4 question-shaped headings (115, 780, 784, 795), each with a short body → 4 cards.
final class SeedAcceptanceTests: XCTestCase {
    struct Expected {
        var prefix: String
        var format: ImportFormat
        var cards: Int
        var sections: Int
        var warningLines: [Int]
        /// The notes' own title where they have one (001's first line, 003's `#` heading); else a name for
        /// what they are, never the hash-like file name (000, 002), or the topics of their index (004).
        var title: String
    }

    let expected = [
        Expected(prefix: "000_", format: .cards, cards: 117, sections: 0, warningLines: [], title: "Flashcards 000"),
        Expected(prefix: "001_", format: .qa, cards: 25, sections: 0, warningLines: [],
                 title: "Loss and Learning Mechanisms Flashcards"),
        Expected(prefix: "002_", format: .flashcardPage, cards: 52, sections: 0,
                 warningLines: [15, 18, 21, 24, 28, 46, 49, 51, 54, 62, 77, 82, 103, 111, 121, 125, 128, 131, 135, 136],
                 title: "Flashcards 002"),
        Expected(prefix: "003_", format: .headings, cards: 33, sections: 56,
                 warningLines: [13, 58, 60, 189, 269, 279, 333, 335, 337, 339, 341, 343, 345, 347, 349, 351, 353, 355, 357],
                 title: "Machine Learning Interview Prep"),
        Expected(prefix: "004_", format: .markdown, cards: 4, sections: 36, warningLines: [431, 465],
                 title: "Notes on simple math, what is deep learning vs ml, neuron vs perceptron, …"),
    ]

    func testSeedsImportWithTheCountedNumbers() throws {
        // Resolved, so that a checkout reached through a symbolic link still finds its neighbour folder.
        let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let seeds = root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []).filter { !$0.hasPrefix(".") }
        try requireRealPart(!files.isEmpty, "no seeds at \(seeds.path)")
        var allIDs: [String] = []
        for e in expected {
            let name = try XCTUnwrap(files.first { $0.hasPrefix(e.prefix) }, e.prefix)
            let text = try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
            let c = convert(text, name: name)
            XCTAssertEqual(c.format, e.format, name)
            XCTAssertEqual(c.notebook.cards.count, e.cards, name)
            XCTAssertEqual(c.notebook.sectionCount, e.sections, name)
            XCTAssertEqual(warningLines(c), e.warningLines, name)
            XCTAssertEqual(c.notebook.title, e.title, name)
            assertParsesCleanly(c)
            XCTAssertEqual(convert(text, name: name).markdown, c.markdown, "re-import of \(name) gives the same bytes")
            allIDs += c.notebook.cards.map(\.id)
        }
        XCTAssertEqual(Set(allIDs).count, allIDs.count, "ids are unique across the five notebooks, so they build together")
    }
}

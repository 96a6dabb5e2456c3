import XCTest
@testable import TallyDocument

/// `key="value"` card attributes: an Anki GUID of any characters, and the note's own tags.
final class CardAttributeTests: XCTestCase {
    private func parse(_ text: String) -> (Notebook, [Diagnostic]) {
        let (notebook, diagnostics) = NotebookParser.parse(text, path: "a.md")
        return (notebook, diagnostics)
    }

    func testGUIDWithAnkisCharactersAndTagsAreRead() {
        let (notebook, diagnostics) = parse(#"::: card {#anki-1 .reversed guid="q#1;{|`\"\\x" tags="optics exam"}"# + "\nfront\n---\nback\n:::\n")
        XCTAssertEqual(diagnostics, [])
        let card = notebook.cards[0]
        XCTAssertEqual(card.id, "anki-1")
        XCTAssertTrue(card.isReversed)
        XCTAssertEqual(card.guid, #"q#1;{|`"\x"#)
        XCTAssertEqual(card.tags, ["optics", "exam"])
    }

    func testQuotingRoundTrips() {
        for guid in [#"a"b"#, #"back\slash"#, "sp ace", "}{", #"\""#] {
            let line = "::: card {#c guid=\(Card.quotedAttribute(guid))}\nf\n---\nb\n:::\n"
            XCTAssertEqual(parse(line).0.cards.first?.guid, guid, line)
        }
    }

    func testUnknownAttributeAndUnclosedQuoteAreErrors() {
        let (_, unknown) = parse("::: card {#c deck=\"x\"}\nf\n---\nb\n:::\n")
        XCTAssertEqual(unknown.map(\.rule), [.cardAttribute])
        XCTAssertTrue(unknown[0].message.contains("unknown card attribute 'deck'"), unknown[0].message)
        let (_, unclosed) = parse("::: card {#c guid=\"x}\nf\n---\nb\n:::\n")
        XCTAssertTrue(unclosed.contains { $0.message.contains("never closed") }, "\(unclosed)")
    }
}

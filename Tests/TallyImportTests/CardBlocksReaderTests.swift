import TallyDocument
import TallyImport
import XCTest

final class CardBlocksReaderTests: XCTestCase {
    let deck = """
    ---
    card_id: river-1
    ---
    Which river carries the most water?
    ---
    The Amazon, by a wide margin.
    ---
    ---
    card_id: peak.2
    ---
    Name two ways mountains form.
    ---
    - plates colliding
    - volcanic build-up
    ---

    """

    func testEveryCardKeepsItsWrittenID() {
        let c = convert(deck, format: .cards)
        XCTAssertEqual(c.notebook.cards.map(\.id), ["river-1", "peak.2"])
        XCTAssertEqual(c.notebook.cards[1].back, "- plates colliding\n- volcanic build-up")
        XCTAssertEqual(c.notebook.cards.map(\.line), [1, 8])
        XCTAssertEqual(c.notebook.warnings, [])
        assertParsesCleanly(c)
    }

    func testNotebookTitleIsTheFileName() {
        XCTAssertEqual(convert(deck, name: "geo/rivers.txt", format: .cards).notebook.title, "rivers")
    }
}

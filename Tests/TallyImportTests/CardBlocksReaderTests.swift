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

    func testNotebookTitleIsTheFileNameMadeReadable() {
        XCTAssertEqual(convert(deck, name: "geo/river_facts.txt", format: .cards).notebook.title, "River facts")
    }

    /// A hash-like export name is never a title: the notes get a plain name for what they are.
    func testHashLikeFileNameIsNotTheTitle() {
        XCTAssertEqual(convert(deck, name: "007_9f3c2a61d0b4e8aa.txt", format: .cards).notebook.title, "Flashcards 007")
        XCTAssertEqual(convert(deck, name: "9f3c2a61d0b4e8aa.txt", format: .cards).notebook.title, "Flashcards")
    }

    /// The page shows its title as a heading, and the set gets a deck of its own named after it.
    func testWrittenNotebookShowsItsTitleAndHasItsOwnDeck() {
        let c = convert(deck, name: "geo/river_facts.txt", format: .cards)
        let parsed = NotebookParser.parse(c.markdown, path: "out.md").notebook
        XCTAssertEqual(parsed.frontMatter.title, "River facts")
        XCTAssertEqual(parsed.frontMatter.deck, "River facts")
        guard case .heading(let level, let inlines)? = parsed.blocks.first?.kind else {
            return XCTFail("the first block is not a heading: \(c.markdown)")
        }
        XCTAssertEqual(level, 1)
        XCTAssertEqual(inlines.map(\.plainText).joined(), "River facts")
        assertParsesCleanly(c)
    }
}

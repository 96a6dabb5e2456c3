import XCTest
@testable import TallyDocument

/// Cards in the syntax of Obsidian's Spaced Repetition plugin, in notes tagged #flashcards.
final class InlineFlashcardTests: XCTestCase {
    private func parse(_ text: String) -> (Notebook, [Diagnostic]) { NotebookParser.parse(text, path: "vault/optics.md") }

    func testSingleLineReversedAndMultiLineCards() {
        let (notebook, diagnostics) = parse("""
        # Optics #flashcards #physics/light

        Refraction::The bending of light as it changes medium.
        Focal length:::The distance from a lens to its focus.

        What does a prism
        split light into?
        ?
        Its colours,
        by wavelength.

        Unit of power of a lens
        ??
        Dioptre

        """)
        XCTAssertEqual(diagnostics, [])
        let cards = notebook.cards
        XCTAssertEqual(cards.map(\.frontSource), ["Refraction", "Focal length", "What does a prism\nsplit light into?",
                                                  "Unit of power of a lens"])
        XCTAssertEqual(cards.map(\.backSource), ["The bending of light as it changes medium.", "The distance from a lens to its focus.",
                                                 "Its colours,\nby wavelength.", "Dioptre"])
        XCTAssertEqual(cards.map(\.isReversed), [false, true, false, true])
        XCTAssertEqual(cards.map(\.location.line), [3, 4, 6, 12])
        XCTAssertEqual(notebook.frontMatter.tags, ["flashcards", "physics/light"])
    }

    /// Obsidian's rule for a tag (https://help.obsidian.md/tags): `#`, then letters of any script, digits,
    /// `_`, `-` and `/`, not digits alone, after white space or at a line's start; not in code, not a `# Heading`.
    func testTagsAreFoundWhereObsidianFindsThem() {
        let lines = """
        # Heading is no tag
        Text #first and `#inCode` and #second-one/sub, not a#third nor #1984 but #4th.
        An unclosed ` backtick hides nothing: #after
        ```
        #fenced
        ```
        Café\u{00A0}#nbsp #étoile
        """.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(ObsidianTags.find(in: lines), ["first", "second-one/sub", "4th", "after", "nbsp", "étoile"])
    }

    /// Without the plugin's tag, `::` is text: deck paths, C++ names and clozes stay as they are.
    func testNotesWithoutTheTagHaveNoInlineCards() {
        let (notebook, _) = parse("Decks are named like Tally::Optics.\n\nWhat is 2 + 2?\n?\nFour.\n")
        XCTAssertEqual(notebook.cards, [])
    }

    func testCodeSpansClozesAndCodeBlocksAreNeverSeparators() {
        let (notebook, _) = parse("""
        #flashcards

        Call `std::sort` to sort.

        A lens {{c1::focuses}} light.

        ```cpp
        a::b
        ```

        Lens::A shaped piece of glass.

        """)
        XCTAssertEqual(notebook.cards.map(\.frontSource), ["Lens"])
    }

    /// `tally ids --write` has no `::: card` line to write an inline card's id on, so it leaves it alone.
    func testIDWriterLeavesInlineCardsAlone() {
        let text = "#flashcards\n\nLens::Glass.\n"
        let (notebook, _) = parse(text)
        XCTAssertEqual(IDWriter.addingIDs(to: text, cards: notebook.cards), text)
    }
}

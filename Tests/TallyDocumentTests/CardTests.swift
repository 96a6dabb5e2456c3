import XCTest
@testable import TallyDocument
import TallyTestSupport

/// Cards written inside notebooks (`::: card`) and deck files (`card_id:` blocks).
final class NotebookCardTests: XCTestCase {
    let sigmoid = """
    # Activations

    ::: card {#sigmoid-formula}
    What is the **sigmoid** function?
    ---
    $$\\sigma(x) = \\frac{1}{1 + e^{-x}}$$

    - squashes to $(0, 1)$
    - used for *probabilities*

    | x | σ(x) |
    |---|------|
    | 0 | 0.5  |

    ```swift
    func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
    ```
    :::

    After the card.

    """

    func testCardWithIDHasFullMarkdownFrontAndBack() {
        let (nb, diags) = parse(sigmoid)
        XCTAssertEqual(diags, [])
        XCTAssertEqual(nb.cards.count, 1)
        let card = nb.cards[0]
        XCTAssertEqual(card.id, "sigmoid-formula")
        XCTAssertEqual(card.identity, .written)
        XCTAssertEqual(card.location, SourceLocation(file: "note.md", line: 3, column: 1))
        XCTAssertEqual(card.frontSource, "What is the **sigmoid** function?")
        guard case .paragraph(let front)? = card.front.first?.kind else { return XCTFail("expected a paragraph front") }
        XCTAssertTrue(front.contains { if case .strong = $0.kind { return true } else { return false } })
        XCTAssertEqual(card.front.first?.location.line, 4)
        let backKinds = card.back.map { b -> String in
            switch b.kind {
            case .paragraph: return "paragraph"
            case .list: return "list"
            case .table: return "table"
            case .cell: return "cell"
            default: return "other"
            }
        }
        XCTAssertEqual(backKinds, ["paragraph", "list", "table", "cell"])
        XCTAssertEqual(card.back.first?.location.line, 6)
        XCTAssertEqual(card.back[1].location.line, 8)
        XCTAssertEqual(maths(card.back).map(\.tex), ["\\sigma(x) = \\frac{1}{1 + e^{-x}}", "(0, 1)"])
        // The blocks around the card keep their places.
        XCTAssertEqual(nb.blocks.map(\.location.line), [1, 3, line(of: "After the card", in: sigmoid)])
    }

    func testCardWithoutIDGetsAStableAssignedID() {
        let a = parse("::: card\nWhat is  entropy?\n---\nExpected surprise.\n:::\n").notebook.cards
        let b = parse("Intro.\n\n::: card\nWhat is entropy?\n---\nA different back.\n:::\n", path: "other.md").notebook.cards
        XCTAssertEqual(a.count, 1)
        XCTAssertEqual(a[0].identity, .assigned)
        XCTAssertTrue(CardIdentity.isValid(a[0].id))
        XCTAssertTrue(a[0].id.hasPrefix("c-"))
        // Same front (white space folded) → same id, whatever the file or the back.
        XCTAssertEqual(a[0].id, b[0].id)
        let c = parse("::: card\nWhat is cross-entropy?\n---\nx\n:::\n").notebook.cards
        XCTAssertNotEqual(a[0].id, c[0].id)
        // The header location points at the end of the `::: card` line, where an id would be written.
        XCTAssertEqual(b[0].headerLocation, SourceLocation(file: "other.md", line: 3, column: 9))
    }

    func testClassesAndReversed() {
        let card = parse("::: card {#r1 .reversed}\nfront\n---\nback\n:::\n").notebook.cards.first
        XCTAssertEqual(card?.id, "r1")
        XCTAssertEqual(card?.classes, ["reversed"])
        XCTAssertEqual(card?.isReversed, true)
    }

    func testClozeDetection() {
        let card = parse("::: card {#cl}\nThe {{c1::mean}} of $x_i$.\n---\nextra\n:::\n").notebook.cards.first
        XCTAssertEqual(card?.isCloze, true)
        XCTAssertEqual(parse("::: card {#n}\nno cloze {here}\n---\nb\n:::\n").notebook.cards.first?.isCloze, false)
    }

    func testUnterminatedCardIsAnErrorAtItsLine() {
        let source = "# Notes\n\nSome text.\n\n::: card {#open}\nFront\n---\nBack\n\nMore text.\n"
        let (nb, diags) = parse(source, path: "bad.md")
        XCTAssertEqual(errors(diags).count, 1)
        XCTAssertEqual(errors(diags).first?.location, SourceLocation(file: "bad.md", line: 5, column: 1))
        XCTAssertTrue(errors(diags).first?.message.hasPrefix("unterminated card") ?? false)
        XCTAssertEqual(errors(diags).first?.description.hasPrefix("bad.md:5:1: error: unterminated card"), true)
        XCTAssertEqual(nb.cards, [])
    }

    func testUnterminatedCardAfterFrontMatterCountsFileLines() {
        let source = "---\ntitle: T\n---\n\n::: card\nFront\n---\nBack\n"
        let (_, diags) = parse(source, path: "fm.md")
        XCTAssertEqual(errors(diags).map(\.location), [SourceLocation(file: "fm.md", line: 5, column: 1)])
    }

    func testCardWithoutSeparatorIsAnError() {
        let (nb, diags) = parse("text\n\n::: card {#x}\nonly a front\n:::\n")
        XCTAssertEqual(errors(diags).map(\.location), [SourceLocation(file: "note.md", line: 3, column: 1)])
        XCTAssertEqual(nb.cards, [])
    }

    func testNestedCardIsAnError() {
        let (_, diags) = parse("::: card {#a}\nfront\n---\n::: card {#b}\nx\n:::\n")
        XCTAssertEqual(errors(diags).first?.location.line, 4)
    }

    func testBadAttributesAreErrorsAtTheirColumn() {
        let (_, diags) = parse("::: card {#bad/id}\nf\n---\nb\n:::\n\n::: card oops\nf\n---\nb\n:::\n\n::: card {#ok name=x}\nf\n---\nb\n:::\n")
        XCTAssertEqual(errors(diags).map(\.location), [
            SourceLocation(file: "note.md", line: 1, column: 10),
            SourceLocation(file: "note.md", line: 7, column: 10),
            SourceLocation(file: "note.md", line: 13, column: 10),
        ])
    }

    func testCardFencesInsideCodeAreCode() {
        let (nb, diags) = parse("```markdown\n::: card\nnot a card\n---\nback\n:::\n```\n")
        XCTAssertEqual(diags, [])
        XCTAssertEqual(nb.cards, [])
        XCTAssertEqual(nb.blocks.count, 1)
    }

    func testCardBackMayContainCodeWithFenceLikeLines() {
        let (nb, diags) = parse("::: card {#k}\nfront\n---\n```text\n:::\n---\n```\n:::\n")
        XCTAssertEqual(diags, [])
        XCTAssertEqual(nb.cards.first?.back.first?.kind, .code(language: "text", code: ":::\n---\n"))
    }

    func testSeveralCardsAndTextBetween() {
        let (nb, diags) = parse("::: card {#one}\na\n---\nb\n:::\nmiddle\n::: card {#two}\nc\n---\nd\n:::\n")
        XCTAssertEqual(diags, [])
        XCTAssertEqual(nb.cards.map(\.id), ["one", "two"])
        XCTAssertEqual(nb.blocks.count, 3)
        XCTAssertEqual(nb.blocks[1].location.line, 6)
        XCTAssertEqual(nb.cards.map(\.location.line), [1, 7])
    }
}

final class DeckFileTests: XCTestCase {
    let deck = """
    ---
    card_id: first-1
    ---
    Front with $\\mu_{batch}$
    ---
    Back **one**
    ---
    ---
    card_id: Second_2
    ---
    Front two
    ---
    - a list
    - back

    ---

    """

    func testDeckFileCardsKeepTheirIDs() {
        let (nb, diags) = parse(deck, path: "deck.txt")
        XCTAssertEqual(diags, [])
        XCTAssertEqual(nb.format, .deckFile)
        XCTAssertEqual(nb.cards.map(\.id), ["first-1", "Second_2"])
        XCTAssertEqual(nb.cards.map(\.identity), [.written, .written])
        XCTAssertEqual(nb.cards.map(\.location.line), [1, 8])
        XCTAssertEqual(nb.cards[0].frontSource, "Front with $\\mu_{batch}$")
        XCTAssertEqual(nb.cards[0].backSource, "Back **one**")
        XCTAssertEqual(maths(nb.cards[0].front), [Math(tex: "\\mu_{batch}", display: false)])
        XCTAssertEqual(nb.cards[0].front.first?.location.line, 4)
        XCTAssertEqual(nb.cards[0].back.first?.location.line, 6)
        guard case .list(let list)? = nb.cards[1].back.first?.kind else { return XCTFail("expected a list back") }
        XCTAssertEqual(list.items.count, 2)
        XCTAssertEqual(nb.cards[1].back.first?.location.line, 13)
    }

    func testDeckFileBackMayContainAThematicBreak() {
        let (nb, diags) = parse("---\ncard_id: a\n---\nfront\n---\nback one\n\n---\n\nback two\n---\n", path: "d.txt")
        XCTAssertEqual(diags, [])
        XCTAssertEqual(nb.cards.count, 1)
        XCTAssertEqual(nb.cards.first?.backSource, "back one\n\n---\n\nback two")
    }

    func testUnterminatedDeckCardIsAnError() {
        let (_, diags) = parse("---\ncard_id: a\n---\nfront\n---\nback\n---\n---\ncard_id: b\n---\nfront only\n", path: "d.txt")
        XCTAssertEqual(errors(diags).map(\.location), [SourceLocation(file: "d.txt", line: 8, column: 1)])
    }

    func testInvalidDeckIDIsAnError() {
        let (_, diags) = parse("---\ncard_id: has space\n---\nf\n---\nb\n---\n", path: "d.txt")
        XCTAssertEqual(errors(diags).first?.location, SourceLocation(file: "d.txt", line: 2, column: 10))
    }

    func testDeckFileWithTrailingSpacesOnItsRules() {
        let (nb, diags) = parse("\n---  \ncard_id: t1\n--- \nfront\n---\nback\n---\t\n", path: "d.txt")
        XCTAssertEqual(diags, [])
        XCTAssertEqual(nb.format, .deckFile)
        XCTAssertEqual(nb.cards.map(\.id), ["t1"])
    }

    func testNotebookWithFrontMatterIsNotADeckFile() {
        let (nb, _) = parse("---\ntitle: x\n---\n# H\n")
        XCTAssertEqual(nb.format, .notebook)
        XCTAssertEqual(nb.frontMatter.title, "x")
    }

    func testSeedDeckFileHas117CardsWithTheirIDs() throws {
        let seed = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds/000_683dc635d23167b2.txt")
        try requireRealPart(FileManager.default.fileExists(atPath: seed.path), "seed deck not present at \(seed.path)")
        let text = try String(contentsOf: seed, encoding: .utf8)
        let written = text.components(separatedBy: "\n").filter { $0.hasPrefix("card_id:") }
            .map { $0.dropFirst("card_id:".count).trimmingCharacters(in: .whitespaces) }
        let (nb, diags) = parse(text, path: "seed.txt")
        XCTAssertEqual(errors(diags), [])
        XCTAssertEqual(nb.format, .deckFile)
        XCTAssertEqual(nb.cards.count, 117)
        XCTAssertEqual(nb.cards.map(\.id), written)
        XCTAssertTrue(nb.cards.allSatisfy { !$0.front.isEmpty && !$0.back.isEmpty })
    }
}

/// The folder holding Package.swift.


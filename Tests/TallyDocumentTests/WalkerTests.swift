import XCTest
@testable import TallyDocument

/// The walker every traversal uses, the outline made with it, the checkers and the one Swift lexer.
final class WalkerTests: XCTestCase {
    private let text = """
    # Title

    > ## Quoted heading
    > with `{swift} a`

    > [!tip]- Folded $t$
    > body `{swift} b`

    Footnote.[^n]

    [^n]: Note with `{swift} c`.

    ::: card {#q}
    ## Card heading
    Front `{swift} d`
    ---
    Back
    :::

    | h |
    |---|
    | `{swift} e` |

    """

    func testDefaultDescentReachesEveryNodeInReadingOrder() {
        let notebook = parse(text).notebook
        XCTAssertEqual(notebook.inlineExpressions.map(\.expression), ["a", "b", "c", "d", "e"])
        struct Counter: DocumentWalker {
            var headings: [String] = []
            mutating func visitHeading(_ block: Block, level: Int, inlines: [Inline]) { headings.append(inlines.plainText) }
        }
        var counter = Counter()
        counter.visit(notebook.blocks)
        XCTAssertEqual(counter.headings, ["Title", "Quoted heading", "Card heading"])
    }

    func testOutlineSkipsCardsAndNumbersDuplicatesAsGitHub() {
        let notebook = parse("# A\n\n> # A\n\n::: card {#c}\n# A\n---\nx\n:::\n\n## A b!\n").notebook
        XCTAssertEqual(notebook.outline.headings.map(\.anchor), ["a", "a-1", "a-b"])
        XCTAssertEqual(notebook.outline.headings.map(\.level), [1, 1, 2])
        XCTAssertEqual(notebook.cards[0].outline.headings.map(\.anchor), ["a"])
        XCTAssertEqual(notebook.outline.anchor(at: notebook.blocks[0].location), "a")
    }

    func testCheckersReportWithRuleIDs() throws {
        let (notebook, diagnostics) = parse("```swift hide hid\nlet x = 1\n```\n")
        XCTAssertEqual(diagnostics.map(\.rule), [.unknownCellOption])
        XCTAssertEqual(diagnostics.first?.location.column, 15)
        XCTAssertEqual(notebook.cells.first?.options.hide, true)
        let a = parse("::: card {#same}\nQ\n---\nA\n:::\n", path: "a.md").notebook
        let b = parse("::: card {#same}\nQ2\n---\nA2\n:::\n", path: "b.md").notebook
        let problems = DuplicateCardIDChecker.check([a.summary, b.summary])
        XCTAssertEqual(problems.map(\.rule), [.duplicateCardID])
        XCTAssertEqual(problems.first?.location.file, "b.md")
    }

    func testSwiftLexerCoversTheCodeAndKnowsStringsFromComments() {
        let code = "let s = \"a // b\" /* c */ + 1.5e3 // => 2\nx"
        let tokens = SwiftLexer.tokens(in: code)
        XCTAssertEqual(tokens.map(\.text).joined(), code)
        XCTAssertEqual(tokens.filter { $0.kind == .string }.map(\.text), ["\"a // b\""])
        XCTAssertEqual(tokens.filter { $0.kind == .blockComment }.map(\.text), ["/* c */"])
        XCTAssertEqual(tokens.filter { $0.kind == .lineComment }.map(\.text), ["// => 2"])
        XCTAssertEqual(tokens.filter { $0.kind == .number }.map(\.text), ["1.5e3"])
    }
}

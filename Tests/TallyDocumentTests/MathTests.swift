import XCTest
@testable import TallyDocument

/// The math guard: TeX between math delimiters reaches the model exactly as written.
final class MathTests: XCTestCase {
    func testUnderscoresInTwoInlineSpansSurvive() {
        let (nb, diags) = parse("Normalise with $\\mu_{batch}$ and $\\sigma^2_{batch}$ here.\n")
        XCTAssertEqual(diags, [])
        XCTAssertEqual(maths(nb.blocks), [Math(tex: "\\mu_{batch}", display: false),
                                          Math(tex: "\\sigma^2_{batch}", display: false)])
        // No emphasis was made out of the underscores between the two spans.
        let inlines = allInlines(nb.blocks)
        XCTAssertFalse(inlines.contains { if case .emphasis = $0.kind { return true } else { return false } })
        guard case .paragraph(let paragraph)? = nb.blocks.first?.kind else { return XCTFail("expected a paragraph") }
        XCTAssertEqual(text(paragraph), "Normalise with $\\mu_{batch}$ and $\\sigma^2_{batch}$ here.")
    }

    func testAsterisksInMathAreNotEmphasis() {
        let (nb, _) = parse("Product $a*b*c$ is associative.\n")
        XCTAssertEqual(maths(nb.blocks), [Math(tex: "a*b*c", display: false)])
        XCTAssertFalse(allInlines(nb.blocks).contains { if case .emphasis = $0.kind { return true } else { return false } })
    }

    func testBackslashesAndBracesSurvive() {
        let (nb, _) = parse("Set $\\{x \\\\ y\\}$ and \\(a \\\\ b\\) and\n\\[\\{c\\}\\]\n")
        XCTAssertEqual(maths(nb.blocks), [
            Math(tex: "\\{x \\\\ y\\}", display: false),
            Math(tex: "a \\\\ b", display: false),
            Math(tex: "\\{c\\}", display: true),
        ])
    }

    func testAllFourDelimiters() {
        let (nb, _) = parse("""
        Inline $x_1$ and \\(y_2\\).

        $$z_3 = x_1 + y_2$$

        \\[w_4\\]

        """)
        XCTAssertEqual(maths(nb.blocks), [
            Math(tex: "x_1", display: false), Math(tex: "y_2", display: false),
            Math(tex: "z_3 = x_1 + y_2", display: true), Math(tex: "w_4", display: true),
        ])
    }

    func testDollarInCodeSpanIsNotMath() {
        let (nb, _) = parse("Run `echo $HOME_DIR $x_1$` now.\n")
        XCTAssertEqual(maths(nb.blocks), [])
        XCTAssertTrue(allInlines(nb.blocks).contains { $0.kind == .code("echo $HOME_DIR $x_1$") })
    }

    func testMathDoesNotRunIntoACodeSpan() {
        let (nb, _) = parse("Price $5 and `$HOME` here, then $x_1$.\n")
        XCTAssertEqual(maths(nb.blocks), [Math(tex: "x_1", display: false)])
        XCTAssertTrue(allInlines(nb.blocks).contains { $0.kind == .code("$HOME") })
    }

    func testDollarInFencedCodeIsNotMath() {
        let (nb, _) = parse("""
        ```sh
        price=$a_b$
        echo $price
        ```

        ~~~
        $$x_y$$
        ~~~

        """)
        XCTAssertEqual(maths(nb.blocks), [])
        let codes = nb.blocks.compactMap { b -> String? in if case .code(_, let c) = b.kind { return c } else { return nil } }
        XCTAssertEqual(codes, ["price=$a_b$\necho $price\n", "$$x_y$$\n"])
    }

    func testDollarInIndentedCodeShowsAsWritten() {
        let (nb, _) = parse("Text.\n\n    cost = $a_b$ + $c_d$\n")
        XCTAssertEqual(maths(nb.blocks), [])
        XCTAssertEqual(nb.blocks.last?.kind, .code(language: "", code: "cost = $a_b$ + $c_d$\n"))
    }

    func testPricesAreNotMath() {
        let (nb, _) = parse("The small run costs $5 and the big one $10 in total.\n")
        XCTAssertEqual(maths(nb.blocks), [])
        XCTAssertEqual(text(allInlines(nb.blocks)), "The small run costs $5 and the big one $10 in total.")
    }

    func testEscapedDollarIsLiteral() {
        let (nb, _) = parse("Pay \\$3 for $x_1$ and \\$4 for \\$y$.\n")
        XCTAssertEqual(maths(nb.blocks), [Math(tex: "x_1", display: false)])
        XCTAssertEqual(text(allInlines(nb.blocks)), "Pay $3 for $x_1$ and $4 for $y$.")
    }

    func testEscapedDollarInsideMathStaysInTeX() {
        let (nb, _) = parse("Cost $\\$5_{net}$ total.\n")
        XCTAssertEqual(maths(nb.blocks), [Math(tex: "\\$5_{net}", display: false)])
    }

    func testMathDoesNotCrossParagraphs() {
        let (nb, _) = parse("One $x\n\ny$ two.\n")
        XCTAssertEqual(maths(nb.blocks), [])
        XCTAssertEqual(nb.blocks.count, 2)
    }

    func testMultiLineDisplayMathKeepsLaterLineNumbers() {
        let source = """
        # Title

        $$
        a_{1} = b_{2} \\\\
        c_{3} = d_{4}
        $$

        After the *display* block.

        ## Next

        """
        let (nb, diags) = parse(source)
        XCTAssertEqual(diags, [])
        XCTAssertEqual(maths(nb.blocks), [Math(tex: "\na_{1} = b_{2} \\\\\nc_{3} = d_{4}\n", display: true)])
        XCTAssertEqual(mathInlines(nb.blocks).first?.location, SourceLocation(file: "note.md", line: 3, column: 1))
        XCTAssertEqual(nb.blocks.count, 4)
        XCTAssertEqual(nb.blocks[1].location.line, 3)
        XCTAssertEqual(nb.blocks[2].location, SourceLocation(file: "note.md", line: line(of: "After the", in: source), column: 1))
        XCTAssertEqual(nb.blocks[3].location.line, line(of: "## Next", in: source))
        // The emphasis after the math keeps its own column.
        let em = allInlines([nb.blocks[2]]).first { if case .emphasis = $0.kind { return true } else { return false } }
        XCTAssertEqual(em?.location.column, 11)
    }

    func testMultiLineInlineMathInParagraph() {
        let source = "Start $a_1 +\nb_2$ end\nthird *line*.\n"
        let (nb, _) = parse(source)
        XCTAssertEqual(maths(nb.blocks), [Math(tex: "a_1 +\nb_2", display: false)])
        let em = allInlines(nb.blocks).first { if case .emphasis = $0.kind { return true } else { return false } }
        XCTAssertEqual(em?.location, SourceLocation(file: "note.md", line: 3, column: 7))
    }

    func testColumnsAfterMathAndExpressionsOnTheSameLine() {
        let source = "Let $x$ be ![a](p.png), $\\alpha_{long}$ *b*, `{swift} f(1)` **c**.\nStart $a_1 +\nb_2$ *end*\n"
        let (nb, _) = parse(source)
        let inlines = allInlines(nb.blocks)
        func column(_ match: (Inline.Kind) -> Bool) -> SourceLocation? { inlines.first { match($0.kind) }?.location }
        XCTAssertEqual(column { if case .image = $0 { return true } else { return false } }, SourceLocation(file: "note.md", line: 1, column: 12))
        XCTAssertEqual(column { if case .emphasis(let c) = $0 { return c.plainText == "b" } else { return false } }, SourceLocation(file: "note.md", line: 1, column: 41))
        XCTAssertEqual(column { if case .strong = $0 { return true } else { return false } }, SourceLocation(file: "note.md", line: 1, column: 61))
        XCTAssertEqual(column { if case .emphasis(let c) = $0 { return c.plainText == "end" } else { return false } }, SourceLocation(file: "note.md", line: 3, column: 6))
    }

    func testMathInListItems() {
        let (nb, _) = parse("- first $x_{i}$ item\n- second $y_{j}*z_{k}$\n  continued $w_{2}$\n")
        guard case .list(let list)? = nb.blocks.first?.kind else { return XCTFail("expected a list") }
        XCTAssertEqual(list.items.count, 2)
        XCTAssertEqual(maths(nb.blocks).map(\.tex), ["x_{i}", "y_{j}*z_{k}", "w_{2}"])
        XCTAssertEqual(mathInlines(nb.blocks).map(\.location.line), [1, 2, 3])
    }

    func testMultiLineDisplayMathInListItemStaysInTheItem() {
        let source = "1. before\n\n   $$\n   x_{1}\n   $$\n\n   after $y_2$\n2. next\n"
        let (nb, _) = parse(source)
        guard case .list(let list)? = nb.blocks.first?.kind else { return XCTFail("expected a list") }
        XCTAssertEqual(list.items.count, 2)
        XCTAssertEqual(maths(list.items[0].blocks).map(\.tex).last, "y_2")
        XCTAssertEqual(maths(list.items[0].blocks).first?.display, true)
        XCTAssertEqual(maths(list.items[0].blocks).first?.tex.trimmingCharacters(in: .whitespacesAndNewlines), "x_{1}")
        XCTAssertEqual(list.items[1].blocks.first?.location.line, 8)
    }

    func testMathInTableCells() {
        let (nb, _) = parse("""
        | name | value |
        |------|-------|
        | mean | $\\mu_{batch}$ |
        | var  | $\\sigma^2_{batch}$ |

        """)
        guard case .table(let table)? = nb.blocks.first?.kind else { return XCTFail("expected a table") }
        XCTAssertEqual(table.rows.count, 2)
        XCTAssertEqual(table.rows.map { text($0[1]) }, ["$\\mu_{batch}$", "$\\sigma^2_{batch}$"])
    }

    func testMathInBlockquote() {
        let (nb, _) = parse("> Quote with $a_{1}*b_{2}*c$ inside\n> and $d_{e}$.\n")
        guard case .blockQuote(let inner)? = nb.blocks.first?.kind else { return XCTFail("expected a quote") }
        XCTAssertEqual(maths(inner).map(\.tex), ["a_{1}*b_{2}*c", "d_{e}"])
    }

    func testMultiLineDisplayMathInBlockquoteHasNoQuoteMarks() {
        let (nb, _) = parse("> $$\n> a_{1} \\\\\n> b_{2}\n> $$\n>\n> after\n")
        guard case .blockQuote(let inner)? = nb.blocks.first?.kind else { return XCTFail("expected a quote") }
        XCTAssertEqual(maths(inner).count, 1)
        // The quote's `>` markers are Markdown, not TeX.
        XCTAssertFalse(maths(inner).first?.tex.contains(">") ?? true, "TeX was: \(maths(inner).first?.tex ?? "nil")")
        XCTAssertEqual(inner.last?.location.line, 6)
    }

    func testMathInCardFrontAndBack() {
        let (nb, diags) = parse("""
        ::: card {#bn-stats}
        What are $\\mu_{batch}$ and $\\sigma^2_{batch}$?
        ---
        The mean and the variance: $$\\sigma^2_{batch} = \\frac{1}{m}\\sum_i (x_i-\\mu_{batch})^2$$
        :::

        """)
        XCTAssertEqual(diags, [])
        let card = nb.cards.first
        XCTAssertEqual(maths(card?.front ?? []).map(\.tex), ["\\mu_{batch}", "\\sigma^2_{batch}"])
        XCTAssertEqual(maths(card?.back ?? []), [Math(tex: "\\sigma^2_{batch} = \\frac{1}{m}\\sum_i (x_i-\\mu_{batch})^2", display: true)])
    }

    func testMathInHeadingAndEmphasis() {
        let (nb, _) = parse("## Loss $L_{total}$\n\n*weighted $w_{i}$ sum*\n")
        XCTAssertEqual(maths(nb.blocks).map(\.tex), ["L_{total}", "w_{i}"])
        XCTAssertEqual(nb.title, "Loss L_{total}")
    }

    func testBackslashMathNeverRunsIntoACodeSpan() {
        let (nb, _) = parse("See \\( and `x \\) y` here.\n")
        XCTAssertEqual(maths(nb.blocks), [])
    }
}

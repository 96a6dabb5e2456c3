import XCTest
@testable import TallyDocument

/// cmark-gfm with the GFM extensions, and a source position on every node.
final class MarkdownParsingTests: XCTestCase {
    func testHeadingsParagraphsAndPositions() {
        let source = "# Title\n\nSome *text* here.\n\n### Third level\n"
        let (nb, diags) = parse(source, path: "notes/a.md")
        XCTAssertEqual(diags, [])
        XCTAssertEqual(nb.format, .notebook)
        XCTAssertEqual(nb.blocks.count, 3)
        guard case .heading(let level, let inlines) = nb.blocks[0].kind else { return XCTFail("expected a heading") }
        XCTAssertEqual(level, 1)
        XCTAssertEqual(inlines.plainText, "Title")
        XCTAssertEqual(nb.blocks[0].location, SourceLocation(file: "notes/a.md", line: 1, column: 1))
        XCTAssertEqual(nb.blocks[1].location, SourceLocation(file: "notes/a.md", line: 3, column: 1))
        guard case .paragraph(let p) = nb.blocks[1].kind else { return XCTFail("expected a paragraph") }
        XCTAssertEqual(p.map(\.location.column), [1, 6, 12])  // "Some ", "*text*", " here."
        guard case .heading(3, _) = nb.blocks[2].kind else { return XCTFail("expected a level-3 heading") }
        XCTAssertEqual(nb.blocks[2].location.line, 5)
        XCTAssertEqual(nb.title, "Title")
    }

    func testNestedPositionsInListsAndQuotes() {
        let source = "Intro.\n\n- item one\n- item two\n  - nested *deep*\n\n> quoted\n> > inner\n"
        let (nb, _) = parse(source)
        guard case .list(let outer) = nb.blocks[1].kind else { return XCTFail("expected a list") }
        XCTAssertEqual(nb.blocks[1].location, SourceLocation(file: "note.md", line: 3, column: 1))
        XCTAssertEqual(outer.items.count, 2)
        XCTAssertFalse(outer.ordered)
        XCTAssertEqual(outer.items[0].blocks.first?.location, SourceLocation(file: "note.md", line: 3, column: 3))
        guard case .list(let inner)? = outer.items[1].blocks.last?.kind else { return XCTFail("expected a nested list") }
        XCTAssertEqual(outer.items[1].blocks.last?.location, SourceLocation(file: "note.md", line: 5, column: 3))
        XCTAssertEqual(inner.items[0].blocks.first?.location, SourceLocation(file: "note.md", line: 5, column: 5))
        let em = allInlines(inner.items[0].blocks).first { if case .emphasis = $0.kind { return true } else { return false } }
        XCTAssertEqual(em?.location, SourceLocation(file: "note.md", line: 5, column: 12))
        guard case .blockQuote(let quote) = nb.blocks[2].kind else { return XCTFail("expected a quote") }
        XCTAssertEqual(nb.blocks[2].location.line, 7)
        guard case .blockQuote(let innerQuote)? = quote.last?.kind else { return XCTFail("expected a nested quote") }
        XCTAssertEqual(innerQuote.first?.location, SourceLocation(file: "note.md", line: 8, column: 5))
    }

    func testOrderedListStartAndTightness() {
        let (nb, _) = parse("3. three\n4. four\n\ntext\n\n1. loose\n\n2. list\n")
        guard case .list(let a) = nb.blocks[0].kind, case .list(let b) = nb.blocks[2].kind else { return XCTFail("expected lists") }
        XCTAssertTrue(a.ordered)
        XCTAssertEqual(a.start, 3)
        XCTAssertTrue(a.tight)
        XCTAssertFalse(b.tight)
    }

    func testTablesWithAlignment() {
        let (nb, _) = parse("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n| 5 | 6 | 7 | 8 |\n")
        guard case .table(let t) = nb.blocks.first?.kind else { return XCTFail("expected a table") }
        XCTAssertEqual(t.alignments, [.left, .center, .right, .none])
        XCTAssertEqual(t.header.map(\.plainText), ["a", "b", "c", "d"])
        XCTAssertEqual(t.rows.map { $0.map(\.plainText) }, [["1", "2", "3", "4"], ["5", "6", "7", "8"]])
    }

    func testStrikethroughAutolinkAndTaskList() {
        let (nb, _) = parse("~~gone~~ see https://example.org/x and www.example.com\n\n- [x] done\n- [ ] open\n- plain\n")
        let inlines = allInlines(nb.blocks)
        XCTAssertTrue(inlines.contains { if case .strikethrough(let c) = $0.kind { return c.plainText == "gone" } else { return false } })
        let links = inlines.compactMap { i -> String? in if case .link(let d, _, _) = i.kind { return d } else { return nil } }
        XCTAssertEqual(links, ["https://example.org/x", "http://www.example.com"])
        guard case .list(let list) = nb.blocks[1].kind else { return XCTFail("expected a list") }
        XCTAssertEqual(list.items.map(\.checked), [true, false, nil])
    }

    func testLinksAndImagesKeepDestination() {
        let (nb, _) = parse("[text](notes/b.md \"Title\") ![alt *x*](img/a.png)\n")
        let inlines = allInlines(nb.blocks)
        XCTAssertTrue(inlines.contains { if case .link(let d, let t, let c) = $0.kind { return d == "notes/b.md" && t == "Title" && c.plainText == "text" } else { return false } })
        XCTAssertTrue(inlines.contains { if case .image(let s, _, let alt) = $0.kind { return s == "img/a.png" && alt.plainText == "alt x" } else { return false } })
    }

    func testRawHTMLIsKeptAsHTMLNodes() {
        let (nb, _) = parse("<div class=\"x\">\nhello\n</div>\n\nInline <b>bold</b> here.\n")
        XCTAssertEqual(nb.blocks.first?.kind, .html("<div class=\"x\">\nhello\n</div>\n"))
        let html = allInlines(nb.blocks).compactMap { i -> String? in if case .html(let s) = i.kind { return s } else { return nil } }
        XCTAssertEqual(html, ["<b>", "</b>"])
    }

    func testCodeBlocksOfOtherLanguagesAreShownNotRun() {
        let (nb, _) = parse("```python\nprint(1)\n```\n\n```swiftui\nText(\"x\")\n```\n\n    indented\n")
        XCTAssertEqual(nb.cells, [])
        XCTAssertEqual(nb.blocks.map(\.kind), [
            .code(language: "python", code: "print(1)\n"),
            .code(language: "swiftui", code: "Text(\"x\")\n"),
            .code(language: "", code: "indented\n"),
        ])
    }

    func testCRLFAndBOMDoNotShiftPositions() {
        let (nb, _) = parse("\u{FEFF}# A\r\n\r\nText $x_1$ *b*\r\n")
        XCTAssertEqual(nb.blocks.map(\.location.line), [1, 3])
        XCTAssertEqual(nb.blocks[0].location.column, 1)
        XCTAssertEqual(maths(nb.blocks), [Math(tex: "x_1", display: false)])
        let em = allInlines(nb.blocks).first { if case .emphasis = $0.kind { return true } else { return false } }
        XCTAssertEqual(em?.location.column, 12)
    }

    func testTitleFallsBackToFileName() {
        XCTAssertEqual(parse("just text\n", path: "dir/my-notes.md").notebook.title, "my-notes")
        XCTAssertEqual(parse("---\ntitle: Given\n---\n# Heading\n").notebook.title, "Given")
    }

    func testEmptyFileParses() {
        let (nb, diags) = parse("")
        XCTAssertEqual(nb.blocks, [])
        XCTAssertEqual(diags, [])
    }
}

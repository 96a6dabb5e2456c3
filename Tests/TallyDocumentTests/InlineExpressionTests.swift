import XCTest
@testable import TallyDocument

final class InlineExpressionTests: XCTestCase {
    func testPlainExpression() throws {
        let (nb, diags) = parse("The value is `{swift} sigmoid(0)` here.\n")
        XCTAssertEqual(diags, [])
        let e = try XCTUnwrap(expressions(nb.blocks).first)
        XCTAssertEqual(e.expression, "sigmoid(0)")
        XCTAssertNil(e.format)
        XCTAssertNil(e.stated)
        XCTAssertEqual(e.location, SourceLocation(file: "note.md", line: 1, column: 14))
        XCTAssertEqual(e.expressionLocation, SourceLocation(file: "note.md", line: 1, column: 23))
        guard case .paragraph(let p)? = nb.blocks.first?.kind else { return XCTFail("expected a paragraph") }
        XCTAssertEqual(p.map(\.plainText), ["The value is ", "sigmoid(0)", " here."])
    }

    func testFormat() throws {
        let e = try XCTUnwrap(expressions(parse("x `{swift %.3f} exp(1.0)` y\n").notebook.blocks).first)
        XCTAssertEqual(e.format, "%.3f")
        XCTAssertEqual(e.expression, "exp(1.0)")
        XCTAssertEqual(e.expressionLocation.column, 17)
    }

    func testStatedValue() throws {
        let source = "Line one.\nIt is `{swift} cos(0.739) => 0.739 ± 0.001` indeed.\n"
        let e = try XCTUnwrap(expressions(parse(source).notebook.blocks).first)
        XCTAssertEqual(e.expression, "cos(0.739)")
        let stated = try XCTUnwrap(e.stated)
        XCTAssertEqual(stated.numbers.map(\.value), [0.739])
        XCTAssertEqual(stated.tolerance, .absolute(0.001))
        XCTAssertEqual(stated.numbers.first?.location, SourceLocation(file: "note.md", line: 2, column: 30))
    }

    func testStatedVectorAndFormat() throws {
        let e = try XCTUnwrap(expressions(parse("`{swift %.2f} softmax([1, 2]) => [0.27, 0.73]`\n").notebook.blocks).first)
        XCTAssertEqual(e.format, "%.2f")
        XCTAssertEqual(e.expression, "softmax([1, 2])")
        XCTAssertEqual(e.stated?.shape, [2])
    }

    func testExpressionsInTablesHeadingsListsAndCards() {
        let (nb, diags) = parse("""
        ## Result `{swift} a`

        | k | v |
        |---|---|
        | x | `{swift} b => 1` |

        - item `{swift %.1f} c`

        ::: card {#e}
        What is `{swift} d`?
        ---
        `{swift} e => 2.5`
        :::

        """)
        XCTAssertEqual(diags, [])
        XCTAssertEqual(expressions(nb.blocks).map(\.expression), ["a", "b", "c", "d", "e"])
        XCTAssertEqual(expressions(nb.blocks).map(\.location.line), [1, 5, 7, 10, 12])
    }

    func testBadFormatIsAnError() {
        let (nb, diags) = parse("text `{swift %q} x` more\n")
        XCTAssertEqual(errors(diags).map(\.location), [SourceLocation(file: "note.md", line: 1, column: 6)])
        XCTAssertEqual(expressions(nb.blocks), [])
    }

    func testEmptyExpressionIsAnError() {
        let (_, diags) = parse("text `{swift}  ` more\n")
        XCTAssertEqual(errors(diags).count, 1)
    }

    func testBadStatedValueIsAnErrorAtItsColumn() {
        let (_, diags) = parse("x `{swift} f() => abc`\n")
        XCTAssertEqual(errors(diags).map(\.location), [SourceLocation(file: "note.md", line: 1, column: 19)])
    }

    func testOrdinaryCodeSpanIsCode() {
        let (nb, _) = parse("Use `swift build` and `{ x in x }`.\n")
        XCTAssertEqual(expressions(nb.blocks), [])
        XCTAssertEqual(allInlines(nb.blocks).filter { if case .code = $0.kind { return true } else { return false } }.count, 2)
    }

    func testExpressionInsideFencedCodeIsCode() {
        let (nb, _) = parse("```text\n`{swift} x`\n```\n")
        XCTAssertEqual(expressions(nb.blocks), [])
        XCTAssertEqual(nb.blocks.first?.kind, .code(language: "text", code: "`{swift} x`\n"))
    }

    func testDoubleBacktickSpan() throws {
        let e = try XCTUnwrap(expressions(parse("v ``{swift} s.count`` w\n").notebook.blocks).first)
        XCTAssertEqual(e.expression, "s.count")
    }
}

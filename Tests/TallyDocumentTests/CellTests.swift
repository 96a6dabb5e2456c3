import XCTest
@testable import TallyDocument

final class CellTests: XCTestCase {
    func testCellsAndOptions() {
        let source = """
        # Cells

        ```swift
        let x = 1
        ```

        ```swift hide
        let y = 2
        ```

        ```swift no-run expect-error
        let z: Int = "no"
        ```

        ```python
        not_a_cell = 1
        ```

        """
        let (nb, diags) = parse(source)
        XCTAssertEqual(diags, [])
        XCTAssertEqual(nb.cells.map(\.index), [0, 1, 2])
        XCTAssertEqual(nb.cells.map(\.code), ["let x = 1\n", "let y = 2\n", "let z: Int = \"no\"\n"])
        XCTAssertEqual(nb.cells.map(\.options), [
            Cell.Options(),
            Cell.Options(hide: true),
            Cell.Options(noRun: true, expectError: true),
        ])
        XCTAssertEqual(nb.cells.map(\.location.line), [3, 7, 11])
        XCTAssertEqual(nb.cells.map(\.codeLocation.line), [4, 8, 12])
    }

    func testUnknownOptionIsAnErrorAtItsColumn() {
        let (_, diags) = parse("text\n\n```swift hide fast\nlet a = 1\n```\n", path: "c.md")
        XCTAssertEqual(errors(diags).map(\.location), [SourceLocation(file: "c.md", line: 3, column: 15)])
        XCTAssertTrue(errors(diags).first?.message.contains("fast") ?? false)
    }

    func testUnknownOptionThatIsPartOfAnEarlierWord() {
        // `hid` is also the start of `hide`, `wif` part of nothing, `wi` part of `swift`: each is reported where it stands.
        let (_, diags) = parse("```swift hide hid\nx\n```\n\n```swift wi\ny\n```\n", path: "c.md")
        XCTAssertEqual(errors(diags).map(\.location), [
            SourceLocation(file: "c.md", line: 1, column: 15),
            SourceLocation(file: "c.md", line: 5, column: 10),
        ])
    }

    func testUnknownOptionInsideListAndCard() {
        let (_, diags) = parse("- item\n\n  ```swift bogus\n  x\n  ```\n\n::: card {#c}\nfront\n---\n```swift nope\ny\n```\n:::\n", path: "c.md")
        XCTAssertEqual(errors(diags).map(\.location), [
            SourceLocation(file: "c.md", line: 3, column: 12),
            SourceLocation(file: "c.md", line: 10, column: 10),
        ])
    }

    func testTildeFenceAndIndexAcrossCards() {
        let (nb, diags) = parse("~~~swift\na\n~~~\n\n::: card {#k}\nf\n---\n```swift\nb\n```\n:::\n\n```swift\nc\n```\n")
        XCTAssertEqual(diags, [])
        XCTAssertEqual(nb.cells.map(\.code), ["a\n", "c\n"])
        XCTAssertEqual(nb.cells.map(\.index), [0, 1])
        guard case .cell(let inCard)? = nb.cards.first?.back.first?.kind else { return XCTFail("expected a cell in the card") }
        XCTAssertEqual(inCard.code, "b\n")
    }

    func testMathInsideCellIsCode() {
        let (nb, _) = parse("```swift\nlet s = \"$x_1$ costs $5\"\n```\n")
        XCTAssertEqual(nb.cells.first?.code, "let s = \"$x_1$ costs $5\"\n")
    }

    func testUnterminatedCodeFenceIsAnError() {
        let (nb, diags) = parse("# T\n\n```swift\nlet a = 1\n\n# not a heading\n", path: "f.md")
        XCTAssertEqual(nb.cells.count, 1)
        XCTAssertEqual(errors(diags).map(\.location), [SourceLocation(file: "f.md", line: 3, column: 1)])
        let (_, quoted) = parse("~~~~\ncode\n~~~\n", path: "g.md")
        XCTAssertEqual(errors(quoted).map(\.location), [SourceLocation(file: "g.md", line: 1, column: 1)])
    }

    func testClosedFencesAreNotErrors() {
        let (_, diags) = parse("- item\n\n  ```swift\n  x\n  ```\n\n> ```\n> y\n> ```\n\n````\n```\n````\n")
        XCTAssertEqual(diags, [])
    }
}

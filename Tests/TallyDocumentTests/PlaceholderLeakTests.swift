import Foundation
import TallyHTML
import XCTest
@testable import TallyDocument

/// The math guard replaces math and `{swift}` spans by private-use placeholders (U+E000–U+E002) before
/// cmark sees the text. Nothing it inserts may survive into output: not in link destinations, titles,
/// autolinks, image paths or reference definitions, and `$` or `\(` inside a URL or title is never math.
final class PlaceholderLeakTests: XCTestCase {
    static let placeholders: Set<Unicode.Scalar> = ["\u{E000}", "\u{E001}", "\u{E002}"]

    private func render(_ markdown: String) -> String {
        let notebook = NotebookParser.parse(markdown, path: "p.md").notebook
        return HTMLRenderer(mathStyle: .katex).render(notebook.blocks) + HTMLRenderer(mathStyle: .mathJax).render(notebook.blocks)
    }

    private func assertNoPlaceholder(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(html.unicodeScalars.contains { Self.placeholders.contains($0) }, html, file: file, line: line)
    }

    func testURLsTitlesAndAutolinksKeepDollarsAsWritten() {
        let html = render("""
        [p](https://example.com/?q=$x$) [t](/u "price $x$ and \\(y\\)") <https://example.com/$a$/b$> ![i](img/$y$.png "$z$")
        [ref] and https://example.com/$q$

        [ref]: https://example.com/$r$ "title $s$"

        """)
        assertNoPlaceholder(html)
        XCTAssertTrue(html.contains("href=\"https://example.com/?q=$x$\""), html)
        XCTAssertTrue(html.contains("title=\"price $x$ and (y)\""), html)  // cmark unescapes `\\(` in a title
        XCTAssertTrue(html.contains(">https://example.com/$a$/b$</a>"), html)
        XCTAssertTrue(html.contains("href=\"https://example.com/$r$\" title=\"title $s$\""), html)
        XCTAssertFalse(html.contains("class=\"math"), html)
    }

    /// cmark unescapes `\\(` in a destination: `[link](\\(foo\\))` links to `(foo)` (CommonMark example 495).
    func testEscapedParenthesesInADestinationAreUnescaped() {
        let html = render("[link](\\(foo\\))\n")
        XCTAssertTrue(html.contains("<a href=\"(foo)\">link</a>"), html)
    }

    func testNoSpecExampleLeaksAPlaceholder() throws {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let data = try Data(contentsOf: folder.appendingPathComponent("conformance/commonmark-0.31.2.json"))
        let examples = try JSONDecoder().decode([ConformanceTests.Example].self, from: data)
        for example in examples {
            // Each example also with math in every place a URL, a title or a label can hold it.
            assertNoPlaceholder(render(example.markdown))
            assertNoPlaceholder(render(example.markdown.replacingOccurrences(of: "foo", with: "$f$")))
            assertNoPlaceholder(render(example.markdown.replacingOccurrences(of: "/url", with: "/$u$\\(v\\)")))
        }
    }
}

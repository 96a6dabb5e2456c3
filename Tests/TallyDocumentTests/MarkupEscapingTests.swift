import Foundation
import XCTest
import TallyDocument

/// `htmlEscaped` and `xmlEscaped` scan UTF-8 bytes eight at a time; Foundation's `replacingOccurrences`
/// (ampersands first, then each other character, as HTML5 lists them) is the reference they must equal,
/// with the characters to escape at every offset of a word, beside non-ASCII text.
final class MarkupEscapingTests: XCTestCase {
    private func reference(_ text: String, apostrophe: Bool) -> String {
        var out = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        if apostrophe { out = out.replacingOccurrences(of: "'", with: "&#39;") }
        return out
    }

    func testEveryEscapedCharacterAtEveryOffset() {
        for special in ["&", "<", ">", "\"", "'", "&amp;", "<script>'x'</script>"] {
            for offset in 0..<17 {
                for filler in ["a", "é", "😀"] {
                    let text = String(repeating: filler, count: offset) + special + "tail σ " + special
                    XCTAssertEqual(text.htmlEscaped, reference(text, apostrophe: true), text)
                    XCTAssertEqual(text.xmlEscaped, reference(text, apostrophe: false), text)
                }
            }
        }
    }

    func testTextWithNothingToEscapeIsTheSame() {
        for text in ["", "plain", "a long line of text with nothing to escape, σ and 😀 included", "\u{0}\u{1F}"] {
            XCTAssertEqual(text.htmlEscaped, text)
            XCTAssertEqual(text.xmlEscaped, text)
        }
        XCTAssertEqual("it's".xmlEscaped, "it's")
    }
}

import XCTest
import TallyDocument

/// `collapsingWhitespace()` scans bytes; Swift's `Character.isWhitespace` (Unicode's `White_Space`
/// property, from the standard library's tables) is the reference it must agree with.
final class CollapsedWhitespaceTests: XCTestCase {
    private func reference(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func testEveryWhiteSpaceCharacterAndItsNeighboursAgreeWithCharacterIsWhitespace() {
        // Every scalar of the Basic Multilingual Plane that is White_Space, and the scalars sharing their
        // first UTF-8 bytes (U+0080–00FF, U+1680's and U+2000–206F's neighbours, U+3000–3003), which are not.
        var scalars: [Unicode.Scalar] = (0x00...0x2FF).compactMap(Unicode.Scalar.init)
        scalars += (0x1670...0x1690).compactMap(Unicode.Scalar.init) + (0x2000...0x20FF).compactMap(Unicode.Scalar.init)
        scalars += (0x3000...0x3003).compactMap(Unicode.Scalar.init) + ["é", "σ", "😀"]
        for scalar in scalars {
            // A mark that joins a preceding space into one Character (U+200D, U+20D0…) is whitespace to
            // `Character` with the space, and kept by the byte scan: the documented difference.
            if " \(scalar)".count == 1 { continue }
            for text in ["a\(scalar)b", "\(scalar)x\(scalar)", "\(scalar)", "x \(scalar) y", "\(scalar)\(scalar)z"] {
                XCTAssertEqual(text.collapsingWhitespace(), reference(text), "U+\(String(scalar.value, radix: 16))")
            }
        }
    }

    func testRunsEndsAndTextWithoutWhitespace() {
        for text in ["", " ", "  \n\t ", "one", "one two", " one  two\n\nthree\r\n", "a\u{00A0}\u{2003}b\u{3000}", "tab\there "] {
            XCTAssertEqual(text.collapsingWhitespace(), reference(text), text.debugDescription)
        }
    }
}

/// `collapsingWhitespace()` skips eight bytes at a time (`ByteScan`): whitespace at every offset of a
/// long text, next to ASCII and non-ASCII words, must collapse as `Character.isWhitespace` says.
final class CollapsedWhitespaceInLongTextTests: XCTestCase {
    func testWhitespaceAtEveryOffsetOfALongText() {
        let words = ["alpha", "σ", "x", "😀ab", "0123456789abcdef"]
        for space in [" ", "  ", "\n", "\t \u{00A0}", "\u{2003}", "\u{3000}"] {
            for offset in 0..<17 {
                let text = String(repeating: "y", count: offset) + space + words.joined(separator: space) + space
                XCTAssertEqual(text.collapsingWhitespace(), text.split(whereSeparator: \.isWhitespace).joined(separator: " "),
                               "\(offset) \(space.debugDescription)")
            }
        }
    }
}

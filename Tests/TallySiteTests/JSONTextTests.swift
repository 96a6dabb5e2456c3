import Foundation
import XCTest
@testable import TallySite

/// `JSONText` writes JSON by hand for speed; Foundation's `JSONEncoder` (sorted keys, slashes
/// unescaped) is the reference its bytes must equal, and `JSONSerialization` must read them back.
final class JSONTextTests: XCTestCase {
    private let awkward = ["", "plain", "quote \" and \\ backslash", "slash / </script>", "tab\tnew\nline\r\u{8}\u{C}",
                           "\u{0}\u{1}\u{1F}\u{7F}", "é σ 😀 \u{2028}\u{2029}", "<div class=\"card\" id=\"card-x\">\n</div>\n"]

    private func encoded<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func testStringsAreTheBytesJSONEncoderWrites() throws {
        XCTAssertEqual(JSONText.array(awkward), try encoded(awkward))
        XCTAssertEqual(JSONText.array([]), "[]")
        for string in awkward { XCTAssertEqual(JSONText.quoted(string), try encoded([string]).dropFirst().dropLast().description) }
        let decoded = try JSONSerialization.jsonObject(with: Data(JSONText.array(awkward).utf8)) as? [String]
        XCTAssertEqual(decoded, awkward)
    }

    func testSearchEntriesAreTheBytesJSONEncoderWrites() throws {
        let entries = awkward.map { SearchIndex.Entry(kind: .card, title: $0, notebook: "N \($0)", href: "a.html#\($0)", text: $0 + $0) }
            + [SearchIndex.Entry(kind: .section, title: "T", notebook: "N", href: "a.html", text: "")]
        let script = SearchIndex(entries: entries).script(page: "a/b.html")
        XCTAssertEqual(script, "(window.tallySearchIndex = window.tallySearchIndex || {})[\"a/b.html\"] = \(try encoded(entries));\n")
    }
}

import Foundation

/// The line grammar of a card written inside a notebook:
///
///     ::: card {#sigmoid-formula .reversed guid="f#2;x{|" tags="optics exam"}
///     front (Markdown)
///     ---
///     back (Markdown)
///     :::
struct CardFence {
    /// 0-based line indices within the scanned lines.
    var openLine: Int
    var separatorLine: Int?
    var closeLine: Int?
    var id: String?
    var classes: [String]
    /// `key="value"` attributes (`guid`, `tags`), values unescaped.
    var attributes: [String: String] = [:]
    /// Problems with the attribute block, as (message, byte column).
    var attributeProblems: [(String, Int)]

    static func isClose(_ line: Substring) -> Bool {
        guard let first = line.firstByteAfterASCIIWhitespace, first == UInt8(ascii: ":") || first >= 0x80 else { return false }
        let t = line.trimmingWhitespace()
        return t.count >= 3 && t.allSatisfy { $0 == ":" }
    }

    /// Parses an opening line such as `::: card {#x .reversed}`; nil if the line opens no card.
    static func open(_ line: Substring, at index: Int) -> CardFence? {
        guard line.utf8.first == UInt8(ascii: ":"), line.hasPrefix(":::") else { return nil }
        if let id = plainID(line) { return CardFence(openLine: index, id: id, classes: [], attributeProblems: []) }
        var rest = line.drop(while: { $0 == ":" }).drop(while: { $0 == " " })
        guard rest.hasPrefix("card"), rest.dropFirst(4).first.map({ $0 == " " || $0 == "{" }) ?? true else { return nil }
        rest = rest.dropFirst(4).drop(while: { $0 == " " })
        var fence = CardFence(openLine: index, id: nil, classes: [], attributeProblems: [])
        guard !rest.isEmpty else { return fence }
        let column = line.utf8.distance(from: line.startIndex, to: rest.startIndex) + 1
        guard rest.hasPrefix("{"), rest.trimmingWhitespace().hasSuffix("}") else {
            fence.attributeProblems.append(("expected '{#id}' after '::: card'", column))
            return fence
        }
        let inside = rest.dropFirst().trimmingWhitespace().dropLast()
        for word in attributeWords(Substring(inside), column: column, problems: &fence.attributeProblems) {
            if let equals = word.firstIndex(of: "="), word[word.index(after: equals)...].hasPrefix("\"") {
                let key = String(word[..<equals])
                let value = unquoted(word[word.index(after: equals)...])
                if Card.attributeKeys.contains(key) {
                    fence.attributes[key] = value
                } else {
                    fence.attributeProblems.append(("unknown card attribute '\(key)' (known: \(Card.attributeKeys.joined(separator: ", ")))", column))
                }
            } else if word.hasPrefix("#") {
                let id = String(word.dropFirst())
                if CardIdentity.isValid(id) {
                    fence.id = id
                } else {
                    fence.attributeProblems.append(("card id '\(id)' may contain only letters, digits and - _ . :", column))
                }
            } else if word.hasPrefix(".") {
                fence.classes.append(String(word.dropFirst()))
            } else {
                fence.attributeProblems.append(("unknown card attribute '\(word)' (write {#id} or {.reversed})", column))
            }
        }
        return fence
    }

    /// The id of a line that is exactly `:::` (or more colons), spaces, `card`, spaces and `{#id}` with a valid
    /// id (`CardIdentity.isValid`), read from its bytes: how nearly every card opens, and what the Character
    /// reading below makes of such a line. Nil for any other line, which that reading handles.
    private static func plainID(_ line: Substring) -> String? {
        let bytes = line.utf8
        var i = bytes.startIndex
        func skip(_ byte: UInt8) -> Int {
            var n = 0
            while i < bytes.endIndex, bytes[i] == byte { i = bytes.index(after: i); n += 1 }
            return n
        }
        guard skip(UInt8(ascii: ":")) >= 3, skip(0x20) >= 1 else { return nil }
        for byte in "card".utf8 {
            guard i < bytes.endIndex, bytes[i] == byte else { return nil }
            i = bytes.index(after: i)
        }
        guard skip(0x20) >= 1, skip(UInt8(ascii: "{")) == 1, skip(UInt8(ascii: "#")) == 1 else { return nil }
        let idStart = i
        while i < bytes.endIndex, CardIdentity.isValidByte(bytes[i]) { i = bytes.index(after: i) }
        guard i > idStart, i < bytes.endIndex, bytes[i] == UInt8(ascii: "}"), bytes.index(after: i) == bytes.endIndex else { return nil }
        return String(line[idStart..<i])
    }

    /// The block's words, split at spaces outside double quotes; in quotes, `\"` and `\\` stand for `"` and `\`.
    private static func attributeWords(_ text: Substring, column: Int, problems: inout [(String, Int)]) -> [Substring] {
        var words: [Substring] = []
        var start: Substring.Index?
        var quoted = false, escaped = false
        for index in text.indices {
            let c = text[index]
            if start == nil, c != " " { start = index }
            if quoted {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { quoted = false }
            } else if c == "\"" {
                quoted = true
            } else if c == " ", let s = start {
                words.append(text[s..<index])
                start = nil
            }
        }
        if let s = start { words.append(text[s...]) }
        if quoted { problems.append(("a quoted attribute value is never closed (missing '\"')", column)) }
        return words
    }

    /// `"a \"b\" c"` → `a "b" c`.
    private static func unquoted(_ quoted: Substring) -> String {
        var out = "", escaped = false
        for c in quoted.dropFirst() {
            if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { break } else { out.append(c) }
        }
        return out
    }

    /// `value` quoted for an attribute block: the inverse of `unquoted`.
    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Finds card fences in a notebook's lines, skipping fenced code blocks (a `:::` inside code is code).
struct CardScanner {
    private(set) var cards: [CardFence] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(lines: [Substring], firstLine: Int, file: String) {
        var codeFence: Substring?
        var comment: String?
        var current: CardFence?
        for (index, line) in lines.enumerated() {
            // Most lines start with none of the bytes the tests below look for: only their first byte is read.
            let first = line.firstByteAfterSpaces
            // Without its leading spaces: made only for the few lines the first byte lets through.
            func trimmed() -> Substring { line.drop(while: { $0 == " " }) }
            if let f = codeFence {
                if first == f.utf8.first, trimmed().hasPrefix(f), trimmed().drop(while: { $0 == f.first }).allSatisfy(\.isWhitespace) { codeFence = nil }
                continue
            }
            if first == UInt8(ascii: "`") || first == UInt8(ascii: "~"), trimmed().hasPrefix("```") || trimmed().hasPrefix("~~~") {
                let t = trimmed()
                codeFence = t.prefix(while: { $0 == t.first })
                continue
            }
            if let end = comment {
                if line.contains(end) { comment = nil }
                continue
            }
            // An HTML comment (CommonMark's HTML block of type 2: a line starting with `<!--`, to the line
            // holding `-->`) hides what it holds: a card commented out is not a card.
            if current == nil, first == UInt8(ascii: "<"), line.prefix(while: { $0 == " " }).count < 4, trimmed().hasPrefix("<!--"),
               !trimmed().dropFirst(4).containsBytes("-->") {
                comment = "-->"
                continue
            }
            if var card = current {
                if card.separatorLine == nil, let b = line.firstByteAfterASCIIWhitespace, b == UInt8(ascii: "-") || b >= 0x80,
                   line.trimmingWhitespace() == "---" {
                    card.separatorLine = index
                    current = card
                } else if CardFence.isClose(line) {
                    card.closeLine = index
                    cards.append(card)
                    current = nil
                } else if CardFence.open(line, at: index) != nil {
                    diagnostics.append(.error("a card cannot contain another card (is the ':::' closing the card on line \(firstLine + card.openLine) missing?)",
                                              at: SourceLocation(file: file, line: firstLine + index), rule: .nestedCard))
                }
            } else if let card = CardFence.open(line, at: index) {
                current = card
            }
        }
        if let card = current {
            diagnostics.append(.error("unterminated card: no ':::' line closes it",
                                      at: SourceLocation(file: file, line: firstLine + card.openLine), rule: .unterminatedCard))
            if codeFence != nil {
                diagnostics.append(Diagnostic(.note, at: SourceLocation(file: file, line: firstLine + card.openLine), "a code fence inside the card is never closed either", rule: .unterminatedCard))
            }
        }
    }
}

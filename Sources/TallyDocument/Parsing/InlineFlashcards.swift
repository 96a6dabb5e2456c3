import Foundation

/// Flashcards written in the syntax of Obsidian's Spaced Repetition plugin, so that an Obsidian vault
/// builds as it is (https://www.stephenmwangi.com/obsidian-spaced-repetition/flashcards/):
///
///     Question::Answer                 one card
///     Question:::Answer                a card and its reverse
///     A question over lines            a multi-line card: the lines before `?` (up to a blank line)
///     ?                                are the front, the lines after it (up to a blank line) the back;
///     Its answer                       `??` makes it reversible too
///
/// As in the plugin, a note holds such cards only when it is tagged `#flashcards` (in its text or its
/// front matter `tags`); elsewhere `::` is ordinary text (a C++ name, a deck path). `::` inside code
/// spans and `{{c1::…}}` clozes is never a separator. Cards read this way get ids from their front
/// (`tally ids --write` leaves them alone: they have no `::: card` line to write one on).
struct InlineFlashcard {
    /// 0-based line indices (within the scanned lines) of the card's first and last line.
    var lines: ClosedRange<Int>
    var front: String
    var back: String
    var frontLine: Int
    var backLine: Int
    var reversed: Bool
}

enum InlineFlashcards {
    static let tag = "flashcards"

    /// Whether the note opts in, as the plugin wants: `#flashcards` (or `#flashcards/…`) among its tags
    /// (its front matter's and the `ObsidianTags` of its text).
    static func isEnabled(tags: [String]) -> Bool {
        tags.contains { $0 == tag || $0.hasPrefix(tag + "/") }
    }

    /// The cards in `lines`, skipping fenced code and the line ranges in `excluded` (cards written with `:::`).
    static func scan(_ lines: [Substring], excluded: [ClosedRange<Int>]) -> [InlineFlashcard] {
        var cards: [InlineFlashcard] = []
        var fence: Substring?
        var usable = [Bool](repeating: true, count: lines.count)
        for range in excluded { for i in range where i < lines.count { usable[i] = false } }
        for (i, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let f = fence {
                usable[i] = false
                if trimmed.hasPrefix(f), trimmed.drop(while: { $0 == f.first }).allSatisfy(\.isWhitespace) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                usable[i] = false
                fence = trimmed.prefix { $0 == trimmed.first }
            }
        }
        func blank(_ i: Int) -> Bool { lines[i].allSatisfy(\.isWhitespace) }
        var i = 0
        while i < lines.count {
            defer { i += 1 }
            guard usable[i] else { continue }
            let text = lines[i].trimmingWhitespace()
            if text == "?" || text == "??" {
                var start = i
                while start > 0, usable[start - 1], !blank(start - 1), !lines[start - 1].hasPrefix("#") { start -= 1 }
                var end = i
                while end + 1 < lines.count, usable[end + 1], !blank(end + 1) { end += 1 }
                guard start < i, end > i, !cards.contains(where: { $0.lines.contains(start) }) else { continue }
                cards.append(InlineFlashcard(lines: start...end, front: lines[start..<i].joined(separator: "\n"),
                                             back: lines[(i + 1)...end].joined(separator: "\n"),
                                             frontLine: start, backLine: i + 1, reversed: text == "??"))
                i = end
                continue
            }
            guard !text.hasPrefix(":::"), !text.hasPrefix("|"), let (separator, reversed) = separator(in: text) else { continue }
            let front = text[..<separator.lowerBound].trimmingWhitespace()
            let back = text[separator.upperBound...].trimmingWhitespace()
            guard !front.isEmpty, !back.isEmpty else { continue }
            cards.append(InlineFlashcard(lines: i...i, front: front, back: back, frontLine: i, backLine: i, reversed: reversed))
        }
        return cards
    }

    /// The first `::` or `:::` outside code spans and `{{…}}`.
    private static func separator(in text: String) -> (Range<String.Index>, reversed: Bool)? {
        var inCode = false, braces = 0
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == "`" { inCode.toggle() }
            else if !inCode, text[index...].hasPrefix("{{") { braces += 1; index = text.index(index, offsetBy: 2); continue }
            else if !inCode, braces > 0, text[index...].hasPrefix("}}") { braces -= 1; index = text.index(index, offsetBy: 2); continue }
            else if !inCode, braces == 0, c == ":" {
                let run = text[index...].prefix { $0 == ":" }.count
                if run == 2 || run == 3 { return (index..<text.index(index, offsetBy: run), run == 3) }
                index = text.index(index, offsetBy: run)
                continue
            }
            index = text.index(after: index)
        }
        return nil
    }
}

/// Obsidian's `#tags` in a note's text (https://help.obsidian.md/tags): `#` then letters (any script),
/// digits, `_`, `-` or `/`, not digits alone, at the start of a line or after white space; not in fenced
/// code or code spans, and `# Heading` is no tag.
enum ObsidianTags {
    static func find(in lines: [Substring]) -> [String] {
        var tags: [String] = []
        var fence = false
        for line in lines {
            let first = line.firstByteAfterSpaces
            if first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
                let trimmed = line.drop { $0 == " " }
                if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { fence.toggle(); continue }
            }
            guard !fence, mayHoldTag(line) else { continue }
            for tag in tagsOutsideCodeSpans(line) where !tags.contains(tag) { tags.append(tag) }
        }
        return tags
    }

    /// Whether some `#` of the line starts it or follows a byte that can end a white-space Character (ASCII
    /// white space, or any byte of a multi-byte character): a line without one holds no tag. Card lines
    /// (`::: card {#id}`) and most `#` in running text are passed over without reading Characters.
    private static func mayHoldTag(_ line: Substring) -> Bool {
        func follows(_ previous: UInt8) -> Bool { previous == 0x20 || (0x09...0x0D).contains(previous) || previous >= 0x80 }
        // A native line's bytes in place, each `#` found by memchr: most lines have none, and this runs on every line.
        if let found = line.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            var p = 0
            while p < bytes.count, let hit = memchr(base + p, Int32(UInt8(ascii: "#")), bytes.count - p) {
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if offset == 0 || follows(bytes[offset - 1]) { return true }
                p = offset + 1
            }
            return false
        }) {
            return found
        }
        var previous: UInt8 = 0x20
        for byte in line.utf8 {
            if byte == UInt8(ascii: "#"), follows(previous) { return true }
            previous = byte
        }
        return false
    }

    /// One scan of the line's bytes for `#` and backticks (a regular expression per line cost a fifth
    /// of a build); a tag's own characters are then read as Characters.
    private static func tagsOutsideCodeSpans(_ line: Substring) -> [String] {
        var tags: [String] = []
        let bytes = line.utf8
        let lastBacktick = bytes.lastIndex(of: UInt8(ascii: "`"))
        var inCode = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "`") {
                // An unclosed backtick opens no code span.
                if inCode || index < lastBacktick! { inCode.toggle() }
            } else if !inCode, byte == UInt8(ascii: "#"), index == line.startIndex || line[line.index(before: index)].isWhitespace {
                let start = bytes.index(after: index)
                let end = line[start...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "/" || $0 == "-") } ?? line.endIndex
                // Obsidian wants one character that is not a digit: `#1984` is no tag, `#y1984` is.
                if line[start..<end].contains(where: { !$0.isNumber }) {
                    tags.append(String(line[start..<end]))
                    index = end
                    continue
                }
            }
            index = bytes.index(after: index)
        }
        return tags
    }
}

import Foundation

/// Trimming and searching in Swift, without Foundation's `trimmingCharacters(in:)` and
/// `contains(_:)`/`range(of:)`, which go through a UTF-16 `NSString`: called on every line and text run
/// of a notebook, they cost a fifth of a build. Same results as Foundation's.
extension StringProtocol {
    /// Whether `needle` occurs in the text, compared as UTF-8 bytes (as Foundation's literal search
    /// compares code units; no Unicode equivalence).
    public func containsBytes(_ needle: String) -> Bool {
        // Native strings hand out their UTF-8 without copying: the search then allocates nothing.
        if let found = utf8.withContiguousStorageIfAvailable({ haystack in
            var needle = needle
            return needle.withUTF8 { Self.search(haystack, for: $0) }
        }) {
            return found
        }
        let needle = Array(needle.utf8)
        guard let first = needle.first else { return true }
        let bytes = utf8
        var index = bytes.startIndex
        while let start = bytes[index...].firstIndex(of: first) {
            if bytes[start...].starts(with: needle) { return true }
            index = bytes.index(after: start)
        }
        return false
    }

    private static func search(_ haystack: UnsafeBufferPointer<UInt8>, for needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count, let base = haystack.baseAddress else { return false }
        var i = 0
        let last = haystack.count - needle.count
        // memchr jumps to each candidate first byte: most text has few.
        while i <= last, let hit = memchr(base + i, Int32(first), last + 1 - i) {
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            var k = 1
            while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
            i += 1
        }
        return false
    }

    /// The text's lines, split at each "\n" byte (empty lines kept; a final "\n" ends in an empty
    /// line): what `split(separator: "\n", omittingEmptySubsequences: false)` gives for text without
    /// "\r", found by scanning bytes instead of grapheme clusters.
    public func lines() -> [SubSequence] {
        var lines: [SubSequence] = []
        if let offsets = utf8.withContiguousStorageIfAvailable({ Self.offsets(of: 0x0A, in: $0) }) {
            // Byte offsets from memchr, turned into indices by moving forward from the last one.
            lines.reserveCapacity(offsets.count + 1)
            var start = startIndex
            var previous = 0
            for offset in offsets {
                let newline = utf8.index(start, offsetBy: offset - previous)
                lines.append(self[start..<newline])
                start = utf8.index(after: newline)
                previous = offset + 1
            }
            lines.append(self[start..<endIndex])
            return lines
        }
        var start = startIndex
        var index = utf8.startIndex
        while let newline = utf8[index...].firstIndex(of: 0x0A) {
            lines.append(self[start..<newline])
            index = utf8.index(after: newline)
            start = index
        }
        lines.append(self[start..<endIndex])
        return lines
    }

    /// Whether the text holds the byte `byte` (memchr over a native string's UTF-8, no per-byte iterator).
    public func containsByte(_ byte: UInt8) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }) {
            return found
        }
        return utf8.contains(byte)
    }

    private static func offsets(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard let base = bytes.baseAddress else { return [] }
        var offsets: [Int] = []
        var p = 0
        while p < bytes.count, let hit = memchr(base + p, Int32(byte), bytes.count - p) {
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            offsets.append(offset)
            p = offset + 1
        }
        return offsets
    }

    /// The first byte after the line's leading spaces (0x20), nil for a line of spaces: one byte that a
    /// line must start with (after spaces) for a Character test such as `hasPrefix("```")` on it to hold,
    /// looked at before that test on every line.
    var firstByteAfterSpaces: UInt8? { utf8.first { $0 != 0x20 } }

    /// The first byte that is not ASCII white space (tab, line feed, vertical tab, form feed, carriage
    /// return, space): a line whose `trimmingWhitespace()` starts with ASCII punctuation `p` has `p` here
    /// (or a non-ASCII byte, when Unicode white space or a combining mark stands first).
    var firstByteAfterASCIIWhitespace: UInt8? { utf8.first { !($0 == 0x20 || (0x09...0x0D).contains($0)) } }

    /// Without leading and trailing `CharacterSet.whitespaces` (Unicode's space separators and tab).
    public func trimmingWhitespace() -> String {
        // ASCII answered without the Unicode property tables: of ASCII, only space is a space separator.
        trimming { $0.isASCII ? $0 == " " || $0 == "\t" : $0.properties.generalCategory == .spaceSeparator }
    }

    /// Without leading and trailing `CharacterSet.whitespacesAndNewlines` (Unicode's `White_Space`).
    public func trimmingWhitespaceAndNewlines() -> String {
        // ASCII's White_Space: tab, line feed, vertical tab, form feed, carriage return and space.
        trimming { $0.isASCII ? $0 == " " || ("\t"..."\r").contains($0) : $0.properties.isWhitespace }
    }

    private func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isTrimmed($0) })!
        return String(self[first..<scalars.index(after: last)])
    }
}

extension ArraySlice where Element == Substring {
    /// The lines joined with "\n", as `joined(separator: "\n")` gives them. Lines that stand one after
    /// another in the same text, as `lines()` cut them, are that text's slice, copied in one piece instead
    /// of appended line by line; any other lines (one replaced by a string of its own) are joined.
    func joinedLines() -> String {
        guard let first, let last else { return "" }
        guard count > 1 else { return String(first) }
        let text = first.base
        let bytes = text.utf8
        var previous = first
        for line in dropFirst() {
            // The line starts right after the previous one's "\n" in the same text: a line of another
            // text (a blanked line is an empty string's, at offset 0) never stands one byte past a "\n".
            guard previous.endIndex < bytes.endIndex, bytes[previous.endIndex] == 0x0A,
                  line.startIndex == bytes.index(after: previous.endIndex) else { return joined(separator: "\n") }
            previous = line
        }
        return String(text[first.startIndex..<last.endIndex])
    }
}

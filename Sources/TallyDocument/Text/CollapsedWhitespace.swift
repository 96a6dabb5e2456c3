extension String {
    /// The text with each run of Unicode `White_Space` (tab, newline, space, no-break space, the
    /// `U+2000`–`U+200A` spaces, ideographic space, …) as one space and none at either end: what
    /// `split(whereSeparator: \.isWhitespace).joined(separator: " ")` gives, found by scanning UTF-8
    /// bytes rather than grapheme clusters (the search index collapses every section and card's text
    /// this way, and `Character.isWhitespace` was a tenth of building it). Text without whitespace runs
    /// or ends is returned as is. (A combining mark right after a space stays with the next word.)
    public func collapsingWhitespace() -> String {
        var text = self
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0, pendingSpace = false, changed = false
            while i < bytes.count {
                let length = Self.whitespaceLength(bytes, at: i)
                if length > 0 {
                    if length != 1 || bytes[i] != 0x20 || pendingSpace || out.isEmpty { changed = true }
                    pendingSpace = !out.isEmpty
                    i += length
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(bytes[i])
                i += 1
            }
            if pendingSpace { changed = true }
            return changed ? String(decoding: out, as: UTF8.self) : self
        }
    }

    /// The length in bytes of the `White_Space` character starting at `i`, or 0.
    private static func whitespaceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let first = b[i]
        if first < 0x80 { return first == 0x20 || (0x09...0x0D).contains(first) ? 1 : 0 }
        func next(_ k: Int) -> UInt8 { i + k < b.count ? b[i + k] : 0 }
        switch first {
        case 0xC2: return next(1) == 0x85 || next(1) == 0xA0 ? 2 : 0                   // U+0085, U+00A0
        case 0xE1: return next(1) == 0x9A && next(2) == 0x80 ? 3 : 0                   // U+1680
        case 0xE2:
            if next(1) == 0x80 {
                let c = next(2)                                                         // U+2000–200A, 2028, 2029, 202F
                return (0x80...0x8A).contains(c) || c == 0xA8 || c == 0xA9 || c == 0xAF ? 3 : 0
            }
            return next(1) == 0x81 && next(2) == 0x9F ? 3 : 0                          // U+205F
        case 0xE3: return next(1) == 0x80 && next(2) == 0x80 ? 3 : 0                   // U+3000
        default: return 0
        }
    }
}

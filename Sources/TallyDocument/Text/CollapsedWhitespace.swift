extension String {
    /// The text with each run of Unicode `White_Space` (tab, newline, space, no-break space, the
    /// `U+2000`–`U+200A` spaces, ideographic space, …) as one space and none at either end: what
    /// `split(whereSeparator: \.isWhitespace).joined(separator: " ")` gives, found by scanning UTF-8
    /// bytes rather than grapheme clusters (the search index collapses every section and card's text
    /// this way, and `Character.isWhitespace` was a tenth of building it). Text without whitespace runs
    /// or ends is returned as is. (A combining mark right after a space stays with the next word.)
    public func collapsingWhitespace() -> String {
        var text = self
        var changed = false
        let collapsed = text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0, i = 0, pendingSpace = false
                /// Writes the bytes `from..<to` (no whitespace among them), after the pending space.
                func write(_ from: Int, _ to: Int) {
                    guard to > from, let base = bytes.baseAddress else { return }
                    if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                    out.baseAddress!.advanced(by: n).update(from: base + from, count: to - from)
                    n += to - from
                }
                while i < bytes.count {
                    // Whitespace is a byte up to 0x20 or a non-ASCII character (`ByteScan` skips words with neither).
                    let candidate = ByteScan.next(in: bytes, from: i, mayHold: { ByteScan.hasLess($0, than: 0x21) || ByteScan.hasNonASCII($0) },
                                                  special: { $0 <= 0x20 || $0 >= 0x80 })
                    write(i, candidate)
                    guard candidate < bytes.count else { break }
                    let length = Self.whitespaceLength(bytes, at: candidate)
                    if length > 0 {
                        if length != 1 || bytes[candidate] != 0x20 || pendingSpace || n == 0 { changed = true }
                        pendingSpace = n > 0
                        i = candidate + length
                    } else {
                        write(candidate, candidate + 1)
                        i = candidate + 1
                    }
                }
                if pendingSpace { changed = true }
                return n
            }
        }
        return changed ? collapsed : self
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

extension String {
    /// Text made safe for HTML element content and quoted attribute values: `& < > " '` become
    /// `&amp; &lt; &gt; &quot; &#39;` (the five characters HTML5 requires escaping in both places).
    public var htmlEscaped: String { escaped(apostrophe: true) }

    /// Text made safe for XML element content and double-quoted attribute values (`& < > "`), as the JUnit
    /// report writes it. The engine's SVG writer keeps its own copy: the engine links into notebook
    /// programs and depends on no other module.
    public var xmlEscaped: String { escaped(apostrophe: false) }

    /// Works on UTF-8 bytes (`ByteScan`): the characters escaped are ASCII, and an ASCII byte never occurs
    /// inside a multi-byte character. Text with nothing to escape (most of a page's text) is returned as is,
    /// sharing its storage; other text is written once, runs between escapes copied whole, into a string of
    /// the exact length (escaping went through `UnicodeScalarView.append`, a fifth of rendering a page).
    private func escaped(apostrophe: Bool) -> String {
        var text = self
        return text.withUTF8 { bytes -> String in
            func next(_ i: Int) -> Int {
                ByteScan.next(in: bytes, from: i, mayHold: { w in
                    ByteScan.has(w, UInt8(ascii: "&")) || ByteScan.has(w, UInt8(ascii: "<")) || ByteScan.has(w, UInt8(ascii: ">"))
                        || ByteScan.has(w, UInt8(ascii: "\"")) || (apostrophe && ByteScan.has(w, UInt8(ascii: "'")))
                }, special: { Self.escapeGrowth($0, apostrophe: apostrophe) > 0 })
            }
            var extra = 0
            var i = next(0)
            while i < bytes.count {
                extra += Self.escapeGrowth(bytes[i], apostrophe: apostrophe)
                i = next(i + 1)
            }
            guard extra > 0, let base = bytes.baseAddress else { return self }
            return String(unsafeUninitializedCapacity: bytes.count + extra) { out in
                var n = 0
                func put(_ s: StaticString) {
                    s.withUTF8Buffer { for b in $0 { out[n] = b; n += 1 } }
                }
                var start = 0
                while start < bytes.count {
                    let i = next(start)
                    out.baseAddress!.advanced(by: n).update(from: base + start, count: i - start)
                    n += i - start
                    guard i < bytes.count else { break }
                    switch bytes[i] {
                    case UInt8(ascii: "&"): put("&amp;")
                    case UInt8(ascii: "<"): put("&lt;")
                    case UInt8(ascii: ">"): put("&gt;")
                    case UInt8(ascii: "\""): put("&quot;")
                    default: put("&#39;")
                    }
                    start = i + 1
                }
                return n
            }
        }
    }

    /// How many bytes escaping `byte` adds (0: written as is).
    @inline(__always)
    private static func escapeGrowth(_ byte: UInt8, apostrophe: Bool) -> Int {
        switch byte {
        case UInt8(ascii: "&"): return 4
        case UInt8(ascii: "'"): return apostrophe ? 4 : 0
        case UInt8(ascii: "<"), UInt8(ascii: ">"): return 3
        case UInt8(ascii: "\""): return 5
        default: return 0
        }
    }
}

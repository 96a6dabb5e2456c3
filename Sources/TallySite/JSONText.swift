import TallyDocument

/// JSON text for the site's data scripts, written straight from UTF-8 bytes: the same bytes as
/// `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` (RFC 8259: `"` and `\` escaped, control
/// characters as `\b \f \n \r \t` or `\u00XX`, everything else as is), without building its value tree —
/// encoding each notebook's cards and search entries with `JSONEncoder` was a tenth of rendering a page.
/// Each text is measured first and written once into a string of exactly its length.
enum JSONText {
    /// `string` as a JSON string literal, quotes included.
    static func quoted(_ string: String) -> String {
        written { $0.string(string) }
    }

    /// `strings` as a JSON array of strings.
    static func array(_ strings: [String]) -> String {
        written { w in
            w.byte("[")
            for (i, string) in strings.enumerated() {
                if i > 0 { w.byte(",") }
                w.string(string)
            }
            w.byte("]")
        }
    }

    /// An array of objects of string values, each `fields` (key, value) written in the order given: give
    /// the keys sorted to match `.sortedKeys`.
    static func array(ofObjects objects: [[(key: String, value: String)]]) -> String {
        written { w in
            w.byte("[")
            for (i, fields) in objects.enumerated() {
                if i > 0 { w.byte(",") }
                w.byte("{")
                for (k, field) in fields.enumerated() {
                    if k > 0 { w.byte(",") }
                    w.string(field.key)
                    w.byte(":")
                    w.string(field.value)
                }
                w.byte("}")
            }
            w.byte("]")
        }
    }

    /// The text `write` writes: run once to measure it, once to write it.
    private static func written(_ write: (inout Writer) -> Void) -> String {
        var measure = Writer(out: nil)
        write(&measure)
        return String(unsafeUninitializedCapacity: measure.count) { buffer in
            var writer = Writer(out: buffer.baseAddress)
            write(&writer)
            return writer.count
        }
    }

    /// Writes JSON bytes at `out`, or only counts them when `out` is nil.
    private struct Writer {
        let out: UnsafeMutablePointer<UInt8>?
        var count = 0

        mutating func byte(_ ascii: Unicode.Scalar) {
            out?[count] = UInt8(ascii: ascii)
            count += 1
        }

        /// `string` as a JSON string literal: runs without escapes copied whole.
        mutating func string(_ string: String) {
            byte("\"")
            var string = string
            string.withUTF8 { bytes in
                guard let base = bytes.baseAddress else { return }
                var start = 0
                while start < bytes.count {
                    let i = ByteScan.next(in: bytes, from: start, mayHold: { w in
                        ByteScan.hasLess(w, than: 0x20) || ByteScan.has(w, UInt8(ascii: "\"")) || ByteScan.has(w, UInt8(ascii: "\\"))
                    }, special: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
                    copy(base + start, i - start)
                    guard i < bytes.count else { return }
                    start = i + 1
                    let b = base[i]
                    switch b {
                    case UInt8(ascii: "\""): escape("\"")
                    case UInt8(ascii: "\\"): escape("\\")
                    case 0x08: escape("b")
                    case 0x0C: escape("f")
                    case 0x0A: escape("n")
                    case 0x0D: escape("r")
                    case 0x09: escape("t")
                    default:
                        escape("u")
                        for digit in [UInt8(0), 0, b >> 4, b & 0xF] {
                            out?[count] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                            count += 1
                        }
                    }
                }
            }
            byte("\"")
        }

        private mutating func escape(_ ascii: Unicode.Scalar) {
            byte("\\")
            byte(ascii)
        }

        private mutating func copy(_ bytes: UnsafePointer<UInt8>, _ n: Int) {
            out?.advanced(by: count).update(from: bytes, count: n)
            count += n
        }
    }
}

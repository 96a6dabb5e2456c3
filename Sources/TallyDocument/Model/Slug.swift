/// Anchors for headings, made as GitHub makes them (github-slugger), so links written for GitHub keep
/// working: lower-case the text, drop everything but letters, digits, marks, `-`, `_` and spaces, turn each
/// space into `-`; a repeated anchor gets `-1`, `-2`, … (the second `Example` is `example-1`). A heading
/// with no such character (only math symbols, say) is `section`, then `section-1`, ….
public struct SlugMaker {
    private var used: Set<String> = []
    private var occurrences: [String: Int] = [:]

    public init() {}

    /// The anchor for a heading whose plain text is `text`, unique among those this maker gave out.
    public mutating func slug(for text: String) -> String {
        var base = Self.asciiBase(text) ?? Self.base(text)
        if base.isEmpty { base = "section" }
        var slug = base
        while used.contains(slug) {
            let n = occurrences[base, default: 0] + 1
            occurrences[base] = n
            slug = "\(base)-\(n)"
        }
        used.insert(slug)
        return slug
    }

    /// The anchor's text before `section` and numbering: lower case, letters, digits, marks, `-` and `_`,
    /// each space a `-`.
    private static func base(_ text: String) -> String {
        var base = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                base.append("-")
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                        || scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark {
                base.unicodeScalars.append(scalar)
            }
        }
        return base
    }

    /// `base(text)` of an ASCII `text`, read from its bytes (headings are mostly ASCII): of ASCII, only
    /// letters are alphabetic and only digits numeric, and none is a mark. Nil when `text` is not ASCII.
    private static func asciiBase(_ text: String) -> String? {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                bytes.append(byte)
            case 0x80...: return nil
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

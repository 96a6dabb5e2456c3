import TallyHashing

/// Stable identities for cards that have none written in the source.
public enum CardIdentity {
    /// Characters allowed in a written id (`{#id}` or `card_id:`).
    public static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { $0.isASCII && isValidByte(UInt8($0.value)) }
    }

    /// Whether the ASCII byte may stand in a written id: a letter, a digit, or one of `- _ . :`.
    static func isValidByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
    }

    /// An id derived from the card's front, with white space folded: the same text always gets the
    /// same id, on any machine. Editing the front changes it, which is why `tally ids --write` exists.
    public static func assignedID(front: String) -> String {
        let folded = front.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return "c-" + base62(FNV1a64.hash(folded), length: 10)
    }

    static func base62(_ value: UInt64, length: Int) -> String {
        let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        var v = value
        var out = ""
        for _ in 0..<length {
            out.append(digits[Int(v % 62)])
            v /= 62
        }
        return String(out.reversed())
    }
}

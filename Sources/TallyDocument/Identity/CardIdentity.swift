import TallyHashing

/// Stable identities for cards that have none written in the source.
public enum CardIdentity {
    /// Characters allowed in a written id (`{#id}` or `card_id:`).
    public static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.:".unicodeScalars.contains($0)
        }
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

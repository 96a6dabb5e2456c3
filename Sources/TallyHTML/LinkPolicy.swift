/// Which link destinations may reach a page: no `javascript:`, `vbscript:` or `data:` URLs,
/// whatever their case or the control characters hidden in them.
public enum LinkPolicy {
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// Whether `destination` is relative or uses one of `allowedSchemes`.
    public static func isSafe(_ destination: String) -> Bool {
        guard let scheme = scheme(of: destination) else { return true }
        return allowedSchemes.contains(scheme)
    }

    /// The destination's scheme, lower-cased, as a browser's URL parser reads it (after dropping the
    /// blanks and control characters it ignores): a letter, then letters, digits, `+`, `-` or `.`, then `:`.
    /// Nil for a relative destination (`foo):` has no scheme: `)` cannot be in one).
    public static func scheme(of destination: String) -> String? {
        let cleaned = destination.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        let text = String(String.UnicodeScalarView(cleaned)).lowercased()
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return String(scheme)
    }
}

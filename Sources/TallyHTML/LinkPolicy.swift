/// Which link destinations may reach a page: no `javascript:`, `vbscript:` or `data:` URLs,
/// whatever their case or the control characters hidden in them.
public enum LinkPolicy {
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    public static func isSafe(_ destination: String) -> Bool {
        let cleaned = destination.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        let text = String(String.UnicodeScalarView(cleaned)).lowercased()
        guard let colon = text.firstIndex(of: ":") else { return true }
        let scheme = text[..<colon]
        // A colon after a slash, `?` or `#` belongs to a relative path, not a scheme.
        if scheme.contains(where: { "/?#".contains($0) }) { return true }
        return allowedSchemes.contains(String(scheme))
    }
}

extension String {
    /// A link destination as cmark writes it into `href`/`src` (cmark's `houdini_escape_href`): bytes outside
    /// the URL-safe set (ASCII letters, digits and `-_.+!*'(),%#@?=;:/&$~`) are percent-encoded as UTF-8, so
    /// `foo bä` becomes `foo%20b%C3%A4` and `foo\bar` `foo%5Cbar`. An existing `%` is kept (the address may
    /// already be encoded). HTML-escape the result before writing it into an attribute.
    public var percentEncodedHref: String {
        var out = ""
        for byte in utf8 {
            if Self.hrefSafe.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    private static let hrefSafe: Set<UInt8> = Set(
        Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+!*'(),%#@?=;:/&$~".utf8))

    private func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

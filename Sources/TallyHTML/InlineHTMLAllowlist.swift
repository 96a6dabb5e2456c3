import Foundation

/// The harmless inline HTML that works without `unsafe-html`, as on GitHub: the tags `<kbd> <sub> <sup>
/// <br> <mark> <u> <small> <abbr> <ins> <del>`, opening or closing, without attributes (`<br/>` too).
/// Anything else, and any tag with attributes, stays escaped text.
public enum InlineHTMLAllowlist {
    public static let tags: Set<String> = ["kbd", "sub", "sup", "br", "mark", "u", "small", "abbr", "ins", "del"]
    private static let pattern = try! NSRegularExpression(pattern: #"^<(/?)([A-Za-z]+)\s*(/?)>$"#)

    /// The tag written back in lower case when `html` is one allowed tag, else nil.
    public static func tag(_ html: String) -> String? {
        guard let match = pattern.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)),
              let close = Range(match.range(at: 1), in: html), let name = Range(match.range(at: 2), in: html),
              let selfClosing = Range(match.range(at: 3), in: html) else { return nil }
        let tag = html[name].lowercased()
        guard tags.contains(tag), html[close].isEmpty || html[selfClosing].isEmpty else { return nil }
        if tag == "br" { return html[close].isEmpty ? "<br>" : nil }
        return html[selfClosing].isEmpty ? "<\(html[close])\(tag)>" : nil
    }
}

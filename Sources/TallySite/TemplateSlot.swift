/// The one place a built-in template writes a large value unescaped (`{{{body}}}` in `notebook`, `{{{content}}}`
/// in `layout`): rendered with a marker there, and split at the marker, the templates' text is written around the
/// value (the same bytes as rendering the value itself: Mustache writes an unescaped string as is), so a page's
/// HTML is written once instead of being appended into the template's output and again into the layout's.
/// A project's own templates are rendered with the value itself: whatever they do with it is theirs.
enum TemplateSlot {
    /// The slot of each built-in template that has one, by template name.
    static let builtIn = ["notebook": "body", "layout": "content"]

    /// What the slot is rendered as: a NUL never occurs in a template, and the rendered text is split only when
    /// the marker occurs exactly once (a value that holds it is rendered the ordinary way).
    static let marker = "\u{0}tally-slot\u{0}"

    /// The text before and after the one marker in `rendered`; nil when it is not there exactly once.
    /// Found by its first byte, NUL, on UTF-8 bytes (Foundation's `components(separatedBy:)` compares characters).
    static func split(_ rendered: String) -> (String, String)? {
        var text = rendered
        let found: [Int] = text.withUTF8 { bytes in
            let marker = self.marker.utf8
            var at: [Int] = []
            for i in bytes.indices where bytes[i] == 0 && bytes[i...].starts(with: marker) { at.append(i) }
            return at
        }
        guard found.count == 1 else { return nil }
        let utf8 = rendered.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: found[0])
        let end = utf8.index(start, offsetBy: marker.utf8.count)
        return (String(rendered[..<start]), String(rendered[end...]))
    }
}

/// The one place a built-in template writes a large value unescaped (`{{{body}}}` in `notebook`, `{{{content}}}`
/// in `layout`): rendered with a marker there, and the value put in place of the marker afterwards, the same
/// bytes as rendering the value itself (Mustache writes an unescaped string as is). Mustache appended each page's
/// HTML into the template's output and again into the layout's, growing a fresh string each time. A project's
/// own templates are rendered with the value itself: whatever they do with it is theirs.
enum TemplateSlot {
    /// The slot of each built-in template that has one, by template name.
    static let builtIn = ["notebook": "body", "layout": "content"]

    /// What the slot is rendered as: a NUL never occurs in a template, and the rendered text is split only when
    /// the marker occurs exactly once (a value that holds it is rendered the ordinary way).
    static let marker = "\u{0}tally-slot\u{0}"

    /// The text before and after the one marker in `rendered`; nil when it is not there exactly once.
    static func split(_ rendered: String) -> (String, String)? {
        let parts = rendered.components(separatedBy: marker)
        guard parts.count == 2 else { return nil }
        return (parts[0], parts[1])
    }

    /// `pieces` joined, into a string of exactly their length.
    static func joined(_ pieces: [String]) -> String {
        var out = ""
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count })
        for piece in pieces { out += piece }
        return out
    }
}

/// Finds Obsidian wikilinks in text: `[[target#heading|alias]]`, `![[…]]` for an embed. The target may
/// not contain `[`, `]` or a newline; an empty `[[]]` is text.
enum WikiLinkSyntax {
    /// The text split into plain runs and wikilinks, in order; nil when it holds none.
    static func split(_ text: String) -> [Inline.Kind]? {
        guard text.containsBytes("[[") else { return nil }
        var parts: [Inline.Kind] = []
        var pending = ""
        var rest = Substring(text)
        while let open = rest.range(of: "[[") {
            guard let close = rest[open.upperBound...].range(of: "]]") else { break }
            let inner = rest[open.upperBound..<close.lowerBound]
            guard !inner.isEmpty, !inner.contains("["), !inner.contains("]"), !inner.contains("\n") else {
                pending += rest[..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            var before = rest[..<open.lowerBound]
            let isEmbed = before.hasSuffix("!")
            if isEmbed { before = before.dropLast() }
            pending += before
            if !pending.isEmpty { parts.append(.text(pending)); pending = "" }
            let (link, alias) = splitOnce(inner, "|")
            let (target, heading) = splitOnce(link, "#")
            parts.append(.wikiLink(WikiLink(target: String(target).trimmingSpaces, heading: heading.map { String($0).trimmingSpaces },
                                            alias: alias.map { String($0).trimmingSpaces }, isEmbed: isEmbed)))
            rest = rest[close.upperBound...]
        }
        guard !parts.isEmpty else { return nil }
        pending += rest
        if !pending.isEmpty { parts.append(.text(pending)) }
        return parts
    }

    private static func splitOnce(_ s: Substring, _ separator: Character) -> (Substring, Substring?) {
        guard let i = s.firstIndex(of: separator) else { return (s, nil) }
        return (s[..<i], s[s.index(after: i)...])
    }
}

private extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

/// Anki tags are separated by spaces, so a tag may contain none; Anki also treats tags case-insensitively.
public enum AnkiTags {
    /// Trims each tag, joins inner whitespace with `_`, drops empty tags and case-insensitive repeats (first wins).
    public static func normalize(_ raw: [String]) -> [String] {
        var seen = Set<String>()
        var tags: [String] = []
        for tag in raw {
            let words = tag.split(whereSeparator: { $0.isWhitespace })
            guard !words.isEmpty else { continue }
            let joined = words.joined(separator: "_")
            if seen.insert(joined.lowercased()).inserted { tags.append(joined) }
        }
        return tags
    }
}

import Foundation

/// Writes assigned card ids into the source (`::: card` → `::: card {#c-…}`), so that later edits
/// to a card's text keep its identity. Touches only those lines; everything else stays byte-identical.
public enum IDWriter {
    /// The text of `source` with an id attribute added to each listed card's opening line.
    public static func addingIDs(to source: String, cards: [Card]) -> String {
        let targets = Dictionary(cards.filter { $0.identity == .assigned && !$0.isInline }.map { ($0.headerLocation.line, $0.id) },
                                 uniquingKeysWith: { a, _ in a })
        guard !targets.isEmpty else { return source }
        // Split on the scalar "\n": as Characters, "\r\n" is one grapheme and would never match "\n".
        var lines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0)) }
        for (line, id) in targets where lines.indices.contains(line - 1) {
            var text = lines[line - 1]
            let carriageReturn = text.unicodeScalars.last == "\r"
            if carriageReturn { text.unicodeScalars.removeLast() }
            let trimmed = text.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            // `::: card` may already carry classes: `::: card {.reversed}` → `::: card {#id .reversed}`.
            if trimmed.hasSuffix("}"), let brace = text.lastIndex(of: "{") {
                text.insert(contentsOf: "#\(id) ", at: text.index(after: brace))
            } else {
                text = trimmed + " {#\(id)}"
            }
            lines[line - 1] = text + (carriageReturn ? "\r" : "")
        }
        return lines.joined(separator: "\n")
    }

    /// Rewrites every notebook in `sources` that has cards without written ids. Returns the files changed.
    public static func write(_ sources: SourceSet) throws -> [String] {
        var changed: [String] = []
        for notebook in sources.notebooks where notebook.format == .notebook {
            let assigned = notebook.cards.filter { $0.identity == .assigned && !$0.isInline }
            guard !assigned.isEmpty else { continue }
            let url = sources.url(of: notebook)
            let original = try String(contentsOf: url, encoding: .utf8)
            let updated = addingIDs(to: original, cards: assigned)
            guard updated != original else { continue }
            try Data(updated.utf8).write(to: url, options: .atomic)
            changed.append(notebook.path)
        }
        return changed
    }
}

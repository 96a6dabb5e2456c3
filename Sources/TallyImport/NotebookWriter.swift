import Foundation

/// Renders an `ImportedNotebook` in Tally's notebook format. The front matter carries
/// `imported-from:`, which marks the file as one that `tally import` may overwrite.
public enum NotebookWriter {
    public static let markKey = "imported-from"

    public static func markdown(_ notebook: ImportedNotebook) -> String {
        var parts = ["---\ntitle: \(yamlQuoted(notebook.title))\n\(markKey): \(yamlQuoted(notebook.source.name))\n---"]
        for item in notebook.items {
            switch item {
            case .heading(let level, let text):
                parts.append(String(repeating: "#", count: level) + " " + text)
            case .prose(let markdown):
                parts.append(escaped(markdown, front: false))
            case .card(let card):
                parts.append("::: card {#\(card.id)}\n\(escaped(card.front, front: true))\n---\n\(escaped(card.back, front: false))\n:::")
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// Whether `text` is a notebook that `tally import` wrote (its front matter has the mark).
    public static func isImported(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---" else { return false }
        return lines.dropFirst().prefix { $0 != "---" }.contains { $0.hasPrefix("\(markKey):") }
    }

    /// Lines that the card grammar would read as structure get a backslash, which Markdown drops:
    /// a `:::` line would open or close a card, and in a front a `---` line would end it.
    private static func escaped(_ markdown: String, front: Bool) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.hasPrefix(":::") || (front && trimmed.trimmingCharacters(in: .whitespaces) == "---") {
                return String(line.prefix(line.count - trimmed.count)) + "\\" + trimmed
            }
            return String(line)
        }.joined(separator: "\n")
    }

    private static func yamlQuoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

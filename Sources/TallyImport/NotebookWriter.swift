import TallyDocument
import Foundation

/// Renders an `ImportedNotebook` in Tally's notebook format. The front matter carries the marks of
/// `ImportMark`, by which the next import knows the file as its own and sees whether it was edited.
public enum NotebookWriter {
    public static func markdown(_ notebook: ImportedNotebook) -> String {
        // Each imported set gets a deck of its own, named after it (`::` would nest decks in Anki).
        let deck = notebook.deck ?? notebook.title.replacingOccurrences(of: "::", with: ":")
        var parts = ["---\ntitle: \(yamlQuoted(notebook.title))\ndeck: \(yamlQuoted(deck))\n"
                     + (notebook.unsafeHTML ? "unsafe-html: true\n" : "")
                     + "\(ImportMark.fromKey): \(yamlQuoted(notebook.source.name))\n\(ImportMark.hashKey): \"\"\n---"]
        // The page shows its title as its first heading, whatever the notes began with.
        if notebook.items.first != .heading(level: 1, text: notebook.title) { parts.append("# " + notebook.title) }
        for item in notebook.items {
            switch item {
            case .heading(let level, let text):
                parts.append(String(repeating: "#", count: level) + " " + text)
            case .prose(let markdown):
                parts.append(escaped(markdown, front: false))
            case .card(let card):
                var attributes = ["#" + card.id] + card.classes.map { "." + $0 }
                if let guid = card.guid { attributes.append("guid=" + Card.quotedAttribute(guid)) }
                if !card.tags.isEmpty { attributes.append("tags=" + Card.quotedAttribute(card.tags.joined(separator: " "))) }
                parts.append("::: card {\(attributes.joined(separator: " "))}\n\(escaped(card.front, front: true))\n---\n"
                             + "\(escaped(card.back, front: false))\n:::")
            }
        }
        return ImportMark.sealed(parts.joined(separator: "\n\n") + "\n")
    }

    /// Lines that the card grammar would read as structure get a backslash, which Markdown drops:
    /// a `:::` line would open or close a card, and in a front a `---` line would end it.
    private static func escaped(_ markdown: String, front: Bool) -> String {
        markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.hasPrefix(":::") || (front && trimmed.trimmingWhitespace() == "---") {
                return String(line.prefix(line.count - trimmed.count)) + "\\" + trimmed
            }
            return String(line)
        }.joined(separator: "\n")
    }

    private static func yamlQuoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

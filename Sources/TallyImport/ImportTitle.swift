import Foundation

/// A title for notes that carry none of their own (a deck of card blocks, a copied flashcard page,
/// notes that open with a table of contents). The file's name, made readable, serves unless it is
/// the hash-like name an export or a download gave it (`004_adac6bd47b20ddb1.txt`); then the notes'
/// own words do: the topics of their table of contents, else a plain name for what they are.
enum ImportTitle {
    /// - Parameters:
    ///   - noun: what the notes are ("Flashcards", "Notes"), used when nothing better exists.
    ///   - topics: the entries of the notes' table of contents, if they have one.
    static func fallback(for source: ImportSource, noun: String, topics: [String] = []) -> String {
        let stem = source.stem
        guard let hash = stem.range(of: #"[-_ ]?[0-9a-fA-F]{12,}$"#, options: .regularExpression) else {
            return readable(stem)
        }
        let rest = readable(String(stem[..<hash.lowerBound]))
        if !topics.isEmpty {
            let shown = topics.prefix(3).joined(separator: ", ")
            return "\(noun) on \(shown)\(topics.count > 3 ? ", …" : "")"
        }
        return rest.isEmpty ? noun : "\(noun) \(rest)"
    }

    /// `my_ml-notes` → `My ml notes`: separators become spaces, the first letter a capital.
    static func readable(_ name: String) -> String {
        let spaced = name.replacingOccurrences(of: #"[_\-]+"#, with: " ", options: .regularExpression)
            .trimmingCharacters(in: .whitespaces)
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    /// The entries of a table of contents: the list items of its body (`1. simple math`, `- recap`).
    static func topics(ofContents section: MarkdownOutline.Section) -> [String] {
        section.body.compactMap { line in
            guard let marker = line.range(of: #"^\s*(\d+[.)]|[-*+])\s+"#, options: .regularExpression) else { return nil }
            let entry = line[marker.upperBound...].trimmingCharacters(in: .whitespaces)
            return entry.isEmpty ? nil : entry
        }
    }
}

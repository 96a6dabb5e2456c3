import Foundation

/// An Anki package as notebooks: one per deck (a subdeck `A::B` is `A/B.md`), each note a card that
/// keeps its note's GUID and tags, so that `tally anki` on the notebooks produces notes Anki matches to
/// the originals (re-importing creates no new note and keeps every review). Basic notes become cards,
/// "Basic (and reversed card)"-shaped ones (two templates) `.reversed` cards, Cloze notes cloze cards
/// with the Back Extra field as their back. Media the cards use is written beside their notebook.
enum AnkiDeckReader {
    static func handles(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".apkg") || lower.hasSuffix(".colpkg")
    }

    /// One notebook per deck: its path below the output folder (`Physics/Optics.md`) and its content.
    static func notebooks(from package: AnkiPackage, source: ImportSource) -> [(path: String, notebook: ImportedNotebook)] {
        let decks = Dictionary(grouping: package.notes, by: \.deck)
        return decks.keys.sorted().map { deck in
            let levels = deck.components(separatedBy: "::").map(fileName)
            let path = levels.joined(separator: "/") + ".md"
            let folder = levels.dropLast().joined(separator: "/")
            var notebook = ImportedNotebook(title: deck.components(separatedBy: "::").last ?? deck, source: source)
            notebook.deck = deck
            for note in decks[deck] ?? [] { add(note, to: &notebook, media: package.media, folder: folder) }
            return (path, notebook)
        }
    }

    private static func add(_ note: AnkiPackage.Note, to notebook: inout ImportedNotebook, media: [String: Data], folder: String) {
        let fields = note.fields.map(AnkiFieldMarkdown.init(html:))
        var front = fields.first?.markdown ?? ""
        var back = fields.dropFirst().map(\.markdown).filter { !$0.isEmpty }.joined(separator: "\n\n")
        if note.noteType.fieldNames.count > 2, !note.noteType.isCloze {
            notebook.warn("note \(note.guid) of type '\(note.noteType.name)' has \(note.noteType.fieldNames.count) fields: "
                          + "the first is the front, the others are joined on the back", line: 1)
        }
        if front.isEmpty { front = "(empty)" }
        if back.isEmpty, !note.noteType.isCloze { back = "(empty)" }
        if fields.contains(where: \.needsRawHTML) { notebook.unsafeHTML = true }
        for name in Set(fields.flatMap(\.images)) {
            guard !name.contains("/"), !name.hasPrefix("."), let data = media[name] else {
                if media[name] == nil, !name.contains("://") {
                    notebook.warn("note \(note.guid) shows the image '\(name)', which the package does not contain", line: 1)
                }
                continue
            }
            let path = folder.isEmpty ? name : folder + "/" + name
            if !notebook.media.contains(where: { $0.path == path }) { notebook.media.append(ImportedMedia(path: path, data: data)) }
        }
        let classes = !note.noteType.isCloze && note.noteType.templateCount >= 2 ? ["reversed"] : []
        notebook.addCard(id: "anki-\(note.id)", front: front, back: back, line: 1,
                         guid: note.guid, tags: note.tags, classes: classes)
    }

    /// A deck name as a file or folder name: path separators and leading dots removed.
    private static func fileName(_ level: String) -> String {
        let cleaned = level.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "\\", with: "-")
            .trimmingCharacters(in: .whitespaces)
        let name = String(cleaned.drop { $0 == "." })
        return name.isEmpty ? "deck" : name
    }
}

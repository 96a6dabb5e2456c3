import TallySQLite
import Foundation
import ZIPFoundation

/// Writes an `.apkg` in the legacy layout current Anki still imports: a zip of `collection.anki2` (an SQLite
/// database of schema 11), a `media` JSON map from numbers to file names, and the media files named by number.
enum ApkgWriter {
    /// A note with the id and `mod` the lock gave it.
    struct StampedNote {
        var note: AnkiNote
        var id: Int64
        var mod: Int64
    }

    /// Writes beside `url` first and renames into place, so a failed export never leaves half a package.
    static func write(notes: [StampedNote], noteTypeMods: [AnkiNoteType: Int64], media: [AnkiMedia],
                      to url: URL) throws {
        let fileManager = FileManager.default
        let scratch = fileManager.temporaryDirectory.appendingPathComponent("tally-anki-\(UUID().uuidString)")
        try fileManager.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: scratch) }

        let collection = scratch.appendingPathComponent("collection.anki2")
        do {
            try writeCollection(notes: notes, noteTypeMods: noteTypeMods, to: collection.path)
        } catch let error as SQLiteError {
            throw AnkiExportError.sqlite(error.message)
        }

        try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        try? fileManager.removeItem(at: partial)
        do {
            try writeZip(collection: Data(contentsOf: collection), media: media, to: partial,
                         date: Date(timeIntervalSince1970: TimeInterval(notes.map(\.mod).max() ?? 0)))
            guard rename(partial.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? fileManager.removeItem(at: partial)
            throw error
        }
    }

    private static func writeCollection(notes: [StampedNote], noteTypeMods: [AnkiNoteType: Int64],
                                        to path: String) throws {
        let db = try SQLiteDatabase(path: path)
        // A scratch file that is zipped and deleted: no journal, no fsync.
        try db.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN;")
        try db.execute(CollectionSchema.sql)

        let lastMod = notes.map(\.mod).max() ?? 0
        try db.prepare("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')").run([
            .integer(CollectionSchema.creationTime), .integer(lastMod * 1000), .integer(CollectionSchema.creationTime * 1000),
            .text(CollectionJSON.conf()), .text(CollectionJSON.models(mods: noteTypeMods)),
            .text(CollectionJSON.decks(named: Set(notes.map(\.note.deckName)))), .text(CollectionJSON.dconf()),
        ])

        let insertNote = try db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, 0, 0, '')")
        let insertCard = try db.prepare(
            "INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')")
        for (position, stamped) in notes.enumerated() {
            let note = stamped.note
            try insertNote.run([
                .integer(stamped.id), .text(note.guid), .integer(note.noteType.id), .integer(stamped.mod),
                .text(note.tags.isEmpty ? "" : " \(note.tags.joined(separator: " ")) "),
                .text(note.fields.joined(separator: "\u{1f}")), .text(sortField(note.fields[0])),
            ])
            let deckID = CollectionJSON.deckID(for: note.deckName)
            for ord in note.cardOrdinals {
                // New cards are shown in the order of the notebooks.
                try insertCard.run([
                    .integer(stamped.id + Int64(ord)), .integer(stamped.id), .integer(deckID), .integer(Int64(ord)),
                    .integer(stamped.mod), .integer(Int64(position + 1)),
                ])
            }
        }
        try db.execute("COMMIT;")
    }

    private static func writeZip(collection: Data, media: [AnkiMedia], to url: URL, date: Date) throws {
        let archive = try Archive(url: url, accessMode: .create)
        let mediaMap = Dictionary(uniqueKeysWithValues: media.enumerated().map { (String($0.offset), $0.element.name) })
        let mediaJSON = try JSONSerialization.data(withJSONObject: mediaMap, options: [.sortedKeys])
        let entries = [("collection.anki2", collection), ("media", mediaJSON)]
            + media.enumerated().map { (String($0.offset), Data($0.element.data)) }
        for (name, data) in entries {
            // A fixed date (the newest note's) keeps the package the same bytes while nothing changed.
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// Anki sorts and searches by the first field without markup.
    private static func sortField(_ html: String) -> String {
        var text = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { text.append(ch) }
        }
        return text
    }
}

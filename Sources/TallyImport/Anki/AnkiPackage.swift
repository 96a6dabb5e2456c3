import Foundation
import TallySQLite
import ZIPFoundation

/// The notes of an Anki package as Anki stored them, read from either format current Anki writes:
/// the legacy one (`collection.anki21` or `collection.anki2`: SQLite, schema 11, note types and decks
/// as JSON in `col`, media listed as JSON) and the current one (`collection.anki21b`: zstd-compressed
/// SQLite, schema 18, note types in tables with protobuf configs, media listed in zstd-compressed
/// protobuf and stored zstd-compressed). A `.colpkg` (a whole collection) has the same layout.
struct AnkiPackage {
    struct NoteType {
        var name: String
        var isCloze: Bool
        var fieldNames: [String]
        var templateCount: Int
    }

    struct Note {
        var id: Int64
        var guid: String
        var noteType: NoteType
        var tags: [String]
        var fields: [String]
        /// The deck of the note's first card, levels joined by `::`.
        var deck: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var notes: [Note]
    /// Media file name → contents.
    var media: [String: Data]
    /// Which format it was, for the summary.
    var format: String

    static func read(_ url: URL) throws -> AnkiPackage {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw Failure(description: "not an Anki package (not a zip archive): \(error)")
        }
        func contents(_ name: String) throws -> Data? {
            guard let entry = archive[name] else { return nil }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            return data
        }
        let current = try contents("collection.anki21b")
        let database: Data
        let format: String
        if let current {
            database = try Zstd.decompress(current)
            format = "current Anki package (collection.anki21b)"
        } else if let legacy = try contents("collection.anki21") ?? contents("collection.anki2") {
            database = legacy
            format = "legacy Anki package (SQLite, schema 11)"
        } else {
            throw Failure(description: "no collection in the package (collection.anki21b, .anki21 or .anki2)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tally-apkg-\(UUID().uuidString).db")
        try database.write(to: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let db = try SQLiteDatabase(path: scratch.path, writable: false)
        let schema18 = try db.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'notetypes'").count == 1
        let noteTypes = schema18 ? try noteTypes18(db) : try noteTypes11(db)
        let decks = schema18 ? try decks18(db) : try decks11(db)

        var deckOfNote: [Int64: Int64] = [:]
        for row in try db.rows("SELECT nid, did FROM cards ORDER BY nid, ord") {
            guard let nid = row[0].integer, let did = row[1].integer, deckOfNote[nid] == nil else { continue }
            deckOfNote[nid] = did
        }
        var notes: [Note] = []
        for row in try db.rows("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id") {
            guard let id = row[0].integer, let guid = row[1].text, let mid = row[2].integer,
                  let type = noteTypes[mid] else { continue }
            let tags = (row[3].text ?? "").split(separator: " ").map(String.init)
            let fields = (row[4].text ?? "").components(separatedBy: "\u{1f}")
            let deck = deckOfNote[id].flatMap { decks[$0] } ?? "Default"
            notes.append(Note(id: id, guid: guid, noteType: type, tags: tags, fields: fields, deck: deck))
        }
        let media = current != nil ? try media18(contents) : try media11(contents)
        return AnkiPackage(notes: notes, media: media, format: format)
    }

    // Schema 11: note types and decks are JSON objects keyed by id in the single `col` row.
    private static func noteTypes11(_ db: SQLiteDatabase) throws -> [Int64: NoteType] {
        guard let json = try db.rows("SELECT models FROM col").first?.first?.text,
              let models = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: Any]] else { return [:] }
        var types: [Int64: NoteType] = [:]
        for (key, model) in models {
            guard let id = Int64(key) else { continue }
            let fields = (model["flds"] as? [[String: Any]] ?? []).sorted { ($0["ord"] as? Int ?? 0) < ($1["ord"] as? Int ?? 0) }
            types[id] = NoteType(name: model["name"] as? String ?? "", isCloze: (model["type"] as? Int) == 1,
                                 fieldNames: fields.compactMap { $0["name"] as? String },
                                 templateCount: (model["tmpls"] as? [Any])?.count ?? 1)
        }
        return types
    }

    private static func decks11(_ db: SQLiteDatabase) throws -> [Int64: String] {
        guard let json = try db.rows("SELECT decks FROM col").first?.first?.text,
              let decks = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String: Any]] else { return [:] }
        return Dictionary(uniqueKeysWithValues: decks.compactMap { key, deck in
            Int64(key).map { ($0, deck["name"] as? String ?? "Default") }
        })
    }

    // Schema 18: tables of their own; a note type's kind is field 1 of its protobuf config (1 = cloze).
    private static func noteTypes18(_ db: SQLiteDatabase) throws -> [Int64: NoteType] {
        var fields: [Int64: [String]] = [:], templates: [Int64: Int] = [:]
        for row in try db.rows("SELECT ntid, name FROM fields ORDER BY ntid, ord") {
            if let id = row[0].integer, let name = row[1].text { fields[id, default: []].append(name) }
        }
        for row in try db.rows("SELECT ntid FROM templates") {
            if let id = row[0].integer { templates[id, default: 0] += 1 }
        }
        var types: [Int64: NoteType] = [:]
        for row in try db.rows("SELECT id, name, config FROM notetypes") {
            guard let id = row[0].integer else { continue }
            types[id] = NoteType(name: row[1].text ?? "", isCloze: ProtobufFields(row[2].bytes).varint(1) == 1,
                                 fieldNames: fields[id] ?? [], templateCount: templates[id] ?? 1)
        }
        return types
    }

    private static func decks18(_ db: SQLiteDatabase) throws -> [Int64: String] {
        var decks: [Int64: String] = [:]
        for row in try db.rows("SELECT id, name FROM decks") {
            if let id = row[0].integer { decks[id] = (row[1].text ?? "Default").replacingOccurrences(of: "\u{1f}", with: "::") }
        }
        return decks
    }

    // Media: the archive's files are named 0, 1, 2…; a list maps them to the names notes use.
    private static func media11(_ contents: (String) throws -> Data?) throws -> [String: Data] {
        guard let list = try contents("media"),
              let names = try JSONSerialization.jsonObject(with: list) as? [String: String] else { return [:] }
        var media: [String: Data] = [:]
        for (number, name) in names { media[name] = try contents(number) }
        return media
    }

    private static func media18(_ contents: (String) throws -> Data?) throws -> [String: Data] {
        guard let list = try contents("media") else { return [:] }
        let entries = ProtobufFields(Array(try Zstd.decompress(list))).messages(1)
        var media: [String: Data] = [:]
        for (number, entry) in entries.enumerated() {
            guard let name = ProtobufFields(entry).string(1), let stored = try contents(String(number)) else { continue }
            media[name] = try Zstd.decompress(stored)
        }
        return media
    }
}

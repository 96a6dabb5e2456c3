import Foundation
import TallyDocument

/// The Anki lock of a collection of notebooks (`tally-anki.lock`, a folder beside them, committed with them). For
/// every note (by GUID) and note type it remembers the hash of what was last exported, the `mod` stamped then,
/// the Anki id given to it and the note as written (so a note whose card was deleted can be sent once more,
/// tagged `tally::removed`).
///
/// Anki overwrites a note on import only when the package's `mod` is newer than its own, so `mod` must stay put
/// while the content is unchanged (or every rebuild would overwrite the user's edits in Anki) and must grow when it
/// changes (or the edit would never arrive). Ids are kept for the same reason: a rebuild yields the same package.
///
/// On disk: one file per notebook (`tally-anki.lock/<notebook path>.jsonl`) plus `note-types.jsonl`, each holding
/// one JSON object per line, sorted by GUID. Two branches that edit different notebooks change different files, so
/// their lock changes merge without conflicts; within one notebook, a line per note keeps diffs to the notes that
/// changed. The single JSON file of earlier versions is read and replaced by the folder on the next write.
public struct ModLock: Equatable, Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        public var hash: String
        /// Seconds since 1970, as Anki's `mod` columns.
        public var mod: Int64
        public var id: Int64
        /// The note as last written; nil for note types (and for entries of the old single-file lock).
        public var note: StoredNote?
        /// True once the note's card is gone from its notebook (its note was sent tagged `tally::removed`).
        public var removed: Bool?

        public init(hash: String, mod: Int64, id: Int64, note: StoredNote? = nil, removed: Bool? = nil) {
            self.hash = hash
            self.mod = mod
            self.id = id
            self.note = note
            self.removed = removed
        }

        public var isRemoved: Bool { removed ?? false }
    }

    /// What an `AnkiNote` needs to be written again without its notebook.
    public struct StoredNote: Codable, Equatable, Sendable {
        public var card: String
        /// The notebook's path below the notebooks' root: which file of the lock holds the entry.
        public var notebook: String
        public var type: AnkiNoteType
        public var deck: String
        public var tags: [String]
        public var fields: [String]
        public var clozes: [Int]?
    }

    public private(set) var entries: [String: Entry]
    /// The largest id handed out, kept so that a new id costs no scan of all entries.
    private var largestID: Int64
    /// Each entry as `load` read it, with its line: `write` writes an unchanged entry's line again rather
    /// than encoding it (encoding every entry cost a tenth of a deck's export).
    private var asLoaded: [String: (entry: Entry, line: String)] = [:]

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
        self.largestID = entries.values.map(\.id).max() ?? 0
    }

    /// Two locks are equal when their entries and the ids they have handed out are.
    public static func == (a: ModLock, b: ModLock) -> Bool {
        a.entries == b.entries && a.largestID == b.largestID
    }

    /// Anki gives each card of a note an id of its own: this many are kept free after each note id.
    static let idsPerNote: Int64 = 1000
    static let noteTypesFile = "note-types.jsonl"
    /// Entries of no notebook: from the old single-file lock (until an export claims them) or of notes made
    /// without one.
    static let unassignedFile = "unassigned.jsonl"

    /// A missing lock is an empty one (the first export).
    public static func load(from url: URL) throws -> ModLock {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return ModLock() }
        do {
            guard isDirectory.boolValue else {
                return ModLock(entries: try JSONDecoder().decode([String: Entry].self, from: Data(contentsOf: url)))
            }
            // The files are read on every core, each decoded whole (a decoder per line cost a fifth of a deck's
            // export); the entries are taken in file order, as one file after another would give them.
            let files = lockFiles(in: url).concurrentMap { file in Swift.Result { try keyedEntries(in: file) } }
            var entries: [String: Entry] = [:]
            var asLoaded: [String: (entry: Entry, line: String)] = [:]
            for file in files {
                for (keyed, line) in try file.get() {
                    entries[keyed.guid] = keyed.entry
                    asLoaded[keyed.guid] = (keyed.entry, line)
                }
            }
            var lock = ModLock(entries: entries)
            lock.asLoaded = asLoaded
            return lock
        } catch {
            throw AnkiExportError.unreadableLock(path: url.path, reason: "\(error)")
        }
    }

    /// Writes the folder: a file per notebook, lines sorted; files whose text is unchanged are not touched, and
    /// files of notebooks without entries are deleted.
    public func write(to url: URL) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            try fileManager.removeItem(at: url)
        }
        try fileManager.createDirectory(at: url, withIntermediateDirectories: true)
        var keysByFile: [String: [String]] = [:]
        for key in entries.keys.sorted() {
            let entry = entries[key]!
            let file = key.hasPrefix("notetype:") ? Self.noteTypesFile
                : entry.note.flatMap { $0.notebook.isEmpty ? nil : $0.notebook + ".jsonl" } ?? Self.unassignedFile
            keysByFile[file, default: []].append(key)
        }
        // Each file's lines encoded on every core, an encoder per file.
        let files = Array(keysByFile)
        let encoded = files.concurrentMap { _, keys in
            Swift.Result { () throws -> [String] in
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                return try keys.map { key in
                    let entry = entries[key]!
                    if let loaded = asLoaded[key], loaded.entry == entry { return loaded.line }
                    return String(decoding: try encoder.encode(KeyedEntry(guid: key, entry: entry)), as: UTF8.self)
                }
            }
        }
        var groups: [String: [String]] = [:]
        for ((file, _), lines) in zip(files, encoded) { groups[file] = try lines.get() }
        let root = url.standardizedFileURL.path
        for file in Self.lockFiles(in: url) {
            let relative = String(file.standardizedFileURL.path.dropFirst(root.count + 1))
            if groups[relative] == nil { try fileManager.removeItem(at: file) }
        }
        for (relative, lines) in groups {
            let file = url.appendingPathComponent(relative)
            let text = Data((lines.joined(separator: "\n") + "\n").utf8)
            if fileManager.contents(atPath: file.path) == text { continue }
            try fileManager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, options: .atomic)
        }
    }

    /// The entry for `key` now that its content hashes to `hash`: unchanged content keeps its `mod`; new or changed
    /// content gets `now`, or one second past the last `mod` if the clock has not moved on since.
    /// `fixedID` is used for things whose Anki id is fixed (note types); others get a fresh id the first time.
    /// `note` (when given) replaces the stored note, and `removed` the flag.
    public mutating func stamp(_ key: String, hash: String, now: Date, fixedID: Int64? = nil,
                               note: StoredNote? = nil, removed: Bool = false) -> Entry {
        let seconds = Int64(now.timeIntervalSince1970)
        if var entry = entries[key] {
            if entry.hash != hash {
                entry.hash = hash
                entry.mod = max(seconds, entry.mod + 1)
            }
            if let note { entry.note = note }
            entry.removed = removed ? true : nil
            entries[key] = entry
            return entry
        }
        let id = fixedID ?? max(Int64(now.timeIntervalSince1970 * 1000), largestID + Self.idsPerNote)
        largestID = max(largestID, id)
        let entry = Entry(hash: hash, mod: seconds, id: id, note: note, removed: removed ? true : nil)
        entries[key] = entry
        return entry
    }

    /// Takes every entry of `newer` over this lock's entry for the same key (ids handed out by either stay taken).
    public mutating func overlay(_ newer: ModLock) {
        entries.merge(newer.entries) { _, newer in newer }
        largestID = max(largestID, newer.largestID)
    }

    /// Forgets `key` (a removed note the user has deleted in Anki).
    public mutating func forget(_ key: String) {
        entries[key] = nil
    }

    private struct KeyedEntry: Codable {
        var guid: String
        var hash: String
        var mod: Int64
        var id: Int64
        var note: StoredNote?
        var removed: Bool?

        init(guid: String, entry: Entry) {
            self.guid = guid
            (hash, mod, id, note, removed) = (entry.hash, entry.mod, entry.id, entry.note, entry.removed)
        }

        var entry: Entry { Entry(hash: hash, mod: mod, id: id, note: note, removed: removed) }
    }

    /// A lock file's entries in order: the lines decoded as one JSON array (a line is one JSON object, whose
    /// strings hold no raw newline), or, when that fails, line by line, so that the error names the line's.
    private static func keyedEntries(in file: URL) throws -> [(KeyedEntry, line: String)] {
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter { !$0.isEmpty }
        let decoder = JSONDecoder()
        let all = try (try? decoder.decode([KeyedEntry].self, from: Data(("[" + lines.joined(separator: ",") + "]").utf8)))
            ?? lines.map { try decoder.decode(KeyedEntry.self, from: Data($0.utf8)) }
        return zip(all, lines).map { ($0, String($1)) }
    }

    private static func lockFiles(in folder: URL) -> [URL] {
        let found = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        return found.filter { $0.pathExtension == "jsonl" }.sorted { $0.path < $1.path }
    }
}

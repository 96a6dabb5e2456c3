import Foundation

/// The small lock file kept beside the notebooks (`tally-anki.lock`). For every note (by GUID) and note type it
/// remembers the hash of what was last exported, the `mod` stamped then and the Anki id given to it.
///
/// Anki overwrites a note on import only when the package's `mod` is newer than its own, so `mod` must stay put
/// while the content is unchanged (or every rebuild would overwrite the user's edits in Anki) and must grow when it
/// changes (or the edit would never arrive). Ids are kept for the same reason: a rebuild yields the same package.
public struct ModLock: Equatable, Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        public var hash: String
        /// Seconds since 1970, as Anki's `mod` columns.
        public var mod: Int64
        public var id: Int64
    }

    public private(set) var entries: [String: Entry]
    /// The largest id handed out, kept so that a new id costs no scan of all entries.
    private var largestID: Int64

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
        self.largestID = entries.values.map(\.id).max() ?? 0
    }

    /// Anki gives each card of a note an id of its own: this many are kept free after each note id.
    static let idsPerNote: Int64 = 1000

    /// A missing file is an empty lock (the first export).
    public static func load(from url: URL) throws -> ModLock {
        guard FileManager.default.fileExists(atPath: url.path) else { return ModLock() }
        let data = try Data(contentsOf: url)
        do {
            return ModLock(entries: try JSONDecoder().decode([String: Entry].self, from: data))
        } catch {
            throw AnkiExportError.unreadableLock(path: url.path, reason: "\(error)")
        }
    }

    /// Sorted and pretty, so that the file diffs well when committed beside the notebooks.
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try (encoder.encode(entries) + Data("\n".utf8)).write(to: url, options: .atomic)
    }

    /// The entry for `key` now that its content hashes to `hash`: unchanged content keeps its `mod`; new or changed
    /// content gets `now`, or one second past the last `mod` if the clock has not moved on since.
    /// `fixedID` is used for things whose Anki id is fixed (note types); others get a fresh id the first time.
    public mutating func stamp(_ key: String, hash: String, now: Date, fixedID: Int64? = nil) -> Entry {
        let seconds = Int64(now.timeIntervalSince1970)
        if var entry = entries[key] {
            if entry.hash != hash {
                entry.hash = hash
                entry.mod = max(seconds, entry.mod + 1)
                entries[key] = entry
            }
            return entry
        }
        let id = fixedID ?? max(Int64(now.timeIntervalSince1970 * 1000), largestID + Self.idsPerNote)
        largestID = max(largestID, id)
        let entry = Entry(hash: hash, mod: seconds, id: id)
        entries[key] = entry
        return entry
    }
}

import TallyHashing
import Foundation
import TallyDocument

/// One export: stamps the notes from the mod lock, carries the notes of removed cards once more, writes the
/// package, and only then saves the lock (a failed write must not record stamps that Anki never saw).
public enum AnkiExporter {
    /// The lock's name, in the notebooks' root unless the project file says otherwise.
    public static let lockFileName = "tally-anki.lock"

    /// What became of the cards a previous export wrote and this one no longer finds.
    public struct Removals: Equatable, Sendable {
        /// Card ids whose notes this export sent tagged `tally::removed` for the first time, sorted.
        public var new: [String] = []
        /// Every removed card the lock still remembers (sent again, unchanged), `new` included, sorted.
        public var remembered: [String] = []
        /// Removed cards forgotten by `forgetRemoved`, sorted.
        public var forgotten: [String] = []

        public init(new: [String] = [], remembered: [String] = [], forgotten: [String] = []) {
            self.new = new
            self.remembered = remembered
            self.forgotten = forgotten
        }
    }

    /// Which removed cards to look for: those of `notebooks` (paths below `root` that this export covers) and of
    /// notebooks that no longer exist under `root`. Notebooks left out (not named, or with errors) keep theirs.
    public struct RemovalScope: Sendable {
        public var root: URL
        public var notebooks: Set<String>

        public init(root: URL, notebooks: Set<String>) {
            self.root = root
            self.notebooks = notebooks
        }

        func covers(_ notebook: String) -> Bool {
            notebooks.contains(notebook)
                || !FileManager.default.fileExists(atPath: root.appendingPathComponent(notebook).path)
        }
    }

    /// Writes `package` to `url` and records the stamps in the lock at `lockURL`. With a `scope`, notes the lock
    /// knows from covered notebooks that the package lacks are written again tagged `tally::removed` (a newer
    /// `mod` the first time); `forgetRemoved` drops them from the lock and the package instead. With `lockUse`
    /// `.preview` the lock is read and never written, and only notes the lock on disk knows count as removed.
    @discardableResult
    public static func writePackage(_ package: AnkiDeckPackage, to url: URL, lockURL: URL,
                                    removalScope scope: RemovalScope? = nil, forgetRemoved: Bool = false,
                                    lockUse: LockUse = .record, now: Date = Date()) throws -> Removals {
        try requireUniqueGUIDs(package.notes)
        let committed = try ModLock.load(from: lockURL)
        var lock = committed
        if case .preview(let session) = lockUse { lock = session.stamping(over: committed) }
        var noteTypeMods: [AnkiNoteType: Int64] = [:]
        for type in AnkiNoteType.allCases {
            noteTypeMods[type] = lock.stamp("notetype:\(type.id)", hash: type.definitionHash, now: now, fixedID: type.id).mod
        }
        var stamped = package.notes.map { note in
            let entry = lock.stamp(note.guid, hash: note.contentHash, now: now, note: note.stored)
            return ApkgWriter.StampedNote(note: note, id: entry.id, mod: entry.mod)
        }
        var removals = Removals()
        if let scope {
            let present = Set(package.notes.map(\.guid))
            // The committed entries only: a note a preview stamped and no longer finds was never recorded.
            for (guid, entry) in committed.entries.sorted(by: { $0.key < $1.key }) {
                guard !present.contains(guid), let stored = entry.note, scope.covers(stored.notebook) else { continue }
                if forgetRemoved {
                    lock.forget(guid)
                    removals.forgotten.append(stored.card)
                    continue
                }
                let note = AnkiNote(removed: stored, guid: guid)
                if !entry.isRemoved { removals.new.append(stored.card) }
                removals.remembered.append(stored.card)
                let stamp = lock.stamp(guid, hash: note.contentHash, now: now, removed: true)
                stamped.append(ApkgWriter.StampedNote(note: note, id: stamp.id, mod: stamp.mod))
            }
        }
        var seen = Set<String>()
        let media = package.media.filter { seen.insert($0.name).inserted }
        try ApkgWriter.write(notes: stamped, noteTypeMods: noteTypeMods, media: media, to: url)
        switch lockUse {
        case .record: try lock.write(to: lockURL)
        case .preview(let session): session.keep(lock, committed: committed)
        }
        return Removals(new: removals.new.sorted(), remembered: removals.remembered.sorted(),
                        forgotten: removals.forgotten.sorted())
    }

    public static func writeTSV(_ package: AnkiDeckPackage, to url: URL) throws {
        try requireUniqueGUIDs(package.notes)
        try TSVWriter.write(package.notes, to: url)
    }

    /// Duplicate card ids are reported as diagnostics before export; this guards the writer itself.
    private static func requireUniqueGUIDs(_ notes: [AnkiNote]) throws {
        var seen = Set<String>()
        for note in notes where !seen.insert(note.guid).inserted { throw AnkiExportError.duplicateGUID(note.guid) }
    }
}

extension AnkiExporter {
    public enum Format: String, CaseIterable, Sendable {
        case apkg, tsv
    }

    /// Where a collection's lock is, and the folder its notebook paths are relative to.
    public struct LockPlace: Equatable, Sendable {
        public var url: URL
        public var base: URL
    }

    /// The lock belongs to the notebooks, never to the working directory or the command: `anki-lock:` of the
    /// project file when it says; else a `tally-anki.lock` already in the notebooks' root or a folder above it
    /// within the project (up to `tally.yml`'s folder, or the git work tree's top), so naming one notebook or a
    /// subfolder uses its collection's lock; else `tally-anki.lock` in the notebooks' root. A root that is
    /// read-only (someone else's notes: no write bit set, or not writable) keeps its lock in the user's cache,
    /// under a name derived from the root's path (`$XDG_CACHE_HOME` or `~/.cache`, `tally/anki-locks/<hash>/`).
    public static func lockPlace(for sources: SourceSet, project: ProjectFile) -> LockPlace {
        let root = sources.root.standardizedFileURL
        if let lock = project.ankiLock {
            return LockPlace(url: lock, base: project.url?.deletingLastPathComponent().standardizedFileURL ?? root)
        }
        if let limit = project.url?.deletingLastPathComponent().standardizedFileURL ?? gitWorkTree(above: root) {
            var folder = root
            while folder.path.hasPrefix(limit.path) {
                let candidate = folder.appendingPathComponent(lockFileName)
                if FileManager.default.fileExists(atPath: candidate.path) { return LockPlace(url: candidate, base: folder) }
                guard folder.path != limit.path else { break }
                folder = folder.deletingLastPathComponent().standardizedFileURL
            }
        }
        guard !isWritable(root) else { return LockPlace(url: root.appendingPathComponent(lockFileName), base: root) }
        let url = UserCache.folder().appendingPathComponent("anki-locks")
            .appendingPathComponent(String(SHA256.hex(Array(root.path.utf8)).prefix(16)))
            .appendingPathComponent(lockFileName)
        return LockPlace(url: url, base: root)
    }

    /// The nearest folder at or above `folder` that holds `.git`.
    private static func gitWorkTree(above folder: URL) -> URL? {
        var current = folder
        while true {
            if FileManager.default.fileExists(atPath: current.appendingPathComponent(".git").path) { return current }
            let parent = current.deletingLastPathComponent().standardizedFileURL
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// Whether the folder is meant to be written: some write bit set (root ignores the bits) and writable.
    private static func isWritable(_ folder: URL) -> Bool {
        guard let mode = (try? FileManager.default.attributesOfItem(atPath: folder.path))?[.posixPermissions] as? Int
        else { return true }  // not there yet: it is created beside the notebooks
        return mode & 0o222 != 0 && access(folder.path, W_OK) == 0
    }

    /// What one export did.
    public struct Result {
        public var notes: Int
        /// The cards' problems (the cards they name are left out).
        public var diagnostics: [Diagnostic]
        public var removals: Removals
    }

    /// What `tally anki`, `tally build` and `tally serve` run: the notes of `mapping` written to `url` (for apkg,
    /// with the lock of `mapping.sources`, recorded or previewed as `lockUse` says). Throws only when writing fails.
    public static func export(_ mapping: CardNotes, format: Format, to url: URL, project: ProjectFile,
                              forgetRemoved: Bool = false, lockUse: LockUse = .record, now: Date = Date()) throws -> Result {
        let (package, diagnostics) = mapping.package()
        var removals = Removals()
        switch format {
        case .apkg:
            let sources = mapping.sources
            let place = lockPlace(for: sources, project: project)
            // Notebook paths below the lock's folder: the same whichever subfolder or file was named.
            let base = place.base.path, root = sources.root.standardizedFileURL.path
            let prefix = root.hasPrefix(base + "/") ? String(root.dropFirst(base.count + 1)) + "/" : ""
            var package = package
            for index in package.notes.indices { package.notes[index].notebook = prefix + package.notes[index].notebook }
            let scope = RemovalScope(root: place.base, notebooks: Set(sources.publishable.map { prefix + sources.relativePath(of: $0) }))
            removals = try writePackage(package, to: url, lockURL: place.url, removalScope: scope,
                                        forgetRemoved: forgetRemoved, lockUse: lockUse, now: now)
        case .tsv:
            try writeTSV(package, to: url)
        }
        return Result(notes: package.notes.count, diagnostics: diagnostics, removals: removals)
    }

    /// The lines a command prints about removed cards (none when nothing was removed).
    public static func report(_ removals: Removals) -> [String] {
        var lines: [String] = []
        func cards(_ n: Int) -> String { n == 1 ? "1 card" : "\(n) cards" }
        if !removals.new.isEmpty {
            lines.append("\(cards(removals.new.count)) removed since the last export: \(removals.new.joined(separator: ", "))")
        }
        if !removals.remembered.isEmpty {
            lines.append("\(cards(removals.remembered.count)) removed from the notebooks: their notes are tagged "
                + "\(AnkiNote.removedTag) (search tag:\(AnkiNote.removedTag) in Anki and delete them), "
                + "then run `tally anki --forget-removed`")
        }
        if !removals.forgotten.isEmpty {
            lines.append("forgot \(cards(removals.forgotten.count)) removed: \(removals.forgotten.joined(separator: ", "))")
        }
        return lines
    }
}

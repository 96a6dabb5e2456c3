import Foundation
import TallyHashing

/// What a run keeps for the next, one version per notebook, all in one `RecordFile` (`file`): each
/// record named by the notebook's path and a content key (`<path key>-<content key>`), so that `save`
/// drops only the older versions of the notebooks this run saw. Records of notebooks a run did not load
/// (a `tally check` of one file, a shard) stay for the runs that do: `save` merges this run's records
/// into what the file holds when it writes. The file is read once, when first needed, and written once,
/// by `save`, only when this run wrote or dropped a record. Safe from several threads. Used by the
/// loader's `NotebookSummaries` and the evaluator's kept evaluations.
public final class KeptVersions: Sendable {
    public let file: URL
    /// The records file's kind (`RecordFile`): the summaries' file is never read as evaluations.
    private let kind: String
    /// The folder of one file per version that earlier Tallies kept instead: deleted by `save`.
    private let legacyFolder: URL?

    private struct State {
        /// The file's records, once read, and the version of the file they were read from.
        var onDisk: [String: Data]?
        var version: String?
        /// The records this run read, marked or wrote, by name.
        var used: Set<String> = []
        var written: [String: Data] = [:]
    }

    private let state = Locked(State())

    public init(file: URL, kind: String, legacyFolder: URL? = nil) {
        self.file = file
        self.kind = kind
        self.legacyFolder = legacyFolder
    }

    /// The bytes kept for this version of `path`, or nil.
    public func read(path: String, key: String) -> Data? {
        let name = self.name(path: path, key: key)
        return state.withLock { state in
            state.used.insert(name)
            if let written = state.written[name] { return written }
            if state.onDisk == nil {
                state.version = RecordFile.version(file)
                state.onDisk = RecordFile.read(file, kind: kind) ?? [:]
            }
            return state.onDisk?[name]
        }
    }

    /// Marks this version of `path` as used without reading it (its contents are known already).
    public func use(path: String, key: String) {
        let name = self.name(path: path, key: key)
        state.withLock { _ = $0.used.insert(name) }
    }

    /// Keeps `data` for this version of `path`, written by `save`.
    public func write(_ data: Data, path: String, key: String) {
        let name = self.name(path: path, key: key)
        state.withLock {
            $0.used.insert(name)
            $0.written[name] = data
        }
    }

    /// Writes the file when this run wrote a record or saw a notebook whose kept version is not the one
    /// it used: the file's records as they are now (another run may have written since it was read), less
    /// the other versions of the notebooks this run saw, plus this run's records. A file that can't be
    /// written only costs time.
    public func save() {
        let (used, written, onDisk, version) = state.withLock { ($0.used, $0.written, $0.onDisk, $0.version) }
        let paths = Set(used.map(Self.pathKey))
        func stale(_ records: [String: Data]) -> [String] {
            records.keys.filter { paths.contains(Self.pathKey($0)) && !used.contains($0) }
        }
        if let legacyFolder, FileManager.default.fileExists(atPath: legacyFolder.path) {
            try? FileManager.default.removeItem(at: legacyFolder)
        }
        if written.isEmpty, let onDisk, stale(onDisk).isEmpty { return }
        if written.isEmpty, onDisk == nil { return }  // nothing read, nothing written: nothing to drop
        // The records as read, unless another run has written the file since.
        var records = (onDisk != nil && version != nil && RecordFile.version(file) == version ? onDisk : RecordFile.read(file, kind: kind)) ?? [:]
        for name in stale(records) { records[name] = nil }
        records.merge(written) { _, new in new }
        try? RecordFile.write(records, to: file, kind: kind)
        state.withLock { $0.onDisk = records }
    }

    private static func pathKey(_ name: String) -> Substring { name.prefix { $0 != "-" } }

    private func name(path: String, key: String) -> String {
        String(ContentKey.of("path", path).prefix(16)) + "-" + key
    }
}

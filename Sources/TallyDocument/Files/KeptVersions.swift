import Foundation
import TallyHashing

/// Files a run keeps for the next, one per version of a notebook: each named by the notebook's path and a
/// content key (`<path key>-<content key>.json`), so that `prune` deletes only the older versions of the
/// notebooks this run saw. Entries of notebooks a run did not load (a `tally check` of one file, a shard)
/// stay for the runs that do. Safe from several threads. Used by the loader's `NotebookSummaries` and the
/// evaluator's kept evaluations.
public final class KeptVersions: Sendable {
    public let folder: URL
    private let used = Locked<Set<String>>([])

    public init(folder: URL) {
        self.folder = folder
    }

    /// The bytes kept for this version of `path`, or nil.
    public func read(path: String, key: String) -> Data? {
        let name = self.name(path: path, key: key)
        used.withLock { _ = $0.insert(name) }
        return FileManager.default.contents(atPath: folder.appendingPathComponent(name, isDirectory: false).path)
    }

    /// Marks this version of `path` as used without reading it (its contents are known already).
    public func use(path: String, key: String) {
        let name = self.name(path: path, key: key)
        used.withLock { _ = $0.insert(name) }
    }

    /// Keeps `data` for this version of `path` (a folder that can't be written only costs time).
    public func write(_ data: Data, path: String, key: String) {
        let name = self.name(path: path, key: key)
        used.withLock { _ = $0.insert(name) }
        try? FileWriter.write(data, to: folder.appendingPathComponent(name, isDirectory: false))
    }

    /// Deletes the other versions of the notebooks this value read or wrote.
    public func prune() {
        let names = used.withLock { $0 }
        let paths = Set(names.map { $0.prefix { $0 != "-" } })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where paths.contains(name.prefix { $0 != "-" }) && !names.contains(name) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    private func name(path: String, key: String) -> String {
        String(ContentKey.of("path", path).prefix(16)) + "-" + key + ".json"
    }
}

import Foundation
import TallyDocument

/// Run records on disk, one JSON file per key, so that a second `check` with nothing changed
/// compiles nothing. Stale entries are harmless (keys never repeat with other contents).
struct ResultCache {
    let folder: URL

    func load(_ key: String) -> RunRecord? {
        guard let data = try? Data(contentsOf: file(key)) else { return nil }
        return try? JSONDecoder().decode(RunRecord.self, from: data)
    }

    /// Written to a temporary file and renamed, so that parallel runs never read half a record.
    func store(_ record: RunRecord, as key: String) {
        guard let data = try? JSONEncoder().encode(record) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? FileWriter.write(data, to: file(key))
    }

    private func file(_ key: String) -> URL { folder.appendingPathComponent("\(key).json") }
}

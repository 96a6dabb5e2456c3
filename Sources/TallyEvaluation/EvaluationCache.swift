import Foundation
import TallyDocument
import TallyHashing
import TallyResults

/// Whole evaluations kept between runs, all in one file (`evaluations.records` in the cache; see
/// `KeptVersions` and `RecordFile`), by notebook path,
/// the SHA-256 of its bytes and this `tally` executable: what `Evaluator` returns for a notebook whose
/// file is unchanged, so that it is neither parsed (see `Notebook.isUnparsed`) nor judged again. An
/// entry holds only while the compiler is the one that ran the notebook's program and the files the
/// program read are unchanged (as `ResultCache`'s records). An unreadable entry or file is a miss; `save`
/// writes the file when an evaluation was made, dropping the older versions of the notebooks a run
/// evaluated and keeping the others'. Notebooks with nothing to run are kept too: their evaluation is
/// what spares an unchanged notebook from being parsed to plan it.
struct EvaluationCache {
    struct Entry: Codable {
        var evaluation: NotebookEvaluation
        /// `Compiler.fingerprint` of the compiler that ran the program; nil when there was no program.
        var compiler: String?
        /// The files the program read, relative to the notebook's folder, with their content hashes.
        var inputs: [String: String]
    }

    private let kept: KeptVersions

    /// The evaluations kept in `cache` (the cache folder), in `evaluations.records`.
    init(cache: URL) {
        kept = KeptVersions(file: cache.appendingPathComponent("evaluations.records"), kind: "evaluations",
                            legacyFolder: cache.appendingPathComponent("evaluations"))
    }

    /// The kept entry of `notebook` (read from its file, or kept in memory by this process); nil for a
    /// notebook made in memory (no `sourceDigest`).
    func entry(for notebook: Notebook) -> Entry? {
        guard !notebook.sourceDigest.isEmpty else { return nil }
        let key = self.key(notebook)
        if let entry = Self.memory.value(key) {
            kept.use(path: notebook.path, key: key)
            return entry
        }
        guard let data = kept.read(path: notebook.path, key: key),
              let entry = data == Self.nothingToRunMarker ? Self.nothingToRun(notebook) : try? JSONDecoder().decode(Entry.self, from: data)
        else { return nil }
        Self.memory.keep(entry, key)
        return entry
    }

    func store(_ entry: Entry, for notebook: Notebook) {
        // Read back as `nothingToRun(notebook)`: only an entry equal to it is kept as the marker.
        let nothing = entry.compiler == nil && entry.inputs.isEmpty && entry.evaluation.isEmpty
            && entry.evaluation.compiledPrograms == 0 && entry.evaluation.path == notebook.path
        guard !notebook.sourceDigest.isEmpty, let data = nothing ? Self.nothingToRunMarker : try? JSONEncoder().encode(entry) else { return }
        let key = self.key(notebook)
        kept.write(data, path: notebook.path, key: key)
        Self.memory.keep(entry, key)
    }

    /// The entry of a notebook with nothing to run, check or report (most notebooks) is kept as these
    /// bytes rather than JSON: decoding a hundred of them was a tenth of an incremental build.
    private static let nothingToRunMarker = Data("nothing to run".utf8)

    /// The entry the marker stands for.
    private static func nothingToRun(_ notebook: Notebook) -> Entry {
        Entry(evaluation: .nothing(path: notebook.path), compiler: nil, inputs: [:])
    }

    /// Writes the file (see `KeptVersions.save`).
    func save() { kept.save() }

    /// Entries already read or written by this process, by key.
    private static let memory = ProcessMemo<Entry>(limit: 10_000)

    private func key(_ notebook: Notebook) -> String {
        ContentKey.of("tally-kept-evaluation-1", FileStamp.executable, notebook.path, notebook.sourceDigest)
    }
}

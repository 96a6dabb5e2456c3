import Foundation
import TallyDocument
import TallyHashing

/// What each notebook cost to evaluate last time, kept in the evaluation cache so that `--shard K/N`
/// can balance shards by cost instead of by count.
///
/// One small JSON file per notebook, `<cache>/costs/<hash of the path>.json`, holding the notebook's
/// path relative to the project (the cache folder's parent), the hash of its code (`NotebookPlan.cacheMaterial`:
/// prose edits keep the cost) and the milliseconds of wall time its programs took to compile and run.
/// A job writes only the files of the notebooks it ran, so the caches of N shard jobs merge by copying
/// their `costs/` folders into one; nothing shared is rewritten.
public struct NotebookCosts: Sendable {
    /// The cache folder (`EvaluationOptions.cacheFolder`); nil: nothing is recorded and every cost is estimated.
    public let cacheFolder: URL?
    /// The folder relative notebook paths are resolved against (the shell's current folder).
    public let workingDirectory: URL

    /// The subfolder of the cache holding the cost files.
    public static let folderName = "costs"

    public init(cacheFolder: URL?, workingDirectory: URL) {
        self.cacheFolder = cacheFolder
        self.workingDirectory = workingDirectory
    }

    /// The cost of each notebook in milliseconds, in the order given: the recorded cost when the
    /// notebook's code is the one it was recorded for; else, for a notebook that needs a program, the
    /// median of the recorded costs among `notebooks` (the upper one of an even count), or with none recorded
    /// `estimate(_:)`; 0 for a notebook with nothing to compile. Depends only on the notebooks' text and
    /// the files in `costs/`, so every machine with the same cache computes the same numbers.
    public func milliseconds(for notebooks: [Notebook]) -> [Int] {
        let plans = notebooks.map { NotebookPlan($0) }
        let recorded = plans.map { $0.needsProgram ? self.recorded($0) : nil }
        let known = recorded.compactMap { $0 }.sorted()
        return zip(plans, recorded).map { plan, recorded in
            guard plan.needsProgram else { return 0 }
            if let recorded { return recorded }
            return known.isEmpty ? Self.estimate(plan) : known[known.count / 2]
        }
    }

    /// A cost from the source alone, for a collection with no recorded costs: 860 ms for starting `swiftc`
    /// and loading the engine plus 0.2 ms per byte of code, the least-squares fit of cold checks of this
    /// repository's 25 notebooks on a 2-core machine. A weak guess (correlation 0.25 with the measured
    /// costs: what a notebook costs is mostly how long its cells run, which its text does not tell), and
    /// only the ratios between notebooks matter; the costs recorded by the first check replace it.
    static func estimate(_ plan: NotebookPlan) -> Int {
        860 + plan.cacheMaterial.reduce(0) { $0 + $1.utf8.count } / 5
    }

    /// Records that evaluating `plan`'s notebook took `milliseconds` (written atomically: shard jobs run in parallel).
    func record(_ plan: NotebookPlan, milliseconds: Int) {
        guard let file = file(for: plan.notebook) else { return }
        let entry = CostRecord(path: projectPath(of: plan.notebook), code: Self.codeHash(plan), milliseconds: max(0, milliseconds))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(entry) else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileWriter.write(data, to: file)
    }

    /// The recorded milliseconds when the file names this notebook and its current code.
    func recorded(_ plan: NotebookPlan) -> Int? {
        guard let file = file(for: plan.notebook), let data = try? Data(contentsOf: file),
              let entry = try? JSONDecoder().decode(CostRecord.self, from: data),
              entry.path == projectPath(of: plan.notebook), entry.code == Self.codeHash(plan) else { return nil }
        return entry.milliseconds
    }

    private static func codeHash(_ plan: NotebookPlan) -> String { StableHash.of(plan.cacheMaterial).hex }

    private func file(for notebook: Notebook) -> URL? {
        cacheFolder?.appendingPathComponent(Self.folderName).appendingPathComponent(StableHash.of([projectPath(of: notebook)]).hex + ".json")
    }

    /// The notebook's path relative to the project (the cache folder's parent), the same on every machine
    /// that checks the project out; a notebook outside the project keeps its absolute path.
    public func projectPath(of notebook: Notebook) -> String {
        // Appended, not `relativeTo:`, which drops the last component of a base URL without a trailing slash.
        let url = notebook.path.hasPrefix("/") ? URL(fileURLWithPath: notebook.path) : workingDirectory.appendingPathComponent(notebook.path)
        let file = url.standardizedFileURL.path
        guard let project = cacheFolder?.standardizedFileURL.deletingLastPathComponent().path else { return file }
        let prefix = project.hasSuffix("/") ? project : project + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }
}

/// One file of `costs/`.
struct CostRecord: Codable, Hashable {
    /// Relative to the project, `/`-separated.
    var path: String
    /// `StableHash` of the notebook's `cacheMaterial`, hex.
    var code: String
    /// Wall time of compiling and running the notebook's programs.
    var milliseconds: Int
}

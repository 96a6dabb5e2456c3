import TallyHashing
import Foundation

/// The files a notebook's program read, as the preload library `libTallyOpenLog.so` logged them
/// (`TALLY_OPEN_LOG`), each with a hash of its contents: part of what a cached result depends on.
/// After a data file beside the notebook is edited, its hash differs and the notebook runs again.
///
/// Only regular files inside the notebook's project (`ProjectCache.project(containing:)`: the
/// nearest folder above it with `.git`, else the notebook's folder) count, named relative to the
/// notebook's folder (`log.csv`, `../data/losses.csv`), so that a cache restored on another machine
/// (CI) still applies; system files (libraries, locale data) and the program's work folder are left out.
enum ProgramInputs {
    /// Relative path → hash of the contents, of every file in the project the log names.
    static func read(log: URL, notebookFolder: URL, work: URL) -> [String: String] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [:] }
        let folder = notebookFolder.standardizedFileURL.resolvingSymlinksInPath()
        let project = ProjectCache.project(containing: folder).path
        let workPath = work.standardizedFileURL.resolvingSymlinksInPath().path
        var inputs: [String: String] = [:]
        for line in Set(text.split(separator: "\n").map(String.init)) {
            let file = (line.hasPrefix("/") ? URL(fileURLWithPath: line) : folder.appendingPathComponent(line))
                .standardizedFileURL.resolvingSymlinksInPath()
            guard file.path.hasPrefix(project + "/"), !file.path.hasPrefix(workPath + "/"),
                  let hash = contentHash(file) else { continue }
            inputs[relativePath(of: file, from: folder)] = hash
        }
        return inputs
    }

    /// `file`'s path from `folder`, with `..` steps where it lies beside or above it.
    private static func relativePath(of file: URL, from folder: URL) -> String {
        let target = file.pathComponents, base = folder.pathComponents
        let common = zip(target, base).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: base.count - common) + target[common...]).joined(separator: "/")
    }

    /// Whether every recorded file still has the recorded contents.
    static func unchanged(_ inputs: [String: String], in notebookFolder: URL?) -> Bool {
        guard !inputs.isEmpty else { return true }
        guard let notebookFolder else { return false }
        return inputs.allSatisfy { path, hash in contentHash(notebookFolder.appendingPathComponent(path).standardizedFileURL) == hash }
    }

    /// A hash of a regular file's bytes (nil for a folder, a device or a missing file).
    static func contentHash(_ file: URL) -> String? {
        var info = stat()
        guard stat(file.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let data = try? Data(contentsOf: file, options: .mappedIfSafe) else { return nil }
        var hash = StableHash()
        data.withUnsafeBytes { bytes in bytes.forEach { hash.add($0) } }
        return hash.hex
    }
}

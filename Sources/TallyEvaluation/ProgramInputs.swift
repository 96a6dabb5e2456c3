import TallyHashing
import Foundation

/// The files a notebook's program read, as the preload library `libTallyOpenLog.so` logged them
/// (`TALLY_OPEN_LOG`), each with a hash of its contents: part of what a cached result depends on.
/// After a data file beside the notebook is edited, its hash differs and the notebook runs again.
///
/// Only regular files inside the notebook's folder (or below it) count, named relative to it, so that
/// a cache restored on another machine (CI) still applies; system files (libraries, locale data) and
/// the program's own work folder are left out.
enum ProgramInputs {
    /// Relative path → hash of the contents, of every file in `folder` the log names.
    static func read(log: URL, notebookFolder: URL, work: URL) -> [String: String] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [:] }
        let base = notebookFolder.standardizedFileURL.resolvingSymlinksInPath().path
        let workPath = work.standardizedFileURL.resolvingSymlinksInPath().path
        var inputs: [String: String] = [:]
        for line in Set(text.split(separator: "\n").map(String.init)) {
            let file = (line.hasPrefix("/") ? URL(fileURLWithPath: line) : notebookFolder.appendingPathComponent(line))
                .standardizedFileURL.resolvingSymlinksInPath()
            guard file.path.hasPrefix(base + "/"), !file.path.hasPrefix(workPath + "/"),
                  let hash = contentHash(file) else { continue }
            inputs[String(file.path.dropFirst(base.count + 1))] = hash
        }
        return inputs
    }

    /// Whether every recorded file still has the recorded contents.
    static func unchanged(_ inputs: [String: String], in notebookFolder: URL?) -> Bool {
        guard !inputs.isEmpty else { return true }
        guard let notebookFolder else { return false }
        return inputs.allSatisfy { path, hash in contentHash(notebookFolder.appendingPathComponent(path)) == hash }
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

import Foundation
import TallyDocument

/// Where `tally` keeps run records when no `--cache` is given: in the project the notebooks belong
/// to, never in the shell's current folder (`cd / && tally check ~/notes/x.md` creates no
/// `/.tally-cache`). The project is the nearest folder, from the notebooks' common folder upwards,
/// that holds `.git` or an existing `.tally-cache`; else the notebooks' common folder itself.
public enum ProjectCache {
    public static let folderName = ".tally-cache"

    public static func folder(for notebooks: [Notebook], workingDirectory: URL) -> URL? {
        folder(forFiles: notebooks.map { URL(fileURLWithPath: FilePaths.standardized($0.path, in: workingDirectory.path), isDirectory: false) })
    }

    /// The cache folder of the project `files` (notebook files, absolute) belong to; nil when there are none.
    public static func folder(forFiles files: [URL]) -> URL? {
        guard let common = FilePaths.commonFolder(files.map { FilePaths.folder(of: $0.path) }) else { return nil }
        return project(containing: URL(fileURLWithPath: common, isDirectory: true)).appendingPathComponent(folderName)
    }

    /// Makes the cache folder when it does not exist yet, with a `.gitignore` that ignores everything in it
    /// (as pytest, mypy and ruff do for theirs): a cache is not for version control, and `git add .` or a
    /// pre-commit hook then never sees its entries come and go. A folder that exists is left as it is.
    public static func prepare(_ folder: URL) {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: folder.path), (try? fm.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return }
        try? FileWriter.write("# Made by tally: the cache is rebuilt from the notebooks, not kept in version control.\n*\n",
                              to: folder.appendingPathComponent(".gitignore"))
    }

    /// The project `folder` belongs to: the nearest folder from it upwards holding `.git` or
    /// `.tally-cache`, else `folder` itself.
    public static func project(containing folder: URL) -> URL {
        var candidate = folder.standardizedFileURL
        while candidate.path != "/" {
            let fm = FileManager.default
            if fm.fileExists(atPath: candidate.appendingPathComponent(".git").path)
                || fm.fileExists(atPath: candidate.appendingPathComponent(folderName).path) {
                return candidate
            }
            candidate.deleteLastPathComponent()
        }
        return folder
    }
}

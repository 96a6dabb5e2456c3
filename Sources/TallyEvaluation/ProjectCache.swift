import Foundation
import TallyDocument

/// Where `tally` keeps run records when no `--cache` is given: in the project the notebooks belong
/// to, never in the shell's current folder (`cd / && tally check ~/notes/x.md` creates no
/// `/.tally-cache`). The project is the nearest folder, from the notebooks' common folder upwards,
/// that holds `.git` or an existing `.tally-cache`; else the notebooks' common folder itself.
public enum ProjectCache {
    public static let folderName = ".tally-cache"

    public static func folder(for notebooks: [Notebook], workingDirectory: URL) -> URL? {
        let folders = notebooks.map { URL(fileURLWithPath: $0.path, relativeTo: workingDirectory).standardizedFileURL.deletingLastPathComponent() }
        guard var common = folders.first?.pathComponents else { return nil }
        for folder in folders.dropFirst() {
            common = Array(zip(common, folder.pathComponents).prefix { $0 == $1 }.map(\.0))
        }
        let start = URL(fileURLWithPath: NSString.path(withComponents: common.isEmpty ? ["/"] : common))
        return project(containing: start).appendingPathComponent(folderName)
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

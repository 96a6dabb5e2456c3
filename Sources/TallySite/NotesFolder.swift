import Foundation
import TallyDocument

/// The files under the notes folder, listed once per build (hidden files and the site's own output
/// folder left out): what a page's key knows of the files beside the notes (`SiteContext`), and where
/// an embed `![[plot.png]]` is looked for by name (`NotebookLinks`).
struct NotesFolder {
    struct File {
        var url: URL
        var size: Int
        var modified: TimeInterval
    }

    var files: [File] = []

    init(root: URL, excluding output: URL) {
        let skipped = output.standardizedFileURL.path
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else { return }
        for case let url as URL in walker {
            let url = url.standardizedFileURL
            if url.path == skipped { walker.skipDescendants(); continue }
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            files.append(File(url: url, size: values.fileSize ?? 0, modified: values.contentModificationDate?.timeIntervalSince1970 ?? 0))
        }
    }

    /// Every file by its lower-cased name.
    var byName: [String: [URL]] {
        Dictionary(grouping: files.map(\.url)) { $0.lastPathComponent.lowercased() }
    }

    /// The files that are not notebooks, each with its size and time, sorted: a change to any of them
    /// (an image added, replaced or removed) changes every page's key.
    var stamps: [String] {
        files.filter { !SourceLoader.notebookExtensions.contains($0.url.pathExtension.lowercased()) }
            .map { "\($0.url.path):\($0.size):\($0.modified)" }.sorted()
    }
}

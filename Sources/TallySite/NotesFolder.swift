import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TallyDocument

/// The files under the notes folder, listed once per build (hidden files, the site's own output folder
/// and Tally's own state beside the notes — the Anki lock — left out): what a page's key knows of the
/// files beside the notes (`SiteContext`), and where an embed `![[plot.png]]` is looked for by name
/// (`NotebookLinks`).
struct NotesFolder {
    struct File {
        var url: URL
        var size: Int
        var modified: TimeInterval
    }

    var files: [File] = []

    /// `excluding`: files and folders left out (the output folder, the Anki lock, which every deck export
    /// may rewrite: counted, they changed every page's key after each change of a card).
    init(root: URL, excluding: [URL]) {
        // readdir and stat directly: FileManager's enumerator with resource values cost about 40 µs a file.
        let skipped = Set(excluding.map(\.standardizedFileURL.path))
        func walk(_ folder: String) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = folder + "/" + name
                var info = stat()
                guard !skipped.contains(path), lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: walk(path)
                case S_IFREG:
                    files.append(File(url: URL(fileURLWithPath: path), size: Int(info.st_size),
                                      modified: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9))
                default: continue  // symbolic links and devices: what they lead to is checked where it is shown
                }
            }
        }
        let start = root.standardizedFileURL.path
        walk(start == "/" ? "" : start)
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

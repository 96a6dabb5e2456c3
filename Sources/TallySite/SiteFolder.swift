import Foundation
import TallyDocument
#if canImport(Glibc)
import Glibc
#endif

/// The folder a build fills (`AtomicFolder`'s staging folder): pages written or linked into it by
/// their path relative to the site root, each folder on the way made once (a build places a few
/// files per notebook, and asking the file system for every file's folder again costs as much as the
/// write). Used from one thread.
final class SiteFolder {
    let root: URL
    private let rootPath: String
    private var made: Set<String> = [""]

    init(_ root: URL) {
        self.root = root
        rootPath = root.path
    }

    /// Writes `text` as UTF-8 to `relative` (`cards/a.js`), replacing a file there.
    func write(_ text: String, to relative: String) throws {
        try FileWriter.write(text, to: URL(fileURLWithPath: try place(relative), isDirectory: false), atomically: false)
    }

    /// Puts the kept file `kept` at `relative`: a hard link where the file system allows (no bytes
    /// copied; both names share the file), else a copy.
    func link(_ kept: URL, to relative: String) throws {
        let target = try place(relative)
        if Glibc.link(kept.path, target) != 0 {
            try FileManager.default.copyItem(at: kept, to: URL(fileURLWithPath: target, isDirectory: false))
        }
    }

    /// The file's path, its folder made. Paths are strings: appending to a URL asks the file system
    /// whether the name is a folder, which cost as much as the link itself.
    private func place(_ relative: String) throws -> String {
        let path = rootPath + "/" + relative
        let folder = relative.lastIndex(of: "/").map { String(relative[..<$0]) } ?? ""
        if !made.contains(folder) {
            try FileManager.default.createDirectory(atPath: rootPath + "/" + folder, withIntermediateDirectories: true)
            made.insert(folder)
        }
        return path
    }
}

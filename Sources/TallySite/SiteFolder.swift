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
    /// The root, opened when the first file is linked into it.
    private var rootDescriptor: Int32 = -1

    init(_ root: URL) {
        self.root = root
        rootPath = root.path
    }

    /// Writes `text` as UTF-8 to `relative` (`cards/a.js`), replacing a file there.
    func write(_ text: String, to relative: String) throws {
        try FileWriter.write(text, to: URL(fileURLWithPath: try place(relative), isDirectory: false), atomically: false)
    }

    /// Puts the file `name` of the folder `kept` at `relative`: a hard link where the file system allows
    /// (no bytes copied; both names share the file), else a copy. The link is made between the two open
    /// folders (`linkat`), so the kernel does not walk either path again for each of a site's hundreds of files.
    func link(_ name: String, in kept: KeptFolder, to relative: String) throws {
        let target = try place(relative)
        if rootDescriptor < 0 { rootDescriptor = open(rootPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        if kept.descriptor < 0 || rootDescriptor < 0 || linkat(kept.descriptor, name, rootDescriptor, relative, 0) != 0 {
            try FileManager.default.copyItem(atPath: kept.path + "/" + name, toPath: target)
        }
    }

    deinit { if rootDescriptor >= 0 { close(rootDescriptor) } }

    /// A folder whose files a build links into the site (the page cache's), open for `link(_:in:to:)`.
    final class KeptFolder {
        let path: String
        /// The open folder, or -1 when it could not be opened (files are then copied by path).
        let descriptor: Int32

        init(_ url: URL) {
            path = url.path
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }

        deinit { if descriptor >= 0 { close(descriptor) } }
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

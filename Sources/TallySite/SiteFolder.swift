import Foundation
import TallyDocument
#if canImport(Glibc)
import Glibc
#endif

/// The folder a build fills (`AtomicFolder`'s staging folder): pages written or linked into it by
/// their path relative to the site root, each folder on the way made once (a build places a few
/// files per notebook, and asking the file system for every file's folder again costs as much as the
/// write). A `reused` folder (`AtomicFolder`'s spare) holds an earlier site: a file already there as it
/// should be is kept, one that differs is replaced (never written through: it may be a link into the
/// cache), and `finish()` removes what this build did not place. Used from one thread.
final class SiteFolder {
    let root: URL
    private let rootPath: String
    private var made: Set<String> = [""]
    /// The root, opened when the first file is linked into it.
    private var rootDescriptor: Int32 = -1
    /// Whether the folder held an earlier site when this build started, and what this build put in it.
    private let reused: Bool
    private var placed: Set<String> = []

    init(_ root: URL, reused: Bool = false) {
        self.root = root
        rootPath = root.path
        self.reused = reused
    }

    /// Writes `text` as UTF-8 to `relative` (`cards/a.js`), replacing a file there.
    func write(_ text: String, to relative: String) throws {
        try FileWriter.write(text, to: URL(fileURLWithPath: try vacated(relative), isDirectory: false), atomically: false)
    }

    /// Copies the file `file` to `relative`, replacing a file there.
    func copy(_ file: URL, to relative: String) throws {
        try FileManager.default.copyItem(atPath: file.path, toPath: try vacated(relative))
    }

    /// Puts the file `name` of the folder `kept` at `relative`: a hard link where the file system allows
    /// (no bytes copied; both names share the file), else a copy. The link is made between the two open
    /// folders (`linkat`), so the kernel does not walk either path again for each of a site's hundreds of files.
    func link(_ name: String, in kept: KeptFolder, to relative: String) throws {
        if rootDescriptor < 0 { rootDescriptor = open(rootPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        let linkable = kept.descriptor >= 0 && rootDescriptor >= 0
        let target = try place(relative)
        if reused {
            // A file already linked to this one stays as it is; anything else there goes.
            if linkable && Self.sameFile(kept.descriptor, name, rootDescriptor, relative) { return }
            clear(target)
        }
        if linkable && linkat(kept.descriptor, name, rootDescriptor, relative, 0) == 0 { return }
        try FileManager.default.copyItem(atPath: kept.path + "/" + name, toPath: target)
    }

    /// In a reused folder, removes every file this build did not place, and the folders left empty.
    func finish() {
        guard reused else { return }
        func sweep(_ relative: String) -> Bool {  // whether the folder is empty now
            let path = relative.isEmpty ? rootPath : rootPath + "/" + relative
            var empty = true
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(rootPath + "/" + child, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    if sweep(child) && !made.contains(child) { rmdir(rootPath + "/" + child) } else { empty = false }
                } else if placed.contains(child) {
                    empty = false
                } else {
                    unlink(rootPath + "/" + child)
                }
            }
            return empty
        }
        _ = sweep("")
    }

    deinit { if rootDescriptor >= 0 { close(rootDescriptor) } }

    /// Whether `name` in the folder `a` and `relative` in the folder `b` are one file.
    private static func sameFile(_ a: Int32, _ name: String, _ b: Int32, _ relative: String) -> Bool {
        var first = stat(), second = stat()
        return fstatat(a, name, &first, 0) == 0 && fstatat(b, relative, &second, AT_SYMLINK_NOFOLLOW) == 0
            && first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

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

    /// The file's path, its folder made and, in a reused folder, nothing left there: what is placed is a new
    /// file, never written through the one there (it may be a link to a kept one).
    private func vacated(_ relative: String) throws -> String {
        let path = try place(relative)
        if reused { clear(path) }
        return path
    }

    /// The file's path, its folder made. Paths are strings: appending to a URL asks the file system
    /// whether the name is a folder, which cost as much as the link itself.
    private func place(_ relative: String) throws -> String {
        let path = rootPath + "/" + relative
        let folder = relative.lastIndex(of: "/").map { String(relative[..<$0]) } ?? ""
        if !made.contains(folder) {
            do {
                try FileManager.default.createDirectory(atPath: rootPath + "/" + folder, withIntermediateDirectories: true)
            } catch where reused {
                // An earlier site had a file where this one has a folder: the file goes.
                var parts: [Substring] = []
                for part in folder.split(separator: "/") {
                    parts.append(part)
                    clear(rootPath + "/" + parts.joined(separator: "/"), unlessFolder: true)
                }
                try FileManager.default.createDirectory(atPath: rootPath + "/" + folder, withIntermediateDirectories: true)
            }
            made.insert(folder)
        }
        placed.insert(relative)
        return path
    }

    /// Removes what an earlier site left at `path` (a file, or a whole folder unless `unlessFolder`).
    private func clear(_ path: String, unlessFolder: Bool = false) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) != S_IFDIR {
            unlink(path)
        } else if !unlessFolder {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes build outputs and cache entries without `fsync`. Foundation's `Data.write(to:options:)` and
/// `String.write(to:atomically:encoding:)` flush every file to the disk before returning: 3–4 ms each
/// here, so a site of a hundred pages and their cache entries spent most of its writing time waiting
/// for the disk. Static site generators (Hugo, mdBook) and compilers leave that to the kernel, as this
/// does: what a power cut could lose is a site or cache the next build writes again (a cache entry
/// that fails to decode is a miss). Files the user keeps (notes, the Anki lock) are not written here.
public enum FileWriter {
    /// Writes `bytes` to `url` (creating its folder). `atomically` (default): into a temporary file
    /// beside it, then renamed over it, so a reader sees the old file or the new one, never half of
    /// one. Throws `CocoaError(.fileWriteUnknown)` with the path when a step fails.
    public static func write(_ bytes: some ContiguousBytes, to url: URL, atomically: Bool = true) throws {
        // Paths as strings: URL's path appending asks the file system whether each name is a folder.
        let path = url.path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let target = atomically ? "\(folder)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))" : path
        var fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0, errno == ENOENT {
            // The folder is made only when missing (most writes go to a folder that exists).
            try FileManager.default.createDirectory(atPath: folder.isEmpty ? "/" : folder, withIntermediateDirectories: true)
            fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard fd >= 0 else { throw failure(path) }
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue } else { return false } }
                offset += n
            }
            return true
        }
        guard close(fd) == 0, written else {
            if atomically { unlink(target) }
            throw failure(path)
        }
        if atomically, rename(target, path) != 0 {
            unlink(target)
            throw failure(path)
        }
    }

    /// `text` as UTF-8 to `url`, as `write(_:to:atomically:)` (its bytes written where they are, not copied).
    public static func write(_ text: String, to url: URL, atomically: Bool = true) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: url, atomically: atomically) }
    }

    private static func failure(_ path: String) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
    }
}

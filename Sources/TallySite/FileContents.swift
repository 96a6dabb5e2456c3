import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing a page's text to disk with plain POSIX calls: the string's UTF-8 bytes go to `write(2)` as
/// they are stored (no `Data` copy, no Foundation file handle), which is most of what writing a site
/// costs once the HTML is made.
enum FileContents {
    /// Writes `text` as UTF-8 to `url`, creating or truncating it. With `atomic`, the bytes go to a
    /// temporary file beside it that is renamed over `url` (readers and a crash see the old file or the
    /// new one, never a part), as `Data.write(options: .atomic)` does. Throws `CocoaError(.fileWriteUnknown)`
    /// naming the file when a call fails; the folder must exist.
    static func write(_ text: String, to url: URL, atomic: Bool = false) throws {
        let path = url.path
        let target = atomic ? path + ".tmp-\(getpid())-\(UInt64.random(in: 0 ... .max))" : path
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(url) }
        var text = text
        let written = text.withUTF8 { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        guard close(fd) == 0, written, !atomic || rename(target, path) == 0 else {
            if atomic { unlink(target) }
            throw failure(url)
        }
    }

    private static func failure(_ url: URL) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
    }
}

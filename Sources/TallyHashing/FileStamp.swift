import Foundation

/// A file's size and modification time, standing in for its contents where reading them would cost
/// more than the key is worth (as `make` does): the `tally` executable and KaTeX in the keys of what a
/// build keeps. Symbolic links are followed; "-" when the file cannot be read.
public enum FileStamp {
    /// `path`'s stamp, `SIZE:SECONDS` (modification time since 1970, with its fraction). One `stat`: Foundation's
    /// `attributesOfItem` also looks the owner's name up (reading `/etc/passwd` and `/etc/group` each time).
    public static func of(_ path: String) -> String {
        guard let (size, modified) = sizeAndModification(path) else { return "-" }
        return "\(size):\(modified)"
    }

    /// `stat(2)` of `path` (links followed): its size in bytes and modification time in seconds since 1970;
    /// nil when it cannot be read.
    public static func sizeAndModification(_ path: String) -> (size: Int64, modified: Double)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (Int64(info.st_size), Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    /// A notebook's `stat(2)` (links followed) standing in for its bytes once they have been hashed, as git's
    /// index does: device, inode, size, and modification and change times in nanoseconds. `settled` tells
    /// whether the file was last changed more than a second before `readStart` (when its bytes were read):
    /// file times come from a clock that ticks every few milliseconds, so a file changed just after it was
    /// read may keep the time it had, and only a settled file's stat is recorded (git's "racily clean" rule).
    /// Nil when the file cannot be read.
    public struct Identity: Sendable {
        public let text: String
        private let modified: timespec

        public init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            text = "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
            modified = info.st_ctim.tv_sec > info.st_mtim.tv_sec
                || (info.st_ctim.tv_sec == info.st_mtim.tv_sec && info.st_ctim.tv_nsec > info.st_mtim.tv_nsec) ? info.st_ctim : info.st_mtim
        }

        /// Whether the file's last change (content or inode) came more than a second before `readStart`.
        public func settled(before readStart: timespec) -> Bool {
            modified.tv_sec + 1 < readStart.tv_sec
                || (modified.tv_sec + 1 == readStart.tv_sec && modified.tv_nsec < readStart.tv_nsec)
        }

        /// The wall-clock time now, as file times count it.
        public static var now: timespec {
            var time = timespec()
            clock_gettime(CLOCK_REALTIME, &time)
            return time
        }
    }

    /// The running `tally` executable's stamp: what a kept result made by another build of Tally must not be used across.
    public static let executable = of("/proc/self/exe")
}

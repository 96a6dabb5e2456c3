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

    /// The running `tally` executable's stamp: what a kept result made by another build of Tally must not be used across.
    public static let executable = of("/proc/self/exe")
}

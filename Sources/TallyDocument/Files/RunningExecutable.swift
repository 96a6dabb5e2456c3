import Foundation

/// The running executable's file, symlinks resolved: what `/proc/self/exe` names (Linux's `proc(5)`), else
/// `Bundle.main.executableURL`. Tally finds its engine and built-in files beside it.
///
/// `Bundle.main` is not asked first because making Foundation's main bundle lists the executable's folder:
/// milliseconds at every start when that folder is `/usr/bin` or `/tmp`, with thousands of entries.
public enum RunningExecutable {
    /// The executable's file URL; nil when neither source names it.
    public static let url: URL? = {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), path.hasPrefix("/") {
            return URL(fileURLWithPath: path).resolvingSymlinksInPath()
        }
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }()

    /// The folder holding the executable.
    public static var folder: URL? { url?.deletingLastPathComponent() }
}

import Foundation

/// Tally's folder in the user's cache, for what belongs to this machine rather than to one project (KaTeX
/// compiled by V8, the Anki lock of a read-only collection): `tally/` under `$XDG_CACHE_HOME`, or under
/// `~/.cache` when that is unset or not an absolute path (the XDG Base Directory Specification). Nothing
/// kept there is needed: a folder that is missing or cannot be written only costs time.
public enum UserCache {
    /// The folder (not created here).
    public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return base.appendingPathComponent("tally")
    }
}

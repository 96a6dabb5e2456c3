import Foundation

/// Runs a notebook's program under Debian's bubblewrap (`bwrap`): no network, the whole file system
/// read-only except the program's work folder and the notebook's own folder (where it may write
/// figures or data), and a `/tmp` of its own. A write anywhere else fails inside the program, which
/// sees it as an ordinary I/O error. Where `bwrap` is missing or cannot create its namespaces (no
/// unprivileged user namespaces), `unavailableReason` says why and programs run without it.
enum Sandbox {
    /// `bwrap`'s arguments that run `executable` in `workingDirectory` with `writable` folders, and
    /// `readable` folders (the engine the program links) visible even when they lie under `/tmp`.
    static func arguments(_ executable: URL, writable: [URL], readable: [URL] = [], workingDirectory: URL) -> [String] {
        var arguments = ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
                         "--unshare-net", "--die-with-parent"]
        // After the /tmp tmpfs, so that folders under /tmp are the real ones, not empty copies. Each such
        // folder's top-level folder in /tmp comes back read-only first: otherwise bwrap makes the folders
        // leading to a bind as empty, writable ones in the tmpfs, where a write beside the project would
        // seem to succeed (and vanish) instead of failing.
        let underTemporary = (readable + writable).map(\.standardizedFileURL.path).filter { $0.hasPrefix("/tmp/") }
        for top in Set(underTemporary.compactMap { $0.split(separator: "/").dropFirst().first.map { "/tmp/\($0)" } }).sorted() {
            arguments += ["--ro-bind", top, top]
        }
        for folder in Set(readable.map { $0.standardizedFileURL.path }).sorted() {
            arguments += ["--ro-bind", folder, folder]
        }
        for folder in Set(writable.map { $0.standardizedFileURL.path }).sorted() {
            arguments += ["--bind", folder, folder]
        }
        return arguments + ["--chdir", workingDirectory.path, "--", executable.path]
    }

    /// `bwrap` on PATH, if it can run a program here.
    static var executable: URL? { probe.executable }

    /// Why programs run without a sandbox (nil when they run in one).
    static var unavailableReason: String? { probe.reason }

    private static let probe: (executable: URL?, reason: String?) = {
        guard let bwrap = Subprocess.find("bwrap") else {
            return (nil, "bwrap (Debian package bubblewrap) was not found on PATH: notebook programs run without a sandbox")
        }
        let process = Process()
        process.executableURL = bwrap
        process.arguments = ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-net", "--", "/bin/true"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return (nil, "bwrap could not be started (\(error)): notebook programs run without a sandbox")
        }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            return (nil, "bwrap cannot create a sandbox here (\(message); are user namespaces available?):"
                         + " notebook programs run without a sandbox")
        }
        return (bwrap, nil)
    }()
}

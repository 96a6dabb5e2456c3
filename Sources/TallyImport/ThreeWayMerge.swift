import Foundation

/// A three-way merge of text files by GNU `diff3 -m` (diffutils, an Essential package on Debian,
/// so always present): the user's edited notebook, the import it started from, and the new import.
enum ThreeWayMerge {
    enum Outcome: Equatable {
        /// Every change of either side applied.
        case clean(String)
        /// Both sides changed the same lines; `diff3` could not decide.
        case conflicts
        /// `diff3` is missing or failed.
        case unavailable(String)
    }

    static func merge(mine: String, base: String, theirs: String) -> Outcome {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("tally-merge-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: folder) }
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            let files = ["mine", "base", "theirs"].map { folder.appendingPathComponent($0) }
            for (file, text) in zip(files, [mine, base, theirs]) { try Data(text.utf8).write(to: file) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/diff3")
            process.arguments = ["-m"] + files.map(\.path)
            let out = folder.appendingPathComponent("merged")
            _ = fm.createFile(atPath: out.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            switch process.terminationStatus {
            case 0: return .clean(String(decoding: try Data(contentsOf: out), as: UTF8.self))
            case 1: return .conflicts
            default: return .unavailable("diff3 exited with status \(process.terminationStatus)")
            }
        } catch {
            return .unavailable("cannot run diff3: \(error.localizedDescription)")
        }
    }
}

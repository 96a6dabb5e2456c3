import Foundation

/// `swiftc`, and the flags that build a notebook's program against the engine.
struct Compiler: Sendable {
    let swiftc: URL
    let engine: EngineLocation
    let optimize: Bool

    /// What a cached result depends on besides the notebook: the compiler's identity, the engine's
    /// build and the flags.
    var fingerprint: String {
        [CompilerIdentity.of(swiftc), engine.fingerprint, flags.joined(separator: " ")].joined(separator: "\n")
    }

    /// Where the engine's module and the C modules it names are found.
    var searchFlags: [String] {
        ["-diagnostic-style=llvm", "-I", engine.modules.path] + engine.clangModules.flatMap { ["-I", $0.path] }
    }

    var flags: [String] {
        let folder = engine.folder.path
        // Line tables are all a trap's backtrace needs to name the notebook's line; full debug info
        // (`-g`) made every notebook's compile about a third slower.
        return ["-gline-tables-only", optimize ? "-O" : "-Onone"] + searchFlags
            + ["-L", folder, "-lTallyEngine", "-Xlinker", "-rpath", "-Xlinker", folder]
    }

    struct Result {
        var succeeded: Bool
        /// The compiler's messages (stdout and stderr).
        var messages: String
    }

    /// Compiles `source` to `executable`, or only type-checks it when `executable` is nil.
    func compile(_ source: URL, to executable: URL?, in folder: URL, timeLimit: TimeInterval) throws -> Result {
        let arguments = executable.map { flags + [source.path, "-o", $0.path] } ?? ["-typecheck"] + searchFlags + [source.path]
        let out = folder.appendingPathComponent("swiftc.stdout")
        let err = folder.appendingPathComponent("swiftc.stderr")
        let outcome = try Subprocess.run(swiftc, arguments, stdout: out, stderr: err,
                                         limits: .init(time: timeLimit, output: 16 << 20, timeoutSignal: SIGKILL))
        let messages = [out, err].map { (try? String(contentsOf: $0, encoding: .utf8)) ?? "" }.joined()
        if outcome.ending == .timedOut {
            return Result(succeeded: false, messages: "error: swiftc did not finish within \(Int(timeLimit)) s\n" + messages)
        }
        return Result(succeeded: outcome.succeeded, messages: messages)
    }
}

import Foundation

/// One Node process running Debian's KaTeX (`libjs-katex`) for a whole build, fed one page of formulas
/// per request over a pipe (`Resources/node/typeset-math.js` documents the protocol). Node starts
/// once (about 0.1 s); each formula then costs well under a millisecond, and repeated formulas are
/// answered from the script's cache.
final class KaTeXProcess {
    struct Formula: Encodable {
        var tex: String
        var display: Bool
    }

    /// KaTeX's answer for one formula: `html` (HTML and MathML) and `text` (its reading as plain text), or
    /// `error` (KaTeX's message) with `position` (a UTF-16 offset into the TeX, when KaTeX gives one).
    struct Result: Decodable, Hashable {
        var html: String?
        var text: String?
        var error: String?
        var position: Int?
    }

    private struct Request: Encodable {
        var macros: [String: String]
        var formulas: [Formula]
    }

    private struct Reply: Decodable {
        var results: [Result]?
        var failure: String?
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `node` (Debian's `nodejs`), searched on `PATH`; `TALLY_NODE` names another.
    static func findNode(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let node = environment["TALLY_NODE"], !node.isEmpty { return URL(fileURLWithPath: node) }
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["node", "nodejs"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// Why KaTeX cannot run here (Node or Debian's KaTeX missing), without starting it; nil when it can.
    static var missing: Failure? {
        guard let node = findNode(), FileManager.default.isExecutableFile(atPath: node.path) else {
            return Failure(description: "nodejs not found (install Debian's nodejs)")
        }
        guard FileManager.default.fileExists(atPath: katexScript.path) else {
            return Failure(description: "KaTeX not found at \(katexScript.path) (install Debian's libjs-katex)")
        }
        return nil
    }

    /// Debian's KaTeX for Node (the UMD build `require` loads).
    static let katexScript = SiteAssets.katexFolder.appendingPathComponent("katex.min.js")

    private let process = Process()
    private let input: FileHandle
    private let output: FileHandle
    private var buffer = Data()
    /// How much of `buffer` is known to hold no newline: each chunk is searched once, so a long reply
    /// is read in linear time.
    private var searched = 0

    /// Starts Node with KaTeX; answers are kept in `cacheFile` between runs when given (its folder is
    /// created). Throws `Failure` naming what is missing (Node, KaTeX, the script).
    init(cacheFile: URL? = nil) throws {
        if let missing = Self.missing { throw missing }
        let node = Self.findNode()!
        let script = BuiltInFiles.folder.appendingPathComponent("node/typeset-math.js")
        guard FileManager.default.fileExists(atPath: script.path) else {
            throw Failure(description: "built-in file node/typeset-math.js is missing from \(BuiltInFiles.folder.path)")
        }
        // A Node that dies mid-build makes the next write fail with EPIPE (an error below), not kill tally.
        signal(SIGPIPE, SIG_IGN)
        let stdin = Pipe(), stdout = Pipe()
        process.executableURL = node
        process.arguments = [script.path, Self.katexScript.path]
        if let cacheFile {
            try? FileManager.default.createDirectory(at: cacheFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            process.arguments?.append(cacheFile.path)
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
    }

    /// Closing Node's input ends it; waiting lets it write the cache file before the next run reads it.
    deinit {
        try? input.close()
        process.waitUntilExit()
    }

    /// Typesets one page's formulas in order, `macros` in effect from the start (definitions made by a
    /// formula apply to the later ones). Returns one result per formula. Throws `Failure` when Node
    /// fails or stops.
    func typeset(_ formulas: [Formula], macros: [String: String]) throws -> [Result] {
        guard !formulas.isEmpty else { return [] }
        var line = try JSONEncoder().encode(Request(macros: macros, formulas: formulas))
        line.append(0x0A)
        do {
            try input.write(contentsOf: line)
        } catch {
            throw Failure(description: "KaTeX (node) stopped: \(error.localizedDescription)")
        }
        let reply = try JSONDecoder().decode(Reply.self, from: try readLine())
        if let failure = reply.failure { throw Failure(description: "KaTeX (node) failed: \(failure)") }
        guard let results = reply.results, results.count == formulas.count else {
            throw Failure(description: "KaTeX (node) answered \(reply.results?.count ?? 0) results for \(formulas.count) formulas")
        }
        return results
    }

    private func readLine() throws -> Data {
        while true {
            if let end = buffer[(buffer.startIndex + searched)...].firstIndex(of: 0x0A) {
                let line = Data(buffer[buffer.startIndex..<end])
                buffer = Data(buffer[(end + 1)...])
                searched = 0
                return line
            }
            searched = buffer.count
            let chunk = output.availableData
            guard !chunk.isEmpty else { throw Failure(description: "KaTeX (node) exited before answering") }
            buffer.append(chunk)
        }
    }
}

import Foundation
import TallyDocument

/// One Node process running Debian's KaTeX (`libjs-katex`), fed one page of formulas per request over a
/// pipe (`Resources/node/typeset-math.js` documents the protocol). Node starts in about 0.1 s; each formula
/// then costs well under a millisecond. Only what Swift does not know is typeset: formulas marked `known`
/// are answered nil, and each distinct answer crosses the pipe once per process (a repeat is answered by
/// the number of the answer sent before, which this object keeps).
final class KaTeXProcess {
    /// One formula of a page, in reading order. `known`: Swift has its answer (it is answered nil unless a
    /// definition Swift did not know came earlier on the page); `defines`: that answer defined macros
    /// (Node still typesets it, for its definitions).
    struct Formula: Sendable {
        var tex: String
        var display: Bool
        var known = false
        var defines = false
    }

    /// KaTeX's answer for one formula: `html` (HTML and MathML) and `text` (its reading as plain text), or
    /// `error` (KaTeX's message) with `position` (a UTF-16 offset into the TeX, when KaTeX gives one).
    struct Result: Hashable {
        var html: String?
        var text: String?
        var error: String?
        var position: Int?
    }

    /// A formula's result, and whether the formula changed the page's macros (a `\newcommand`, `\def`…),
    /// which then differ for the formulas after it.
    struct Answer: Hashable {
        var result: Result
        var defines = false
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

    /// Node's environment: `caller`'s (by default this process's), less the variables that configure Node
    /// itself (`NODE_OPTIONS`, `NODE_EXTRA_CA_CERTS`, `NODE_V8_COVERAGE`…: Node's "Environment variables"),
    /// so that typesetting depends on its input alone. `NODE_ICU_DATA` is kept: a Node built without its ICU
    /// data needs it to start. Node does no networking here, yet `NODE_EXTRA_CA_CERTS`, which CI images often
    /// set, made it parse every system CA certificate as it started: 50 → 20 ms of CPU per process
    /// (`perf stat node -e 0`, with and without it).
    static func environment(_ caller: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        caller.filter { !$0.key.hasPrefix("NODE_") || $0.key == "NODE_ICU_DATA" }
    }

    /// Debian's KaTeX for Node (the UMD build `require` loads).
    static let katexScript = SiteAssets.katexFolder.appendingPathComponent("katex.min.js")

    /// Where Node keeps V8's code cache for KaTeX (`typeset-math.js` says what it holds): `katex/` in the
    /// user's cache folder (`UserCache`), shared by every project on the machine.
    static var codeCacheFolder: URL { UserCache.folder().appendingPathComponent("katex") }

    private let process = Process()
    private let input: FileHandle
    private let output: FileHandle
    /// What was read of Node's output and not yet taken, from `start`.
    private var buffer: [UInt8] = []
    private var start = 0
    /// The answers this process sent, by number (a reply's `same` names one).
    private var sent: [Answer] = []
    /// Whether a request was sent (a process never asked anything is ended without waiting for it).
    private var asked = false

    /// Starts Node, which loads KaTeX at once (so a process started early is ready by the first request).
    /// Throws `Failure` naming what is missing (Node, KaTeX, the script).
    init() throws {
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
        process.arguments = [script.path, Self.katexScript.path, Self.codeCacheFolder.path]
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        process.environment = Self.environment()
        try process.run()
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
    }

    /// Node's process id.
    var processIdentifier: Int32 { process.processIdentifier }

    /// Closing Node's input ends it (it keeps nothing, so nothing is waited for); one never asked anything
    /// is stopped at once rather than left to finish loading KaTeX.
    deinit {
        if !asked && process.isRunning { process.terminate() }
        try? input.close()
    }

    /// One page's formulas in reading order, and the macros in effect from its start (front matter).
    struct Page: Sendable {
        var formulas: [Formula]
        var macros: [String: String]
    }

    /// Typesets `pages`, each in order, its `macros` in effect from its start (definitions made by a
    /// formula apply to the later ones of its page), and hands each page's answers to `each` (with the
    /// page's index) as soon as they are read, in order, on the calling thread: one answer per formula
    /// (nil for a `known` one Node did not answer), or its `Failure` — KaTeX failing on that page, or Node
    /// stopping (then every page after it fails too). The requests are written by another thread while
    /// the answers are read, so Node goes from page to page without waiting for Swift.
    func typeset(_ pages: [Page], each: (Int, Swift.Result<[Answer?], Failure>) -> Void) {
        let sending = pages.filter { !$0.formulas.isEmpty }
        guard !sending.isEmpty else { return pages.indices.forEach { each($0, .success([])) } }
        asked = true
        // A thread of its own (not one of Dispatch's, which the pages rendered meanwhile may all hold).
        let written = DispatchSemaphore(value: 0)
        let writer = Thread { [input, process] in
            defer { written.signal() }
            for page in sending {
                do {
                    try input.write(contentsOf: KaTeXWire.request(page))
                } catch {
                    // Node no longer reads: ending it ends the reading below, which reports it.
                    if process.isRunning { process.terminate() }
                    return
                }
            }
        }
        writer.start()
        var stopped: Failure?
        defer {
            // Node is not read any more: ended, it cannot block the writer.
            if stopped != nil, process.isRunning { process.terminate() }
            written.wait()
        }
        for (i, page) in pages.enumerated() {
            if page.formulas.isEmpty { each(i, .success([])); continue }
            if let stopped { each(i, .failure(stopped)); continue }
            do {
                each(i, .success(try answers(count: page.formulas.count)))
            } catch let failure as KaTeXFailedOnPage {
                each(i, .failure(failure.failure))
            } catch {
                let failure = error as? Failure ?? Failure(description: "KaTeX (node) answered what could not be read: \(error)")
                stopped = failure
                each(i, .failure(failure))
            }
        }
    }

    /// KaTeX failed on one page; Node goes on with the next.
    private struct KaTeXFailedOnPage: Error {
        var failure: Failure
    }

    /// Reads the reply to one page of `count` formulas.
    private func answers(count: Int) throws -> [Answer?] {
        let reply = try readReply()
        switch reply {
        case .failure(let failure):
            throw KaTeXFailedOnPage(failure: Failure(description: "KaTeX (node) failed: \(failure)"))
        case .results(let entries):
            guard entries.count == count else {
                throw Failure(description: "KaTeX (node) answered \(entries.count) results for \(count) formulas")
            }
            return try entries.map { entry in
                switch entry {
                case .known:
                    return nil
                case .same(let number):
                    guard sent.indices.contains(number) else { throw Failure(description: "KaTeX (node) named an answer it never sent (\(number))") }
                    return sent[number]
                case .answer(let answer):
                    sent.append(answer)
                    return answer
                }
            }
        }
    }

    /// Reads one reply: its byte count (4 bytes, little-endian), then that many bytes (`KaTeXWire.reply`).
    private func readReply() throws -> KaTeXWire.Reply {
        try fill(4)
        let length = buffer[start..<start + 4].reversed().reduce(0) { $0 << 8 | Int($1) }
        try fill(4 + length)
        let body = start + 4
        start = body + length
        let reply = buffer.withUnsafeBytes { raw -> KaTeXWire.Reply? in
            var input = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[body..<body + length]))
            return KaTeXWire.reply(&input)
        }
        guard let reply else { throw Failure(description: "KaTeX (node) answered what could not be read") }
        return reply
    }

    /// Reads Node's output until `count` bytes are there past `start`.
    private func fill(_ count: Int) throws {
        while buffer.count - start < count {
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            let chunk = output.availableData
            guard !chunk.isEmpty else { throw Failure(description: "KaTeX (node) exited before answering") }
            buffer.append(contentsOf: chunk)
        }
    }
}

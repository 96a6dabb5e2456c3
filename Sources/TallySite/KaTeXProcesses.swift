import Foundation
import TallyDocument

/// Node processes running KaTeX kept for the builds that need them: by a long-running `tally serve`
/// between builds, so that a save does not wait for Node to start (about 0.1 s, most of a one-notebook
/// rebuild's typesetting), and by `tally build`, which starts one before loading the notebooks
/// (`prestart()`) so that Node's start overlaps the parsing. A build takes a process only when some
/// formula is not in `KaTeXCache`, and gives it back when done. `close()` ends them.
/// Safe to use from several threads; a process itself is used by one build at a time.
public final class KaTeXProcesses: Sendable {
    private let idle = Locked<[KaTeXProcess]>([])

    public init() {}

    /// Starts one process now, kept for the first build that needs it; does nothing when KaTeX cannot
    /// run (the build reports why). Returns at once: Node loads KaTeX while the caller goes on.
    public func prestart() {
        guard KaTeXProcess.missing == nil, let process = try? KaTeXProcess() else { return }
        idle.withLock { $0.append(process) }
    }

    /// A kept process, or a new one (throws as `KaTeXProcess.init` does).
    func take() throws -> KaTeXProcess {
        if let kept = idle.withLock({ $0.popLast() }) { return kept }
        return try KaTeXProcess()
    }

    /// Keeps `process` for the next build (a process that failed is not given back: it is ended).
    func giveBack(_ process: KaTeXProcess) {
        idle.withLock { $0.append(process) }
    }

    /// The processes kept now.
    var kept: [ObjectIdentifier] { idle.withLock { $0.map(ObjectIdentifier.init) } }

    /// Ends every kept process.
    public func close() {
        idle.withLock { $0.removeAll() }
    }
}

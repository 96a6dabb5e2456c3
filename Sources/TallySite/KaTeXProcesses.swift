import Foundation
import TallyDocument

/// Node processes running KaTeX kept between builds by a long-running `tally serve`, so that a save
/// does not wait for Node to start (about 60 ms, most of a one-notebook rebuild's typesetting). Each
/// process belongs to one cache file (`TypesetMath`'s workers each have their own); a build takes the
/// one it needs and gives it back when done. `close()` ends them, which writes their caches.
/// Safe to use from several threads; a process itself is used by one build at a time.
public final class KaTeXProcesses: Sendable {
    private let idle = Locked<[String: KaTeXProcess]>([:])

    public init() {}

    /// The kept process for `cacheFile`, or a new one (throws as `KaTeXProcess.init` does).
    func take(cacheFile: URL?) throws -> KaTeXProcess {
        let key = cacheFile?.path ?? ""
        if let kept = idle.withLock({ $0.removeValue(forKey: key) }) { return kept }
        return try KaTeXProcess(cacheFile: cacheFile)
    }

    /// Keeps `process` for the next build (a process that failed is not given back: it is ended).
    func giveBack(_ process: KaTeXProcess, cacheFile: URL?) {
        idle.withLock { $0[cacheFile?.path ?? ""] = process }
    }

    /// The processes kept now, by cache file path ("" for none).
    var kept: [String: ObjectIdentifier] { idle.withLock { $0.mapValues(ObjectIdentifier.init) } }

    /// Ends every kept process (each writes its cache file as it ends).
    public func close() {
        idle.withLock { $0.removeAll() }
    }
}

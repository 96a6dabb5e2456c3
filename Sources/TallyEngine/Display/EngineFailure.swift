import Foundation

/// The engine's precondition that always reports: when `condition` is false, the message goes to
/// `tally` (a `failure` event, when the program runs under `tally`) and to stderr as
/// `Fatal error: <message>`, then the program traps. Unlike `precondition`, whose message release
/// builds (`-O`) drop, the reason survives every optimisation level, so a notebook's reader learns
/// which shapes did not fit: `matmul: inner dimensions differ, [2, 2] · [3]`.
///
/// Mirrors `engineRequire(_:_:)`'s contract (the message is only built on failure).
@inline(__always)
public func engineRequire(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { engineFailure(message()) }
}

/// Reports `message` as `engineRequire` does, then traps. Never returns.
public func engineFailure(_ message: String) -> Never {
    NotebookRuntime.failure(message)
    FileHandle.standardError.write(Data("Fatal error: \(message)\n".utf8))
    fatalError(message)
}

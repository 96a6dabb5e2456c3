import Foundation

/// The side of the `tally` protocol that runs inside a notebook's generated program.
///
/// The program's stdout and stderr are files; before each cell the runtime flushes them and
/// sends their offsets, so that `tally` can cut each cell's output out of them. Check values,
/// inline expression values and `show` displays travel as JSON lines on a separate channel, the
/// file named by `TALLY_EVENTS`, written with one `write` each so that nothing is lost if the
/// program traps or is killed, and nothing the cells print can corrupt them.
public enum NotebookRuntime {
    static let eventsPath = ProcessInfo.processInfo.environment["TALLY_EVENTS"]
    nonisolated(unsafe) static var channel: Int32 = -1

    static var isAttached: Bool { eventsPath != nil }

    /// Called once, first: output reaches the files line by line even if the program traps, and
    /// signals are unblocked (a program started from a worker thread inherits its blocked signals,
    /// and `tally` stops a hanging program with SIGABRT so that the runtime prints where it was).
    public static func start() {
        setvbuf(stdout, nil, _IOLBF, 0)
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
        guard let eventsPath else { return }
        channel = open(eventsPath, O_WRONLY | O_APPEND | O_CREAT, 0o644)
    }

    /// Marks the start of a cell (its 0-based index among the notebook's cells).
    public static func beginCell(_ index: Int) {
        sendOffsets(["event": "cell", "index": index])
    }

    /// Marks the start of the `index`th inline expression.
    public static func beginExpression(_ index: Int) {
        sendOffsets(["event": "expression", "index": index])
    }

    /// Records the value of the `id`th check of the notebook (`x // => 0.739`).
    public static func check(_ id: Int, _ value: CheckableValue) {
        send(["event": "check", "id": id, "value": payload(of: value)])
    }

    /// Records the value of the `id`th inline expression of the notebook's prose. A closure, so
    /// that the expression stands on a line of its own, at its own column, after `#sourceLocation`.
    public static func expression(_ id: Int, _ value: () -> Any) {
        send(["event": "value", "id": id, "value": payload(of: value())])
    }

    /// Called last: marks where the last cell's output ends.
    public static func finish() {
        sendOffsets(["event": "end"])
    }

    /// Sends `event` with where stdout and stderr stand, after flushing them.
    static func sendOffsets(_ event: [String: Any]) {
        fflush(stdout)
        fflush(stderr)
        var event = event
        event["stdout"] = Int(lseek(1, 0, SEEK_CUR))
        event["stderr"] = Int(lseek(2, 0, SEEK_CUR))
        send(event)
    }

    static func send(_ event: [String: Any]) {
        guard channel >= 0, var line = try? JSONSerialization.data(withJSONObject: event) else { return }
        line.append(0x0A)
        line.withUnsafeBytes { _ = write(channel, $0.baseAddress, $0.count) }
    }

    /// A value as `tally` reads it. Numbers travel as text (Swift's shortest exact spelling),
    /// so that nan and infinities survive JSON.
    static func payload(of value: Any) -> [String: Any] {
        if let text = value as? String { return ["kind": "text", "text": text] }
        if let chart = value as? SVGRenderable { return ["kind": "svg", "svg": chart.svg] }
        if let numbers = value as? CheckableValue {
            return ["kind": "numbers", "shape": numbers.checkShape,
                    "numbers": numbers.checkNumbers.map { "\($0)" }, "integer": isIntegral(value)]
        }
        return ["kind": "text", "text": String(describing: value)]
    }

    /// Whether a value is made of integers (shown as `3`, not `3.0`).
    private static func isIntegral(_ value: Any) -> Bool {
        if value is any BinaryInteger { return true }
        if let array = value as? [Any], !array.isEmpty { return array.allSatisfy(isIntegral) }
        return false
    }
}

import Foundation
internal import TallyProtocol

/// The side of the `tally` protocol that runs inside a notebook's generated program.
///
/// The program's stdout and stderr are files; before each cell the runtime flushes them and
/// sends their offsets, so that `tally` can cut each cell's output out of them. Check values,
/// snippet values and `show` displays travel as `ProgramEvent` JSON lines (TallyProtocol, the type
/// the evaluator decodes) on a separate channel, the file named by `TALLY_EVENTS`, written with one
/// `write` each so that nothing is lost if the program traps or is killed, and nothing the cells
/// print can corrupt them.
public enum NotebookRuntime {
    static let eventsPath = ProcessInfo.processInfo.environment["TALLY_EVENTS"]
    nonisolated(unsafe) static var channel: Int32 = -1
    /// How many times each check has run (a check in a loop runs once per pass).
    nonisolated(unsafe) static var passes: [Int: Int] = [:]
    /// Passes of one check sent as they happen; after them only the last is kept, and sent at the end,
    /// so that a check in a long loop cannot flood the channel.
    static let passesSent = 1000
    nonisolated(unsafe) static var lastPasses: [Int: (pass: Int, value: ProgramValue)] = [:]

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
        send(.cell(index: index, at: flushedPosition()))
    }

    /// Marks the start of the `index`th snippet: code of the notebook's prose (an inline expression)
    /// evaluated where it stands in the document, after the cells above it.
    public static func beginSnippet(_ index: Int) {
        send(.snippet(index: index, at: flushedPosition()))
    }

    /// Records the value of the `id`th check of the notebook (`x // => 0.739`), once per pass: the
    /// first `passesSent` passes, then the last one when the program ends.
    ///
    /// Disfavoured, so that a check on plain arithmetic (`Foundation.pow(7.0 / 8, 8)`) type-checks as a
    /// number, through the overload below, rather than finding `Decimal`'s `pow` just as good.
    @_disfavoredOverload
    public static func check(_ id: Int, _ value: Any) {
        let pass = (passes[id] ?? 0) + 1
        passes[id] = pass
        if pass <= passesSent {
            send(.check(id: id, pass: pass, value: programValue(value)))
        } else {
            lastPasses[id] = (pass, programValue(value))
        }
    }

    /// `check(_:_:)` for the engine's numeric values (numbers, arrays of them, tensors): the overload the
    /// type checker prefers, as when checks took only these.
    public static func check(_ id: Int, _ value: CheckableValue) { check(id, value as Any) }

    /// Records the value of the `id`th snippet. A closure, so that the snippet stands on a line of
    /// its own, at its own column, after `#sourceLocation`.
    public static func snippet(_ id: Int, _ value: () -> Any) {
        send(.value(id: id, value: programValue(value())))
    }

    /// One evaluation of a checked formula (see `_formulaCheck`).
    static func formula(_ id: Int, candidate: Int?, point: [Double], sides: [Any], bindings: [Any]) {
        send(.formula(id: id, candidate: candidate, point: point, sides: sides.map(programValue), bindings: bindings.map(programValue)))
    }

    /// Called last: marks where the last cell's output ends.
    public static func finish() {
        for (id, last) in lastPasses.sorted(by: { $0.key < $1.key }) { send(.check(id: id, pass: last.pass, value: last.value)) }
        send(.end(at: flushedPosition()))
    }

    /// `show(value)`: the value, with where stdout stands.
    static func show(_ value: Any) {
        send(.show(value: programValue(value), at: flushedPosition()))
    }

    /// The engine's reason for trapping, sent before it traps (see `engineRequire`).
    static func failure(_ message: String) {
        send(.failure(message: message))
    }

    /// Where stdout and stderr stand, after flushing them.
    private static func flushedPosition() -> OutputPosition {
        fflush(stdout)
        fflush(stderr)
        return OutputPosition(stdout: Int(lseek(1, 0, SEEK_CUR)), stderr: Int(lseek(2, 0, SEEK_CUR)))
    }

    private static func send(_ event: ProgramEvent) {
        guard channel >= 0, var line = try? JSONEncoder().encode(event) else { return }
        line.append(0x0A)
        line.withUnsafeBytes { _ = write(channel, $0.baseAddress, $0.count) }
    }

    /// A Swift value as `tally` reads it, with its kind.
    static func programValue(_ value: Any) -> ProgramValue {
        switch value {
        case let text as String: return .string(text)
        case let text as Substring: return .string(String(text))
        case let flag as Bool: return .boolean(flag)
        case let chart as SVGRenderable: return .chart(svg: chart.svg)
        case let tensor as Tensor: return .tensor(shape: tensor.shape, numbers: tensor.data, integer: false)
        case let number as any BinaryInteger:
            if let exact = Int(exactly: number) { return .integer(exact) }
            return .real(Double(number))
        case let number as any BinaryFloatingPoint: return .real(Double(number))
        case let numbers as CheckableValue:
            return .tensor(shape: numbers.checkShape, numbers: numbers.checkNumbers, integer: isIntegral(value))
        default: return .string(String(describing: value))
        }
    }

    /// Whether a value is made of integers (shown as `3`, not `3.0`).
    private static func isIntegral(_ value: Any) -> Bool {
        if value is any BinaryInteger { return true }
        if let array = value as? [Any], !array.isEmpty { return array.allSatisfy(isIntegral) }
        return false
    }
}

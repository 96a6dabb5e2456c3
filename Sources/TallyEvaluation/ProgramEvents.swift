import Foundation
import TallyFormula
import TallyProtocol

/// The `ProgramEvent` lines a generated program sent on its events channel (see `NotebookRuntime`).
struct ProgramEvents {
    enum Mark: Equatable {
        case cell(Int)
        case snippet(Int)
        case end
    }

    /// Where each cell (or snippet, or the end) began in the program's stdout and stderr.
    var marks: [(mark: Mark, at: OutputPosition)] = []
    /// The passes of each check the program sent, in order (a check in a loop runs once per iteration).
    var checks: [Int: [CheckPass]] = [:]
    var values: [Int: ProgramValue] = [:]
    /// `show` calls, by the cell that made them, with where the program's stdout stood at each.
    var displays: [Int: [(value: ProgramValue, stdout: Int)]] = [:]
    /// Every evaluation of a checked formula, in order (see `FormulaVerdict.judge`).
    var formulas: [FormulaObservation] = []
    /// The engine's reason for trapping (`engineRequire`), if it sent one.
    var failure: String?
    /// Lines that are not events this `tally` knows, each described (`line 3: an unknown event 'x'`).
    var unreadable: [String] = []

    var finished: Bool { marks.last?.mark == .end }
    var lastMark: Mark? { marks.last?.mark }

    init(_ data: Data) {
        let decoder = JSONDecoder()
        var cell: Int?
        for (number, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let event: ProgramEvent
            do {
                event = try decoder.decode(ProgramEvent.self, from: line)
            } catch {
                unreadable.append("line \(number + 1): \(Self.describe(error, line: line))")
                continue
            }
            switch event {
            case .cell(let index, let at): cell = index; marks.append((.cell(index), at))
            case .snippet(let index, let at): cell = nil; marks.append((.snippet(index), at))
            case .end(let at): marks.append((.end, at))
            case .check(let id, let pass, let value): checks[id, default: []].append(CheckPass(pass: pass, value: value))
            case .value(let id, let value): values[id] = value
            case .show(let value, let at): if let cell { displays[cell, default: []].append((value, at.stdout)) }
            case .failure(let message): failure = failure ?? message
            case .formula(let id, let candidate, let point, let sides, let bindings):
                formulas.append(FormulaObservation(id: id, candidate: candidate, point: point,
                                                   sides: sides.map(Self.observed), bindings: bindings.map(Self.observed)))
            }
        }
    }

    /// A value as TallyFormula compares it: numbers of a shape, or text (a function, a string).
    static func observed(_ value: ProgramValue) -> FormulaObservation.Value {
        if let numbers = value.numbers, let shape = value.shape { return .init(shape: shape, numbers: numbers) }
        if case .string(let text) = value { return .init(text: text) }
        return .init(text: value.kind)
    }

    /// What was wrong with an event line, naming the event (or the value kind) when it has one.
    private static func describe(_ error: Error, line: Data) -> String {
        if let unknown = error as? ProgramEvent.UnknownEvent { return unknown.description }
        if let unknown = error as? ProgramValue.UnknownKind { return unknown.description }
        let text = String(decoding: line.prefix(200), as: UTF8.self)
        return "an event that cannot be read (\(text))"
    }

    /// A cell's displays, each with its place in the cell's own stdout (bytes from its start).
    func displays(ofCell index: Int) -> (values: [ProgramValue], offsets: [Int]) {
        let start = marks.first { $0.mark == .cell(index) }?.at.stdout ?? 0
        let shown = displays[index] ?? []
        return (shown.map(\.value), shown.map { max(0, $0.stdout - start) })
    }

    /// Each cell's stdout and stderr, cut from the program's files at the marks; at most `cap`
    /// bytes each.
    func cellOutputs(stdout: Data, stderr: Data, cap: Int) -> [Int: (stdout: String, stderr: String)] {
        var result: [Int: (String, String)] = [:]
        for (i, mark) in marks.enumerated() {
            guard case .cell(let index) = mark.mark else { continue }
            let next = i + 1 < marks.count ? (marks[i + 1].at.stdout, marks[i + 1].at.stderr) : (stdout.count, stderr.count)
            result[index] = (Self.slice(stdout, mark.at.stdout, next.0, cap), Self.slice(stderr, mark.at.stderr, next.1, cap))
        }
        return result
    }

    private static func slice(_ data: Data, _ from: Int, _ to: Int, _ cap: Int) -> String {
        let start = min(max(0, from), data.count)
        let end = min(max(start, to), data.count)
        let truncated = end - start > cap
        let bytes = data[data.startIndex + start ..< data.startIndex + min(end, start + cap)]
        return String(decoding: bytes, as: UTF8.self) + (truncated ? "\n… (output truncated at \(cap >> 20) MiB)\n" : "")
    }
}

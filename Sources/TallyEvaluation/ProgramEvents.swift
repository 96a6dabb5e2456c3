import Foundation

/// The JSON lines a generated program sent on its events channel (see `NotebookRuntime`).
struct ProgramEvents {
    enum Mark: Equatable {
        case cell(Int)
        case expression(Int)
        case end
    }

    /// Where each cell (or expression, or the end) began in the program's stdout and stderr.
    var marks: [(mark: Mark, stdout: Int, stderr: Int)] = []
    var checks: [Int: RawValue] = [:]
    var values: [Int: RawValue] = [:]
    /// `show` calls, by the cell that made them, with where the program's stdout stood at each.
    var displays: [Int: [(value: RawValue, stdout: Int)]] = [:]

    var finished: Bool { marks.last?.mark == .end }
    var lastMark: Mark? { marks.last?.mark }

    private struct Event: Decodable {
        var event: String
        var index: Int?
        var id: Int?
        var stdout: Int?
        var stderr: Int?
        var value: RawValue?
    }

    init(_ data: Data) {
        let decoder = JSONDecoder()
        var cell: Int?
        for line in data.split(separator: 0x0A) {
            guard let e = try? decoder.decode(Event.self, from: line) else { continue }
            switch e.event {
            case "cell": cell = e.index; marks.append((.cell(e.index ?? 0), e.stdout ?? 0, e.stderr ?? 0))
            case "expression": cell = nil; marks.append((.expression(e.index ?? 0), e.stdout ?? 0, e.stderr ?? 0))
            case "end": marks.append((.end, e.stdout ?? 0, e.stderr ?? 0))
            case "check": if let id = e.id, let v = e.value { checks[id] = v }
            case "value": if let id = e.id, let v = e.value { values[id] = v }
            case "show": if let cell, let v = e.value { displays[cell, default: []].append((v, e.stdout ?? 0)) }
            default: break
            }
        }
    }

    /// A cell's displays, each with its place in the cell's own stdout (bytes from its start).
    func displays(ofCell index: Int) -> (values: [RawValue], offsets: [Int]) {
        let start = marks.first { $0.mark == .cell(index) }?.stdout ?? 0
        let shown = displays[index] ?? []
        return (shown.map(\.value), shown.map { max(0, $0.stdout - start) })
    }

    /// Each cell's stdout and stderr, cut from the program's files at the marks; at most `cap`
    /// bytes each.
    func cellOutputs(stdout: Data, stderr: Data, cap: Int) -> [Int: (stdout: String, stderr: String)] {
        var result: [Int: (String, String)] = [:]
        for (i, mark) in marks.enumerated() {
            guard case .cell(let index) = mark.mark else { continue }
            let next = i + 1 < marks.count ? (marks[i + 1].stdout, marks[i + 1].stderr) : (stdout.count, stderr.count)
            result[index] = (Self.slice(stdout, mark.stdout, next.0, cap), Self.slice(stderr, mark.stderr, next.1, cap))
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

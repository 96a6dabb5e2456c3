/// One line a notebook's program writes on its events channel (the file named by `TALLY_EVENTS`),
/// read back by `tally`'s evaluator. Both sides use this one type, so what the runtime writes is what
/// the evaluator reads; a line the evaluator cannot decode is reported, naming the event.
///
/// Encoded as a JSON object with an `event` key: `{"event":"cell","index":0,"stdout":0,"stderr":0}`.
public enum ProgramEvent: Hashable, Sendable {
    /// The `index`th cell (0-based among the notebook's cells) starts; where stdout and stderr stand.
    case cell(index: Int, at: OutputPosition)
    /// The `index`th placed snippet (an inline expression of the prose, evaluated where it stands) starts.
    case snippet(index: Int, at: OutputPosition)
    /// The value of the `id`th check (`x // => 0.739`) on its `pass`th run (1-based: a check in a loop
    /// runs once per iteration).
    case check(id: Int, pass: Int, value: ProgramValue)
    /// The value of the `id`th snippet.
    case value(id: Int, value: ProgramValue)
    /// `show(value)`, with where stdout stood.
    case show(value: ProgramValue, at: OutputPosition)
    /// The engine is about to trap: the reason it gives (`matmul: inner dimensions differ, [2, 2] × [3]`).
    /// Sent because release builds drop `precondition` messages.
    case failure(message: String)
    /// The program reached its end.
    case end(at: OutputPosition)
    /// One evaluation of the `id`th checked formula (a `{check}` block after a display formula) at one
    /// point: the value of every side of its `=` chain, the point's coordinates (in the order of the
    /// block's `for` variables; empty without one) and the values of the names it uses (a function
    /// arrives as a string). `candidate` is nil for the formula as written, k for its k-th one-edit
    /// variant (TallyFormula's `FormulaSnippet.candidates`).
    case formula(id: Int, candidate: Int?, point: [Double], sides: [ProgramValue], bindings: [ProgramValue])

    /// The event's name, as encoded.
    public var name: String {
        switch self {
        case .cell: "cell"
        case .snippet: "snippet"
        case .check: "check"
        case .value: "value"
        case .show: "show"
        case .failure: "failure"
        case .end: "end"
        case .formula: "formula"
        }
    }
}

/// Byte offsets in the program's stdout and stderr files, after flushing both.
public struct OutputPosition: Hashable, Sendable, Codable {
    public var stdout: Int
    public var stderr: Int

    public init(stdout: Int, stderr: Int) {
        self.stdout = stdout
        self.stderr = stderr
    }
}

extension ProgramEvent: Codable {
    private enum Key: String, CodingKey { case event, index, id, pass, value, message, stdout, stderr, candidate, point, sides, bindings }

    /// An event this version of `tally` does not know.
    public struct UnknownEvent: Error, CustomStringConvertible {
        public var name: String
        public var description: String { "an unknown event '\(name)'" }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let name = try c.decode(String.self, forKey: .event)
        func position() throws -> OutputPosition {
            OutputPosition(stdout: try c.decode(Int.self, forKey: .stdout), stderr: try c.decode(Int.self, forKey: .stderr))
        }
        switch name {
        case "cell": self = .cell(index: try c.decode(Int.self, forKey: .index), at: try position())
        case "snippet": self = .snippet(index: try c.decode(Int.self, forKey: .index), at: try position())
        case "check": self = .check(id: try c.decode(Int.self, forKey: .id), pass: try c.decode(Int.self, forKey: .pass),
                                    value: try c.decode(ProgramValue.self, forKey: .value))
        case "value": self = .value(id: try c.decode(Int.self, forKey: .id), value: try c.decode(ProgramValue.self, forKey: .value))
        case "show": self = .show(value: try c.decode(ProgramValue.self, forKey: .value), at: try position())
        case "failure": self = .failure(message: try c.decode(String.self, forKey: .message))
        case "end": self = .end(at: try position())
        case "formula":
            self = .formula(id: try c.decode(Int.self, forKey: .id), candidate: try c.decodeIfPresent(Int.self, forKey: .candidate),
                            point: try c.decode([String].self, forKey: .point).map(ProgramValue.number),
                            sides: try c.decode([ProgramValue].self, forKey: .sides),
                            bindings: try c.decode([ProgramValue].self, forKey: .bindings))
        default: throw UnknownEvent(name: name)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(name, forKey: .event)
        func encode(_ p: OutputPosition) throws {
            try c.encode(p.stdout, forKey: .stdout)
            try c.encode(p.stderr, forKey: .stderr)
        }
        switch self {
        case .cell(let index, let at), .snippet(let index, let at):
            try c.encode(index, forKey: .index)
            try encode(at)
        case .check(let id, let pass, let value):
            try c.encode(id, forKey: .id)
            try c.encode(pass, forKey: .pass)
            try c.encode(value, forKey: .value)
        case .value(let id, let value):
            try c.encode(id, forKey: .id)
            try c.encode(value, forKey: .value)
        case .show(let value, let at):
            try c.encode(value, forKey: .value)
            try encode(at)
        case .failure(let message):
            try c.encode(message, forKey: .message)
        case .end(let at):
            try encode(at)
        case .formula(let id, let candidate, let point, let sides, let bindings):
            try c.encode(id, forKey: .id)
            try c.encodeIfPresent(candidate, forKey: .candidate)
            // As text, like real values: nan and infinities survive JSON.
            try c.encode(point.map { "\($0)" }, forKey: .point)
            try c.encode(sides, forKey: .sides)
            try c.encode(bindings, forKey: .bindings)
        }
    }
}

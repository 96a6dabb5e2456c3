/// A value a notebook's program computed, as it travels from the program (`NotebookRuntime` in
/// TallyEngine) to `tally`, keeping its kind: whether it is an integer, a real number, a Boolean, a
/// string, a tensor of some shape, or a chart.
///
/// Encoded as one JSON object with a `kind` key (`integer`, `real`, `boolean`, `string`, `tensor`,
/// `chart`). Real numbers travel as text, Swift's shortest exact spelling (`"0.1"`, `"nan"`,
/// `"-inf"`), so that nan and infinities survive JSON. Decoding an unknown kind throws an error that
/// names it: `tally` never guesses what a program meant.
public enum ProgramValue: Hashable, Sendable {
    /// A Swift integer (`Int`, `Int32`, …), exactly.
    case integer(Int)
    /// A `Double` or `Float`.
    case real(Double)
    case boolean(Bool)
    case string(String)
    /// Numbers in row-major order with their shape: `[n]` a vector, `[rows, columns]` a matrix, `[]` a
    /// scalar tensor. `integer` when every element is a Swift integer (`[1, 2, 3]`). A ragged Swift
    /// array reports its first row's shape, so `numbers.count` may then differ from the shape's size.
    case tensor(shape: [Int], numbers: [Double], integer: Bool)
    /// A self-contained SVG document (`SVGRenderable`).
    case chart(svg: String)

    /// The kind's name, as encoded and as messages name it.
    public var kind: String {
        switch self {
        case .integer: "integer"
        case .real: "real"
        case .boolean: "boolean"
        case .string: "string"
        case .tensor: "tensor"
        case .chart: "chart"
        }
    }

    /// The numbers of a numeric value, row-major (an integer or a real is one number); nil otherwise.
    public var numbers: [Double]? {
        switch self {
        case .integer(let n): [Double(n)]
        case .real(let x): [x]
        case .tensor(_, let numbers, _): numbers
        default: nil
        }
    }

    /// The shape of a numeric value (`[]` for an integer or a real); nil otherwise.
    public var shape: [Int]? {
        switch self {
        case .integer, .real: []
        case .tensor(let shape, _, _): shape
        default: nil
        }
    }

    /// Whether the numbers are integers by type (so `3`, never `3.0`).
    public var isInteger: Bool {
        switch self {
        case .integer: true
        case .tensor(_, _, let integer): integer
        default: false
        }
    }
}

extension ProgramValue: Codable {
    private enum Key: String, CodingKey { case kind, value, shape, numbers, integer }

    /// A kind this version of `tally` does not know.
    public struct UnknownKind: Error, CustomStringConvertible {
        public var kind: String
        public var description: String { "a value of unknown kind '\(kind)'" }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let kind = try c.decode(String.self, forKey: .kind)
        switch kind {
        case "integer": self = .integer(try c.decode(Int.self, forKey: .value))
        case "real": self = .real(try Self.number(c.decode(String.self, forKey: .value)))
        case "boolean": self = .boolean(try c.decode(Bool.self, forKey: .value))
        case "string": self = .string(try c.decode(String.self, forKey: .value))
        case "tensor":
            self = .tensor(shape: try c.decode([Int].self, forKey: .shape),
                           numbers: try c.decode([String].self, forKey: .numbers).map(Self.number),
                           integer: try c.decode(Bool.self, forKey: .integer))
        case "chart": self = .chart(svg: try c.decode(String.self, forKey: .value))
        default: throw UnknownKind(kind: kind)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(kind, forKey: .kind)
        switch self {
        case .integer(let n): try c.encode(n, forKey: .value)
        case .real(let x): try c.encode("\(x)", forKey: .value)
        case .boolean(let b): try c.encode(b, forKey: .value)
        case .string(let s): try c.encode(s, forKey: .value)
        case .tensor(let shape, let numbers, let integer):
            try c.encode(shape, forKey: .shape)
            try c.encode(numbers.map { "\($0)" }, forKey: .numbers)
            try c.encode(integer, forKey: .integer)
        case .chart(let svg): try c.encode(svg, forKey: .value)
        }
    }

    /// A number written as Swift's `description` writes it (`0.1`, `nan`, `-inf`); throws for other text.
    static func number(_ text: String) throws -> Double {
        guard let value = Double(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "'\(text)' is not a number"))
        }
        return value
    }
}

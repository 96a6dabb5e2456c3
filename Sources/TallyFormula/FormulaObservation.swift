import Foundation

/// One `formula` event of a notebook's program: the sides of a formula at one point, as
/// `_formulaCheck` (TallyEngine) sent them. The evaluator reads the event (TallyProtocol's
/// `ProgramEvent.formula`) and builds this; TallyFormula itself knows nothing of the protocol.
/// Codable, so that a run's record can keep it.
public struct FormulaObservation: Hashable, Sendable, Codable {
    /// A value as the program reported it: numbers of a shape, or text (a function, say).
    public struct Value: Hashable, Sendable, Codable {
        public var kind: String
        public var shape: [Int]?
        /// Numbers as text (Swift's shortest exact spelling; `nan`, `inf`, `-inf`).
        public var numbers: [String]?
        public var text: String?

        /// Numbers of `shape`, row-major.
        public init(shape: [Int], numbers: [Double]) {
            self.kind = "numbers"
            self.shape = shape
            self.numbers = numbers.map { "\($0)" }
        }

        /// A value reported as text (a function).
        public init(text: String) {
            self.kind = "text"
            self.text = text
        }

        /// The numbers, if this is numbers.
        public var values: [Double]? {
            guard kind == "numbers", let numbers else { return nil }
            return numbers.map { Double($0) ?? .nan }
        }
    }

    /// The snippet's `id`.
    public var id: Int
    /// nil for the formula as written; k for `FormulaSnippet.candidates[k]`.
    public var candidate: Int?
    public var point: [String]
    public var sides: [Value]
    public var bindings: [Value]

    /// An observation made by hand (tests) or by a caller that reads events itself.
    public init(id: Int, candidate: Int? = nil, point: [Double], sides: [Value], bindings: [Value]) {
        self.id = id
        self.candidate = candidate
        self.point = point.map { "\($0)" }
        self.sides = sides
        self.bindings = bindings
    }

    /// The point's coordinates.
    public var coordinates: [Double] { point.map { Double($0) ?? .nan } }
}

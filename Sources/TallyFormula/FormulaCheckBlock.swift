/// The attribute block on the line after a checked formula: `{check …}`.
///
/// Grammar (white space between tokens is free; keywords are whole words at the top level):
///
///     block     := "{" "check" clause* "}"
///     clause    := "for" range ("," range)*
///                | "where" binding ("," binding)*
///                | "tolerance" number
///     range     := tex "in" number "..." number      e.g.  x in -6...6,  \theta in 0...1.5
///     binding   := tex "=" swift                     e.g.  \theta_{t+1} = thetaNext
///     number    := an optional "-", digits, an optional fraction, an optional exponent (1e-4)
///
/// Clauses may come in any order, each at most once. A binding's TeX runs to its first top-level
/// `=`; its Swift expression runs to the next comma, `for` or `tolerance` outside brackets, braces
/// and string literals, so `f(a, b)` and `{ $0 * 2 }` are fine. A range whose bounds are both
/// written as integers (`1...50`) is an integer range: its points are integers.
///
///     {check}
///     {check for x in -6...6}
///     {check for n in 1...50, m in 0...3}
///     {check where \sigma = sigmoid, \sigma' = Activation.sigmoid.derivative}
///     {check tolerance 1e-4 for x in -1...1 where f = myF}
public struct FormulaCheckBlock: Hashable, Sendable {
    /// `for x in A...B`: the formula is an identity over `x`.
    public struct Variable: Hashable, Sendable {
        /// As written: `x`, `\theta`.
        public var tex: String
        /// The variable parsed: the name it stands for in the formula.
        public var symbol: FormulaSymbol
        /// The closed range `lower...upper` the points are drawn from.
        public var lower: Double
        public var upper: Double
        /// Both bounds were written as integers: the points are integers.
        public var isInteger: Bool
        /// UTF-8 offset of the variable in the block.
        public var offset: Int
    }

    /// `where TeX = Swift`.
    public struct Binding: Hashable, Sendable {
        /// As written: `\theta_{t+1}`.
        public var tex: String
        /// The TeX parsed, to match sub-expressions of the formula.
        public var expression: FormulaExpression
        /// A Swift expression evaluated in the notebook's scope; may name a function.
        public var swift: String
        /// UTF-8 offset of the TeX in the block.
        public var offset: Int
    }

    /// The `for` ranges, in the order of the points' coordinates.
    public var variables: [Variable] = []
    /// The `where` bindings, as written.
    public var bindings: [Binding] = []
    /// Relative tolerance; 1e-9 unless the block says `tolerance …`.
    public var tolerance: Double = FormulaCheckBlock.defaultTolerance

    /// The relative tolerance of `{check}`: 1e-9.
    public static let defaultTolerance = 1e-9

    /// A block from parts (`{check}` when all are left out).
    public init(variables: [Variable] = [], bindings: [Binding] = [], tolerance: Double = FormulaCheckBlock.defaultTolerance) {
        self.variables = variables
        self.bindings = bindings
        self.tolerance = tolerance
    }

    /// Whether `line` is a check block at all: `{check` followed by a space or `}`. Other attribute
    /// blocks (`{#id}`) are not, and are left to whoever reads them.
    public static func isCheckBlock(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("{check") else { return false }
        let next = trimmed.dropFirst(6).first
        return next == nil || next == "}" || next == " " || next == "\t"
    }

    /// Parses a check block (the whole line, leading and trailing white space allowed).
    /// Throws `FormulaError` (with `inCheckBlock`, offset in UTF-8 bytes into `line`) for a
    /// malformed block or a binding whose TeX does not parse.
    public init(parsing line: String) throws(FormulaError) {
        self.init()
        var parser = FormulaCheckBlockParser(line)
        try parser.parse(into: &self)
    }
}

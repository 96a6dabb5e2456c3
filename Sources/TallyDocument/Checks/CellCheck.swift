/// A check written in a cell: `let a3 = sigmoid(z3) // => 0.739` or `loss // => 0.03403`.
/// The value of the line's binding (or of the whole line, an expression) must match `stated`.
public struct CellCheck: Hashable, Sendable {
    public enum Subject: Hashable, Sendable {
        /// `let name = …` or `var name = …`: the check reads `name` after the line ran.
        case binding(String)
        /// The line is an expression whose value is checked.
        case expression
    }

    /// The cell's 0-based index among the notebook's cells.
    public var cellIndex: Int
    /// The 0-based line of the check within the cell's code.
    public var lineOffset: Int
    public var subject: Subject
    /// The code before the `//`, without trailing spaces.
    public var code: String
    public var stated: StatedValue

    public init(cellIndex: Int, lineOffset: Int, subject: Subject, code: String, stated: StatedValue) {
        self.cellIndex = cellIndex
        self.lineOffset = lineOffset
        self.subject = subject
        self.code = code
        self.stated = stated
    }
}

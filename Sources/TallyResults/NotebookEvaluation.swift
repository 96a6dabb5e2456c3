import TallyDocument
import TallyProtocol

/// What evaluating one notebook produced: everything a renderer shows, without knowing Swift.
public struct NotebookEvaluation: Hashable, Sendable, Codable {
    public var path: String
    /// One per cell of the notebook, by `Cell.index` (no-run cells included, with status `.notRun`).
    public var cells: [CellResult]
    /// The value of each inline expression, keyed by `InlineExpression.location`.
    public var expressions: [SourceLocation: ExpressionResult]
    /// Every stated value (in cells and in prose), in source order.
    public var checks: [CheckOutcome]
    /// Every checked formula, in source order.
    public var formulas: [FormulaOutcome] = []
    /// Everything wrong: compile errors, traps, time limits, failed checks. Warnings too.
    public var diagnostics: [Diagnostic]
    /// How many programs `swiftc` compiled for this evaluation (0 when it came from the cache).
    public var compiledPrograms: Int

    /// Nothing was run, shown or checked (a notebook without cells, inline values, stated values or
    /// checked formulas, and nothing reported): most notebooks, kept and keyed without encoding them.
    public var isEmpty: Bool {
        cells.isEmpty && expressions.isEmpty && checks.isEmpty && formulas.isEmpty && diagnostics.isEmpty
    }

    /// The evaluation of the notebook at `path` with nothing to run, show or check (`isEmpty`).
    public static func nothing(path: String) -> NotebookEvaluation {
        NotebookEvaluation(path: path, cells: [], expressions: [:], checks: [], diagnostics: [], compiledPrograms: 0)
    }

    /// All checks held and nothing failed: the notebook may be published.
    public var passed: Bool { !diagnostics.hasErrors }

    public func expression(_ expression: InlineExpression) -> ExpressionResult? { expressions[expression.location] }

    public init(path: String, cells: [CellResult], expressions: [SourceLocation: ExpressionResult], checks: [CheckOutcome],
                diagnostics: [Diagnostic], compiledPrograms: Int) {
        self.path = path
        self.cells = cells
        self.expressions = expressions
        self.checks = checks
        self.diagnostics = diagnostics
        self.compiledPrograms = compiledPrograms
    }
}

public struct CellResult: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        /// Ran to its end.
        case ran
        /// `no-run`, or a notebook with no runnable code.
        case notRun
        /// Failed to compile, trapped or hit the time limit (see `diagnostics`).
        case failed
        /// An `expect-error` cell that failed as it should; its diagnostics are what to show.
        case failedAsExpected
        /// Not reached: an earlier cell failed, or the program did not compile.
        case notReached
    }

    public var index: Int
    public var status: Status
    public var stdout: String
    public var stderr: String
    /// What the cell asked to `show`, in order.
    public var displays: [Display]
    /// Where each display was shown, in bytes of `stdout`: what `outputs` interleaves by.
    public var displayOffsets: [Int]
    /// Diagnostics located in this cell (for an `expect-error` cell, the expected ones as notes).
    public var diagnostics: [Diagnostic]

    public init(index: Int, status: Status, stdout: String, stderr: String, displays: [Display], displayOffsets: [Int],
                diagnostics: [Diagnostic]) {
        self.index = index
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.displays = displays
        self.displayOffsets = displayOffsets
        self.diagnostics = diagnostics
    }
}

extension CellResult {
    /// One piece of what a cell produced, in the order it happened.
    public enum Output: Hashable, Sendable {
        case text(String)
        case display(Display)
    }

    /// The cell's stdout and its displays, interleaved as the cell printed and showed them.
    public var outputs: [Output] {
        let bytes = Array(stdout.utf8)
        var result: [Output] = []
        var printed = 0
        for (display, offset) in zip(displays, displayOffsets) {
            let upTo = min(max(offset, printed), bytes.count)
            if upTo > printed { result.append(.text(String(decoding: bytes[printed..<upTo], as: UTF8.self))) }
            result.append(.display(display))
            printed = upTo
        }
        if printed < bytes.count { result.append(.text(String(decoding: bytes[printed...], as: UTF8.self))) }
        return result
    }
}

/// A value as a page shows it.
public enum Display: Hashable, Sendable, Codable {
    case text(String)
    /// Numbers formatted and right-aligned by the renderer: one row for a vector, a row per matrix row.
    case table(rows: [[String]])
    /// A self-contained SVG document (a chart).
    case svg(String)
}

public struct ExpressionResult: Hashable, Sendable, Codable {
    /// What replaces the code span: the value formatted (with the expression's printf format if it
    /// has one), or for `expr => 0.739 ± 0.001` the stated value as written (`0.739`).
    public var text: String
    /// The computed value with its kind (integer, real, Boolean, string, tensor, chart); nil when it
    /// was never computed.
    public var value: ProgramValue?
    /// The check of `expr => stated`, if any.
    public var check: CheckOutcome?

    public init(text: String, value: ProgramValue?, check: CheckOutcome? = nil) {
        self.text = text
        self.value = value
        self.check = check
    }

    /// The computed value as a display (a scalar is `.text`).
    public var display: Display { value?.display ?? .text("") }
    /// The computed numbers, row-major, and their shape; empty when the value is not numeric.
    public var numbers: [Double] { value?.numbers ?? [] }
    public var shape: [Int] { value?.shape ?? [] }
}

/// One stated value compared with its computation.
public struct CheckOutcome: Hashable, Sendable, Codable {
    /// Where the stated value's first number starts.
    public var location: SourceLocation
    public var stated: StatedValue
    /// What was computed, with its kind; nil when the value was never computed (the program failed
    /// first, or the line never ran). For a check in a loop, the first pass that failed, else the last.
    public var value: ProgramValue?
    /// The pass (1-based) of a check in a loop that `value` comes from, when the check ran more than once.
    public var pass: Int?
    /// The computed numbers (nil for a value never computed or not numeric) and their shape.
    public var computed: [Double]? { value?.numbers }
    public var computedShape: [Int]? { value?.shape }
    /// The stated numbers that are off, with what they should be.
    public var wrongNumbers: [WrongNumber]
    public var passed: Bool
    /// What this check reported (`stated-value`, `check-never-ran`): a report names a failing check
    /// by these, with their rule ids, not by matching places.
    public var diagnostics: [Diagnostic] = []

    public init(location: SourceLocation, stated: StatedValue, value: ProgramValue?, pass: Int? = nil,
                wrongNumbers: [WrongNumber], passed: Bool) {
        self.location = location
        self.stated = stated
        self.value = value
        self.pass = pass
        self.wrongNumbers = wrongNumbers
        self.passed = passed
    }

    public struct WrongNumber: Hashable, Sendable, Codable {
        public var stated: StatedValue.Number
        public var computed: Double
        public var tolerance: Double

        public init(stated: StatedValue.Number, computed: Double, tolerance: Double) {
            self.stated = stated
            self.computed = computed
            self.tolerance = tolerance
        }
    }
}

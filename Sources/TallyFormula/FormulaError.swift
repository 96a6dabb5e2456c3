/// A problem with a checked formula or its `{check …}` block, found before any code runs.
///
/// `offset` is where in the text it was found, in UTF-8 bytes from the start of the formula's TeX
/// (or of the check block, when `inCheckBlock`), 0-based: add it to the column where that text
/// starts to get a `file:line:col` (columns count UTF-8 bytes, as `SourceLocation` does).
/// Diagnostics use the rule id `formula`.
public struct FormulaError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in a sentence that names the construct: `\int is not supported in a checked formula`.
    public var message: String
    /// UTF-8 bytes from the start of the text the error is in.
    public var offset: Int
    /// Whether the offset is into the check block rather than the formula.
    public var inCheckBlock: Bool

    /// An error `message` at UTF-8 `offset` of the formula (or of the check block, with `inCheckBlock`).
    public init(_ message: String, at offset: Int, inCheckBlock: Bool = false) {
        self.message = message
        self.offset = offset
        self.inCheckBlock = inCheckBlock
    }

    /// The rule id diagnostics carry: `[formula]`.
    public static let rule = "formula"

    /// `offset: message`, for test failures and logs.
    public var description: String { "\(offset): \(message)" }
}

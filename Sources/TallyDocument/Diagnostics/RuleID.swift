/// The stable name of the rule a diagnostic reports, printed in brackets at the end of its line
/// (`x.md:12:9: error: stated 0.739, computed 0.7412 (tolerance 0.0005) [stated-value]`), as a
/// compiler prints the flag behind a warning. Scripts, editors and the JUnit report match on it;
/// messages may be reworded, ids may not. Every id in use is a constant here, so the list below is
/// the catalogue the README refers to.
public struct RuleID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    // Reading files and front matter.
    public static let unreadableFile = RuleID("unreadable-file")
    public static let invalidUTF8 = RuleID("invalid-utf8")
    public static let frontMatter = RuleID("front-matter")
    public static let unknownFrontMatterKey = RuleID("unknown-front-matter-key")
    // Markdown structure.
    public static let unterminatedCodeFence = RuleID("unterminated-code-fence")
    public static let nestingDepth = RuleID("nesting-depth")
    /// A table whose short rows cmark-gfm would pad to far more cells than its source holds.
    public static let tableSize = RuleID("table-size")
    public static let unknownCellOption = RuleID("unknown-cell-option")
    // Cards and deck files.
    public static let unterminatedCard = RuleID("unterminated-card")
    public static let nestedCard = RuleID("nested-card")
    public static let cardSyntax = RuleID("card-syntax")
    public static let cardAttribute = RuleID("card-attribute")
    public static let duplicateCardID = RuleID("duplicate-card-id")
    public static let invalidCardID = RuleID("invalid-card-id")
    public static let emptyCard = RuleID("empty-card")
    public static let clozeWithoutDeletion = RuleID("cloze-without-deletion")
    /// A card shows a `{swift}` value that was not computed: it is left out of the deck, never exported as code.
    public static let uncomputedCardValue = RuleID("uncomputed-card-value")
    public static let projectFile = RuleID("project-file")
    // Checks and inline expressions.
    public static let checkSyntax = RuleID("check-syntax")
    public static let inlineExpressionSyntax = RuleID("inline-expression-syntax")
    public static let statedValue = RuleID("stated-value")
    public static let checkNeverRan = RuleID("check-never-ran")
    /// Prose names a value that only a cell below it declares (values follow the document).
    public static let usedBeforeDeclared = RuleID("used-before-declared")
    /// A checked formula (`$$…$$` then `{check}`) that does not hold, cannot be read, or uses TeX outside the subset.
    public static let formula = RuleID("formula")
    // Running a notebook's program.
    public static let compileError = RuleID("compile-error")
    public static let cellTrap = RuleID("cell-trap")
    public static let timeLimit = RuleID("time-limit")
    public static let memoryLimit = RuleID("memory-limit")
    public static let outputLimit = RuleID("output-limit")
    public static let expectError = RuleID("expect-error")
    public static let evaluationUnavailable = RuleID("evaluation-unavailable")
    /// The program sent an event this `tally` cannot read (a version mismatch between tally and its engine).
    public static let programEvent = RuleID("program-event")
    // Images, media, site and templates.
    public static let image = RuleID("image")
    public static let remoteImage = RuleID("remote-image")
    /// A relative link to a notebook that is not built, or to a heading that its page does not have.
    public static let brokenLink = RuleID("broken-link")
    public static let katexMissing = RuleID("katex-missing")
    /// A formula KaTeX rejects (checked at build time and by `tally check`).
    public static let math = RuleID("math")
    public static let template = RuleID("template")
    /// A notebook with nothing in it (its page would be blank).
    public static let emptyNotebook = RuleID("empty-notebook")
    public static let engineReference = RuleID("engine-reference")
    // Importing other formats.
    public static let importWarning = RuleID("import")
    public static let importEdited = RuleID("import-edited")
    public static let noSuchFile = RuleID("no-such-file")
}

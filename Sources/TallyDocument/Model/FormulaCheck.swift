/// A display formula marked to be checked: `$$…$$` (or a ```` ```math ```` fence) followed on the
/// next line by a `{check …}` block. The block's line is taken out of what is rendered; the
/// evaluator (with TallyFormula) translates the formula and checks it where it stands in the document.
public struct FormulaCheck: Hashable, Sendable {
    /// The TeX between the delimiters (or the fence's body), as written; lines joined with `\n`.
    public var tex: String
    /// The `{check …}` line as written (leading white space and block-quote markers removed).
    public var checkBlock: String
    /// The formula's first line (its opening `$$` or fence), column 1: where its diagnostics point.
    public var location: SourceLocation
    /// Where the check block's `{` stands.
    public var checkLocation: SourceLocation
    /// The id of the card the formula is on (front or back), nil for a formula of the notebook's prose.
    public var cardID: String?

    public init(tex: String, checkBlock: String, location: SourceLocation, checkLocation: SourceLocation, cardID: String? = nil) {
        self.tex = tex
        self.checkBlock = checkBlock
        self.location = location
        self.checkLocation = checkLocation
        self.cardID = cardID
    }
}

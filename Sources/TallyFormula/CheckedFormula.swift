/// A display formula marked `{check}`: its `=` chain, parsed.
///
///     let formula = try CheckedFormula(#"\theta_{t+1} = \theta_t - \eta\, g_t"#)
///     formula.sides.count   // 2
///
/// The supported TeX is listed in the README ("Checked formulas") and in `FormulaParser`; anything
/// else throws a `FormulaError` naming the construct at its offset (`\int is not supported in a
/// checked formula`).
public struct CheckedFormula: Hashable, Sendable {
    /// The TeX as written between the formula's delimiters.
    public var tex: String
    /// Every side of the `=` chain, at least one.
    public var sides: [FormulaExpression]

    /// Parses `tex` (the text between `$$` and `$$`, or of a ```` ```math ```` fence).
    /// Throws `FormulaError` with the offset of the first unsupported or malformed construct.
    public init(_ tex: String) throws(FormulaError) {
        self.tex = tex
        self.sides = try FormulaParser.chain(tex)
    }

    /// A formula from sides already parsed (an edited candidate, say); `tex` is not re-parsed.
    public init(tex: String, sides: [FormulaExpression]) {
        self.tex = tex
        self.sides = sides
    }
}

/// A node of a formula's syntax tree, with where it starts in the TeX.
///
/// The tree keeps what is needed to print the formula back as written (fraction style, delimiter
/// sizes, how a transpose was spelled) but drops what TeX only uses for layout: spacing commands,
/// braces used for grouping, `\displaystyle`.
public struct FormulaExpression: Hashable, Sendable {
    public indirect enum Kind: Hashable, Sendable {
        /// A number as written: `0.25`, `12`.
        case number(String)
        /// A variable or a named value: `x`, `\theta_t`, `\hat y`, `W`, `\mathrm{ReLU}`.
        case symbol(FormulaSymbol)
        /// Unary minus: `-x`. (A unary plus is dropped.)
        case negation(FormulaExpression)
        /// `a + b`, `a - b`, `a \cdot b`, `a b` and the other binary operators.
        case binary(FormulaOperator, FormulaExpression, FormulaExpression)
        /// `\frac{a}{b}`, `\dfrac{a}{b}`, `\tfrac{a}{b}` (the command kept for printing).
        case fraction(FormulaExpression, FormulaExpression, command: String)
        /// `a^b`: a power, unless the whole `a^b` is bound in the check block (then it is a name).
        case power(FormulaExpression, FormulaExpression)
        /// `a^\top`, `a^T`, `a^{\top}`: the transpose, spelled as in `spelling` (`\top`, `T`, …).
        case transpose(FormulaExpression, spelling: String)
        /// `\sqrt{x}` and `\sqrt[n]{x}`.
        case root(FormulaExpression, index: FormulaExpression?)
        /// A named function: `\exp(x)`, `\log_2(x)`, `\tanh^2(x)`, `\max(0, x)`, `\ln p`.
        /// `base` is a logarithm's base (`\log_2`); `power` a power written on the name
        /// (`\tanh^2(x)` is `(\tanh x)^2`); `delimiter` is nil when the argument had no parentheses.
        case function(FormulaFunction, base: FormulaExpression?, power: FormulaExpression?,
                      arguments: [FormulaExpression], delimiter: FormulaDelimiter?)
        /// A symbol followed by parentheses: `f(x)`, `\sigma'(x)`, `g(x, y)`. With one argument it
        /// is an application when the symbol is a function and a product when it is a value
        /// (`y(1 - y)`), decided by the Swift types (see `_formulaCall` in TallyEngine).
        case call(FormulaSymbol, arguments: [FormulaExpression], delimiter: FormulaDelimiter)
        /// Parentheses or brackets: `(a + b)`, `\left( … \right)`, `\bigl[ … \bigr]`.
        case group(FormulaExpression, delimiter: FormulaDelimiter)
        /// `|x|`, `\lvert x \rvert`, `\left| x \right|`.
        case absolute(FormulaExpression, delimiter: FormulaDelimiter)
        /// `\lVert x \rVert`, `\|x\|`: the Euclidean norm.
        case norm(FormulaExpression, delimiter: FormulaDelimiter)
        /// `\sum_{i=1}^{n} body` or `\prod`; `index` is nil for `\sum_i`-less forms, `lower` and
        /// `upper` nil for `\sum_i x_i` (the index runs over the vector it indexes).
        case bigOperator(FormulaBigOperator, index: FormulaSymbol, lower: FormulaExpression?,
                         upper: FormulaExpression?, body: FormulaExpression)
    }

    /// What the node is.
    public var kind: Kind
    /// UTF-8 bytes from the start of the formula to the node's first token.
    public var offset: Int

    /// A node of `kind` starting `offset` UTF-8 bytes into the formula.
    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }
}

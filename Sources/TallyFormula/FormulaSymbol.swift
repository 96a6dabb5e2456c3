/// A name in a formula: a letter or a word, with what TeX attaches to it.
///
/// Subscripts are part of the name (`\theta_t` and `\theta_{t+1}` are two names), except inside
/// `\sum`/`\prod` where a subscript using the index picks an element (`x_i`). Primes and accents
/// are part of the name too: `\sigma'`, `\hat y`. Superscripts are not (they are powers, or part of
/// a bound name; see `FormulaExpression.Kind.power`).
public struct FormulaSymbol: Hashable, Sendable {
    public enum Base: Hashable, Sendable {
        /// A Latin letter: `x`, `W`.
        case latin(String)
        /// A Greek letter's TeX command without backslash: `theta`, `varepsilon`.
        case greek(String)
        /// A word in a font command: `\mathrm{ReLU}` is `word("ReLU", command: "mathrm")`.
        case word(String, command: String)
        /// Another symbol command (`partial`, `nabla`, `ell`), usable only inside a bound expression.
        case command(String)
        /// A function command with a prime, as a name of its own: `\tanh'` is `function("tanh")`
        /// with one prime (the derivative, which needs a binding or a declared `tanhPrime`).
        case function(String)
    }

    /// The letter or word.
    public var base: Base
    /// A font command around a single letter: `mathbf`, `boldsymbol`, `bm`, `mathit`.
    public var font: String?
    /// An accent command: `hat`, `bar`, `tilde`, `vec`, `dot`, `widehat`, `widetilde`, `overline`.
    public var accent: String?
    /// How many primes follow: `\sigma'` has 1.
    public var primes: Int
    public var `subscript`: FormulaExpression?

    /// A name; everything but the base is optional.
    public init(base: Base, font: String? = nil, accent: String? = nil, primes: Int = 0,
                subscript: FormulaExpression? = nil) {
        self.base = base
        self.font = font
        self.accent = accent
        self.primes = primes
        self.subscript = `subscript`
    }

    /// The same symbol without its subscript (the vector `x` of an element `x_i`).
    public var withoutSubscript: FormulaSymbol {
        var copy = self
        copy.subscript = nil
        return copy
    }
}

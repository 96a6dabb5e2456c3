/// A binary operator of a formula, with its TeX spelling.
public enum FormulaOperator: String, Hashable, Sendable, CaseIterable {
    case plus = "+"
    case minus = "-"
    /// `\cdot`.
    case cdot = "\\cdot"
    /// `\times`.
    case times = "\\times"
    /// Juxtaposition: `2x`, `W x`, `\eta\, g_t`.
    case implicit = ""
    case divide = "/"
    /// `\odot`: the elementwise (Hadamard) product.
    case odot = "\\odot"

    /// Whether this operator multiplies (matrix product when both operands are tensors that conform).
    public var isProduct: Bool { self == .cdot || self == .times || self == .implicit }

    /// Binds tighter than `+` and `-`.
    var isMultiplicative: Bool { self != .plus && self != .minus }
}

/// `\sum` or `\prod`.
public enum FormulaBigOperator: String, Hashable, Sendable {
    case sum
    case prod
}

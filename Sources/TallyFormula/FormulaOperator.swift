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

/// The functions a formula may name with a TeX command, each translated to the engine helper of
/// the same name (`_formulaExp`, …), elementwise on tensors. `\log` and `\ln` are both the natural
/// logarithm (as in machine-learning texts); `\log_b` divides by ln b. `\max`/`\min` of one tensor is
/// its largest/smallest element, of several arguments the elementwise maximum/minimum.
public enum FormulaFunction: String, Hashable, Sendable, CaseIterable {
    case exp, log, ln, sin, cos, tan, tanh, sinh, cosh, max, min

    /// Whether it takes a list of arguments (`\max(0, x)`).
    var takesSeveralArguments: Bool { self == .max || self == .min }
}

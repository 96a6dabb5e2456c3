/// The functions a formula may name with a TeX command, each translated to the engine helper of
/// the same name (`_formulaExp`, …), elementwise on tensors. `\log` and `\ln` are both the natural
/// logarithm (as in machine-learning texts); `\log_b` divides by ln b. `\max`/`\min` of one tensor is
/// its largest/smallest element, of several arguments the elementwise maximum/minimum.
public enum FormulaFunction: String, Hashable, Sendable, CaseIterable {
    case exp, log, ln, sin, cos, tan, tanh, sinh, cosh, max, min

    /// Whether it takes a list of arguments (`\max(0, x)`).
    var takesSeveralArguments: Bool { self == .max || self == .min }
}

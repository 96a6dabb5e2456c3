/// A formula with one sign or one operator changed, to suggest when the formula as written fails
/// and this one holds (`--fix` never applies it; the message only says so).
public struct FormulaCandidate: Hashable, Sendable {
    /// The edited formula.
    public var formula: CheckedFormula
    /// What changed, in words: `- instead of +`, `without the - sign`, `/ instead of ·`.
    public var change: String
    /// UTF-8 offset in the original formula of what changed: the right operand of a changed
    /// operator, the negated expression, the exponent.
    public var offset: Int

    /// For the message: `it holds with - instead of +: θ_{t+1} = θ_t - η g_t`.
    public var suggestion: String {
        "it holds with \(change): \(FormulaPrinter.print(formula, .readable))"
    }
}

extension CheckedFormula {
    /// Every formula one edit away: each `+` ↔ `-`; each product (`\cdot`, `\times`, implicit) ↔ `/`;
    /// each unary minus removed; each exponent negated (`e^{-x}` ↔ `e^{x}`); each side after the
    /// first negated as a whole. In reading order.
    public var oneEditCandidates: [FormulaCandidate] { oneEditCandidates(keeping: []) }

    /// The one-edit candidates, leaving alone every sub-expression whose canonical TeX
    /// (`FormulaPrinter.print(_:_:)` with `.canonical`) is in `bound`: a name bound by the check block
    /// (`z^2 = z2`) is one value, and negating its "exponent" would make a name that means nothing.
    public func oneEditCandidates(keeping bound: Set<String>) -> [FormulaCandidate] {
        var candidates: [FormulaCandidate] = []
        for (index, side) in sides.enumerated() {
            for (edited, change, offset) in Self.edits(of: side, keeping: bound) {
                var formula = self
                formula.sides[index] = edited
                formula.tex = FormulaPrinter.print(formula)
                candidates.append(FormulaCandidate(formula: formula, change: change, offset: offset))
            }
            if index > 0 {
                var formula = self
                let group = FormulaExpression(.group(side, delimiter: .parentheses), at: side.offset)
                formula.sides[index] = FormulaExpression(.negation(group), at: side.offset)
                formula.tex = FormulaPrinter.print(formula)
                candidates.append(FormulaCandidate(formula: formula, change: "the sign of side \(index + 1) flipped", offset: side.offset))
            }
        }
        return candidates
    }

    private static func edits(of e: FormulaExpression, keeping bound: Set<String>) -> [(FormulaExpression, String, Int)] {
        var result: [(FormulaExpression, String, Int)] = []
        if !bound.isEmpty, bound.contains(FormulaPrinter.print(e, .canonical)) { return result }
        var own = e
        switch e.kind {
        case .binary(let op, let a, let b):
            let flipped: FormulaOperator? = switch op {
            case .plus: .minus
            case .minus: .plus
            case .cdot, .times, .implicit: .divide
            case .divide: .cdot
            case .odot: nil
            }
            if let flipped {
                own.kind = .binary(flipped, a, b)
                let shown = { (o: FormulaOperator) in o == .implicit ? "a product" : (o == .cdot ? "·" : (o == .times ? "×" : o.rawValue)) }
                result.append((own, "\(shown(flipped)) instead of \(shown(op))", b.offset))
            }
        case .negation(let a):
            result.append((a, "without the - sign", e.offset))
        case .power(let base, let exponent):
            // A negative exponent is made positive by the edit of its own minus sign (below).
            if case .negation = exponent.kind {} else {
                own.kind = .power(base, FormulaExpression(.negation(exponent), at: exponent.offset))
                result.append((own, "the exponent negated", exponent.offset))
            }
        default:
            break
        }
        let children = FormulaTree.children(e)
        for (i, child) in children.enumerated() {
            for (edited, change, offset) in edits(of: child, keeping: bound) {
                var replaced = children
                replaced[i] = edited
                result.append((FormulaTree.replacingChildren(e, with: replaced), change, offset))
            }
        }
        return result
    }
}

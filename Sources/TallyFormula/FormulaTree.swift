/// Walking and rebuilding a formula's tree.
enum FormulaTree {
    /// The direct children of a node, in reading order (a symbol's subscript included).
    static func children(_ e: FormulaExpression) -> [FormulaExpression] {
        switch e.kind {
        case .number: return []
        case .symbol(let s): return s.subscript.map { [$0] } ?? []
        case .negation(let a), .transpose(let a, _), .group(let a, _), .absolute(let a, _), .norm(let a, _): return [a]
        case .binary(_, let a, let b), .fraction(let a, let b, _), .power(let a, let b): return [a, b]
        case .root(let a, let index): return (index.map { [$0] } ?? []) + [a]
        case .function(_, let base, let power, let arguments, _): return [base, power].compactMap { $0 } + arguments
        case .call(let s, let arguments, _): return (s.subscript.map { [$0] } ?? []) + arguments
        case .bigOperator(_, _, let lower, let upper, let body): return [lower, upper].compactMap { $0 } + [body]
        }
    }

    /// Calls `body` on `e` and every node below it, parents first.
    static func visit(_ e: FormulaExpression, _ body: (FormulaExpression) -> Void) {
        body(e)
        for child in children(e) { visit(child, body) }
    }
}

extension FormulaTree {
    /// `e` with its children (in the order of `children(e)`) replaced by `new`.
    static func replacingChildren(_ e: FormulaExpression, with new: [FormulaExpression]) -> FormulaExpression {
        var result = e
        var rest = new[...]
        func next() -> FormulaExpression { rest.removeFirst() }
        func symbol(_ s: FormulaSymbol) -> FormulaSymbol {
            var s = s
            if s.subscript != nil { s.subscript = next() }
            return s
        }
        switch e.kind {
        case .number: break
        case .symbol(let s): result.kind = .symbol(symbol(s))
        case .negation: result.kind = .negation(next())
        case .transpose(_, let spelling): result.kind = .transpose(next(), spelling: spelling)
        case .group(_, let d): result.kind = .group(next(), delimiter: d)
        case .absolute(_, let d): result.kind = .absolute(next(), delimiter: d)
        case .norm(_, let d): result.kind = .norm(next(), delimiter: d)
        case .binary(let op, _, _): result.kind = .binary(op, next(), next())
        case .fraction(_, _, let command): result.kind = .fraction(next(), next(), command: command)
        case .power: result.kind = .power(next(), next())
        case .root(_, let index):
            let newIndex = index.map { _ in next() }
            result.kind = .root(next(), index: newIndex)
        case .function(let f, let base, let power, let arguments, let d):
            let newBase = base.map { _ in next() }
            let newPower = power.map { _ in next() }
            result.kind = .function(f, base: newBase, power: newPower, arguments: arguments.map { _ in next() }, delimiter: d)
        case .call(let s, let arguments, let d):
            let callee = symbol(s)
            result.kind = .call(callee, arguments: arguments.map { _ in next() }, delimiter: d)
        case .bigOperator(let op, let index, let lower, let upper, _):
            let newLower = lower.map { _ in next() }
            let newUpper = upper.map { _ in next() }
            result.kind = .bigOperator(op, index: index, lower: newLower, upper: newUpper, body: next())
        }
        return result
    }
}

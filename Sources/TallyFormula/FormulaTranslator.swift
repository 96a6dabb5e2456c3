/// Translates a formula's sides into Swift statements that compute them with the engine.
///
/// Each node becomes one `let __fN = …` statement calling the helpers of TallyEngine's
/// `Formula/FormulaArithmetic.swift` (`_formulaAdd`, `_formulaMultiply`, …) on values whose types
/// the compiler already knows, so every call type-checks on its own, quickly, and the overload —
/// number or tensor, scaling or matrix product — is picked by the Swift types.
///
/// Names are found in this order: an expression the check block binds (matched by its canonical
/// TeX, so a binding may name `W^{1}` or `\frac{\partial J}{\partial W}` as well as `\theta_t`);
/// a `for` variable or a `\sum` index; inside `\sum_i`/`\prod_i`, a name whose subscript uses the
/// index is an element of the vector (`x_i` → element i, 1-based); otherwise `FormulaNameResolver`.
struct FormulaTranslator {
    struct Output {
        /// The statements, in order, without indentation of their own.
        var lines: [String]
        /// The temporary holding each side's value.
        var sides: [String]
        /// Names the formula uses, as shown in messages, with the Swift expression of each.
        var reported: [(name: String, swift: String)]
        /// Remarks about readings the user may not have meant (a superscript read as a power).
        var notes: [String]
    }

    private let bindings: [String: String]
    private let resolver: FormulaNameResolver
    /// Canonical TeX of `for` variables and active `\sum` indices → the Swift variable.
    private var scope: [String: String]
    /// Canonical TeX of the active `\sum`/`\prod` indices.
    private var indices: Set<String> = []
    private var lines: [String] = []
    private var indent = ""
    private var counter = 0
    private let prefix: String
    private var reported: [(name: String, swift: String)] = []
    private var notes: [String] = []

    /// `prefix` keeps the temporaries of different formulas (and candidates) apart.
    init(bindings: [FormulaCheckBlock.Binding], variables: [String: String], resolver: FormulaNameResolver, prefix: String = "__f") {
        var map: [String: String] = [:]
        for binding in bindings { map[FormulaPrinter.print(binding.expression, .canonical)] = binding.swift }
        self.bindings = map
        self.scope = variables
        self.resolver = resolver
        self.prefix = prefix
    }

    static func translate(_ sides: [FormulaExpression], bindings: [FormulaCheckBlock.Binding], variables: [String: String],
                          resolver: FormulaNameResolver, prefix: String = "__f") throws(FormulaError) -> Output {
        var translator = FormulaTranslator(bindings: bindings, variables: variables, resolver: resolver, prefix: prefix)
        var temporaries: [String] = []
        for side in sides { temporaries.append(try translator.translate(side)) }
        return Output(lines: translator.lines, sides: temporaries, reported: translator.reported, notes: translator.notes)
    }

    // MARK: Nodes

    private mutating func translate(_ e: FormulaExpression) throws(FormulaError) -> String {
        if let swift = bound(e) { return swift }
        switch e.kind {
        case .number(let text):
            return emit("\(text.hasPrefix(".") ? "0" + text : text) as Double")
        case .symbol(let s):
            return try value(s, at: e.offset)
        case .negation(let operand):
            return emit("_formulaNegate(\(try translate(operand)))")
        case .binary(let op, let lhs, let rhs):
            let (a, b) = (try translate(lhs), try translate(rhs))
            let helper: String
            switch op {
            case .plus: helper = "_formulaAdd"
            case .minus: helper = "_formulaSubtract"
            case .cdot, .times, .implicit: helper = "_formulaMultiply"
            case .divide: helper = "_formulaDivide"
            case .odot: helper = "_formulaHadamard"
            }
            return emit("\(helper)(\(a), \(b))")
        case .fraction(let numerator, let denominator, _):
            let (a, b) = (try translate(numerator), try translate(denominator))
            return emit("_formulaDivide(\(a), \(b))")
        case .power(let base, let exponent):
            try checkIndexLike(base, exponent, at: e.offset)
            if case .symbol(let s) = base.kind, resolver.resolve(s) == .constant("2.718281828459045"),
               bound(base, emitting: false) == nil, scope[FormulaPrinter.print(s, .canonical)] == nil {
                return emit("_formulaExp(\(try translate(exponent)))")
            }
            let (a, b) = (try translate(base), try translate(exponent))
            return emit("_formulaPower(\(a), \(b))")
        case .transpose(let base, _):
            return emit("_formulaTranspose(\(try translate(base)))")
        case .root(let radicand, let index):
            let x = try translate(radicand)
            guard let index else { return emit("_formulaSqrt(\(x))") }
            return emit("_formulaRoot(\(x), \(try translate(index)))")
        case .function(let function, let base, let power, let arguments, _):
            var values: [String] = []
            for argument in arguments { values.append(try translate(argument)) }
            var result: String
            switch function {
            case .max, .min:
                let helper = function == .max ? "_formulaMax" : "_formulaMin"
                if values.count == 1 {
                    result = emit("\(helper)(\(values[0]))")
                } else {
                    result = values[0]
                    for next in values.dropFirst() { result = emit("\(helper)(\(result), \(next))") }
                }
            case .ln, .log:
                result = emit("_formulaLog(\(values[0]))")
                if let base {
                    let b = emit("_formulaLog(\(try translate(base)))")
                    result = emit("_formulaDivide(\(result), \(b))")
                }
            default:
                result = emit("_formula\(function.rawValue.prefix(1).uppercased() + function.rawValue.dropFirst())(\(values[0]))")
            }
            if let power { result = emit("_formulaPower(\(result), \(try translate(power)))") }
            return result
        case .call(let s, let arguments, _):
            let callee = try function(s, at: e.offset)
            var values: [String] = []
            for argument in arguments { values.append(try translate(argument)) }
            if values.count == 1 { return emit("_formulaCall(\(callee), \(values[0]))") }
            return emit("_formulaValue(\(callee)(\(values.joined(separator: ", "))))")
        case .group(let inner, _):
            return try translate(inner)
        case .absolute(let inner, _):
            return emit("_formulaAbs(\(try translate(inner)))")
        case .norm(let inner, _):
            return emit("_formulaNorm(\(try translate(inner)))")
        case .bigOperator(let op, let index, let lower, let upper, let body):
            return try bigOperator(op, index: index, lower: lower, upper: upper, body: body, at: e.offset)
        }
    }

    private mutating func bigOperator(_ op: FormulaBigOperator, index: FormulaSymbol, lower: FormulaExpression?,
                                      upper: FormulaExpression?, body: FormulaExpression, at offset: Int) throws(FormulaError) -> String {
        let key = FormulaPrinter.print(index, .canonical)
        let from: String, through: String
        if let lower, let upper {
            from = try translate(lower)
            through = try translate(upper)
        } else {
            guard let vector = Self.firstIndexed(by: key, in: body) else {
                throw FormulaError("\\\(op.rawValue)_\(FormulaPrinter.print(index)) without bounds needs a vector indexed by \(FormulaPrinter.print(index)) in its body (or write \\\(op.rawValue)_{i=1}^{n})", at: offset)
            }
            from = emit("1 as Double")
            through = emit("_formulaLength(\(try value(vector, at: offset)))")
        }
        counter += 1
        let variable = "\(prefix)i\(counter)"
        let result = "\(prefix)\(counter)"
        lines.append(indent + "let \(result) = _formula\(op == .sum ? "Sum" : "Product")(from: \(from), through: \(through)) { (\(variable): Double) in")
        let saved = (scope[key], indices, indent)
        scope[key] = variable
        indices.insert(key)
        indent += "    "
        let term = try translate(body)
        lines.append(indent + "return \(term)")
        (scope[key], indices, indent) = saved
        lines.append(indent + "}")
        return result
    }

    // MARK: Names

    /// The bound Swift expression for `e`, if the check block binds its TeX (emitted as a value).
    private mutating func bound(_ e: FormulaExpression, emitting: Bool = true) -> String? {
        if case .number = e.kind { return nil }
        guard let swift = bindings[FormulaPrinter.print(e, .canonical)] else { return nil }
        guard emitting else { return swift }
        report(FormulaPrinter.print(e, .readable), swift)
        return emit("_formulaValue(\(swift))")
    }

    /// A symbol in value position.
    private mutating func value(_ s: FormulaSymbol, at offset: Int) throws(FormulaError) -> String {
        let key = FormulaPrinter.print(s, .canonical)
        if let variable = scope[key] { return variable }
        if let sub = s.subscript, Self.mentions(sub, indices) {
            let vector = try value(s.withoutSubscript, at: offset)
            return emit("_formulaElement(\(vector), \(try translate(sub)))")
        }
        if let swift = bound(FormulaExpression(.symbol(s), at: offset)) { return swift }
        switch resolver.resolve(s) {
        case .constant(let literal):
            return emit("\(literal) as Double")
        case .swift(let name):
            report(FormulaPrinter.print(s, .readable), name)
            return emit("_formulaValue(\(name))")
        case .unresolved(let reason):
            throw FormulaError(reason, at: offset)
        }
    }

    /// A symbol in call position: the Swift function (or value, for a product such as `y(1 - y)`).
    private mutating func function(_ s: FormulaSymbol, at offset: Int) throws(FormulaError) -> String {
        let key = FormulaPrinter.print(s, .canonical)
        if let variable = scope[key] { return variable }
        if let swift = bindings[key] { return swift }
        if let sub = s.subscript, Self.mentions(sub, indices) {
            // s_i(…) inside a sum: element i of s, times the parenthesised factor.
            return try value(s, at: offset)
        }
        switch resolver.resolve(s) {
        case .constant(let literal): return "(\(literal) as Double)"
        case .swift(let name): return name
        case .unresolved(let reason): throw FormulaError(reason, at: offset)
        }
    }

    private mutating func report(_ name: String, _ swift: String) {
        if !reported.contains(where: { $0.name == name }) { reported.append((name, swift)) }
    }

    /// `z^2` where the notebook declares `z2` (or `z_2`): probably a layer index, read as a power.
    /// A note when `z` is declared too; an error when it is not (the power could not compile).
    private mutating func checkIndexLike(_ base: FormulaExpression, _ exponent: FormulaExpression, at offset: Int) throws(FormulaError) {
        guard case .symbol(let s) = base.kind, let text = FormulaNameResolver.plainSubscript(exponent),
              case .swift(let name) = resolver.resolve(s), bindings[FormulaPrinter.print(base, .canonical)] == nil,
              scope[FormulaPrinter.print(s, .canonical)] == nil else { return }
        let tex = FormulaPrinter.print(FormulaExpression(.power(base, exponent), at: 0))
        for candidate in [name + text, name + "_" + text] where resolver.identifiers.contains(candidate) {
            let reading = "\(tex) is read as a power (\(FormulaPrinter.print(base, .readable)) to the \(text))"
            let advice = "if \(text) is an index, bind it: where \(tex) = \(candidate)"
            guard resolver.identifiers.contains(name) else {
                throw FormulaError("\(reading), but the notebook declares no \(name); \(advice)", at: offset)
            }
            notes.append("\(reading); \(advice)")
            return
        }
    }

    private mutating func emit(_ expression: String) -> String {
        counter += 1
        let name = "\(prefix)\(counter)"
        lines.append(indent + "let \(name) = \(expression)")
        return name
    }

    // MARK: Tree queries

    /// Whether `e` mentions one of the symbols `keys` (canonical TeX).
    static func mentions(_ e: FormulaExpression, _ keys: Set<String>) -> Bool {
        guard !keys.isEmpty else { return false }
        var found = false
        FormulaTree.visit(e) { node in
            if case .symbol(let s) = node.kind, keys.contains(FormulaPrinter.print(s, .canonical)) { found = true }
        }
        return found
    }

    /// The first symbol in `body` subscripted by the index `key`, without its subscript.
    static func firstIndexed(by key: String, in body: FormulaExpression) -> FormulaSymbol? {
        var vector: FormulaSymbol?
        FormulaTree.visit(body) { node in
            guard vector == nil else { return }
            let symbol: FormulaSymbol
            switch node.kind {
            case .symbol(let s), .call(let s, _, _): symbol = s
            default: return
            }
            if let sub = symbol.subscript, mentions(sub, [key]) { vector = symbol.withoutSubscript }
        }
        return vector
    }
}

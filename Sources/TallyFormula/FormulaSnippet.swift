/// The Swift code that checks one formula inside a notebook's program, and what is needed to read
/// its results back.
///
///     let formula = try CheckedFormula(#"\theta_{t+1} = \theta_t - \eta\, g_t"#)
///     let check = try FormulaCheckBlock(parsing: #"{check where \theta_{t+1} = thetaNext, \theta_t = theta, \eta = lr, g_t = grad}"#)
///     let snippet = try FormulaSnippet(id: 0, formula: formula, check: check, identifiers: ["theta", "lr", "grad", "thetaNext"])
///     snippet.source   // do { … _formulaCheck(0, point: __point, sides: [__f1, __f6], bindings: [thetaNext, theta, lr, grad]) … }
///
/// `source` is one `do { … }` statement, to be placed in the program after the cells above the
/// formula (it declares nothing outside itself). At each point it computes every side and calls
/// TallyEngine's `_formulaCheck(id, candidate:, point:, sides:, bindings:)`, which sends a
/// `formula` event; `FormulaVerdict.judge` turns the events into the outcome and its message.
/// Names are found as `FormulaTranslator` and `FormulaNameResolver` document; a `for` variable is
/// a Swift constant named by the same rules (`x`, `theta`), so a binding may use it.
public struct FormulaSnippet: Hashable, Sendable, Codable {
    /// The number `_formulaCheck` reports, chosen by the caller (unique in the program).
    public var id: Int
    /// Swift source: one `do { … }` statement, lines joined with newlines, no trailing newline.
    public var source: String
    /// Each side as shown in messages: `θ_t - η g_t`.
    public var sides: [String]
    /// The `for` variables as shown in messages, in the order of the points' coordinates.
    public var variables: [String]
    /// The points, in checking order (one empty point without `for`).
    public var points: [[Double]]
    /// The names whose values `_formulaCheck` reports, as shown in messages, in that order.
    public var bindingNames: [String]
    /// Relative tolerance of the comparison.
    public var tolerance: Double
    /// The one-edit variants evaluated too (`candidate: k` is `candidates[k]`), as suggestions:
    /// empty unless asked for.
    public var candidates: [String]
    /// Remarks about the reading of the formula (a superscript read as a power), for messages.
    public var notes: [String]

    /// Builds the snippet. `identifiers` are the names the notebook declares before the formula
    /// (to choose `η` or `eta`). With `includingCandidates`, the one-edit variants of
    /// `CheckedFormula.oneEditCandidates` are evaluated at every point too, so that a failure can
    /// suggest the fix (the caller may do this only when re-running a failed formula).
    /// Throws `FormulaError` at the offset of a name with no Swift meaning.
    ///
    /// With `sourceLocation` (the notebook's path as diagnostics show it, and the formula's line),
    /// every line of the snippet is preceded by `#sourceLocation(file:line:)` naming that line, so
    /// that a compiler error in a binding (`thetaNext` undeclared) or a trap while evaluating is
    /// reported at the formula; the snippet then ends with `#sourceLocation()`.
    public init(id: Int, formula: CheckedFormula, check: FormulaCheckBlock, identifiers: Set<String>,
                includingCandidates: Bool = false, sourceLocation: (file: String, line: Int)? = nil) throws(FormulaError) {
        let resolver = FormulaNameResolver(identifiers: identifiers)
        var variables: [String: String] = [:]
        var declarations: [String] = []
        for (k, variable) in check.variables.enumerated() {
            let name: String
            switch resolver.resolve(variable.symbol) {
            case .swift(let resolved): name = resolved
            // `for e in 0...50` makes e a variable (an epoch, say), named e in Swift too.
            case .constant: name = FormulaPrinter.print(variable.symbol, .readable)
            case .unresolved: name = "__x\(k)"
            }
            variables[FormulaPrinter.print(variable.symbol, .canonical)] = name
            declarations.append("let \(name) = __point[\(k)]")
        }
        let main = try FormulaTranslator.translate(formula.sides, bindings: check.bindings, variables: variables, resolver: resolver)
        let points = FormulaSamplePoints.points(for: check.variables)

        var lines = ["do {"]
        lines.append("    let __points: [[Double]] = [" + points.map { "[" + $0.map { "\($0)" }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]")
        lines.append("    for __point in __points {")
        let body = "        "
        lines += declarations.map { body + $0 }
        lines += main.lines.map { body + $0 }
        let used = (main.lines + main.reported.map(\.swift)).joined(separator: "\n")
        for name in variables.values.sorted() where !used.contains(name) {
            lines.append(body + "_ = \(name)")
        }
        let reportedValues = main.reported.map(\.swift).joined(separator: ", ")
        lines.append(body + "_formulaCheck(\(id), point: __point, sides: [\(main.sides.joined(separator: ", "))], bindings: [\(reportedValues)])")
        var suggestions: [String] = []
        if includingCandidates {
            let bound = Set(check.bindings.map { FormulaPrinter.print($0.expression, .canonical) })
            for candidate in formula.oneEditCandidates(keeping: bound) {
                let number = suggestions.count
                guard let output = try? FormulaTranslator.translate(candidate.formula.sides, bindings: check.bindings, variables: variables,
                                                                    resolver: resolver, prefix: "__c\(number)_") else { continue }
                lines.append(body + "do {")
                lines += output.lines.map { body + "    " + $0 }
                lines.append(body + "    _formulaCheck(\(id), candidate: \(number), point: __point, sides: [\(output.sides.joined(separator: ", "))], bindings: [])")
                lines.append(body + "}")
                suggestions.append(candidate.suggestion)
            }
        }
        lines.append("    }")
        lines.append("}")
        if let (file, line) = sourceLocation {
            let directive = "#sourceLocation(file: \(Self.literal(file)), line: \(line))"
            lines = lines.flatMap { [directive, $0] } + ["#sourceLocation()"]
        }

        self.id = id
        self.source = lines.joined(separator: "\n")
        self.sides = formula.sides.map { FormulaPrinter.print($0, .readable) }
        self.variables = check.variables.map { FormulaPrinter.print($0.symbol, .readable) }
        self.points = points
        self.bindingNames = main.reported.map(\.name)
        self.tolerance = check.tolerance
        self.candidates = suggestions
        self.notes = main.notes
    }

    /// A Swift string literal of `text`.
    private static func literal(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}

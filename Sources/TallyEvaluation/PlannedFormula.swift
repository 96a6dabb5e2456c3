import TallyDocument
import TallyFormula

/// A checked formula of a notebook, read and translated: the Swift snippet that checks it where it
/// stands in the document, or why it cannot be checked.
struct PlannedFormula {
    /// Its number among the notebook's checked formulas (the snippet's id).
    var number: Int
    var check: FormulaCheck
    /// nil when the formula, its block or a name in it cannot be read (see `problem`).
    var snippet: FormulaSnippet?
    /// Why it cannot be checked: at the formula's line, or in the check block at its column (rule `formula`).
    var problem: Diagnostic?
    /// The Swift code of the block's `where` bindings, as written.
    var bindingCode: [String] = []

    /// Leaves the formula out of the program when a binding names a value that only a main cell
    /// below it declares: Swift would compile that and read the value before it exists.
    mutating func leaveOutEarlyReferences(_ declared: [(cell: Cell, names: Set<String>)]) {
        guard let snippet else { return }
        let above = declared.filter { $0.cell.codeLocation < check.location }.reduce(into: Set<String>()) { $0.formUnion($1.names) }
        let used = bindingCode.reduce(into: Set<String>()) { $0.formUnion(TopLevelNames.referenced(in: $1)) }
        for name in used.subtracting(above).subtracting(snippet.variables).sorted() {
            guard let later = declared.first(where: { $0.cell.codeLocation > check.location && $0.names.contains(name) }) else { continue }
            self.snippet = nil
            problem = .error("'\(name)' is declared by the cell at line \(later.cell.codeLocation.line), below this formula: a checked"
                             + " formula sees only the cells above it", at: check.location, rule: .usedBeforeDeclared)
            return
        }
    }

    /// Reads `check` and translates it, with the names the main cells above it declare (`η` or `eta`).
    /// `includingCandidates`: evaluate the one-edit variants too, for a suggestion (a re-run of a failure).
    init(number: Int, check: FormulaCheck, cellsAbove: [Cell], includingCandidates: Bool) {
        self.number = number
        self.check = check
        do throws(FormulaError) {
            let block = try FormulaCheckBlock(parsing: check.checkBlock)
            bindingCode = block.bindings.map(\.swift)
            let formula = try CheckedFormula(check.tex)
            let identifiers = FormulaIdentifiers.declared(in: cellsAbove.map(\.code).joined(separator: "\n"))
            snippet = try FormulaSnippet(id: number, formula: formula, check: block, identifiers: identifiers,
                                         includingCandidates: includingCandidates,
                                         sourceLocation: (file: check.location.file, line: check.location.line))
        } catch {
            var at = check.location
            if error.inCheckBlock {
                at = check.checkLocation
                at.column += error.offset
            }
            problem = .error(error.message, at: at, rule: .formula)
        }
    }
}

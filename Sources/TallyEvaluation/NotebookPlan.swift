import Foundation
import TallyDocument

/// What evaluating a notebook involves: its cells, the checks in them, its inline expressions,
/// and how places relative to them (`Anchor`) resolve to lines of the notebook as it is now.
struct NotebookPlan {
    let notebook: Notebook
    let cells: [Cell]
    /// The checks of the cells that run (not `no-run`, not `expect-error`), numbered by position.
    let checks: [CellCheck]
    let expressions: [InlineExpression]
    /// The checked formulas (`$$…$$` then `{check}`), in reading order, each translated or with its problem.
    let formulas: [PlannedFormula]
    /// `// =>` comments that state nothing readable.
    private(set) var diagnostics: [Diagnostic]

    /// `candidatesFor`: the formulas (by number) whose one-edit variants are evaluated too, to
    /// suggest a fix (only when re-running formulas that failed: it costs compile time).
    init(_ notebook: Notebook, candidatesFor: Set<Int> = []) {
        self.notebook = notebook
        cells = notebook.cells
        expressions = notebook.inlineExpressions
        let main = cells.filter { !$0.options.noRun && !$0.options.expectError }
        let declared = main.map { (cell: $0, names: TopLevelNames.declared(by: $0)) }
        formulas = notebook.formulaChecks.enumerated().map { number, check in
            var formula = PlannedFormula(number: number, check: check, cellsAbove: main.filter { $0.codeLocation < check.location },
                                         includingCandidates: candidatesFor.contains(number))
            formula.leaveOutEarlyReferences(declared)
            return formula
        }
        var checks: [CellCheck] = []
        var diagnostics: [Diagnostic] = []
        for cell in cells where !cell.options.noRun && !cell.options.expectError {
            let found = CellCheckScanner.checks(in: cell)
            checks += found.checks
            diagnostics += found.diagnostics
        }
        self.checks = checks
        self.diagnostics = diagnostics
        for early in earlyReferences {
            self.diagnostics.append(.error(
                "'\(early.name)' is declared by the cell at line \(early.cell.codeLocation.line), below this expression: values follow"
                    + " the document, so an expression sees only the cells above it", at: expressions[early.snippet].expressionLocation,
                rule: .usedBeforeDeclared))
        }
    }

    /// Cells that run in the notebook's program.
    var mainCells: [Cell] { cells.filter { !$0.options.noRun && !$0.options.expectError } }
    /// `expect-error` cells, each compiled in a program of its own after the main cells before it.
    var expectErrorCells: [Cell] { cells.filter { $0.options.expectError && !$0.options.noRun } }
    var needsProgram: Bool {
        !mainCells.isEmpty || !expectErrorCells.isEmpty || !expressions.isEmpty || formulas.contains { $0.snippet != nil }
    }

    /// Everything the programs' text depends on, without absolute line numbers and without the
    /// stated values: a prose edit, moving a cell down, or `--fix` changes none of it.
    var cacheMaterial: [String] {
        let checkLines = Dictionary(grouping: checks) { "\($0.cellIndex):\($0.lineOffset)" }
        let cellParts = cells.map { cell -> String in
            let o = cell.options
            let lines = CellCheckScanner.codeLines(of: cell).enumerated().map { offset, line in
                checkLines["\(cell.index):\(offset)"].map { "\u{1}check \($0[0].subject) \($0[0].code)" } ?? line
            }
            return "cell \(cell.index) hide=\(o.hide) noRun=\(o.noRun) expectError=\(o.expectError)\n" + lines.joined(separator: "\n")
        }
        let early = Set(earlyReferences.map(\.snippet))
        let expressionParts = zip(expressions, snippetPlaces).enumerated().map { number, pair in
            early.contains(number) ? "expression left out" : "expression after \(pair.1) cells \(pair.0.format ?? "") \(pair.0.expression)"
        }
        let formulaParts = formulas.map { formula in
            let place = mainCells.filter { $0.codeLocation < formula.check.location }.count
            return "formula after \(place) cells \(formula.check.tex)\n\(formula.check.checkBlock)"
        }
        // The file's name, not its path: a cache restored on another machine, or after the project moved, applies.
        return [(notebook.path as NSString).lastPathComponent] + cellParts + expressionParts + formulaParts
    }

    /// The notebook location of a relative place.
    func location(of anchor: Anchor) -> SourceLocation {
        switch anchor {
        case .cell(let index, let line, let column) where cells.indices.contains(index):
            return cells[index].codeLocation.advanced(byLines: line, column: column)
        case .expression(let index, let offset) where expressions.indices.contains(index):
            var at = expressions[index].expressionLocation
            at.column += offset
            return at
        case .formula(let index) where formulas.indices.contains(index):
            return formulas[index].check.location
        default:
            return (mainCells.first ?? cells.first)?.codeLocation
                ?? expressions.first?.location ?? SourceLocation(file: notebook.path, line: 1)
        }
    }

    /// The inline expressions as snippets of the program, numbered in reading order.
    var snippets: [ProgramSource.Snippet] {
        expressions.enumerated().map { ProgramSource.Snippet(number: $0, code: $1.expression, location: $1.expressionLocation) }
    }

    /// The main program: the main cells with their checks and the snippets, in document order (a
    /// snippet runs after the cells above it and before the cells below it, as knitr and Quarto do).
    /// A snippet that names a value only a later cell declares is left out (see `earlyReferences`).
    var mainProgram: ProgramSource.Included {
        let early = Set(earlyReferences.map(\.snippet))
        let placed = snippets.filter { !early.contains($0.number) }.map { (location: $0.location, item: ProgramSource.Item.snippet($0)) }
            + formulas.compactMap { f in f.snippet.map { (location: f.check.location, item: .formula(number: f.number, source: $0.source, location: f.check.location)) } }
        return ProgramSource.Included(items: documentOrder(mainCells, placed),
                               checks: Dictionary(uniqueKeysWithValues: checks.enumerated().map { ($0, $1) }))
    }

    /// An `expect-error` cell's program: the main cells before it, then it; nothing recorded.
    func expectErrorProgram(_ cell: Cell) -> ProgramSource.Included {
        ProgramSource.Included(items: (mainCells.filter { $0.index < cell.index } + [cell]).map { .cell($0) }, checks: [:])
    }

    /// Cells and placed code (inline expressions, checked formulas) merged by where they stand in the notebook.
    private func documentOrder(_ cells: [Cell], _ placed: [(location: SourceLocation, item: ProgramSource.Item)]) -> [ProgramSource.Item] {
        var items: [ProgramSource.Item] = []
        var rest = placed.sorted { $0.location < $1.location }[...]
        for cell in cells {
            while let next = rest.first, next.location < cell.codeLocation {
                items.append(next.item)
                rest = rest.dropFirst()
            }
            items.append(.cell(cell))
        }
        return items + rest.map(\.item)
    }

    /// Snippets that name something only a cell below them declares: prose stating a value before
    /// the cell that computes it. Each with the first such name and that cell.
    var earlyReferences: [(snippet: Int, name: String, cell: Cell)] {
        let declared = mainCells.map { ($0, TopLevelNames.declared(by: $0)) }
        return snippets.compactMap { snippet in
            let above = declared.filter { $0.0.codeLocation < snippet.location }.reduce(into: Set<String>()) { $0.formUnion($1.1) }
            for name in TopLevelNames.referenced(in: snippet.code).sorted() where !above.contains(name) {
                if let later = declared.first(where: { $0.0.codeLocation > snippet.location && $0.1.contains(name) }) {
                    return (snippet.number, name, later.0)
                }
            }
            return nil
        }
    }

    /// How many main cells stand before each snippet: where it runs, which is part of the program.
    private var snippetPlaces: [Int] {
        snippets.map { snippet in mainCells.filter { $0.codeLocation < snippet.location }.count }
    }
}

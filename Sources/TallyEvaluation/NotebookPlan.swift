import TallyDocument

/// What evaluating a notebook involves: its cells, the checks in them, its inline expressions,
/// and how places relative to them (`Anchor`) resolve to lines of the notebook as it is now.
struct NotebookPlan {
    let notebook: Notebook
    let cells: [Cell]
    /// The checks of the cells that run (not `no-run`, not `expect-error`), numbered by position.
    let checks: [CellCheck]
    let expressions: [InlineExpression]
    /// `// =>` comments that state nothing readable.
    let diagnostics: [Diagnostic]

    init(_ notebook: Notebook) {
        self.notebook = notebook
        cells = notebook.cells
        expressions = notebook.inlineExpressions
        var checks: [CellCheck] = []
        var diagnostics: [Diagnostic] = []
        for cell in cells where !cell.options.noRun && !cell.options.expectError {
            let found = CellCheckScanner.checks(in: cell)
            checks += found.checks
            diagnostics += found.diagnostics
        }
        self.checks = checks
        self.diagnostics = diagnostics
    }

    /// Cells that run in the notebook's program.
    var mainCells: [Cell] { cells.filter { !$0.options.noRun && !$0.options.expectError } }
    /// `expect-error` cells, each compiled in a program of its own after the main cells before it.
    var expectErrorCells: [Cell] { cells.filter { $0.options.expectError && !$0.options.noRun } }
    var needsProgram: Bool { !mainCells.isEmpty || !expectErrorCells.isEmpty || !expressions.isEmpty }

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
        let expressionParts = expressions.map { "expression \($0.format ?? "") \($0.expression)" }
        return [notebook.path] + cellParts + expressionParts
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
        default:
            return (mainCells.first ?? cells.first)?.codeLocation
                ?? expressions.first?.location ?? SourceLocation(file: notebook.path, line: 1)
        }
    }

    /// The `ProgramSource` contents for the main program: all main cells, their checks, all expressions.
    var mainProgram: ProgramSource.Included {
        ProgramSource.Included(cells: mainCells, checks: Dictionary(uniqueKeysWithValues: checks.enumerated().map { ($0, $1) }),
                               expressions: Array(expressions.enumerated().map { (number: $0, expression: $1) }))
    }

    /// An `expect-error` cell's program: the main cells before it, then it; nothing recorded.
    func expectErrorProgram(_ cell: Cell) -> ProgramSource.Included {
        ProgramSource.Included(cells: mainCells.filter { $0.index < cell.index } + [cell], checks: [:], expressions: [])
    }
}

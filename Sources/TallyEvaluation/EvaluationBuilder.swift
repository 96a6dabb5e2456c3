import TallyDocument
import TallyResults

/// Turns a run's record into the `NotebookEvaluation` renderers read, at the notebook's current
/// lines, verifying every stated value on the way.
enum EvaluationBuilder {
    static func build(_ plan: NotebookPlan, _ record: RunRecord, compiledPrograms: Int) -> NotebookEvaluation {
        var diagnostics = plan.diagnostics
        var cellDiagnostics: [Int: [Diagnostic]] = [:]
        var formulaDiagnostics: [Int: [Diagnostic]] = [:]
        for problem in record.problems {
            let diagnostic = Diagnostic.error(problem.message, at: plan.location(of: problem.anchor), rule: problem.rule)
            if let index = problem.anchor.cellIndex { cellDiagnostics[index, default: []].append(diagnostic) }
            if case .formula(let index) = problem.anchor { formulaDiagnostics[index, default: []].append(diagnostic) }
            if !problem.expected { diagnostics.append(diagnostic) }
        }

        var checks: [CheckOutcome] = []
        for (number, check) in plan.checks.enumerated() {
            var (outcome, found) = CheckVerifier.verify(check.stated, passes: record.checkValues[number] ?? [])
            if outcome.value == nil, record.completed {
                found.append(.error("this check's line never ran", at: check.stated.location, rule: .checkNeverRan))
            }
            outcome.diagnostics = found
            checks.append(outcome)
            diagnostics += found
        }

        var expressions: [SourceLocation: ExpressionResult] = [:]
        for (number, expression) in plan.expressions.enumerated() {
            let value = record.expressionValues[number]
            var result = ExpressionResult(text: value?.inlineText(format: expression.format) ?? "", value: value)
            if let stated = expression.stated {
                var (outcome, found) = CheckVerifier.verify(stated, computed: value)
                outcome.diagnostics = found
                result.text = stated.valueText
                result.check = outcome
                checks.append(outcome)
                diagnostics += found
            }
            expressions[expression.location] = result
        }

        let formulas = FormulaOutcomes.judge(plan, record, problems: formulaDiagnostics)
        diagnostics += formulas.diagnostics

        let cells = plan.cells.map { cell in
            let r = record.cells[cell.index]
            return CellResult(index: cell.index, status: r.status, stdout: r.stdout, stderr: r.stderr,
                              displays: r.displays.map(\.display), displayOffsets: r.displayOffsets,
                              diagnostics: cellDiagnostics[cell.index] ?? [])
        }
        var evaluation = NotebookEvaluation(path: plan.notebook.path, cells: cells, expressions: expressions,
                                            checks: checks.sorted { $0.location < $1.location },
                                            diagnostics: diagnostics.sorted { ($0.location, $0.message) < ($1.location, $1.message) },
                                            compiledPrograms: compiledPrograms)
        evaluation.formulas = formulas.outcomes
        return evaluation
    }
}

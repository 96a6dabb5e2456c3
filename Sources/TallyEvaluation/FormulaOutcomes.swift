import TallyDocument
import TallyFormula
import TallyResults

/// Judges a notebook's checked formulas from a run's record (`FormulaVerdict.judge`).
enum FormulaOutcomes {
    /// One outcome per formula of `plan`, in order, and the diagnostics of formulas that do not hold
    /// or cannot be read. `problems` are the run's diagnostics placed at formulas (compile errors in
    /// a binding, traps), by formula number: such a formula fails with them.
    static func judge(_ plan: NotebookPlan, _ record: RunRecord,
                      problems: [Int: [Diagnostic]]) -> (outcomes: [FormulaOutcome], diagnostics: [Diagnostic]) {
        var outcomes: [FormulaOutcome] = []
        var diagnostics: [Diagnostic] = []
        for formula in plan.formulas {
            var outcome = FormulaOutcome(location: formula.check.location, passed: false, evaluated: false, detail: "",
                                         pointsTried: 0, cardID: formula.check.cardID,
                                         diagnostics: problems[formula.number] ?? [])
            defer { outcomes.append(outcome) }
            guard let snippet = formula.snippet else {
                if let problem = formula.problem {
                    outcome.diagnostics.append(problem)
                    outcome.detail = problem.message
                    diagnostics.append(problem)
                }
                continue
            }
            let verdict = FormulaVerdict.judge(snippet, observations: record.formulaObservations)
            let evaluated = record.formulaObservations.filter { $0.id == formula.number && $0.candidate == nil }.count
            outcome.evaluated = evaluated == snippet.points.count
            outcome.pointsTried = verdict.pointsTried
            outcome.passed = verdict.holds && outcome.diagnostics.isEmpty
            outcome.detail = verdict.holds ? verdict.detail : verdict.message ?? verdict.detail
            // A formula the program never reached is not checked: the reason (a compile error, a
            // trap above it) is reported where it happened.
            guard !verdict.holds, outcome.evaluated || (record.completed && outcome.diagnostics.isEmpty) else { continue }
            let diagnostic = Diagnostic.error(verdict.message ?? "formula does not hold", at: formula.check.location, rule: .formula)
            outcome.diagnostics.append(diagnostic)
            diagnostics.append(diagnostic)
        }
        return (outcomes, diagnostics)
    }

    /// The formulas (by number) that were evaluated and do not hold: worth a re-run with candidates.
    static func failing(_ plan: NotebookPlan, _ record: RunRecord) -> Set<Int> {
        Set(plan.formulas.compactMap { formula in
            guard let snippet = formula.snippet else { return nil }
            let verdict = FormulaVerdict.judge(snippet, observations: record.formulaObservations)
            return !verdict.holds && verdict.pointsTried > 0 && snippet.candidates.isEmpty ? formula.number : nil
        })
    }
}

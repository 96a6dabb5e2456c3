import TallyDocument

/// The last line of `tally check`: how many stated values hold, and how many could not be checked
/// and why (`0 of 16 stated values hold` alone would hide that none was computed).
public enum CheckSummary {
    public static func line(_ evaluations: [NotebookEvaluation]) -> String {
        let checks = evaluations.flatMap(\.checks)
        let failed = evaluations.filter { !$0.passed }.count
        var text = "checked \(counted(evaluations.count, "notebook")): " + holding(checks, evaluations.flatMap(\.formulas))
        var reasons: [String: Int] = [:]
        for evaluation in evaluations {
            let unchecked = evaluation.checks.filter { $0.value == nil }.count
            guard unchecked > 0 else { continue }
            reasons[reason(evaluation), default: 0] += unchecked
        }
        if !reasons.isEmpty {
            let total = reasons.values.reduce(0, +)
            let why = reasons.sorted { $0.key < $1.key }.map { "\($0.value) because \($0.key)" }.joined(separator: ", ")
            text += "; \(total) not checked (\(why))"
        }
        return text + (failed > 0 ? "; \(counted(failed, "notebook")) failed" : "")
    }

    /// `66 of 66 stated values hold`, or with checked formulas `66 of 66 stated values and 3 of 3 formulas hold`:
    /// what `tally check`, `tally build` and each page's header say.
    public static func holding(_ checks: [CheckOutcome], _ formulas: [FormulaOutcome]) -> String {
        let passed = checks.filter(\.passed).count
        guard !formulas.isEmpty else { return statedValuesHold(passed, of: checks.count) }
        return "\(passed) of \(counted(checks.count, "stated value")) and "
            + "\(formulas.filter(\.passed).count) of \(counted(formulas.count, "formula")) hold"
    }

    /// Why a notebook's values were not computed, from its diagnostics' rules.
    private static func reason(_ evaluation: NotebookEvaluation) -> String {
        let rules = Set(evaluation.diagnostics.filter { $0.severity == .error }.map(\.rule))
        if rules.contains(.compileError) { return "a program did not compile" }
        if rules.contains(.evaluationUnavailable) { return "cells could not run" }
        if rules.contains(.timeLimit) || rules.contains(.memoryLimit) || rules.contains(.outputLimit) { return "a program was stopped at a limit" }
        if rules.contains(.cellTrap) { return "a program stopped at an error before reaching them" }
        if rules.contains(.usedBeforeDeclared) { return "they use values declared further down" }
        return "their lines never ran"
    }
}

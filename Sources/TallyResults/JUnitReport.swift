import Foundation
import TallyDocument

/// `tally check --junit FILE`: a test suite per notebook, a test case per stated value and per checked
/// formula (failing with the diagnostics it reported), and one for running the notebook's code (compile errors,
/// traps, time limits: every other error). Each failure's `type` is its rule id (`stated-value`).
public enum JUnitReport {
    public static func xml(_ evaluations: [NotebookEvaluation]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tally check\">\n"
        for evaluation in evaluations {
            let ofChecks = Set(evaluation.checks.flatMap(\.diagnostics) + evaluation.formulas.flatMap(\.diagnostics))
            let other = evaluation.diagnostics.filter { $0.severity == .error && !ofChecks.contains($0) }
            var cases: [(name: String, failures: [Diagnostic], computed: Bool)] = [("runs", other, true)]
            for check in evaluation.checks {
                cases.append(("\(check.location) => \(check.stated.text)", check.diagnostics.filter { $0.severity == .error },
                              check.value != nil))
            }
            for formula in evaluation.formulas {
                cases.append(("\(formula.location) formula", formula.diagnostics.filter { $0.severity == .error }, formula.evaluated))
            }
            let failed = cases.filter { !$0.failures.isEmpty }.count
            let skipped = cases.filter { $0.failures.isEmpty && !$0.computed }.count
            out += "  <testsuite name=\"\(evaluation.path.xmlEscaped)\" tests=\"\(cases.count)\" failures=\"\(failed)\""
                + (skipped > 0 ? " skipped=\"\(skipped)\"" : "") + ">\n"
            for testCase in cases {
                out += "    <testcase classname=\"\(evaluation.path.xmlEscaped)\" name=\"\(testCase.name.xmlEscaped)\""
                if testCase.failures.isEmpty {
                    // A value never computed (the program failed first) is not a check that held.
                    out += testCase.computed ? "/>\n" : ">\n      <skipped message=\"not computed: the program stopped before it\"/>\n    </testcase>\n"
                    continue
                }
                out += ">\n"
                for failure in testCase.failures {
                    out += "      <failure type=\"\(failure.rule.rawValue.xmlEscaped)\" message=\"\(failure.message.xmlEscaped)\">"
                        + "\(failure.description.xmlEscaped)</failure>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }
}

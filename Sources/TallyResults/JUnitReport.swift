import Foundation
import TallyDocument

/// `tally check --junit FILE`: a test suite per notebook, a test case per stated value (failing with
/// the diagnostics that check reported), and one for running the notebook's code (compile errors,
/// traps, time limits: every other error). Each failure's `type` is its rule id (`stated-value`).
public enum JUnitReport {
    public static func xml(_ evaluations: [NotebookEvaluation]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tally check\">\n"
        for evaluation in evaluations {
            let ofChecks = Set(evaluation.checks.flatMap(\.diagnostics))
            let other = evaluation.diagnostics.filter { $0.severity == .error && !ofChecks.contains($0) }
            var cases: [(name: String, failures: [Diagnostic], computed: Bool)] = [("runs", other, true)]
            for check in evaluation.checks {
                cases.append(("\(check.location) => \(check.stated.text)", check.diagnostics.filter { $0.severity == .error },
                              check.value != nil))
            }
            let failed = cases.filter { !$0.failures.isEmpty }.count
            let skipped = cases.filter { $0.failures.isEmpty && !$0.computed }.count
            out += "  <testsuite name=\"\(escape(evaluation.path))\" tests=\"\(cases.count)\" failures=\"\(failed)\""
                + (skipped > 0 ? " skipped=\"\(skipped)\"" : "") + ">\n"
            for testCase in cases {
                out += "    <testcase classname=\"\(escape(evaluation.path))\" name=\"\(escape(testCase.name))\""
                if testCase.failures.isEmpty {
                    // A value never computed (the program failed first) is not a check that held.
                    out += testCase.computed ? "/>\n" : ">\n      <skipped message=\"not computed: the program stopped before it\"/>\n    </testcase>\n"
                    continue
                }
                out += ">\n"
                for failure in testCase.failures {
                    out += "      <failure type=\"\(escape(failure.rule.rawValue))\" message=\"\(escape(failure.message))\">"
                        + "\(escape(failure.description))</failure>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

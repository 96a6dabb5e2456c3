import Foundation
import TallyDocument

/// `tally check --junit FILE`: a test suite per notebook, a test case per stated value, and one
/// for running the notebook's code (compile errors, traps, time limits).
public enum JUnitReport {
    public static func xml(_ evaluations: [NotebookEvaluation]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tally check\">\n"
        for evaluation in evaluations {
            let checkLocations = Set(evaluation.checks.flatMap { [$0.location] + $0.stated.numbers.map(\.location) })
            let other = evaluation.diagnostics.filter { $0.severity == .error && !checkLocations.contains($0.location) }
            var cases: [(name: String, failures: [Diagnostic])] = [("runs", other)]
            for check in evaluation.checks {
                let places = Set([check.location] + check.stated.numbers.map(\.location))
                let failures = evaluation.diagnostics.filter { places.contains($0.location) }
                cases.append(("\(check.location) => \(check.stated.text)", failures))
            }
            let failed = cases.filter { !$0.failures.isEmpty }.count
            out += "  <testsuite name=\"\(escape(evaluation.path))\" tests=\"\(cases.count)\" failures=\"\(failed)\">\n"
            for testCase in cases {
                out += "    <testcase classname=\"\(escape(evaluation.path))\" name=\"\(escape(testCase.name))\""
                if testCase.failures.isEmpty {
                    out += "/>\n"
                    continue
                }
                out += ">\n"
                for failure in testCase.failures {
                    out += "      <failure message=\"\(escape(failure.message))\">\(escape(failure.description))</failure>\n"
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

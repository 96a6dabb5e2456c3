import Foundation
import TallyTestSupport

/// Runs `reference/<name>` (e.g. "optimizers.py") and returns its standard output.
func runReferenceScript(_ name: String, arguments: [String] = []) throws -> Data {
    try PythonScript.run(packageRoot.appendingPathComponent("reference").appendingPathComponent(name), arguments)
}

import Foundation

/// Errors from running a script in reference/.
struct ReferenceScriptError: Error, CustomStringConvertible {
    let description: String
}

/// The package root: this file is <root>/Tests/TallyEngineTests/ReferenceScript.swift.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Runs `reference/<name>` (e.g. "optimizers.py") with Python and returns its standard output.
/// Python is $TALLY_PYTHON if set, else <package root>/.venv/bin/python3 if present, else
/// python3 on PATH.
func runReferenceScript(_ name: String, arguments: [String] = []) throws -> Data {
    let process = Process()
    let script = packageRoot.appendingPathComponent("reference").appendingPathComponent(name).path
    let venvPython = packageRoot.appendingPathComponent(".venv/bin/python3").path
    if let python = ProcessInfo.processInfo.environment["TALLY_PYTHON"], !python.isEmpty {
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script] + arguments
    } else if FileManager.default.isExecutableFile(atPath: venvPython) {
        process.executableURL = URL(fileURLWithPath: venvPython)
        process.arguments = [script] + arguments
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
    }
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Read before waiting, so a large output cannot fill the pipe and block the script.
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ReferenceScriptError(description: "reference/\(name) exited with \(process.terminationStatus): \(errorText)")
    }
    return data
}

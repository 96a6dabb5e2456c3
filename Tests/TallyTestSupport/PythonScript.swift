import Foundation

/// Runs the Python scripts tests compare against (numpy references, the Anki harness, the browser
/// driver) with the interpreter `make test` sets up: `TALLY_PYTHON`, else `.venv/bin/python3`, else
/// `python3` on PATH. A script that fails throws, with what it wrote on stderr.
public enum PythonScript {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `script` with `arguments` and returns its standard output.
    public static func run(_ script: URL, _ arguments: [String] = []) throws -> Data {
        let process = Process()
        let venv = packageRoot.appendingPathComponent(".venv/bin/python3").path
        if let python = ProcessInfo.processInfo.environment["TALLY_PYTHON"], !python.isEmpty {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [script.path] + arguments
        } else if FileManager.default.isExecutableFile(atPath: venv) {
            process.executableURL = URL(fileURLWithPath: venv)
            process.arguments = [script.path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path] + arguments
        }
        // Both streams go to files, so that neither pipe can fill up and block the script.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let errors = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            throw Failure(description: "\(script.lastPathComponent) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus):\n\(errors)")
        }
        return try Data(contentsOf: out)
    }
}

import ArgumentParser
import Foundation
import TallyDocument

/// Where diagnostics are printed: stderr, `file:line:col: severity: message`, sorted by place.
enum Report {
    static func print(_ diagnostics: [Diagnostic]) {
        let unique = Array(Set(diagnostics)).sorted { ($0.location, $0.message) < ($1.location, $1.message) }
        for d in unique { write("\(d)\n") }
    }

    static func error(_ message: String) { write("tally: error: \(message)\n") }

    static func note(_ message: String) { write("\(message)\n") }

    /// Exit code for a run: 1 when any diagnostic is an error.
    static func exitCode(for diagnostics: [Diagnostic]) -> ExitCode {
        diagnostics.hasErrors ? ExitCode(1) : .success
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

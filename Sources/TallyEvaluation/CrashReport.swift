import Foundation

/// What a trapped program wrote to stderr, read back: the runtime's message and, from the backtrace
/// the Swift runtime prints (`SWIFT_BACKTRACE=enable=yes`, program built with line tables), the innermost
/// frame in the notebook, e.g. `… in main at notebooks/x.md:14:7`.
struct CrashReport {
    /// `Fatal error: Index out of range`, or `program crashed: Illegal instruction`.
    var message: String?
    /// (line, column) of the innermost notebook frame with a line.
    var place: (line: Int, column: Int)?

    init(stderr: String, file: String) {
        // Debug info may hold a relative path made absolute against the compiler's directory.
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        var continuing = false
        for line in stderr.split(separator: "\n", omittingEmptySubsequences: false) {
            // A message of several lines (`fatalError("a\nb")`) goes on until the backtrace or a blank line.
            if continuing, !line.isEmpty, !line.hasPrefix("***"), !line.hasPrefix("💣"), !line.hasPrefix("Current stack trace"),
               !line.hasPrefix("swift-runtime:") {
                message! += "\n" + line
                continue
            }
            continuing = false
            if message == nil, let r = line.range(of: "Fatal error: ") {
                message = "Fatal error: " + line[r.upperBound...]
                continuing = true
            } else if message == nil, let r = line.range(of: "*** Program crashed: ") {
                let reason = line[r.upperBound...].components(separatedBy: " at 0x")[0]
                message = "program crashed: " + reason.replacingOccurrences(of: " ***", with: "")
            } else if place == nil, let r = line.range(of: " at \(file):") ?? line.range(of: " at \(absolute):") {
                let numbers = line[r.upperBound...].split(separator: ":").compactMap { Int($0.prefix { $0.isNumber }) }
                if numbers.count >= 2, numbers[0] > 0 { place = (numbers[0], numbers[1]) }
            }
        }
    }

    /// `stderr` without the backtrace (what a reader of the page wants to see).
    static func withoutBacktrace(_ stderr: String) -> String {
        for marker in ["*** Signal ", "*** Program crashed"] {
            if let r = stderr.range(of: marker) {
                let start = stderr[..<r.lowerBound].lastIndex(of: "\n").map { stderr.index(after: $0) } ?? stderr.startIndex
                return String(stderr[..<start]).trimmingCharacters(in: .newlines) + "\n"
            }
        }
        return stderr
    }
}

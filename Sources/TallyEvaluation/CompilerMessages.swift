import Foundation

/// The `file:line:col: error: message` lines of `swiftc -diagnostic-style=llvm`.
struct CompilerMessage: Hashable {
    var file: String
    var line: Int
    var column: Int
    var severity: String
    var text: String

    static func parse(_ output: String) -> [CompilerMessage] {
        let pattern = try! NSRegularExpression(pattern: #"^(.+?):(\d+):(\d+): (error|warning|note): (.*)$"#, options: .anchorsMatchLines)
        return pattern.matches(in: output, range: NSRange(output.startIndex..., in: output)).map { match in
            func group(_ i: Int) -> String { String(output[Range(match.range(at: i), in: output)!]) }
            return CompilerMessage(file: group(1), line: Int(group(2)) ?? 1, column: Int(group(3)) ?? 1,
                                   severity: group(4), text: group(5))
        }
    }

    /// Errors without a place, such as a failed link (`error: link command failed …`).
    static func unplacedErrors(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.hasPrefix("error: ") }.map { String($0.dropFirst(7)) }
    }
}

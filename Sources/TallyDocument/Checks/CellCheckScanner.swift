import Foundation

/// Finds the `// => value` checks in a cell's code lines.
public enum CellCheckScanner {
    /// The checks of `cell`, and diagnostics for `// =>` comments that state no readable value.
    public static func checks(in cell: Cell) -> (checks: [CellCheck], diagnostics: [Diagnostic]) {
        var checks: [CellCheck] = []
        var diagnostics: [Diagnostic] = []
        var insideMultilineString = false
        // Open brackets before each line: a line that starts inside brackets continues an earlier statement.
        var depth = 0
        var statementStart = ""
        for (offset, line) in codeLines(of: cell).enumerated() {
            let wasInside = insideMultilineString
            if line.components(separatedBy: "\"\"\"").count % 2 == 0 { insideMultilineString.toggle() }
            let continues = depth > 0
            if !continues { statementStart = line }
            if !wasInside { depth = max(0, depth + bracketBalance(of: line)) }
            guard !wasInside, !insideMultilineString, let comment = commentStart(in: line) else { continue }
            let afterSlashes = line.utf8.index(comment, offsetBy: 2)
            let commentText = line[afterSlashes...]
            let arrowText = commentText.drop { $0 == " " || $0 == "\t" }
            guard arrowText.hasPrefix("=>") else { continue }
            let statedStart = line.utf8.index(arrowText.startIndex, offsetBy: 2)
            let lineNumber = cell.codeLocation.line + offset
            let column = cell.codeLocation.column + line.utf8.distance(from: line.startIndex, to: statedStart)
            let at = SourceLocation(file: cell.codeLocation.file, line: lineNumber, column: column)
            let code = String(line[..<comment]).replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
            guard !code.trimmingWhitespace().isEmpty else {
                diagnostics.append(.error("a check needs an expression or a 'let' on its line", at: at, rule: .checkSyntax))
                continue
            }
            // A check on the last line of a statement that spans lines reads the binding its first line makes.
            let checkSubject = subject(of: continues ? statementStart : code)
            if continues, case .expression = checkSubject {
                diagnostics.append(.error("a check on a statement that spans several lines needs a 'let' on its first line", at: at, rule: .checkSyntax))
                continue
            }
            if depth > 0 {
                diagnostics.append(.error("a check must be on the last line of its statement", at: at, rule: .checkSyntax))
                continue
            }
            switch StatedValue.parse(String(line[statedStart...]), at: at) {
            case .success(let stated):
                checks.append(CellCheck(cellIndex: cell.index, lineOffset: offset, subject: checkSubject,
                                        code: code, stated: stated))
            case .failure(let error):
                diagnostics.append(.error(error.message, at: error.location, rule: .checkSyntax))
            }
        }
        return (checks, diagnostics)
    }

    /// The cell's code split into lines (without the final newline's empty line).
    public static func codeLines(of cell: Cell) -> [String] {
        var lines = cell.code.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// `let name = …` / `var name: T = …` binds `name`; anything else is an expression.
    /// Any Swift identifier (`σ`, `θ₀`, `` `default` ``), as the Swift grammar's identifier-head and
    /// identifier-character classes allow.
    static func subject(of code: String) -> CellCheck.Subject {
        let pattern = #"^\s*(?:let|var)\s+(`[^`]+`|"# + identifierPattern + #")\s*(?::[^=]+)?=(?!=)"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)),
              let name = Range(match.range(at: 1), in: code) else { return .expression }
        return .binding(String(code[name]))
    }

    /// A Swift identifier without backquotes: a letter (any script), `_`, or a symbol Swift allows,
    /// then those or digits and combining marks.
    public static let identifierPattern = #"[\p{L}\p{Nl}_\p{So}][\p{L}\p{Nl}\p{N}\p{M}_\p{So}]*"#

    /// Open minus closed parentheses and square brackets on a line, outside string literals and comments
    /// (braces open blocks, whose lines are statements of their own).
    static func bracketBalance(of line: String) -> Int {
        var balance = 0
        for token in SwiftLexer.tokens(in: line) {
            if token.kind == .lineComment { break }
            guard token.kind == .other else { continue }
            switch token.text {
            case "(", "[": balance += 1
            case ")", "]": balance -= 1
            default: break
            }
        }
        return balance
    }

    /// Where a `//` comment starts, outside string literals (and block comments).
    static func commentStart(in line: String) -> String.Index? {
        guard let comment = SwiftLexer.tokens(in: line).first(where: { $0.kind == .lineComment }) else { return nil }
        return line.index(line.startIndex, offsetBy: comment.offset)
    }
}

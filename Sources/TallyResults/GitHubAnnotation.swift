import TallyDocument

/// A diagnostic as a GitHub Actions workflow command (`::error file=…,line=…,col=…,title=…::message`),
/// which GitHub shows as an annotation on the line. Escaped as GitHub's runner does
/// (actions/toolkit `command.ts`): in the message, `%` `\r` `\n` become `%25` `%0D` `%0A` (so a
/// multi-line message keeps its lines); in property values also `:` and `,` become `%3A` and `%2C`
/// (a file named `results, part: 1 (100%).md` stays one property).
public enum GitHubAnnotation {
    /// One line, without its newline; nil for notes (not annotations).
    public static func command(_ diagnostic: Diagnostic) -> String? {
        guard diagnostic.severity != .note else { return nil }
        let l = diagnostic.location
        let properties = [("file", l.file), ("line", String(l.line)), ("col", String(l.column)), ("title", diagnostic.rule.rawValue)]
            .map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(diagnostic.severity.rawValue) \(properties)::\(escapeData(diagnostic.message))"
    }

    public static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

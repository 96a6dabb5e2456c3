/// A problem found in the user's input, reported as `file:line:col: severity: message [rule-id]`.
/// Diagnostics are values: every stage collects them and the CLI prints them in one place.
public struct Diagnostic: Error, Hashable, CustomStringConvertible, Sendable, Codable {
    public enum Severity: String, Sendable, Codable {
        case note, warning, error
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    /// Which rule this is (see `RuleID`): stable across releases, unlike the message's wording.
    public var rule: RuleID

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, rule: RuleID) {
        self.location = location
        self.severity = severity
        self.message = message
        self.rule = rule
    }

    public static func error(_ message: String, at location: SourceLocation, rule: RuleID) -> Diagnostic {
        Diagnostic(.error, at: location, message, rule: rule)
    }

    public static func warning(_ message: String, at location: SourceLocation, rule: RuleID) -> Diagnostic {
        Diagnostic(.warning, at: location, message, rule: rule)
    }

    public var description: String { "\(location): \(severity.rawValue): \(message) [\(rule)]" }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

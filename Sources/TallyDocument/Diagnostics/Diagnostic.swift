/// A problem found in the user's input, reported as `file:line:col: severity: message`.
/// Diagnostics are values: every stage collects them and the CLI prints them in one place.
public struct Diagnostic: Error, Hashable, CustomStringConvertible, Sendable, Codable {
    public enum Severity: String, Sendable, Codable {
        case note, warning, error
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

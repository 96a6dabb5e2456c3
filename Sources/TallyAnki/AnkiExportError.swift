/// Failures of the export itself (the notebooks' own problems are `Diagnostic`s).
public enum AnkiExportError: Error, CustomStringConvertible, Equatable {
    case sqlite(String)
    case duplicateGUID(String)
    case unreadableLock(path: String, reason: String)

    public var description: String {
        switch self {
        case .sqlite(let message): return "cannot write the Anki collection: \(message)"
        case .duplicateGUID(let guid): return "two notes share the GUID \(guid)"
        case .unreadableLock(let path, let reason): return "cannot read \(path): \(reason)"
        }
    }
}

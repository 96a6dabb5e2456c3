import Foundation
import TallyDocument

/// One input file, read once: its text with line endings normalised, split into lines.
public struct ImportSource: Sendable {
    /// The path as the user gave it: it names the file in warnings.
    public var path: String
    /// The file's name without folders: derived card ids and the `imported-from` mark use it,
    /// so that importing the same file from another folder gives the same notebook.
    public var name: String
    public var text: String
    /// `lines[0]` is line 1.
    public var lines: [String]

    public init(path: String, text: String) {
        var t = text
        if t.hasPrefix("\u{FEFF}") { t.removeFirst() }
        t = t.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        self.path = path
        self.name = URL(fileURLWithPath: path).lastPathComponent
        self.text = t
        self.lines = t.components(separatedBy: "\n")
    }

    /// The file name without its extension: the notebook's name and, when the notes have none, its title.
    public var stem: String { URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent }

    /// Non-blank lines with their 1-based line numbers, trailing white space removed.
    var contentLines: [(line: Int, text: String)] {
        lines.enumerated().compactMap { index, text in
            let trimmed = text.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            return trimmed.trimmingWhitespace().isEmpty ? nil : (index + 1, trimmed)
        }
    }

    func location(line: Int) -> SourceLocation { SourceLocation(file: path, line: line) }
}

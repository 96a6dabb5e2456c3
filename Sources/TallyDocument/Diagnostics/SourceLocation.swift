/// A place in a source file: 1-based line and column (columns count UTF-8 bytes, as compilers do).
///
/// Every node of a parsed notebook carries one, and walking the model copies them: the file's path is
/// kept once per process (`InternedPath`) and referred to without reference counting, so a copy costs
/// no retain or release (copying a path string retained it: a fifth of a build's Swift time went to
/// retains and releases).
public struct SourceLocation: Hashable, Comparable, CustomStringConvertible, Sendable, Codable {
    /// The file's path, as the parser was given it.
    public var file: String {
        get { path.takeUnretainedValue().text }
        set { path = InternedPath.of(newValue) }
    }
    public var line: Int
    public var column: Int
    private var path: Unmanaged<InternedPath>

    public init(file: String, line: Int, column: Int = 1) {
        self.path = InternedPath.of(file)
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    /// The same file at `line` and `column` (the path is not looked up again).
    public func moved(toLine line: Int, column: Int = 1) -> SourceLocation {
        var moved = self
        moved.line = line
        moved.column = column
        return moved
    }

    /// The same file, `lines` further down, at `column`.
    public func advanced(byLines lines: Int, column: Int = 1) -> SourceLocation {
        moved(toLine: line + lines, column: column)
    }

    // Equal paths are one interned object, so paths compare by identity.
    public static func == (a: SourceLocation, b: SourceLocation) -> Bool {
        a.path.toOpaque() == b.path.toOpaque() && a.line == b.line && a.column == b.column
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path.toOpaque())
        hasher.combine(line)
        hasher.combine(column)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.path.toOpaque() == b.path.toOpaque() { return (a.line, a.column) < (b.line, b.column) }
        return a.file < b.file
    }

    private enum CodingKeys: String, CodingKey { case file, line, column }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file),
                  line: try container.decode(Int.self, forKey: .line),
                  column: try container.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }
}

/// A file path kept for the life of the process, one object per distinct path: `SourceLocation` refers to
/// it unretained. A process sees as many paths as it reads files (and `tally serve` the same ones again),
/// so none is ever freed.
final class InternedPath: Sendable {
    let text: String

    private init(_ text: String) { self.text = text }

    private static let table = Locked<[String: Unmanaged<InternedPath>]>([:])

    /// The one object for `text`, made on first use.
    static func of(_ text: String) -> Unmanaged<InternedPath> {
        table.withLock { table in
            if let kept = table[text] { return kept }
            let made = Unmanaged.passRetained(InternedPath(text))
            table[text] = made
            return made
        }
    }
}

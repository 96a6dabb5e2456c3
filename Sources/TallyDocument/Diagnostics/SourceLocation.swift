/// A place in a source file: 1-based line and column (columns count UTF-8 bytes, as compilers do).
public struct SourceLocation: Hashable, Comparable, CustomStringConvertible, Sendable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    /// The same file, `lines` further down, at `column`.
    public func advanced(byLines lines: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line + lines, column: column)
    }
}

/// How a pair of delimiters was written: the size (nil for plain, `left` for `\left … \right`,
/// `big` for `\bigl … \bigr` or `\big … \big`, likewise `Big`, `bigg`, `Bigg`) and the opening and closing delimiters
/// (`(` `)`, `[` `]`, `|` `|`, `\lVert` `\rVert`).
public struct FormulaDelimiter: Hashable, Sendable {
    public var size: String?
    public var open: String
    public var close: String

    /// `size` as described above; `open` and `close` as written (`(`, `\\lVert`).
    public init(size: String? = nil, open: String, close: String) {
        self.size = size
        self.open = open
        self.close = close
    }

    /// Plain `(` `)`.
    public static let parentheses = FormulaDelimiter(open: "(", close: ")")

    /// The TeX before and after the enclosed expression: `\bigl(` and `\bigr)`.
    var tex: (open: String, close: String) {
        guard let size else { return (open, close) }
        if size == "left" { return ("\\left" + open, "\\right" + close) }
        return ("\\" + size + "l" + open, "\\" + size + "r" + close)
    }
}

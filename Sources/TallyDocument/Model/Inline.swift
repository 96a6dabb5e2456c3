/// Inline content of a paragraph, heading or table cell.
public struct Inline: Hashable, Sendable {
    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    public indirect enum Kind: Hashable, Sendable {
        case text(String)
        case code(String)
        case softBreak
        case lineBreak
        case emphasis([Inline])
        case strong([Inline])
        case strikethrough([Inline])
        case link(destination: String, title: String, [Inline])
        case image(source: String, title: String, alt: [Inline])
        /// Raw inline HTML: rendered only when the notebook opts in.
        case html(String)
        case math(Math)
        case expression(InlineExpression)
    }

    /// The text a reader sees, without markup (used for ids, titles and search); math as its TeX.
    public var plainText: String { plainText { m, _ in m.tex } }

    /// The text a reader sees, with each formula (and where it starts) as `math` gives it (e.g. the text
    /// of its typeset form, "σ(x)" for `\sigma(x)`, for a page's `<title>`).
    public func plainText(math: (Math, SourceLocation) -> String) -> String {
        switch kind {
        case .text(let s), .code(let s): return s
        case .softBreak, .lineBreak: return " "
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c):
            return c.plainText(math: math)
        case .html: return ""
        case .math(let m): return math(m, location)
        case .expression(let e): return e.expression
        }
    }
}

extension Array where Element == Inline {
    public var plainText: String { plainText { m, _ in m.tex } }

    /// As `Inline.plainText(math:)`, joined.
    public func plainText(math: (Math, SourceLocation) -> String) -> String { map { $0.plainText(math: math) }.joined() }
}

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
        /// A cloze deletion `{{c1::…}}` written in prose (see `Cloze`).
        case cloze(Cloze)
    }

    /// The text a reader sees, without markup (used for ids, titles and search).
    public var plainText: String {
        switch kind {
        case .text(let s), .code(let s): return s
        case .softBreak, .lineBreak: return " "
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c):
            return c.plainText
        case .html: return ""
        case .math(let m): return m.texWithoutClozes
        case .expression(let e): return e.expression
        case .cloze(let c): return c.content.plainText
        }
    }
}

extension Array where Element == Inline {
    public var plainText: String { map(\.plainText).joined() }
}

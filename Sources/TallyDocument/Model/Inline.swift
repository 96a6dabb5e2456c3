/// Inline content of a paragraph, heading or table cell.
public struct Inline: Hashable, Sendable {
    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// Only the large payloads are boxed (`indirect`): a box per node was one allocation per text run, and
    /// the others are at most two strings and an array, which hold their contents out of line anyway.
    public enum Kind: Hashable, Sendable {
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
        indirect case expression(InlineExpression)
        /// `[^label]`: a reference to the footnote numbered `number` (cmark-gfm numbers footnotes by first reference).
        case footnoteReference(number: Int)
        /// An Obsidian wikilink or embed (`[[Note#Heading|text]]`, `![[image.png]]`).
        indirect case wikiLink(WikiLink)
        /// A cloze deletion `{{c1::…}}` written in prose (see `Cloze`).
        case cloze(Cloze)
    }
}

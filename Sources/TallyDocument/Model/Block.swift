/// A block of a notebook or of a card's front or back. Every block knows where it starts in the source.
public struct Block: Hashable, Sendable {
    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// Only cells and cards are boxed (`indirect`): a box per block was one more allocation for each, and
    /// the other payloads are a few strings or arrays, which hold their contents out of line anyway.
    public enum Kind: Hashable, Sendable {
        case paragraph([Inline])
        case heading(level: Int, [Inline])
        case blockQuote([Block])
        case list(List)
        /// A fenced or indented code block that is not a Swift cell: shown, never run.
        case code(language: String, code: String)
        indirect case cell(Cell)
        indirect case card(Card)
        case table(Table)
        /// Raw HTML: rendered only when the notebook opts in with `unsafe-html: true`.
        case html(String)
        case thematicBreak
        /// A GitHub alert (`> [!NOTE]`) or an Obsidian callout (`> [!tip]- Title`): a quote with a kind and a title.
        case callout(Callout)
        /// A footnote's text (`[^label]: …`, cmark-gfm's footnote option), gathered at the end of its document
        /// in the order of first reference and numbered from 1 in that order; footnotes never referenced are dropped.
        case footnoteDefinition(number: Int, [Block])
    }
}

public struct List: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        /// `nil` for an ordinary item, `true`/`false` for a task-list item.
        public var checked: Bool?
        public var blocks: [Block]
    }

    public var ordered: Bool
    public var start: Int
    public var tight: Bool
    public var items: [Item]
}

public struct Table: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable { case none, left, center, right }

    public var alignments: [Alignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
}

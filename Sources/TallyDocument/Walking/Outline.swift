/// The headings of a document in reading order, each with its level, its plain-text title and its
/// anchor (the `id` its `<h1>`…`<h6>` gets), computed once and read by the renderer, the table of
/// contents, the sidebar and the search index alike. Headings inside quotes and lists count; headings
/// on cards do not (a card is rendered on its own and has its own outline, `Card.outline`).
public struct Outline: Hashable, Sendable {
    public struct Heading: Hashable, Sendable {
        /// 1 for `#` … 6 for `######`.
        public var level: Int
        /// The heading's text a reader sees (math as its TeX source): for `<title>`, search and ids.
        public var title: String
        /// The heading's inlines, for a renderer that shows its math typeset (table of contents, sidebar).
        public var inlines: [Inline]
        /// The heading's `id`, unique within the outline (see `SlugMaker`).
        public var anchor: String
        /// Where the heading starts: it identifies the heading's block.
        public var location: SourceLocation
    }

    public private(set) var headings: [Heading] = []

    private var anchors: [SourceLocation: String] = [:]

    /// The outline of `blocks`, made in one walk over them.
    public init(_ blocks: [Block]) {
        var walker = Walker()
        walker.visit(blocks)
        headings = walker.headings
        for heading in headings { anchors[heading.location] = heading.anchor }
    }

    /// The anchor of the heading block that starts at `location`, or nil when the outline has no heading there.
    public func anchor(at location: SourceLocation) -> String? { anchors[location] }

    private struct Walker: DocumentWalker {
        var headings: [Heading] = []
        var slugs = SlugMaker()
        mutating func visitFootnoteDefinition(_ block: Block, number: Int, blocks: [Block]) {}

        mutating func visitHeading(_ block: Block, level: Int, inlines: [Inline]) {
            let title = inlines.plainText
            headings.append(Heading(level: level, title: title, inlines: inlines, anchor: slugs.slug(for: title), location: block.location))
        }

        mutating func visitCard(_ block: Block, card: Card) {}
        mutating func visitParagraph(_ block: Block, inlines: [Inline]) {}
        mutating func visitTable(_ block: Block, table: Table) {}
    }
}

extension Notebook {
    /// The notebook page's outline (its headings outside cards).
    public var outline: Outline { Outline(blocks) }
}

extension Card {
    /// The outline of the card's front and back together: their headings' anchors are unique within the card.
    public var outline: Outline { Outline(front + back) }
}

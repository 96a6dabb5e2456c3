/// What the rest of a build needs of a notebook besides its own page: its title, headings, cards'
/// ids, links and counts, and what parsing it reported. Made from a parsed notebook
/// (`init(_:diagnostics:)`) and kept between runs (`NotebookSummaries`), so that a build reads an
/// unchanged notebook's summary instead of parsing it; its blocks are parsed only if something asks
/// for them (its page or cards being rendered again, the deck). Everything here comes from the
/// notebook's own path and bytes: what depends on other notebooks (duplicate ids, broken links) is
/// judged from the summaries each build.
public struct NotebookSummary: Hashable, Sendable {
    /// A heading of the page (outside cards), as `Outline.Heading` without its inlines.
    public struct Heading: Hashable, Sendable {
        public var level: Int
        public var title: String
        public var anchor: String
    }

    /// A card as the checks across notebooks see it: every card the document walk meets, in order.
    public struct CardEntry: Hashable, Sendable {
        public var id: String
        public var identity: Card.Identity
        public var location: SourceLocation
        /// A block of the notebook itself (`Notebook.cards`), not one nested in another block.
        public var isTopLevel: Bool
    }

    /// A link the notebook makes, for the broken-link check: a Markdown link's destination or a wikilink.
    public enum Link: Hashable, Sendable {
        case destination(String, SourceLocation)
        case wikiLink(WikiLink, SourceLocation)

        public var location: SourceLocation {
            switch self { case .destination(_, let l), .wikiLink(_, let l): return l }
        }
    }

    public var format: Notebook.Format
    public var frontMatter: FrontMatter
    /// `Notebook.title`.
    public var title: String
    public var headings: [Heading]
    public var cards: [CardEntry]
    public var cellCount: Int
    public var links: [Link]
    /// The notebook has no blocks at all.
    public var isEmpty: Bool
    /// `blocks.hasClozeInMath`: a formula holds a cloze deletion (pages then leave math to the browser).
    public var hasClozeInMath: Bool
    /// The notebook holds something the evaluator looks at: a cell, an inline expression or a checked
    /// formula. One that holds none is evaluated as having nothing to run, without being planned.
    public var hasEvaluation: Bool
    /// What parsing the file reported (its syntax errors and single-notebook checks).
    public var diagnostics: [Diagnostic]

    /// The summary of `notebook` as parsed, with what its parse reported.
    public init(_ notebook: Notebook, diagnostics: [Diagnostic]) {
        format = notebook.format
        frontMatter = notebook.frontMatter
        title = notebook.title
        headings = Outline(notebook.blocks).headings.map { Heading(level: $0.level, title: $0.title, anchor: $0.anchor) }
        var walker = Walker()
        walker.visit(notebook.blocks)
        let topLevel = Set(notebook.blocks.compactMap { block -> SourceLocation? in
            if case .card(let card) = block.kind { return card.location } else { return nil }
        })
        cards = walker.cards.map { CardEntry(id: $0.id, identity: $0.identity, location: $0.location, isTopLevel: topLevel.contains($0.location)) }
        cellCount = notebook.cells.count
        links = walker.links
        isEmpty = notebook.blocks.isEmpty
        hasClozeInMath = walker.clozeInMath
        hasEvaluation = cellCount > 0 || walker.hasExpression || !notebook.formulaChecks.isEmpty
        self.diagnostics = diagnostics
    }

    /// How many cards the notebook's page has (`Notebook.cards.count`: those not nested in other blocks).
    public var cardCount: Int { cards.filter(\.isTopLevel).count }

    /// The anchors a link into this notebook may name: its headings', `card-<id>` and `cell-<n>`.
    public var anchors: Set<String> {
        var set = Set(headings.map(\.anchor))
        set.formUnion(cards.filter(\.isTopLevel).map { "card-\($0.id)" })
        set.formUnion((0..<cellCount).map { "cell-\($0 + 1)" })
        return set
    }

    /// The heading whose title is `title`, ignoring case (how an Obsidian `[[Note#Heading]]` names it).
    public func heading(titled title: String) -> Heading? {
        headings.first { $0.title.lowercased() == title.lowercased() }
    }

    /// The summary made of its parts (`init?(encoded:)` reads them back).
    init(format: Notebook.Format, frontMatter: FrontMatter, title: String, headings: [Heading], cards: [CardEntry],
         cellCount: Int, links: [Link], isEmpty: Bool, hasClozeInMath: Bool, hasEvaluation: Bool, diagnostics: [Diagnostic]) {
        self.format = format
        self.frontMatter = frontMatter
        self.title = title
        self.headings = headings
        self.cards = cards
        self.cellCount = cellCount
        self.links = links
        self.isEmpty = isEmpty
        self.hasClozeInMath = hasClozeInMath
        self.hasEvaluation = hasEvaluation
        self.diagnostics = diagnostics
    }

    private struct Walker: DocumentWalker {
        /// Each card's identity, not the card: a copy of each card's blocks is not needed.
        var cards: [(id: String, identity: Card.Identity, location: SourceLocation)] = []
        var links: [Link] = []
        var clozeInMath = false
        var hasExpression = false

        mutating func visitCard(_ block: Block, card: Card) {
            cards.append((card.id, card.identity, card.location))
            visit(card.front)
            visit(card.back)
        }
        mutating func visitLink(_ inline: Inline, destination: String, title: String, children: [Inline]) {
            links.append(.destination(destination, inline.location))
            descendInto(inline)
        }
        mutating func visitWikiLink(_ inline: Inline, link: WikiLink) { links.append(.wikiLink(link, inline.location)) }
        mutating func visitMath(_ inline: Inline, math: Math) { if !math.clozeNumbers.isEmpty { clozeInMath = true } }
        mutating func visitExpression(_ inline: Inline, expression: InlineExpression) { hasExpression = true }
    }
}

/// What the rest of a build needs of a notebook besides its own page: its title, headings, cards'
/// ids, links and counts, and what parsing it reported. Made in one walk of a parsed notebook
/// (`init(_:diagnostics:)`) and kept between runs (`NotebookSummaries`), so that a build reads an
/// unchanged notebook's summary instead of parsing it; its blocks are parsed only if something asks
/// for them (its page or cards being rendered again, the deck). Everything here comes from the
/// notebook's own path and bytes: what depends on other notebooks (duplicate ids, broken links) is
/// judged from the summaries each build.
public struct NotebookSummary: Hashable, Sendable, Codable {
    /// A heading of the page (outside cards), as `Outline.Heading` without its inlines.
    public struct Heading: Hashable, Sendable, Codable {
        public var level: Int
        public var title: String
        public var anchor: String
    }

    /// A card as the checks across notebooks see it: every card the document walk meets, in order.
    public struct CardEntry: Hashable, Sendable, Codable {
        public var id: String
        public var identity: Card.Identity
        public var location: SourceLocation
        /// A block of the notebook itself (`Notebook.cards`), not one nested in another block.
        public var isTopLevel: Bool
    }

    /// A link the notebook makes, for the broken-link check: a Markdown link's destination or a wikilink.
    public enum Link: Hashable, Sendable, Codable {
        case destination(String, SourceLocation)
        case wikiLink(WikiLink, SourceLocation)
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

    // Cards are kept column by column (ids, lines, columns, kinds): a notebook may have hundreds, and
    // decoding arrays of strings and numbers costs a fraction of decoding an object per card.
    private enum CodingKeys: String, CodingKey {
        case format, frontMatter, title, headings, cellCount, links, isEmpty, hasClozeInMath, diagnostics
        case cardIDs, cardLines, cardColumns, cardKinds, cardFile, cardFiles
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(Notebook.Format.self, forKey: .format)
        frontMatter = try c.decode(FrontMatter.self, forKey: .frontMatter)
        title = try c.decode(String.self, forKey: .title)
        headings = try c.decode([Heading].self, forKey: .headings)
        cellCount = try c.decode(Int.self, forKey: .cellCount)
        links = try c.decode([Link].self, forKey: .links)
        isEmpty = try c.decode(Bool.self, forKey: .isEmpty)
        hasClozeInMath = try c.decode(Bool.self, forKey: .hasClozeInMath)
        diagnostics = try c.decode([Diagnostic].self, forKey: .diagnostics)
        let ids = try c.decode([String].self, forKey: .cardIDs), lines = try c.decode([Int].self, forKey: .cardLines)
        let columns = try c.decode([Int].self, forKey: .cardColumns), kinds = Array(try c.decode(String.self, forKey: .cardKinds).utf8)
        let file = try c.decode(String.self, forKey: .cardFile), files = try c.decodeIfPresent([String].self, forKey: .cardFiles)
        guard lines.count == ids.count, columns.count == ids.count, kinds.count == ids.count, files.map({ $0.count == ids.count }) ?? true else {
            throw DecodingError.dataCorruptedError(forKey: .cardIDs, in: c, debugDescription: "card columns of different lengths")
        }
        cards = ids.indices.map { i in
            // A kind is one letter: w/a (written or assigned id), upper case when the card is top-level.
            CardEntry(id: ids[i], identity: kinds[i] | 0x20 == UInt8(ascii: "w") ? .written : .assigned,
                      location: SourceLocation(file: files?[i] ?? file, line: lines[i], column: columns[i]),
                      isTopLevel: kinds[i] & 0x20 == 0)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(frontMatter, forKey: .frontMatter)
        try c.encode(title, forKey: .title)
        try c.encode(headings, forKey: .headings)
        try c.encode(cellCount, forKey: .cellCount)
        try c.encode(links, forKey: .links)
        try c.encode(isEmpty, forKey: .isEmpty)
        try c.encode(hasClozeInMath, forKey: .hasClozeInMath)
        try c.encode(diagnostics, forKey: .diagnostics)
        try c.encode(cards.map(\.id), forKey: .cardIDs)
        try c.encode(cards.map(\.location.line), forKey: .cardLines)
        try c.encode(cards.map(\.location.column), forKey: .cardColumns)
        try c.encode(String(cards.map { card -> Character in
            let letter: Character = card.identity == .written ? "w" : "a"
            return card.isTopLevel ? Character(letter.uppercased()) : letter
        }), forKey: .cardKinds)
        let file = cards.first?.location.file ?? ""
        try c.encode(file, forKey: .cardFile)
        if cards.contains(where: { $0.location.file != file }) { try c.encode(cards.map(\.location.file), forKey: .cardFiles) }
    }

    private struct Walker: DocumentWalker {
        var cards: [Card] = []
        var links: [Link] = []
        var clozeInMath = false

        mutating func visitCard(_ block: Block, card: Card) {
            cards.append(card)
            descendInto(block)
        }
        mutating func visitLink(_ inline: Inline, destination: String, title: String, children: [Inline]) {
            links.append(.destination(destination, inline.location))
            descendInto(inline)
        }
        mutating func visitWikiLink(_ inline: Inline, link: WikiLink) { links.append(.wikiLink(link, inline.location)) }
        mutating func visitMath(_ inline: Inline, math: Math) { if !math.clozeNumbers.isEmpty { clozeInMath = true } }
    }
}

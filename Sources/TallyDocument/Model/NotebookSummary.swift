/// What the rest of a build needs of a notebook besides its own page: its title, headings, cards'
/// ids, links and counts, and what parsing it reported. Made from a parsed notebook
/// (`init(_:diagnostics:)`) and kept between runs (`NotebookSummaries`), so that a build reads an
/// unchanged notebook's summary instead of parsing it; its blocks are parsed only if something asks
/// for them (its page or cards being rendered again, the deck). Everything here comes from the
/// notebook's own path and bytes: what depends on other notebooks (duplicate ids, broken links) is
/// judged from the summaries each build.
public struct NotebookSummary: Hashable, Sendable, Codable {
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

    // Headings, cards and links are kept column by column (strings, lines, columns, one letter of kind
    // each): a notebook may have hundreds, and decoding arrays of strings and numbers costs a fraction of
    // decoding an object per item. Every location is in the notebook's own file, kept once (`file`).
    private enum CodingKeys: String, CodingKey {
        case format, frontMatter, title, cellCount, isEmpty, hasClozeInMath, diagnostics, file
        case headingLevels, headingTitles, headingAnchors
        case cardIDs, cardLines, cardColumns, cardKinds
        case linkKinds, linkTargets, linkHeadings, linkAliases, linkLines, linkColumns
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func column<T: Decodable>(_ key: CodingKeys, _ count: Int? = nil) throws -> [T] {
            let values = try c.decode([T].self, forKey: key)
            if let count, values.count != count {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "a column of another length")
            }
            return values
        }
        format = try c.decode(Notebook.Format.self, forKey: .format)
        frontMatter = try c.decode(FrontMatter.self, forKey: .frontMatter)
        title = try c.decode(String.self, forKey: .title)
        cellCount = try c.decode(Int.self, forKey: .cellCount)
        isEmpty = try c.decode(Bool.self, forKey: .isEmpty)
        hasClozeInMath = try c.decode(Bool.self, forKey: .hasClozeInMath)
        diagnostics = try c.decode([Diagnostic].self, forKey: .diagnostics)
        let file = try c.decode(String.self, forKey: .file)

        let levels: [Int] = try column(.headingLevels)
        let headingTitles: [String] = try column(.headingTitles, levels.count), anchors: [String] = try column(.headingAnchors, levels.count)
        headings = levels.indices.map { Heading(level: levels[$0], title: headingTitles[$0], anchor: anchors[$0]) }

        let ids: [String] = try column(.cardIDs)
        let cardLines: [Int] = try column(.cardLines, ids.count), cardColumns: [Int] = try column(.cardColumns, ids.count)
        let cardKinds = Array(try c.decode(String.self, forKey: .cardKinds).utf8)
        guard cardKinds.count == ids.count else { throw DecodingError.dataCorruptedError(forKey: .cardKinds, in: c, debugDescription: "a column of another length") }
        // A card's kind is one letter: w/a (written or assigned id), upper case when the card is top-level.
        cards = ids.indices.map { i in
            CardEntry(id: ids[i], identity: cardKinds[i] | 0x20 == UInt8(ascii: "w") ? .written : .assigned,
                      location: SourceLocation(file: file, line: cardLines[i], column: cardColumns[i]), isTopLevel: cardKinds[i] & 0x20 == 0)
        }

        // A link's kind: d (a destination), w (a wikilink), e (an embed).
        let linkKinds = Array(try c.decode(String.self, forKey: .linkKinds).utf8)
        let targets: [String] = try column(.linkTargets, linkKinds.count)
        let linkHeadings: [String?] = try column(.linkHeadings, linkKinds.count), aliases: [String?] = try column(.linkAliases, linkKinds.count)
        let linkLines: [Int] = try column(.linkLines, linkKinds.count), linkColumns: [Int] = try column(.linkColumns, linkKinds.count)
        links = linkKinds.indices.map { i in
            let location = SourceLocation(file: file, line: linkLines[i], column: linkColumns[i])
            guard linkKinds[i] != UInt8(ascii: "d") else { return .destination(targets[i], location) }
            return .wikiLink(WikiLink(target: targets[i], heading: linkHeadings[i], alias: aliases[i], isEmbed: linkKinds[i] == UInt8(ascii: "e")), location)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let locations = cards.map(\.location) + links.map(\.location)
        let file = locations.first?.file ?? ""
        guard locations.allSatisfy({ $0.file == file }) else {
            throw EncodingError.invalidValue(file, .init(codingPath: [], debugDescription: "a notebook's summary names another file"))
        }
        try c.encode(format, forKey: .format)
        try c.encode(frontMatter, forKey: .frontMatter)
        try c.encode(title, forKey: .title)
        try c.encode(cellCount, forKey: .cellCount)
        try c.encode(isEmpty, forKey: .isEmpty)
        try c.encode(hasClozeInMath, forKey: .hasClozeInMath)
        try c.encode(diagnostics, forKey: .diagnostics)
        try c.encode(file, forKey: .file)
        try c.encode(headings.map(\.level), forKey: .headingLevels)
        try c.encode(headings.map(\.title), forKey: .headingTitles)
        try c.encode(headings.map(\.anchor), forKey: .headingAnchors)
        try c.encode(cards.map(\.id), forKey: .cardIDs)
        try c.encode(cards.map(\.location.line), forKey: .cardLines)
        try c.encode(cards.map(\.location.column), forKey: .cardColumns)
        try c.encode(String(cards.map { card -> Character in
            let letter: Character = card.identity == .written ? "w" : "a"
            return card.isTopLevel ? Character(letter.uppercased()) : letter
        }), forKey: .cardKinds)
        try c.encode(String(links.map { link -> Character in
            if case .wikiLink(let w, _) = link { return w.isEmbed ? "e" : "w" }
            return "d"
        }), forKey: .linkKinds)
        try c.encode(links.map { link -> String in
            switch link { case .destination(let d, _): return d; case .wikiLink(let w, _): return w.target }
        }, forKey: .linkTargets)
        try c.encode(links.map { link -> String? in if case .wikiLink(let w, _) = link { return w.heading } else { return nil } }, forKey: .linkHeadings)
        try c.encode(links.map { link -> String? in if case .wikiLink(let w, _) = link { return w.alias } else { return nil } }, forKey: .linkAliases)
        try c.encode(links.map(\.location.line), forKey: .linkLines)
        try c.encode(links.map(\.location.column), forKey: .linkColumns)
    }

    private struct Walker: DocumentWalker {
        /// Each card's identity, not the card: a copy of each card's blocks is not needed.
        var cards: [(id: String, identity: Card.Identity, location: SourceLocation)] = []
        var links: [Link] = []
        var clozeInMath = false

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
    }
}

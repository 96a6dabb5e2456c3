/// Rule `duplicate-card-id`: a card id is the Anki note's identity, so it must be unique across everything
/// built together. Each later use is an error at its card naming the first. Walk all notebooks with one
/// checker (`check(_:)`), in the order they are built.
public struct DuplicateCardIDChecker: Checker {
    public private(set) var problems: [Diagnostic] = []
    /// Where each id was first used (only the place is reported: no copy of the card is kept).
    private var first: [String: SourceLocation] = [:]

    public init() {}

    // Cards are blocks: the inlines of paragraphs, headings and tables need no walk.
    public mutating func visitParagraph(_ block: Block, inlines: [Inline]) {}
    public mutating func visitHeading(_ block: Block, level: Int, inlines: [Inline]) {}
    public mutating func visitTable(_ block: Block, table: Table) {}

    public mutating func visitCard(_ block: Block, card: Card) {
        if let earlier = first[card.id] {
            problems.append(.error("duplicate card id '\(card.id)' (first used at \(earlier))", at: card.location, rule: .duplicateCardID))
        } else {
            first[card.id] = card.location
        }
    }
}

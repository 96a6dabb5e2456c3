/// A `DocumentVisitor` that returns nothing and, by default, descends into every child in reading order,
/// as swift-markdown's `MarkupWalker` does: override the `visitX` of the kinds you care about and call
/// `descendInto(_:)` from it when you still want the children. Cards are descended into (front, then back);
/// a walker that treats cards apart (the page outline) overrides `visitCard`.
///
/// Example: collecting every inline expression, cards included.
/// ```swift
/// struct Expressions: DocumentWalker {
///     var found: [InlineExpression] = []
///     mutating func visitExpression(_ inline: Inline, expression: InlineExpression) { found.append(expression) }
/// }
/// ```
public protocol DocumentWalker: DocumentVisitor where Result == Void {}

extension DocumentWalker {
    public mutating func defaultVisit(_ block: Block) { descendInto(block) }
    public mutating func defaultVisit(_ inline: Inline) { descendInto(inline) }

    /// Visits the block's children: the blocks of a quote, list item, card side or footnote, a callout's
    /// title then its blocks, the inlines of a paragraph, heading or table cell (header row first, then the
    /// rows, left to right).
    public mutating func descendInto(_ block: Block) {
        switch block.kind {
        case .paragraph(let inlines), .heading(_, let inlines): visit(inlines)
        case .blockQuote(let blocks), .footnoteDefinition(_, let blocks): visit(blocks)
        case .callout(let callout): visit(callout.title); visit(callout.blocks)
        case .list(let list): for item in list.items { visit(item.blocks) }
        case .card(let card): visit(card.front); visit(card.back)
        case .table(let table):
            for cell in table.header { visit(cell) }
            for row in table.rows { for cell in row { visit(cell) } }
        case .code, .cell, .html, .thematicBreak: break
        }
    }

    /// Visits the inline's children: the content of emphasis, strong, strikethrough, links and cloze
    /// deletions, and an image's alt text.
    public mutating func descendInto(_ inline: Inline) {
        switch inline.kind {
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c): visit(c)
        case .cloze(let cloze): visit(cloze.content)
        case .text, .code, .softBreak, .lineBreak, .html, .math, .expression, .footnoteReference, .wikiLink: break
        }
    }

    /// Visits each block in order.
    public mutating func visit(_ blocks: [Block]) { for block in blocks { visit(block) } }
    /// Visits each inline in order.
    public mutating func visit(_ inlines: [Inline]) { for inline in inlines { visit(inline) } }
}

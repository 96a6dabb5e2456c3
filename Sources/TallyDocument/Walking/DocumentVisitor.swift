/// Visits the nodes of a document (blocks and inlines) and returns a `Result` for each, in the spirit of
/// swift-markdown's `MarkupVisitor`: `visit(_:)` dispatches on the node's kind to one `visitX` method per
/// kind, and every `visitX` defaults to `defaultVisit`. A conforming type overrides only the kinds it cares
/// about. Walkers that return nothing and descend by default are `DocumentWalker`s.
///
/// Adding a kind to `Block.Kind` or `Inline.Kind` means adding one `visitX` here (with its default), and every
/// traversal in the project picks it up.
public protocol DocumentVisitor {
    associatedtype Result

    /// What a kind without its own `visitX` gives.
    mutating func defaultVisit(_ block: Block) -> Result
    mutating func defaultVisit(_ inline: Inline) -> Result

    mutating func visitParagraph(_ block: Block, inlines: [Inline]) -> Result
    mutating func visitHeading(_ block: Block, level: Int, inlines: [Inline]) -> Result
    mutating func visitBlockQuote(_ block: Block, blocks: [Block]) -> Result
    mutating func visitList(_ block: Block, list: List) -> Result
    mutating func visitCodeBlock(_ block: Block, language: String, code: String) -> Result
    mutating func visitCell(_ block: Block, cell: Cell) -> Result
    mutating func visitCard(_ block: Block, card: Card) -> Result
    mutating func visitTable(_ block: Block, table: Table) -> Result
    mutating func visitHTMLBlock(_ block: Block, html: String) -> Result
    mutating func visitThematicBreak(_ block: Block) -> Result
    mutating func visitCallout(_ block: Block, callout: Callout) -> Result
    mutating func visitFootnoteDefinition(_ block: Block, number: Int, blocks: [Block]) -> Result

    mutating func visitText(_ inline: Inline, text: String) -> Result
    mutating func visitInlineCode(_ inline: Inline, code: String) -> Result
    mutating func visitSoftBreak(_ inline: Inline) -> Result
    mutating func visitLineBreak(_ inline: Inline) -> Result
    mutating func visitEmphasis(_ inline: Inline, children: [Inline]) -> Result
    mutating func visitStrong(_ inline: Inline, children: [Inline]) -> Result
    mutating func visitStrikethrough(_ inline: Inline, children: [Inline]) -> Result
    mutating func visitLink(_ inline: Inline, destination: String, title: String, children: [Inline]) -> Result
    mutating func visitImage(_ inline: Inline, source: String, title: String, alt: [Inline]) -> Result
    mutating func visitInlineHTML(_ inline: Inline, html: String) -> Result
    mutating func visitMath(_ inline: Inline, math: Math) -> Result
    mutating func visitExpression(_ inline: Inline, expression: InlineExpression) -> Result
    mutating func visitFootnoteReference(_ inline: Inline, number: Int) -> Result
    mutating func visitWikiLink(_ inline: Inline, link: WikiLink) -> Result
    mutating func visitCloze(_ inline: Inline, cloze: Cloze) -> Result
}

extension DocumentVisitor {
    /// Calls the `visitX` method for the block's kind.
    public mutating func visit(_ block: Block) -> Result {
        switch block.kind {
        case .paragraph(let inlines): return visitParagraph(block, inlines: inlines)
        case .heading(let level, let inlines): return visitHeading(block, level: level, inlines: inlines)
        case .blockQuote(let blocks): return visitBlockQuote(block, blocks: blocks)
        case .list(let list): return visitList(block, list: list)
        case .code(let language, let code): return visitCodeBlock(block, language: language, code: code)
        case .cell(let cell): return visitCell(block, cell: cell)
        case .card(let card): return visitCard(block, card: card)
        case .table(let table): return visitTable(block, table: table)
        case .html(let html): return visitHTMLBlock(block, html: html)
        case .thematicBreak: return visitThematicBreak(block)
        case .callout(let callout): return visitCallout(block, callout: callout)
        case .footnoteDefinition(let number, let blocks): return visitFootnoteDefinition(block, number: number, blocks: blocks)
        }
    }

    /// Calls the `visitX` method for the inline's kind.
    public mutating func visit(_ inline: Inline) -> Result {
        switch inline.kind {
        case .text(let s): return visitText(inline, text: s)
        case .code(let s): return visitInlineCode(inline, code: s)
        case .softBreak: return visitSoftBreak(inline)
        case .lineBreak: return visitLineBreak(inline)
        case .emphasis(let c): return visitEmphasis(inline, children: c)
        case .strong(let c): return visitStrong(inline, children: c)
        case .strikethrough(let c): return visitStrikethrough(inline, children: c)
        case .link(let d, let t, let c): return visitLink(inline, destination: d, title: t, children: c)
        case .image(let s, let t, let alt): return visitImage(inline, source: s, title: t, alt: alt)
        case .html(let s): return visitInlineHTML(inline, html: s)
        case .math(let m): return visitMath(inline, math: m)
        case .expression(let e): return visitExpression(inline, expression: e)
        case .footnoteReference(let number): return visitFootnoteReference(inline, number: number)
        case .wikiLink(let link): return visitWikiLink(inline, link: link)
        case .cloze(let cloze): return visitCloze(inline, cloze: cloze)
        }
    }

    public mutating func visitParagraph(_ block: Block, inlines: [Inline]) -> Result { defaultVisit(block) }
    public mutating func visitHeading(_ block: Block, level: Int, inlines: [Inline]) -> Result { defaultVisit(block) }
    public mutating func visitBlockQuote(_ block: Block, blocks: [Block]) -> Result { defaultVisit(block) }
    public mutating func visitList(_ block: Block, list: List) -> Result { defaultVisit(block) }
    public mutating func visitCodeBlock(_ block: Block, language: String, code: String) -> Result { defaultVisit(block) }
    public mutating func visitCell(_ block: Block, cell: Cell) -> Result { defaultVisit(block) }
    public mutating func visitCard(_ block: Block, card: Card) -> Result { defaultVisit(block) }
    public mutating func visitTable(_ block: Block, table: Table) -> Result { defaultVisit(block) }
    public mutating func visitHTMLBlock(_ block: Block, html: String) -> Result { defaultVisit(block) }
    public mutating func visitThematicBreak(_ block: Block) -> Result { defaultVisit(block) }
    public mutating func visitCallout(_ block: Block, callout: Callout) -> Result { defaultVisit(block) }
    public mutating func visitFootnoteDefinition(_ block: Block, number: Int, blocks: [Block]) -> Result { defaultVisit(block) }

    public mutating func visitText(_ inline: Inline, text: String) -> Result { defaultVisit(inline) }
    public mutating func visitInlineCode(_ inline: Inline, code: String) -> Result { defaultVisit(inline) }
    public mutating func visitSoftBreak(_ inline: Inline) -> Result { defaultVisit(inline) }
    public mutating func visitLineBreak(_ inline: Inline) -> Result { defaultVisit(inline) }
    public mutating func visitEmphasis(_ inline: Inline, children: [Inline]) -> Result { defaultVisit(inline) }
    public mutating func visitStrong(_ inline: Inline, children: [Inline]) -> Result { defaultVisit(inline) }
    public mutating func visitStrikethrough(_ inline: Inline, children: [Inline]) -> Result { defaultVisit(inline) }
    public mutating func visitLink(_ inline: Inline, destination: String, title: String, children: [Inline]) -> Result { defaultVisit(inline) }
    public mutating func visitImage(_ inline: Inline, source: String, title: String, alt: [Inline]) -> Result { defaultVisit(inline) }
    public mutating func visitInlineHTML(_ inline: Inline, html: String) -> Result { defaultVisit(inline) }
    public mutating func visitMath(_ inline: Inline, math: Math) -> Result { defaultVisit(inline) }
    public mutating func visitExpression(_ inline: Inline, expression: InlineExpression) -> Result { defaultVisit(inline) }
    public mutating func visitFootnoteReference(_ inline: Inline, number: Int) -> Result { defaultVisit(inline) }
    public mutating func visitWikiLink(_ inline: Inline, link: WikiLink) -> Result { defaultVisit(inline) }
    public mutating func visitCloze(_ inline: Inline, cloze: Cloze) -> Result { defaultVisit(inline) }
}

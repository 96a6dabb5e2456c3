extension Notebook {
    /// Every `` `{swift …} expr` `` of the notebook in reading order: paragraphs, headings,
    /// tables, lists, block quotes and both sides of cards.
    public var inlineExpressions: [InlineExpression] {
        blocks.flatMap(\.inlineExpressions)
    }
}

extension Block {
    public var inlineExpressions: [InlineExpression] {
        switch kind {
        case .paragraph(let inlines), .heading(_, let inlines): return inlines.flatMap(\.inlineExpressions)
        case .blockQuote(let blocks): return blocks.flatMap(\.inlineExpressions)
        case .list(let list): return list.items.flatMap { $0.blocks.flatMap(\.inlineExpressions) }
        case .card(let card): return (card.front + card.back).flatMap(\.inlineExpressions)
        case .table(let table):
            return (table.header + table.rows.flatMap { $0 }).flatMap { $0.flatMap(\.inlineExpressions) }
        case .code, .cell, .html, .thematicBreak: return []
        }
    }
}

extension Inline {
    public var inlineExpressions: [InlineExpression] {
        switch kind {
        case .expression(let e): return [e]
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c):
            return c.flatMap(\.inlineExpressions)
        case .cloze(let cloze): return cloze.content.flatMap(\.inlineExpressions)
        case .text, .code, .softBreak, .lineBreak, .html, .math: return []
        }
    }
}

extension Notebook {
    /// Every `` `{swift …} expr` `` of the notebook in reading order: paragraphs, headings,
    /// tables, lists, block quotes and both sides of cards.
    public var inlineExpressions: [InlineExpression] { blocks.inlineExpressions }
}

extension Array where Element == Block {
    /// Every inline expression in the blocks, in reading order (cards included, front then back).
    public var inlineExpressions: [InlineExpression] {
        var collector = InlineExpressionCollector()
        collector.visit(self)
        return collector.found
    }
}

private struct InlineExpressionCollector: DocumentWalker {
    var found: [InlineExpression] = []
    mutating func visitExpression(_ inline: Inline, expression: InlineExpression) { found.append(expression) }
}

/// The text a reader sees, without markup: what ids, titles, tags and the search index are made of.
/// Math keeps its TeX source (`$\alpha$` reads `\alpha`), an inline expression its Swift source, a code
/// block or a shown cell its code; raw HTML, hidden cells and rules add nothing. Blocks, table cells and
/// line breaks are separated by a space; inlines are joined as written.
struct PlainTextWalker: DocumentWalker {
    private(set) var text = ""
    /// How a formula reads (nil: its TeX): the site reads typeset formulas as text ("σ(x)" for `\sigma(x)`).
    var mathText: ((Math, SourceLocation) -> String)?

    mutating func visitText(_ inline: Inline, text: String) { self.text += text }
    mutating func visitInlineCode(_ inline: Inline, code: String) { text += code }
    mutating func visitSoftBreak(_ inline: Inline) { text += " " }
    mutating func visitLineBreak(_ inline: Inline) { text += " " }
    mutating func visitInlineHTML(_ inline: Inline, html: String) {}
    mutating func visitMath(_ inline: Inline, math: Math) { text += mathText?(math, inline.location) ?? math.texWithoutClozes }
    mutating func visitExpression(_ inline: Inline, expression: InlineExpression) { text += expression.expression }
    mutating func visitWikiLink(_ inline: Inline, link: WikiLink) { if !link.isEmbed { text += link.text } }

    mutating func visitParagraph(_ block: Block, inlines: [Inline]) { visit(inlines); text += " " }
    mutating func visitHeading(_ block: Block, level: Int, inlines: [Inline]) { visit(inlines); text += " " }
    mutating func visitCodeBlock(_ block: Block, language: String, code: String) { text += code + " " }
    mutating func visitCell(_ block: Block, cell: Cell) { if !cell.options.hide { text += cell.code + " " } }
    mutating func visitHTMLBlock(_ block: Block, html: String) {}
    mutating func visitCallout(_ block: Block, callout: Callout) {
        text += (callout.title.isEmpty ? callout.defaultTitle : callout.title.plainText) + " "
        visit(callout.blocks)
    }
    mutating func visitTable(_ block: Block, table: Table) {
        for cell in table.header + table.rows.flatMap({ $0 }) { visit(cell); text += " " }
    }
}

extension Inline {
    /// The text a reader sees, without markup (see `PlainTextWalker`): `**a** $x$` reads `a x`.
    public var plainText: String { [self].plainText }
}

extension Array where Element == Inline {
    /// The inlines' text a reader sees, joined without separators.
    public var plainText: String { plainText(math: nil) }

    /// As `plainText`, each formula read by `math` (with where it stands) instead of as its TeX.
    public func plainText(math: ((Math, SourceLocation) -> String)?) -> String {
        var walker = PlainTextWalker(mathText: math)
        walker.visit(self)
        return walker.text
    }
}

extension Array where Element == Block {
    /// The blocks' text a reader sees, blocks separated by whitespace (callers collapse runs of it).
    /// Cards inside are included, front then back.
    public var plainText: String { plainText(math: nil) }

    /// As `plainText`, each formula read by `math` (with where it stands) instead of as its TeX.
    public func plainText(math: ((Math, SourceLocation) -> String)?) -> String {
        var walker = PlainTextWalker(mathText: math)
        walker.visit(self)
        return walker.text
    }
}

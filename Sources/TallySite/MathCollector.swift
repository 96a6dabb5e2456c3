import TallyDocument

/// The formulas of a notebook in reading order (prose, headings, tables, quotes, lists, and each card's
/// front then back where the card stands), with where each starts: the order KaTeX must see them in for
/// a `\newcommand` in one to apply to the later ones.
enum MathCollector {
    static func formulas(in notebook: Notebook) -> [(math: Math, location: SourceLocation)] {
        var found: [(Math, SourceLocation)] = []
        func walk(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline.kind {
                case .math(let m): found.append((m, inline.location))
                case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c): walk(c)
                case .text, .code, .softBreak, .lineBreak, .html, .expression: break
                }
            }
        }
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .paragraph(let inlines), .heading(_, let inlines): walk(inlines)
                case .blockQuote(let blocks): walk(blocks)
                case .list(let list): list.items.forEach { walk($0.blocks) }
                case .card(let card): walk(card.front); walk(card.back)
                case .table(let table): (table.header + table.rows.flatMap { $0 }).forEach { walk($0) }
                case .code, .cell, .html, .thematicBreak: break
                }
            }
        }
        walk(notebook.blocks)
        return found
    }

    /// The `$…$` spans of a front-matter title (plain text, not Markdown): each piece is text or TeX.
    static func titlePieces(_ title: String) -> [(text: String, isMath: Bool)] {
        var pieces: [(String, Bool)] = []
        var rest = Substring(title)
        while let open = rest.firstIndex(of: "$"),
              let close = rest[rest.index(after: open)...].firstIndex(of: "$"), close > rest.index(after: open) {
            if open > rest.startIndex { pieces.append((String(rest[..<open]), false)) }
            pieces.append((String(rest[rest.index(after: open)..<close]), true))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append((String(rest), false)) }
        return pieces
    }
}

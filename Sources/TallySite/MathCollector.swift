import TallyDocument

/// The formulas of a notebook in reading order (prose, headings, tables, quotes, lists, and each card's
/// front then back where the card stands), with where each starts: the order KaTeX must see them in for
/// a `\newcommand` in one to apply to the later ones.
enum MathCollector {
    static func formulas(in notebook: Notebook) -> [(math: Math, location: SourceLocation)] {
        var collector = FormulaWalker()
        collector.visit(notebook.blocks)
        return collector.found
    }

    private struct FormulaWalker: DocumentWalker {
        var found: [(math: Math, location: SourceLocation)] = []
        mutating func visitMath(_ inline: Inline, math: Math) { found.append((math, inline.location)) }
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

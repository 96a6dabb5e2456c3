/// An Anki cloze deletion written in prose, `{{c1::answer}}` or `{{c1::answer::hint}}`: the answer is full inline
/// Markdown (math, code, emphasis, even another deletion); the hint is plain text. Parsed once, by the converter;
/// renderers only decide how to show it (the site: a blank, then the answer; Anki: its own `{{c1::…}}` markup).
/// A deletion inside a formula is part of that formula instead: see `Math.pieces`.
public struct Cloze: Hashable, Sendable {
    /// `c2` → 2; always ≥ 1 (Anki makes card `number - 1` of the note from it).
    public var number: Int
    public var content: [Inline]
    public var hint: String?

    public init(number: Int, content: [Inline], hint: String? = nil) {
        self.number = number
        self.content = content
        self.hint = hint
    }
}

extension Array where Element == Block {
    /// The distinct cloze numbers of these blocks (in prose, tables, lists, quotes and formulas), ascending.
    /// Cards nested in the blocks are not counted: each card is its own note.
    public var clozeNumbers: [Int] {
        var numbers = Set<Int>()
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline.kind {
                case .cloze(let cloze):
                    numbers.insert(cloze.number)
                    visit(cloze.content)
                case .math(let math):
                    numbers.formUnion(math.clozeNumbers)
                case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c):
                    visit(c)
                case .text, .code, .softBreak, .lineBreak, .html, .expression:
                    break
                }
            }
        }
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block.kind {
                case .paragraph(let inlines), .heading(_, let inlines): visit(inlines)
                case .blockQuote(let inner): visit(inner)
                case .list(let list): list.items.forEach { visit($0.blocks) }
                case .table(let table): (table.header + table.rows.flatMap { $0 }).forEach { visit($0) }
                case .code, .cell, .card, .html, .thematicBreak: break
                }
            }
        }
        visit(self)
        return numbers.sorted()
    }
}

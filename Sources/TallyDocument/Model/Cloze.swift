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
    /// The distinct cloze numbers of these blocks (in prose, tables, lists, quotes, callouts and formulas),
    /// ascending. Cards nested in the blocks are not counted: each card is its own note.
    public var clozeNumbers: [Int] {
        var collector = ClozeNumberCollector()
        collector.visit(self)
        return collector.numbers.sorted()
    }
}

extension Array where Element == Block {
    /// Whether a formula in these blocks (cards included) holds a cloze deletion.
    public var hasClozeInMath: Bool {
        var finder = ClozeInMathFinder()
        finder.visit(self)
        return finder.found
    }
}

private struct ClozeInMathFinder: DocumentWalker {
    var found = false
    mutating func visitMath(_ inline: Inline, math: Math) { if !math.clozeNumbers.isEmpty { found = true } }
}

private struct ClozeNumberCollector: DocumentWalker {
    var numbers = Set<Int>()
    mutating func visitCloze(_ inline: Inline, cloze: Cloze) {
        numbers.insert(cloze.number)
        descendInto(inline)
    }
    mutating func visitMath(_ inline: Inline, math: Math) { numbers.formUnion(math.clozeNumbers) }
    mutating func visitCard(_ block: Block, card: Card) {}
}

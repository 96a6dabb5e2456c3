/// Rule `unknown-cell-option`: every word after `swift` in a cell's info string must be one of
/// `Cell.Options.words`; an unknown word (a typo such as `hid`) is an error at that word.
public struct UnknownCellOptionChecker: Checker {
    public private(set) var problems: [Diagnostic] = []

    public init() {}

    // Cells are blocks: the inlines of paragraphs, headings and tables need no walk.
    public mutating func visitParagraph(_ block: Block, inlines: [Inline]) {}
    public mutating func visitHeading(_ block: Block, level: Int, inlines: [Inline]) {}
    public mutating func visitTable(_ block: Block, table: Table) {}

    public mutating func visitCell(_ block: Block, cell: Cell) {
        for option in cell.optionWords where !Cell.Options.words.contains(option.word) {
            let known = Cell.Options.words.joined(separator: ", ")
            problems.append(.error("unknown cell option '\(option.word)' (known: \(known))", at: option.location, rule: .unknownCellOption))
        }
    }
}

/// TeX exactly as written between its delimiters: Markdown never touches it.
public struct Math: Hashable, Sendable {
    /// Changing it (a table cell's `\|` read as `|`, say) cuts `pieces` anew.
    public var tex: String { didSet { pieces = ClozeSyntax.pieces(ofTeX: tex) } }
    /// `$$…$$` and `\[…\]` are display math; `$…$` and `\(…\)` are inline.
    public var display: Bool
    /// The formula cut at its cloze deletions (`${{c1::\frac{a}{b}}}$`): TeX runs and deletions in order, parsed
    /// when the formula is made. A formula without deletions is one `.tex` piece holding `tex`.
    public private(set) var pieces: [Piece]

    /// One run of a formula.
    public enum Piece: Hashable, Sendable {
        case tex(String)
        /// `{{cN::tex::hint}}` inside the formula; `tex` has balanced braces, so `}}` that closes a group in it
        /// never ends the deletion.
        case cloze(number: Int, tex: String, hint: String?)
    }

    public init(tex: String, display: Bool) {
        self.tex = tex
        self.display = display
        self.pieces = ClozeSyntax.pieces(ofTeX: tex)
    }

    /// The cloze numbers of the formula's deletions, ascending.
    public var clozeNumbers: [Int] {
        Set(pieces.compactMap { if case .cloze(let n, _, _) = $0 { return n } else { return nil } }).sorted()
    }

    /// The TeX without cloze markup (each deletion's answer in its place), for plain text and search.
    public var texWithoutClozes: String {
        pieces.map { piece in
            switch piece {
            case .tex(let tex), .cloze(_, let tex, _): return tex
            }
        }.joined()
    }
}

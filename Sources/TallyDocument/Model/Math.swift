/// TeX exactly as written between its delimiters: Markdown never touches it.
public struct Math: Hashable, Sendable {
    public var tex: String
    /// `$$…$$` and `\[…\]` are display math; `$…$` and `\(…\)` are inline.
    public var display: Bool

    public init(tex: String, display: Bool) {
        self.tex = tex
        self.display = display
    }
}

/// The optional YAML block at the top of a notebook.
public struct FrontMatter: Hashable, Sendable, Codable {
    public var title: String?
    /// Anki deck name, `::` between levels.
    public var deck: String?
    public var tags: [String]
    /// Raw HTML in the notebook is passed through only when this is set.
    public var unsafeHTML: Bool
    /// TeX macros for every formula of the notebook, as KaTeX's `macros` option takes them:
    /// name with its backslash (`\RR`) → expansion (`\mathbb{R}`). Written `macros: {RR: \mathbb{R}}`
    /// (the backslash of a name may be left out). Default: none.
    public var macros: [String: String]

    public init(title: String? = nil, deck: String? = nil, tags: [String] = [], unsafeHTML: Bool = false,
                macros: [String: String] = [:]) {
        self.title = title
        self.deck = deck
        self.tags = tags
        self.unsafeHTML = unsafeHTML
        self.macros = macros
    }

    public static let keys = ["title", "deck", "tags", "unsafe-html", "macros", "imported-from", "import-hash"]
}

/// The optional YAML block at the top of a notebook.
public struct FrontMatter: Hashable, Sendable {
    public var title: String?
    /// Anki deck name, `::` between levels.
    public var deck: String?
    public var tags: [String]
    /// Raw HTML in the notebook is passed through only when this is set.
    public var unsafeHTML: Bool

    public init(title: String? = nil, deck: String? = nil, tags: [String] = [], unsafeHTML: Bool = false) {
        self.title = title
        self.deck = deck
        self.tags = tags
        self.unsafeHTML = unsafeHTML
    }

    public static let keys = ["title", "deck", "tags", "unsafe-html", "imported-from", "import-hash"]
}

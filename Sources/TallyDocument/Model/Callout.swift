/// A block quote that starts with `[!kind]`: GitHub's alerts (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]`, `[!CAUTION]`) and Obsidian's callouts (any kind, an optional title after the marker,
/// `-` or `+` right after `]` to make it foldable, folded or open).
public struct Callout: Hashable, Sendable {
    public enum Folding: Hashable, Sendable {
        /// Always shown (no `-`/`+`).
        case none
        /// `-`: folded until the reader opens it.
        case folded
        /// `+`: foldable, open at first.
        case open
    }

    /// The kind as written, lower-cased (`note`, `tip`, `warning`, …).
    public var kind: String
    /// The title written after the marker; empty when none was written (renderers then show the kind).
    public var title: [Inline]
    public var folding: Folding
    /// The callout's content, after its first line.
    public var blocks: [Block]

    public init(kind: String, title: [Inline], folding: Folding, blocks: [Block]) {
        self.kind = kind
        self.title = title
        self.folding = folding
        self.blocks = blocks
    }

    /// The title shown when none was written: the kind with a capital, as GitHub and Obsidian show it.
    public var defaultTitle: String { kind.prefix(1).uppercased() + kind.dropFirst() }
}

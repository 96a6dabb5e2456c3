/// A flashcard: a front and a back, both full Markdown, with an identity that survives edits.
public struct Card: Hashable, Sendable {
    public enum Identity: Hashable, Sendable {
        /// Written in the source: `card_id: X` in a deck file, `{#x}` in a notebook.
        case written
        /// Assigned by Tally from the card's text; `tally ids --write` writes it into the source.
        case assigned
    }

    public var id: String
    public var identity: Identity
    public var front: [Block]
    public var back: [Block]
    /// The Markdown source of each side, as written (used for emptiness checks and content hashes).
    public var frontSource: String
    public var backSource: String
    /// Opt-in classes from the attribute block, e.g. `{#id .reversed}`.
    public var classes: [String]
    /// `key="value"` attributes from the attribute block (see `attributeKeys`).
    public var attributes: [String: String] = [:]
    /// The card's first line (`::: card` or the deck file's `---`).
    public var location: SourceLocation
    /// Where an assigned id would be written: the end of the `::: card` line.
    public var headerLocation: SourceLocation

    public init(id: String, identity: Identity, front: [Block], back: [Block], frontSource: String, backSource: String,
                classes: [String], location: SourceLocation, headerLocation: SourceLocation) {
        self.id = id
        self.identity = identity
        self.front = front
        self.back = back
        self.frontSource = frontSource
        self.backSource = backSource
        self.classes = classes
        self.location = location
        self.headerLocation = headerLocation
    }

    /// The attributes a card may carry: `guid`, the Anki GUID of a note brought in from Anki (kept so
    /// that Anki matches the exported note to the original and keeps its reviews; any characters,
    /// quoted), and `tags`, the note's own tags, separated by spaces.
    public static let attributeKeys = ["guid", "tags"]

    /// `value` as an attribute block writes it: in double quotes, `"` and `\` escaped with `\`.
    public static func quotedAttribute(_ value: String) -> String { CardFence.quoted(value) }

    /// The Anki GUID written on the card, if any (else the exporter derives one from the id).
    public var guid: String? { attributes["guid"] }
    /// The card's own tags (`tags="…"`), added to those from front matter and headings.
    public var tags: [String] { attributes["tags"].map { $0.split(separator: " ").map(String.init) } ?? [] }

    public var isReversed: Bool { classes.contains("reversed") }
    /// Written in Obsidian's inline syntax (`Question::Answer`), with no `::: card` line of its own.
    public var isInline: Bool { classes.contains("inline") }
    /// A cloze card has `{{c1::…}}` deletions on its front (in prose or inside a formula).
    public var isCloze: Bool { !front.clozeNumbers.isEmpty }
}

/// An Obsidian wikilink `[[Note]]`, `[[Note#Heading|text]]`, `[[#Heading]]`, or an embed `![[image.png]]`.
/// The target is a name, not a path: renderers resolve it by searching the notes folder (as Obsidian does).
public struct WikiLink: Hashable, Sendable {
    /// The note or file name as written (`Note`, `Note.md`, `img/plot.png`); empty for `[[#Heading]]`.
    public var target: String
    /// The heading after `#`, as written; nil when none.
    public var heading: String?
    /// The text after `|`; nil when none (for an embedded image, Obsidian reads a number there as a width).
    public var alias: String?
    /// `![[…]]`: show the file (an image) in place rather than link to it.
    public var isEmbed: Bool

    public init(target: String, heading: String?, alias: String?, isEmbed: Bool) {
        self.target = target
        self.heading = heading
        self.alias = alias
        self.isEmbed = isEmbed
    }

    /// What a reader sees: the alias, else `Note > Heading`, `Heading` or `Note`, as Obsidian shows it.
    public var text: String {
        if let alias, !alias.isEmpty { return alias }
        switch (target.isEmpty, heading) {
        case (true, let h?): return h
        case (false, let h?): return "\(target) > \(h)"
        default: return target
        }
    }
}

import Foundation
import TallyHashing
import TallyDocument

/// What a reader makes of one input file, before it is written as a notebook: a title, prose, section
/// headings and cards in their order, and warnings that point at the input's lines.
public struct ImportedNotebook: Sendable {
    public enum Item: Hashable, Sendable {
        case heading(level: Int, text: String)
        /// Markdown, written as is.
        case prose(String)
        case card(ImportedCard)
    }

    public var title: String
    /// The Anki deck, when the notes came from one (else the writer names a deck after the title).
    public var deck: String?
    /// Whether some card keeps raw HTML that has no Markdown form (the notebook then opts in to it).
    public var unsafeHTML = false
    public var items: [Item] = []
    public var warnings: [Diagnostic] = []
    /// Files the notebook refers to (images from a Jupyter notebook's outputs), written beside it.
    public var media: [ImportedMedia] = []
    let source: ImportSource
    /// Id → the input line of the card that took it, to keep ids unique within the notebook.
    private var usedIDs: [String: Int] = [:]

    init(title: String, source: ImportSource) {
        self.title = title
        self.source = source
    }

    public var cards: [ImportedCard] {
        items.compactMap { if case .card(let c) = $0 { return c } else { return nil } }
    }

    public var sectionCount: Int {
        items.filter { if case .heading = $0 { return true } else { return false } }.count
    }

    mutating func warn(_ message: String, line: Int) {
        warnings.append(.warning(message, at: source.location(line: line), rule: .importWarning))
    }

    mutating func addHeading(level: Int, _ text: String) { items.append(.heading(level: level, text: text)) }

    mutating func addProse(_ markdown: String) {
        let trimmed = markdown.trimmingCharacters(in: .newlines)
        if !trimmed.trimmingWhitespaceAndNewlines().isEmpty { items.append(.prose(trimmed)) }
    }

    /// Adds a card. Without a written id, the id is derived from the file's name and the card's front,
    /// so importing again gives the same id. An id already taken in this file gets a numbered suffix.
    mutating func addCard(id written: String? = nil, front: String, back: String, line: Int,
                          guid: String? = nil, tags: [String] = [], classes: [String] = []) {
        var id = written ?? ImportedCard.derivedID(file: source.name, front: front)
        if let first = usedIDs[id] {
            var n = 2
            while usedIDs["\(id)-\(n)"] != nil { n += 1 }
            warn("card id '\(id)' is already used by the card at line \(first): this card gets '\(id)-\(n)'", line: line)
            id = "\(id)-\(n)"
        }
        usedIDs[id] = line
        items.append(.card(ImportedCard(id: id, front: front, back: back, line: line, guid: guid, tags: tags, classes: classes)))
    }
}

/// A file that comes with an imported notebook, at `path` relative to the notebook's folder.
public struct ImportedMedia: Hashable, Sendable {
    public var path: String
    public var data: Data
}

public struct ImportedCard: Hashable, Sendable {
    public var id: String
    /// Markdown of each side.
    public var front: String
    public var back: String
    /// Where the card starts in the input.
    public var line: Int
    /// The Anki GUID of the note the card came from, kept so that Anki matches it on export.
    public var guid: String?
    /// The note's own tags.
    public var tags: [String] = []
    /// Classes of the card's attribute block (`reversed`).
    public var classes: [String] = []

    /// `imp-` and the FNV-1a hash of the file name and the front with white space folded, in base 36.
    static func derivedID(file: String, front: String) -> String {
        let folded = front.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return "imp-" + String(FNV1a64.hash(file + "\n" + folded), radix: 36)
    }
}

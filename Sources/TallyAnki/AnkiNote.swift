import TallyHashing
import TallyDocument

/// One Anki note, ready to write: `fields` are finished HTML in the note type's field order.
public struct AnkiNote: Hashable, Sendable {
    public var guid: String
    public var noteType: AnkiNoteType
    public var fields: [String]
    /// Already normalised (see `AnkiTags`).
    public var tags: [String]
    /// `::` between levels, as Anki names decks.
    public var deckName: String
    /// The card's place in its notebook, for diagnostics.
    public var location: SourceLocation
    /// A cloze note's deletion numbers (from the document model, `[Block].clozeNumbers`): Anki makes one card
    /// per number. Empty for other note types.
    public var clozeNumbers: [Int]
    /// The card's id and its notebook's path below the notebooks' root: where the lock keeps the note.
    public var cardID: String
    public var notebook: String

    public init(guid: String, noteType: AnkiNoteType, fields: [String], tags: [String], deckName: String,
                location: SourceLocation, clozeNumbers: [Int] = [], cardID: String = "", notebook: String = "") {
        precondition(fields.count == noteType.fieldNames.count, "one value per field of \(noteType.name)")
        self.guid = guid
        self.noteType = noteType
        self.fields = fields
        self.tags = tags
        self.deckName = deckName
        self.location = location
        self.clozeNumbers = clozeNumbers
        self.cardID = cardID
        self.notebook = notebook
    }

    /// The card ordinals Anki shows for this note: one per template, or one per cloze number.
    var cardOrdinals: [Int] {
        switch noteType {
        case .basic: return [0]
        case .basicAndReversed: return [0, 1]
        case .cloze: return clozeNumbers.map { $0 - 1 }
        }
    }

    /// What decides whether Anki must take the note again: exactly what is written into the note, its type, every
    /// field (Source included: it holds nothing that moves when unrelated text moves) and its tags; not its deck
    /// (Anki never moves the cards of an existing note).
    var contentHash: String {
        let parts = [String(noteType.id)] + fields + [tags.joined(separator: " ")]
        return SHA256.hex(Array(parts.joined(separator: "\u{1f}").utf8))
    }

    /// The tag Tally adds to a note whose card is gone from the notebooks, so one search finds them all.
    public static let removedTag = "tally::removed"

    var stored: ModLock.StoredNote {
        ModLock.StoredNote(card: cardID, notebook: notebook, type: noteType, deck: deckName, tags: tags,
                           fields: fields, clozes: clozeNumbers.isEmpty ? nil : clozeNumbers)
    }

    /// The note a lock entry remembers, tagged as removed.
    init(removed stored: ModLock.StoredNote, guid: String) {
        self.init(guid: guid, noteType: stored.type, fields: stored.fields,
                  tags: AnkiTags.normalize(stored.tags + [Self.removedTag]), deckName: stored.deck,
                  location: SourceLocation(file: stored.notebook, line: 1), clozeNumbers: stored.clozes ?? [],
                  cardID: stored.card, notebook: stored.notebook)
    }
}

/// A file the notes refer to by `name` (e.g. `<img src="NAME">`).
public struct AnkiMedia: Hashable, Sendable {
    public var name: String
    public var data: [UInt8]

    /// Names media after their content, so two different files never share a name, in the package or in the
    /// user's collection, and the same file always gets the same name.
    public init(data: [UInt8], fileExtension: String) {
        let ext = fileExtension.isEmpty ? "" : "." + fileExtension.lowercased()
        self.name = "tally-" + SHA256.hex(data).prefix(16) + ext
        self.data = data
    }
}

/// Everything one export writes.
public struct AnkiDeckPackage: Hashable, Sendable {
    public var notes: [AnkiNote]
    public var media: [AnkiMedia]

    public init(notes: [AnkiNote], media: [AnkiMedia] = []) {
        self.notes = notes
        self.media = media
    }
}

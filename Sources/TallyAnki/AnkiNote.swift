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

    public init(guid: String, noteType: AnkiNoteType, fields: [String], tags: [String], deckName: String,
                location: SourceLocation) {
        precondition(fields.count == noteType.fieldNames.count, "one value per field of \(noteType.name)")
        self.guid = guid
        self.noteType = noteType
        self.fields = fields
        self.tags = tags
        self.deckName = deckName
        self.location = location
    }

    /// The card ordinals Anki shows for this note: one per template, or one per cloze number.
    var cardOrdinals: [Int] {
        switch noteType {
        case .basic: return [0]
        case .basicAndReversed: return [0, 1]
        case .cloze: return Cloze.numbers(in: fields[0]).map { $0 - 1 }
        }
    }

    /// What decides whether Anki must take the note again: its type, tags and fields but for Source (not its deck:
    /// Anki never moves the cards of an existing note). Source holds the card's line, which an edit above the card
    /// shifts; counting it would re-stamp every card below an edit and overwrite them in Anki. It is refreshed
    /// whenever the note changes for real.
    var contentHash: String {
        let content = zip(noteType.fieldNames, fields).filter { $0.0 != AnkiNoteType.sourceFieldName }.map(\.1)
        let parts = [String(noteType.id)] + content + [tags.joined(separator: " ")]
        return SHA256.hex(Array(parts.joined(separator: "\u{1f}").utf8))
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

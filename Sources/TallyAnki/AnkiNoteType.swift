import TallyHashing
/// Tally's three note types. Their ids, names, field names and template names are fixed: Anki updates an
/// existing note on re-import only while its note type is the same, so none of these may change once released.
public enum AnkiNoteType: String, Hashable, Sendable, CaseIterable, Codable {
    case basic, basicAndReversed, cloze

    struct Template: Hashable {
        var name: String
        var question: String
        var answer: String
    }

    public var id: Int64 {
        switch self {
        case .basic: return 1_733_000_000_101
        case .basicAndReversed: return 1_733_000_000_102
        case .cloze: return 1_733_000_000_103
        }
    }

    public var name: String {
        switch self {
        case .basic: return "Tally Basic"
        case .basicAndReversed: return "Tally Basic (and reversed card)"
        case .cloze: return "Tally Cloze"
        }
    }

    /// The last field of every type: where the card came from (see `AnkiNote.contentHash`).
    public static let sourceFieldName = "Source"

    public var fieldNames: [String] {
        switch self {
        case .basic, .basicAndReversed: return ["Front", "Back", Self.sourceFieldName]
        case .cloze: return ["Text", "Back Extra", Self.sourceFieldName]
        }
    }

    /// The matching note type that every new (English) Anki collection has: the TSV export names it, because a
    /// plain-text import cannot bring note types of its own.
    public var stockName: String {
        switch self {
        case .basic: return "Basic"
        case .basicAndReversed: return "Basic (and reversed card)"
        case .cloze: return "Cloze"
        }
    }

    var isCloze: Bool { self == .cloze }

    var templates: [Template] {
        let source = "<div class=\"tally-source\">{{Source}}</div>"
        switch self {
        case .basic:
            return [Template(name: "Card 1", question: "{{Front}}",
                             answer: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}\n\(source)")]
        case .basicAndReversed:
            return [Template(name: "Card 1", question: "{{Front}}",
                             answer: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}\n\(source)"),
                    Template(name: "Card 2", question: "{{Back}}",
                             answer: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}\n\(source)")]
        case .cloze:
            return [Template(name: "Cloze", question: "{{cloze:Text}}",
                             answer: "{{cloze:Text}}\n<br>\n{{Back Extra}}\n\(source)")]
        }
    }
}

extension AnkiNoteType {
    /// Changes whenever the templates or the style change, so the lock gives the note type a newer `mod` and
    /// Anki takes the new templates on the next import.
    var definitionHash: String {
        let parts = [name] + fieldNames + templates.flatMap { [$0.name, $0.question, $0.answer] } + [NoteTypeCSS.css]
        return SHA256.hex(Array(parts.joined(separator: "\u{1f}").utf8))
    }
}

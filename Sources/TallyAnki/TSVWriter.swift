import Foundation

/// Anki's plain-text import format, with the header lines that tell Anki the separator, that fields are HTML, and
/// which columns hold the GUID, note type, deck and tags.
///
/// A text import cannot bring note types, so rows name Anki's stock ones and the Source link joins the second
/// field. The GUID column still lets a re-import update the notes in place.
public enum TSVWriter {
    public static func tsv(for notes: [AnkiNote]) -> String {
        var lines = [
            "#separator:tab", "#html:true", "#guid column:1", "#notetype column:2", "#deck column:3",
            "#tags column:6",
        ]
        for note in notes {
            let back = note.fields[1] + "<div class=\"tally-source\">\(note.fields[2])</div>"
            let columns = [note.guid, note.noteType.stockName, note.deckName, note.fields[0], back,
                           note.tags.joined(separator: " ")]
            lines.append(columns.map(quoted).joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func write(_ notes: [AnkiNote], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(tsv(for: notes).utf8).write(to: url, options: .atomic)
    }

    /// CSV-style quoting, which Anki's reader understands: fields with a tab, line break or quote are put in
    /// quotes with inner quotes doubled.
    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\"" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
import TallyDocument

/// One export: stamps the notes from the mod lock, writes the package, and only then saves the lock (a failed
/// write must not record stamps that Anki never saw).
public enum AnkiExporter {
    /// The lock's file name, kept beside the notebooks.
    public static let lockFileName = "tally-anki.lock"

    public static func writePackage(_ package: AnkiDeckPackage, to url: URL, lockURL: URL,
                                    now: Date = Date()) throws {
        try requireUniqueGUIDs(package.notes)
        var lock = try ModLock.load(from: lockURL)
        var noteTypeMods: [AnkiNoteType: Int64] = [:]
        for type in AnkiNoteType.allCases {
            noteTypeMods[type] = lock.stamp("notetype:\(type.id)", hash: type.definitionHash, now: now, fixedID: type.id).mod
        }
        let stamped = package.notes.map { note in
            let entry = lock.stamp(note.guid, hash: note.contentHash, now: now)
            return ApkgWriter.StampedNote(note: note, id: entry.id, mod: entry.mod)
        }
        var seen = Set<String>()
        let media = package.media.filter { seen.insert($0.name).inserted }
        try ApkgWriter.write(notes: stamped, noteTypeMods: noteTypeMods, media: media, to: url)
        try lock.write(to: lockURL)
    }

    public static func writeTSV(_ package: AnkiDeckPackage, to url: URL) throws {
        try requireUniqueGUIDs(package.notes)
        try TSVWriter.write(package.notes, to: url)
    }

    /// Duplicate card ids are reported as diagnostics before export; this guards the writer itself.
    private static func requireUniqueGUIDs(_ notes: [AnkiNote]) throws {
        var seen = Set<String>()
        for note in notes where !seen.insert(note.guid).inserted { throw AnkiExportError.duplicateGUID(note.guid) }
    }
}

extension AnkiExporter {
    public enum Format: String, CaseIterable, Sendable {
        case apkg, tsv
    }

    /// The lock lives in the notebooks' common folder, so it travels (and is committed) with them —
    /// when that folder is inside the project (the working directory). Notebooks read from elsewhere
    /// (someone else's folder, a read-only one) are never written to: their lock goes beside the deck.
    public static func lockURL(for sources: SourceSet, deck: URL) -> URL {
        let project = sources.workingDirectory.standardizedFileURL.path
        let root = sources.root.standardizedFileURL.path
        let folder = root == project || root.hasPrefix(project + "/") ? sources.root : deck.deletingLastPathComponent()
        return folder.appendingPathComponent(lockFileName)
    }

    /// What `tally anki` and `tally build` run: the cards of `sources` written to `url`. Returns how many notes
    /// were written and the cards' diagnostics (the cards they name are left out); throws only when writing fails.
    public static func export(_ sources: SourceSet, format: Format, to url: URL, notes mapping: CardNotes? = nil,
                              now: Date = Date()) throws -> (notes: Int, diagnostics: [Diagnostic]) {
        let (package, diagnostics) = (mapping ?? CardNotes(sources: sources)).package()
        switch format {
        case .apkg: try writePackage(package, to: url, lockURL: lockURL(for: sources, deck: url), now: now)
        case .tsv: try writeTSV(package, to: url)
        }
        return (package.notes.count, diagnostics)
    }
}

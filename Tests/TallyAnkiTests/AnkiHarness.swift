import Foundation
import XCTest
import TallyTestSupport

/// Runs reference/anki_harness.py with the official Anki library against a collection of its own, so tests
/// assert on what real Anki imports and stores, not on what we wrote.
struct AnkiHarness {
    struct Report: Decodable {
        var log: ImportLog?
        var state: CollectionState
        /// GUIDs found by `search`.
        var found: [String]?
    }

    struct ImportLog: Decodable {
        var new: [String?]
        var updated: [String?]
        var duplicate: [String?]
        var conflicting: [String?]
        var firstFieldMatch: Int
        var missingNotetype: Int
        var missingDeck: Int
        var emptyFirstField: Int
    }

    struct CollectionState: Decodable {
        var notes: [NoteState]
        var decks: [String]
        var notetypes: [String]
        var cardCount: Int
        /// File name → SHA-256 of the file in the collection's media folder.
        var media: [String: String]

        func note(_ guid: String) -> NoteState? { notes.first { $0.guid == guid } }
    }

    struct NoteState: Decodable {
        var guid: String
        var notetype: String
        var fields: [String: String]
        var tags: [String]
        var mod: Int64
        var decks: [String]
        var cards: Int
        var cardOrds: [Int]
        var reviews: Int
        /// Each card's question and answer as Anki renders them (card templates, cloze filter and all).
        var questions: [String]
        var answers: [String]
    }

    static let packageRoot = TallyTestSupport.packageRoot

    let collection: URL

    /// A harness on a new, empty collection in `directory`.
    init(directory: URL) {
        collection = directory.appendingPathComponent("collection-\(UUID().uuidString).anki2")
    }

    func importPackage(_ url: URL) throws -> Report { try run("import-apkg", url.path) }
    func importTSV(_ url: URL) throws -> Report { try run("import-tsv", url.path) }
    func answerFirstCard(ofNote guid: String) throws -> Report { try run("answer", guid) }
    /// The GUIDs of the notes Anki's own search finds for `query` (e.g. `tag:tally::removed`).
    func search(_ query: String) throws -> [String] { try run("search", query).found ?? [] }
    /// Writes every card's question and answer HTML, as Anki renders them, to `url` (JSON).
    func render(to url: URL) throws { _ = try run("render", url.path) }

    /// Tally's GUIDs as the harness derives them from card ids with Python's hashlib.
    static func guids(forCardIDs ids: [String]) throws -> [String: String] {
        try JSONDecoder().decode([String: String].self, from: execute(["-", "guid"] + ids))
    }

    private func run(_ arguments: String...) throws -> Report {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Report.self, from: Self.execute([collection.path] + arguments))
    }

    private static func execute(_ arguments: [String]) throws -> Data {
        try PythonScript.run(packageRoot.appendingPathComponent("reference/anki_harness.py"), arguments)
    }

}

import Foundation
import XCTest

/// Runs reference/anki_harness.py with the official Anki library against a collection of its own, so tests
/// assert on what real Anki imports and stores, not on what we wrote. Each call throws `PythonScript.Failure`
/// when the script fails (no `anki` in the interpreter, a package Anki refuses).
public struct AnkiHarness {
    public struct Report: Decodable {
        public var log: ImportLog?
        public var state: CollectionState
        /// GUIDs found by `search`.
        public var found: [String]?
    }

    public struct ImportLog: Decodable {
        public var new: [String?]
        public var updated: [String?]
        public var duplicate: [String?]
        public var conflicting: [String?]
        public var firstFieldMatch: Int
        public var missingNotetype: Int
        public var missingDeck: Int
        public var emptyFirstField: Int
    }

    public struct CollectionState: Decodable {
        public var notes: [NoteState]
        public var decks: [String]
        public var notetypes: [String]
        public var cardCount: Int
        /// File name → SHA-256 of the file in the collection's media folder.
        public var media: [String: String]

        public func note(_ guid: String) -> NoteState? { notes.first { $0.guid == guid } }
    }

    public struct NoteState: Decodable {
        public var guid: String
        public var notetype: String
        public var fields: [String: String]
        public var tags: [String]
        public var mod: Int64
        public var decks: [String]
        public var cards: Int
        public var cardOrds: [Int]
        public var reviews: Int
        /// Each card's question and answer as Anki renders them (card templates, cloze filter and all).
        public var questions: [String]
        public var answers: [String]
    }

    public static let packageRoot = TallyTestSupport.packageRoot

    public let collection: URL

    /// A harness on a new, empty collection in `directory`.
    public init(directory: URL) {
        collection = directory.appendingPathComponent("collection-\(UUID().uuidString).anki2")
    }

    public func importPackage(_ url: URL) throws -> Report { try run("import-apkg", url.path) }
    public func importTSV(_ url: URL) throws -> Report { try run("import-tsv", url.path) }
    public func answerFirstCard(ofNote guid: String) throws -> Report { try run("answer", guid) }
    /// The GUIDs of the notes Anki's own search finds for `query` (e.g. `tag:tally::removed`).
    public func search(_ query: String) throws -> [String] { try run("search", query).found ?? [] }
    /// Writes every card's question and answer HTML, as Anki renders them, to `url` (JSON).
    public func render(to url: URL) throws { _ = try run("render", url.path) }

    /// Tally's GUIDs as the harness derives them from card ids with Python's hashlib.
    public static func guids(forCardIDs ids: [String]) throws -> [String: String] {
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

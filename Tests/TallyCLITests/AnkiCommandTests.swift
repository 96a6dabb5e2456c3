import Foundation
import XCTest
import TallyTestSupport

/// `tally anki`, `tally build` and the Anki lock as a user meets them, read back with the real `anki` library
/// (reference/anki_harness.py): every export evaluates through one pipeline, and the notes do not depend on the
/// command, the working directory or `--jobs`.
final class AnkiCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        try requireRealPart(TallyCLITests.binary != nil, "the tally executable was not found next to the tests")
        let project = try TemporaryProject(self, prefix: "tally-anki-cli")
        folder = project.root
    }

    private func write(_ relative: String, _ text: String) throws {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// F1 of precision 4/5 and recall 2/3 is 2PR/(P+R) = (16/15)/(22/15) = 8/11 = 0.72727…
    private let f1Notebook = """
    ---
    title: Scores
    ---
    # F1

    ```swift
    let precision = 0.8, recall = 2.0 / 3
    let f1 = 2 * precision * recall / (precision + recall)
    ```

    ::: card {#f1-value}
    What is $F_1$ for $P = 0.8$, $R = 2/3$?
    ---
    `{swift %.4f} f1`
    :::

    """

    private struct Imported: Decodable {
        struct Log: Decodable { var new: [String?]; var updated: [String?] }
        struct Note: Decodable { var guid: String; var fields: [String: String]; var tags: [String]; var mod: Int64 }
        struct State: Decodable { var notes: [Note] }
        var log: Log?
        var state: State
    }

    /// Imports `package` into the collection `collection` (made on first use) with the real Anki importer.
    private func importIntoAnki(_ package: URL, collection: String = "collection.anki2") throws -> Imported {
        let data = try PythonScript.run(packageRoot.appendingPathComponent("reference/anki_harness.py"),
                                        [folder.appendingPathComponent(collection).path, "import-apkg", package.path])
        return try JSONDecoder().decode(Imported.self, from: data)
    }

    private var cache: String { folder.appendingPathComponent("cache").path }

    func testAnkiWritesTheComputedNumberIntoTheNote() throws {
        try write("card.md", f1Notebook)
        let run = try TallyCLITests.run(["anki", "card.md", "-o", "deck.apkg", "--cache", cache], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        let note = try XCTUnwrap(importIntoAnki(folder.appendingPathComponent("deck.apkg")).state.notes.first)
        XCTAssertEqual(note.fields["Back"], "<p><span class=\"tally-value\">0.7273</span></p>\n")
        XCTAssertFalse(note.fields.values.contains { $0.contains("<code") })
    }

    func testACardWhoseValueCannotBeComputedIsAnErrorAtItsLineNeverCode() throws {
        try write("notes/bad.md", """
        ::: card {#trap}
        Third element?
        ---
        `{swift} [1.0, 2.0][5]`
        :::

        ::: card {#fine}
        Plain?
        ---
        Yes
        :::

        """)
        // Its notebook fails its checks, so it is not exported at all…
        let run = try TallyCLITests.run(["anki", "notes", "-o", "deck.apkg", "--cache", cache], in: folder)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("notes/bad.md:4:"), run.stderr)
        // …and published anyway, the card with the missing value is an error at that value and left out.
        let forced = try TallyCLITests.run(["anki", "notes", "-o", "forced.apkg", "--cache", cache, "--allow-failures"], in: folder)
        XCTAssertEqual(forced.status, 1, forced.stderr)
        XCTAssertTrue(forced.stderr.contains("notes/bad.md:4:1: error: card 'trap' shows `[1.0, 2.0][5]`, whose value was not computed: the card is left out of the deck [uncomputed-card-value]"), forced.stderr)
        let notes = try importIntoAnki(folder.appendingPathComponent("forced.apkg")).state.notes
        XCTAssertEqual(notes.count, 1)
        XCTAssertFalse(notes.contains { $0.fields.values.contains { $0.contains("[1.0, 2.0][5]") } })
    }

    /// `tally build` in the notebooks' folder, then `tally anki` of the same notebooks from `/`: the second import
    /// finds nothing new and nothing to update, and the lock is where it was.
    func testBuildThenAnkiFromTheRootFolderUpdatesNoNote() throws {
        try write("notes/scores.md", f1Notebook)
        try write("notes/more.md", "# More\n\n::: card {#plain .reversed}\nA?\n---\nB\n:::\n\n::: card {#cz}\nSum: {{c1::$\\frac{a}{b}$}}\n---\n:::\n")
        let build = try TallyCLITests.run(["build", "notes", "-o", "out", "--cache", cache], in: folder)
        XCTAssertEqual(build.status, 0, build.stderr)
        let first = try importIntoAnki(folder.appendingPathComponent("out/tally.apkg"))
        XCTAssertEqual(first.log?.new.count, 3)

        let deck = folder.appendingPathComponent("x.apkg").path
        let anki = try TallyCLITests.run(["anki", folder.appendingPathComponent("notes").path, "-o", deck, "--cache", cache],
                                         in: URL(fileURLWithPath: "/"))
        XCTAssertEqual(anki.status, 0, anki.stderr)
        let second = try importIntoAnki(URL(fileURLWithPath: deck))
        XCTAssertEqual(second.log?.new, [])
        XCTAssertEqual(second.log?.updated, [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tally-anki.lock"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes/tally-anki.lock/scores.md.jsonl").path))
    }

    /// The same notebooks built in two folders with different `--jobs` give the same notes, byte for byte.
    func testTwoFoldersAndDifferentJobsGiveTheSameNotes() throws {
        for copy in ["a", "b"] {
            try write("\(copy)/notes/scores.md", f1Notebook)
            try write("\(copy)/notes/deep/more.md", "# More\n\nText `{swift} 6 * 7`.\n\n::: card {#m}\nSix times seven?\n---\n`{swift} 6 * 7`\n:::\n")
            try write("\(copy)/notes/third.md", "---\ntitle: Third\n---\n::: card {#t}\n$\\sum_{i} {{c1::x_{i}}}$\n---\n:::\n")
        }
        let runA = try TallyCLITests.run(["build", "notes", "-o", "out", "--jobs", "1", "--cache", cache + "-a"],
                                         in: folder.appendingPathComponent("a"))
        let runB = try TallyCLITests.run(["build", "b/notes", "-o", "b/out", "--jobs", "3", "--cache", cache + "-b"], in: folder)
        XCTAssertEqual(runA.status, 0, runA.stderr)
        XCTAssertEqual(runB.status, 0, runB.stderr)
        let a = try importIntoAnki(folder.appendingPathComponent("a/out/tally.apkg"), collection: "a.anki2").state.notes
        let b = try importIntoAnki(folder.appendingPathComponent("b/out/tally.apkg"), collection: "b.anki2").state.notes
        XCTAssertEqual(a.count, 3)
        XCTAssertEqual(a.map(\.guid), b.map(\.guid))
        for (x, y) in zip(a, b) {
            XCTAssertEqual(x.fields, y.fields, x.guid)
            XCTAssertEqual(x.tags, y.tags, x.guid)
        }
    }

    /// Source links to the card on the site only when the project says where the site lives.
    func testSourceLinksToTheSiteOnlyWithASiteURL() throws {
        try write("notes/act.md", "---\ntitle: Activations\n---\n# ReLU\n\n::: card {#relu}\nReLU?\n---\nmax(0, x)\n:::\n")
        func source(_ arguments: [String], _ name: String) throws -> String? {
            let run = try TallyCLITests.run(["anki", "notes", "-o", name, "--cache", cache] + arguments, in: folder)
            XCTAssertEqual(run.status, 0, run.stderr)
            return try importIntoAnki(folder.appendingPathComponent(name), collection: name + ".anki2").state.notes.first?.fields["Source"]
        }
        XCTAssertEqual(try source([], "plain.apkg"), "Activations › ReLU")
        try write("tally.yml", "site-url: https://me.example/notes\n")
        XCTAssertEqual(try source([], "project.apkg"), "<a href=\"https://me.example/notes/act.html#card-relu\">Activations › ReLU</a>")
        XCTAssertEqual(try source(["--site-url", "https://other.example/"], "flag.apkg"),
                       "<a href=\"https://other.example/act.html#card-relu\">Activations › ReLU</a>")
    }

    /// What `make run` does on a fresh clone (`tally build notebooks -o output`) leaves the committed lock as it
    /// is: same notes, same stamps, byte for byte.
    func testBuildingTheProjectNotebooksLeavesTheCommittedLockUnchanged() throws {
        let notebooks = folder.appendingPathComponent("notebooks")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("notebooks"), to: notebooks)
        let lock = notebooks.appendingPathComponent("tally-anki.lock")
        func snapshot() throws -> [String: Data] {
            let files = try FileManager.default.contentsOfDirectory(atPath: lock.path)
            return try Dictionary(uniqueKeysWithValues: files.map { ($0, try Data(contentsOf: lock.appendingPathComponent($0))) })
        }
        let committed = try snapshot()
        XCTAssertFalse(committed.isEmpty)
        let run = try TallyCLITests.run(["build", "notebooks", "-o", "output", "--cache", cache], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try snapshot(), committed)
    }
}

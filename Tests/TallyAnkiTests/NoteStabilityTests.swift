import Foundation
import XCTest
import TallyDocument
@testable import TallyAnki
import TallyTestSupport

/// A note changes only when what the student sees changes: Source names the notebook and section (no line), and
/// links to the site only when the project says where the site lives.
final class NoteStabilityTests: XCTestCase {
    private var fixture: NotebookFixture!

    override func setUpWithError() throws { fixture = try NotebookFixture() }
    override func tearDown() { fixture.remove() }

    private let cards = """
    ---
    title: Activations
    ---
    # Sigmoid

    ::: card {#sig-range}
    Range of the sigmoid?
    ---
    $(0, 1)$
    :::

    ## Derivative

    ::: card {#sig-grad .reversed}
    $\\sigma'(x)$
    ---
    $\\sigma(x)(1 - \\sigma(x))$
    :::

    ::: card {#sig-cloze}
    The sigmoid of 0 is {{c1::one half}}.
    ---
    :::

    """

    func testParagraphsAddedAboveEveryCardChangeNoNote() throws {
        try fixture.write("act.md", cards)
        let anki = AnkiHarness(directory: fixture.base)
        let first = try anki.importPackage(fixture.exportPackage(name: "v1.apkg").url)
        XCTAssertEqual(first.log?.new.count, 3)

        let padded = cards.replacingOccurrences(of: "::: card", with: "A new paragraph.\n\nAnd another one.\n\n::: card")
        try fixture.write("act.md", padded)
        let second = try anki.importPackage(fixture.exportPackage(name: "v2.apkg").url)
        XCTAssertEqual(second.log?.updated, [])
        XCTAssertEqual(second.log?.new, [])
        for note in first.state.notes {
            XCTAssertEqual(second.state.note(note.guid)?.fields, note.fields)
            XCTAssertEqual(second.state.note(note.guid)?.mod, note.mod)
        }
    }

    func testSourceNamesNotebookAndSectionOrLinksToThePublishedSite() throws {
        try fixture.write("act.md", cards)
        let sources = try SourceLoader.load(paths: [fixture.root.path])
        let plain = CardNotes(sources: sources, pageHref: { _ in "act.html" }).package().package.notes
        XCTAssertEqual(plain.map { $0.fields[2] }, ["Activations › Sigmoid", "Activations › Derivative", "Activations › Derivative"])
        let linked = CardNotes(sources: sources, pageHref: { _ in "act.html" }, siteURL: "https://me.example/notes/")
            .package().package.notes
        XCTAssertEqual(linked[0].fields[2], "<a href=\"https://me.example/notes/act.html#card-sig-range\">Activations › Sigmoid</a>")
        XCTAssertNotEqual(plain[0].contentHash, linked[0].contentHash, "the hash covers every field written")
    }

    func testACardShowingAnUncomputedValueIsAnErrorAtItsLineAndLeftOut() throws {
        try fixture.write("v.md", "::: card {#v}\nWhat is x?\n---\nIt is `{swift} x`.\n:::\n\n::: card {#w}\nPlain?\n---\nYes\n:::\n")
        let (_, package, diagnostics) = try fixture.notes()
        XCTAssertEqual(package.notes.map(\.cardID), ["w"])
        XCTAssertEqual(diagnostics.map(\.description),
                       ["\(fixture.path("v.md")):4:7: error: card 'v' shows `x`, whose value was not computed: the card is left out of the deck [uncomputed-card-value]"])
    }

    /// Two branches each edit a different notebook: their lock changes touch different files and merge cleanly.
    func testLockChangesFromDifferentNotebooksMergeWithoutConflicts() throws {
        try fixture.write("a.md", "::: card {#a1}\nA?\n---\nA.\n:::\n\n::: card {#a2}\nA2?\n---\nA2.\n:::\n")
        try fixture.write("b.md", "::: card {#b1}\nB?\n---\nB.\n:::\n\n::: card {#b2}\nB2?\n---\nB2.\n:::\n")
        try fixture.exportPackage()
        func git(_ arguments: String...) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            process.arguments = ["-C", fixture.root.path, "-c", "user.name=t", "-c", "user.email=t@e"] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        XCTAssertEqual(try git("init", "-q", "-b", "main"), 0)
        XCTAssertEqual(try git("add", "-A"), 0)
        XCTAssertEqual(try git("commit", "-qm", "one"), 0)
        XCTAssertEqual(try git("checkout", "-qb", "other"), 0)
        try fixture.write("b.md", "::: card {#b1}\nB changed?\n---\nB.\n:::\n\n::: card {#b3}\nB3?\n---\nB3.\n:::\n")
        try fixture.exportPackage()
        XCTAssertEqual(try git("add", "-A"), 0)
        XCTAssertEqual(try git("commit", "-qm", "b"), 0)
        XCTAssertEqual(try git("checkout", "-q", "main"), 0)
        try fixture.write("a.md", "::: card {#a1}\nA changed?\n---\nA.\n:::\n\n::: card {#a0}\nA0?\n---\nA0.\n:::\n\n::: card {#a2}\nA2?\n---\nA2.\n:::\n")
        try fixture.exportPackage()
        XCTAssertEqual(try git("add", "-A"), 0)
        XCTAssertEqual(try git("commit", "-qm", "a"), 0)
        XCTAssertEqual(try git("merge", "-q", "--no-edit", "other"), 0, "the lock merges without conflicts")
        let lock = try ModLock.load(from: fixture.root.appendingPathComponent(AnkiExporter.lockFileName))
        let guids = try AnkiHarness.guids(forCardIDs: ["a0", "a1", "a2", "b1", "b2", "b3"])
        for (id, guid) in guids { XCTAssertNotNil(lock.entries[guid], id) }
    }
}

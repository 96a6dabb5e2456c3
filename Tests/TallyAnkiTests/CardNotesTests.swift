import Foundation
import TallyDocument
import XCTest
@testable import TallyAnki

/// Notebook cards → notes: note types, decks, tags, the Source field, diagnostics and HTML safety.
final class CardNotesTests: XCTestCase {
    private var fixture: NotebookFixture!

    override func setUpWithError() throws { fixture = try NotebookFixture() }
    override func tearDown() { fixture.remove() }

    func testNoteTypesDecksTagsAndSourceFromANotebook() throws {
        try fixture.write("optimizers/adam.md", """
        ---
        tags: [optimizers, first order]
        ---
        # Adam

        ## Moments

        ::: card {#adam-m}
        What does Adam's first moment track?
        ---
        The mean of the gradients.
        :::

        ::: card {#adam-beta .reversed}
        $\\beta_1$
        ---
        decay rate of the first moment
        :::

        ::: card {#adam-cloze}
        Adam divides by {{c1::$\\sqrt{\\hat{v}_t}$}}.
        ---
        :::
        """)
        try fixture.write("decks/nested/basics.txt", "unused: not a notebook ending")
        try fixture.write("top.md", """
        ---
        deck: Machine Learning::Core
        ---
        ::: card {#top}
        Front
        ---
        Back
        :::
        """)

        let (_, package, diagnostics) = try fixture.notes()
        XCTAssertEqual(diagnostics, [])
        let byGUID = Dictionary(uniqueKeysWithValues: package.notes.map { ($0.guid, $0) })
        let m = try XCTUnwrap(byGUID[AnkiGUID.forCard(id: "adam-m")])
        XCTAssertEqual(m.noteType, .basic)
        XCTAssertEqual(m.deckName, "optimizers")
        XCTAssertEqual(m.tags, ["optimizers", "first_order", "Adam", "Moments"])
        XCTAssertEqual(m.fields[0], "<p>What does Adam&#39;s first moment track?</p>\n")
        // No site URL: Source names notebook and section, nothing that moves with unrelated edits.
        XCTAssertEqual(m.fields[2], "Adam › Moments")
        XCTAssertEqual(byGUID[AnkiGUID.forCard(id: "adam-beta")]?.noteType, .basicAndReversed)
        let cloze = try XCTUnwrap(byGUID[AnkiGUID.forCard(id: "adam-cloze")])
        XCTAssertEqual(cloze.noteType, .cloze)
        XCTAssertTrue(cloze.fields[0].contains("{{c1::\\(\\sqrt{\\hat{v}_t}\\)}}"), cloze.fields[0])
        XCTAssertEqual(byGUID[AnkiGUID.forCard(id: "top")]?.deckName, "Machine Learning::Core")
    }

    func testCardsAnkiCannotTakeAreReportedAtTheirLine() throws {
        try fixture.write("bad.md", """
        ::: card {#no-front}
        ---
        back
        :::

        ::: card {#no-back}
        front
        ---
        :::

        ::: card {#fake-cloze .cloze}
        no deletion here
        ---
        back
        :::

        ::: card {#fine}
        front
        ---
        back
        :::
        """)
        let (_, package, diagnostics) = try fixture.notes()
        let bad = fixture.path("bad.md")
        XCTAssertEqual(diagnostics.map(\.description), [
            "\(bad):1:1: error: card 'no-front' has an empty front [empty-card]",
            "\(bad):6:1: error: card 'no-back' has an empty back [empty-card]",
            "\(bad):11:1: error: cloze card 'fake-cloze' has no deletion such as {{c1::…}} on its front [cloze-without-deletion]",
        ])
        XCTAssertEqual(package.notes.map(\.guid), [AnkiGUID.forCard(id: "fine")])
    }

    func testDuplicateIDAcrossFilesIsAnErrorAndNeverTwoNotes() throws {
        let card = "---\ncard_id: same\n---\nfront\n---\nback\n---\n"
        try fixture.write("a.md", card)
        try fixture.write("b.md", card)
        let (_, package, diagnostics) = try fixture.notes()
        XCTAssertEqual(diagnostics.map(\.description),
                       ["\(fixture.path("b.md")):1:1: error: duplicate card id 'same' (first used at \(fixture.path("a.md")):1:1) [duplicate-card-id]"])
        XCTAssertEqual(package.notes.count, 1)
    }

    func testCardHTMLCannotCarryScript() throws {
        try fixture.write("evil.md", """
        ::: card {#evil}
        <script>alert(1)</script> <img src=x onerror="alert(2)">
        ---
        [click](javascript:alert(3)) ![x](javascript:alert(4))
        :::
        """)
        let (_, package, diagnostics) = try fixture.notes()
        let note = try XCTUnwrap(package.notes.first)
        let html = note.fields.joined().lowercased()
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("<img"), html)
        XCTAssertFalse(html.contains("javascript:"), html)
        XCTAssertTrue(diagnostics.contains { $0.message.contains("not a file path") }, "\(diagnostics)")
    }

    func testRawHTMLOnlyWhenTheNotebookOptsIn() throws {
        // (`<kbd>` and the other tags of the inline allowlist work without opting in: `<span>` does not.)
        let card = "::: card {#raw}\n<span>Ctrl</span>\n---\nback\n:::\n"
        try fixture.write("plain.md", card)
        try fixture.write("opted/in.md", "---\nunsafe-html: true\n---\n" + card.replacingOccurrences(of: "#raw", with: "#raw2"))
        let fields = try fixture.notes().package.notes.map(\.fields[0])
        XCTAssertEqual(fields.count, 2)
        XCTAssertTrue(fields.contains { $0.contains("&lt;span&gt;Ctrl") }, "\(fields)")
        XCTAssertTrue(fields.contains { $0.contains("<span>Ctrl</span>") }, "\(fields)")
    }

    func testLocalImagesArePackedUnderContentNamesAndOutsideOnesRefused() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3])
        try fixture.write("img/plot.png", png)
        try fixture.write("pics.md", """
        ::: card {#pic}
        ![plot](img/plot.png) ![again](./img/plot.png)
        ---
        ![outside](../../etc/passwd) ![missing](img/none.png)
        :::
        """)
        let (_, package, diagnostics) = try fixture.notes()
        let media = AnkiMedia(data: Array(png), fileExtension: "png")
        XCTAssertEqual(package.media, [media])
        XCTAssertEqual(package.notes.first?.fields[0].components(separatedBy: "src=\"\(media.name)\"").count, 3)
        XCTAssertEqual(diagnostics.map(\.message).sorted(), [
            "image '../../etc/passwd' is outside the project (\(fixture.root.resolvingSymlinksInPath().path)): not used",
            "image 'img/none.png' not found",
        ])
    }
}

import Foundation
import XCTest
import TallyDocument
import TallyTestSupport
@testable import TallyAnki

/// Exported cards as a student sees them: Anki renders each card (question and answer, through the note type's
/// templates and CSS), headless Chromium typesets it with Debian's MathJax, and nothing may fail: no TeX error,
/// no formula left as `\(…\)`, no raw `{{c`, every image loaded. Screenshots (light and night, and a phone) of a
/// cloze, a reversed card and a chart card go to `.build/test-artifacts/`.
final class CardsInBrowserTests: XCTestCase {
    private var fixture: NotebookFixture!

    override func setUpWithError() throws { fixture = try NotebookFixture() }
    override func tearDown() { fixture.remove() }

    private struct Report: Decodable {
        struct Card: Decodable {
            var guid: String
            var ord: Int
            var side: String
            var typeset: Bool
            var mathErrors: [String]
            var texErrors: Int
            var formulas: Int
            var untypeset: Bool
            var rawCloze: Bool
            var images: Int
            var brokenImages: [String]
            var consoleErrors: [String?]
        }
        var cards: [Card]
        var screenshots: [String]
    }

    func testEveryExportedCardTypesetsAndLoadsItsImages() throws {
        // `\R` and `\norm` are defined once, in the page's prose, and used on the cards.
        try fixture.write("cards.md", """
        ---
        title: Cards in a browser
        ---
        # Definitions

        Let $\\newcommand{\\R}{\\mathbb{R}}\\newcommand{\\norm}[1]{\\lVert #1 \\rVert}x \\in \\R^n$.

        ```swift
        let s0 = sigmoid(0.0)
        ```

        ::: card {#softmax-cloze}
        The softmax is $\\mathrm{softmax}(z)_i = {{c1::\\frac{e^{z_i}}{\\sum_j e^{z_j}}}}$ and
        $\\norm{x}_2 = {{c2::\\sqrt{\\sum_i x_i^2}::a root}}$ for $x \\in \\R^n$.
        ---
        Both are {{c1::smooth}} (not part of the deletion on the back).
        :::

        ::: card {#norm-reversed .reversed}
        The Euclidean norm $\\norm{x}_2$ of $x \\in \\R^n$
        ---
        $\\sqrt{\\sum_{i=1}^{n} x_i^{2}}$
        :::

        ::: card {#sigmoid-chart}
        The sigmoid on $[-4, 4]$; $\\sigma(0) =$ `{swift %.2f} s0`
        ---
        `{swift} plot(["sigmoid": sigmoid], from: -4, to: 4, title: "Sigmoid")`
        :::

        """)
        let sources = try SourceLoader.load(paths: [fixture.root.path])
        let url = fixture.base.appendingPathComponent("deck.apkg")
        let export = try AnkiExporter.export(try fixture.evaluatedNotes(sources), format: .apkg, to: url, project: ProjectFile())
        XCTAssertEqual(export.notes, 3)
        let anki = AnkiHarness(directory: fixture.base)
        _ = try anki.importPackage(url)
        let rendered = fixture.base.appendingPathComponent("rendered.json")
        try anki.render(to: rendered)

        let guids = try AnkiHarness.guids(forCardIDs: ["softmax-cloze", "norm-reversed", "sigmoid-chart"])
        let artifacts = packageRoot.appendingPathComponent(".build/test-artifacts")
        let script = packageRoot.appendingPathComponent("Tests/TallyAnkiTests/Browser/cards_in_browser.py")
        let data = try PythonScript.run(script, [rendered.path, artifacts.path,
                                                 "\(guids["softmax-cloze"]!):0:question:anki-cloze-question",
                                                 "\(guids["softmax-cloze"]!):1:answer:anki-cloze-answer",
                                                 "\(guids["norm-reversed"]!):1:answer:anki-reversed",
                                                 "\(guids["sigmoid-chart"]!):0:answer:anki-chart"])
        let report = try JSONDecoder().decode(Report.self, from: data)
        XCTAssertEqual(report.cards.count, 2 * 5, "2 cloze cards, 2 reversed, 1 basic; question and answer each")
        for card in report.cards {
            let name = "\(card.guid) card \(card.ord + 1) \(card.side)"
            XCTAssertTrue(card.typeset, name)
            XCTAssertEqual(card.mathErrors, [], name)
            XCTAssertEqual(card.texErrors, 0, name)
            XCTAssertGreaterThan(card.formulas, 0, name)
            XCTAssertFalse(card.untypeset, name)
            XCTAssertFalse(card.rawCloze, name)
            XCTAssertEqual(card.brokenImages, [], name)
            XCTAssertEqual(card.consoleErrors.compactMap { $0 }, [], name)
        }
        XCTAssertEqual(report.cards.filter { $0.guid == guids["sigmoid-chart"]! && $0.side == "answer" }.map(\.images), [1])
        XCTAssertEqual(report.screenshots.count, 4 * 3)
        for shot in report.screenshots { XCTAssertTrue(FileManager.default.fileExists(atPath: shot), shot) }
    }
}

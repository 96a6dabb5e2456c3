import Foundation
import XCTest
import TallyHashing
@testable import TallyAnki
import TallyTestSupport

/// A notebook through the whole pipeline (parse → render → package) into real Anki.
final class NotebookImportTests: XCTestCase {
    private var fixture: NotebookFixture!

    override func setUpWithError() throws { fixture = try NotebookFixture() }
    override func tearDown() { fixture.remove() }

    func testMathClozeReversedCodeAndImagesAsAnkiShowsThem() throws {
        let svg = Data("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>".utf8)
        try fixture.write("plots/loss.svg", svg)
        try fixture.write("losses.md", """
        ---
        deck: ML::Losses
        tags: [losses]
        ---
        ## Cross entropy

        ::: card {#ce-cloze}
        The derivative of $\\log x$ is {{c1::$\\frac{1}{x}$}}; of $\\frac{1}{x}$ it is {{c2::$-\\frac{1}{x^{2}}$}}.
        ---
        ![loss](plots/loss.svg)
        :::

        ::: card {#ce-def .reversed}
        Cross entropy
        ---
        $$H(p, q) = -\\sum_x p(x) \\log q(x)$$

        ```swift
        let h = -zip(p, q).map { $0 * log($1) }.reduce(0, +)
        ```
        :::
        """)
        let state = try AnkiHarness(directory: fixture.base).importPackage(fixture.exportPackage().url).state
        let guids = try AnkiHarness.guids(forCardIDs: ["ce-cloze", "ce-def"])

        let cloze = try XCTUnwrap(state.note(guids["ce-cloze"]!))
        XCTAssertEqual(cloze.notetype, "Tally Cloze")
        XCTAssertEqual(cloze.cardOrds, [0, 1])
        XCTAssertEqual(cloze.decks, ["ML::Losses"])
        XCTAssertEqual(Set(cloze.tags), ["losses", "Cross_entropy"])
        // Card 2 hides the whole formula: its `}}` did not end the deletion inside the TeX.
        XCTAssertFalse(cloze.questions[1].contains("x^{2"), cloze.questions[1])
        XCTAssertTrue(cloze.questions[0].contains("\\(-\\frac{1}{x^{2} }\\)"), cloze.questions[0])
        let media = AnkiMedia(data: Array(svg), fileExtension: "svg")
        XCTAssertEqual(cloze.fields["Back Extra"], "<p><img src=\"\(media.name)\" alt=\"loss\"></p>\n")
        XCTAssertEqual(state.media, [media.name: SHA256.hex(Array(svg))])

        let definition = try XCTUnwrap(state.note(guids["ce-def"]!))
        XCTAssertEqual(definition.cardOrds, [0, 1])
        XCTAssertTrue(definition.questions[1].contains("\\[H(p, q) = -\\sum_x p(x) \\log q(x)\\]"), definition.questions[1])
        XCTAssertTrue(definition.questions[1].contains("<span class=\"tok-keyword\">let</span>"), definition.questions[1])
    }
}

import Foundation
import XCTest
import TallyDocument
@testable import TallyAnki
import TallyTestSupport

/// Clozes in math, both ways round, rendered by Anki itself (`card.question()`, `card.answer()` through the note
/// type's templates): every card has its deletion, no `{{c` is left, and the answer shows what the question hid.
final class ClozeInAnkiTests: XCTestCase {
    private var fixture: NotebookFixture!

    override func setUpWithError() throws { fixture = try NotebookFixture() }
    override func tearDown() { fixture.remove() }

    /// Per card id: the hidden text of each deletion in order (as TeX or text, whitespace ignored), and the hint
    /// shown in its place.
    private let expected: [String: [(hidden: String, hint: String?)]] = [
        "in-math": [("\\frac{1}{1+e^{-x}}", nil)],
        "math-in-cloze": [("\\frac{1}{x}", nil), ("2e^{2x}", nil)],
        "hint": [("\\mathbb{E}[(X-\\mu)^2]", "a {mean} of squares"), ("a}}b", nil)],
        "several": [("a", nil), ("b", "leg"), ("c^{2}", nil)],
    ]

    private let notebook = """
    ---
    title: Clozes in formulas
    deck: T::Cloze
    ---
    # Formulas

    ::: card {#in-math}
    The logistic function is $\\sigma(x) = {{c1::\\frac{1}{1 + e^{-x}}}}$.
    ---
    :::

    ::: card {#math-in-cloze}
    The derivative of $\\ln x$ is {{c1::$\\frac{1}{x}$}}; that of $e^{2x}$ is {{c2::$2e^{2x}$}}.
    ---
    :::

    ::: card {#hint}
    Variance: {{c1::$\\mathbb{E}[(X - \\mu)^2]$::a {mean} of squares}}, and the code {{c2::`a}}b`}}.
    ---
    :::

    ::: card {#several}
    $${{c1::a}}^{2} + {{c2::b::leg}}^{2} = {{c3::c^{2}}}$$
    ---
    :::

    """

    func testEveryDeletionRendersInAnkiWithItsAnswer() throws {
        try fixture.write("formulas.md", notebook)
        let (url, result) = try fixture.exportPackage()
        XCTAssertEqual(result.diagnostics, [])
        let state = try AnkiHarness(directory: fixture.base).importPackage(url).state
        let guids = try AnkiHarness.guids(forCardIDs: Array(expected.keys))
        XCTAssertEqual(state.notes.count, expected.count)
        for (card, deletions) in expected {
            let note = try XCTUnwrap(state.note(guids[card]!), card)
            XCTAssertEqual(note.notetype, "Tally Cloze", card)
            XCTAssertEqual(note.cardOrds, Array(0..<deletions.count), card)
            for (ord, deletion) in deletions.enumerated() {
                let question = note.questions[ord], answer = note.answers[ord]
                for side in [question, answer] {
                    XCTAssertFalse(side.contains("No cloze"), "\(card) c\(ord + 1): \(side)")
                    XCTAssertFalse(side.contains("{{c"), "\(card) c\(ord + 1): \(side)")
                }
                let shown = HTMLText.visible(question), revealed = HTMLText.visible(answer)
                let hidden = deletion.hidden.filter { !$0.isWhitespace }
                XCTAssertFalse(shown.contains(hidden), "\(card) c\(ord + 1) shows its answer: \(question)")
                XCTAssertTrue(revealed.contains(hidden), "\(card) c\(ord + 1) answer lacks \(hidden): \(answer)")
                let blank = "[" + (deletion.hint ?? "...") + "]"
                XCTAssertTrue(shown.contains(blank.filter { !$0.isWhitespace }), "\(card) c\(ord + 1): \(question)")
            }
        }
    }

    /// The softmax card of `markdown/05-cloze-double-brace.md`, as a student writes it: its `}}` that closes
    /// the deletion right after the formula's own `}}`.
    func testSoftmaxClozeInsideMath() throws {
        try fixture.write("softmax.md", """
        ::: card {#softmax-in-math}
        The softmax is $\\mathrm{softmax}(z)_i = {{c1::\\frac{e^{z_i}}{\\sum_j e^{z_j}}}}$.
        ---
        :::

        """)
        let (url, _) = try fixture.exportPackage()
        let state = try AnkiHarness(directory: fixture.base).importPackage(url).state
        let note = try XCTUnwrap(state.notes.first)
        XCTAssertEqual(note.cardOrds, [0])
        XCTAssertTrue(HTMLText.compact(note.questions[0]).contains("Thesoftmaxis\\(\\mathrm{softmax}(z)_i=[...]\\)."),
                      note.questions[0])
        XCTAssertTrue(HTMLText.compact(note.answers[0]).contains("\\(\\mathrm{softmax}(z)_i=\\frac{e^{z_i}}{\\sum_je^{z_j}}\\)"),
                      note.answers[0])
    }
}

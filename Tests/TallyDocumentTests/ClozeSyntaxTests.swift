import XCTest
@testable import TallyDocument

/// Cloze deletions are nodes of the model, parsed once: in prose (`Inline.Kind.cloze`) and inside formulas
/// (`Math.pieces`). Expected trees are written out by hand from Anki's cloze syntax.
final class ClozeSyntaxTests: XCTestCase {
    private func inlines(_ markdown: String) -> [Inline] {
        guard case .paragraph(let inlines)? = parse(markdown).notebook.blocks.first?.kind else { return [] }
        return inlines
    }

    private func clozes(_ inlines: [Inline]) -> [Cloze] {
        inlines.compactMap { if case .cloze(let c) = $0.kind { return c } else { return nil } }
    }

    func testADeletionWithAndWithoutAHint() {
        let found = clozes(inlines("Gradient {{c1::descent}} takes {{c2::small steps::how big?}}."))
        XCTAssertEqual(found.map(\.number), [1, 2])
        XCTAssertEqual(found.map { $0.content.plainText }, ["descent", "small steps"])
        XCTAssertEqual(found.map(\.hint), [nil, "how big?"])
    }

    func testBracesInsideTheAnswerOrHintDoNotEndIt() {
        let found = clozes(inlines("Keys {{c1::{a, b}::a set {of two}}} here."))
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.content.plainText, "{a, b}")
        XCTAssertEqual(found.first?.hint, "a set {of two}")
        XCTAssertEqual(inlines("Keys {{c1::{a, b}::a set {of two}}} here.").last?.kind, .text(" here."))
    }

    func testMathCodeAndEmphasisInsideADeletion() {
        let found = clozes(inlines("It is {{c1::$\\frac{1}{x^{2}}$ and `y}}z` and *w*}}."))
        XCTAssertEqual(found.count, 1)
        let kinds = found[0].content.map(\.kind)
        XCTAssertEqual(kinds.first, .math(Math(tex: "\\frac{1}{x^{2}}", display: false)))
        XCTAssertTrue(kinds.contains(.code("y}}z")), "\(kinds)")
        XCTAssertTrue(kinds.contains { if case .emphasis = $0 { return true } else { return false } })
    }

    func testADeletionInsideAFormula() {
        let math = Math(tex: "p_i = {{c1::\\frac{e^{z_i}}{\\sum_j e^{z_j}}}}", display: false)
        XCTAssertEqual(math.pieces, [.tex("p_i = "), .cloze(number: 1, tex: "\\frac{e^{z_i}}{\\sum_j e^{z_j}}", hint: nil)])
        XCTAssertEqual(math.clozeNumbers, [1])
        XCTAssertEqual(math.texWithoutClozes, "p_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}")
    }

    func testSeveralDeletionsWithHintsInOneFormula() {
        let math = Math(tex: "{{c2::a}}^2 + {{c1::b::leg}}^2 = c^{ {{c3::2}} }", display: true)
        XCTAssertEqual(math.pieces, [
            .cloze(number: 2, tex: "a", hint: nil), .tex("^2 + "), .cloze(number: 1, tex: "b", hint: "leg"),
            .tex("^2 = c^{ "), .cloze(number: 3, tex: "2", hint: nil), .tex(" }"),
        ])
        XCTAssertEqual(math.clozeNumbers, [1, 2, 3])
    }

    func testEscapedBracesInTeXAreNotGroups() {
        let math = Math(tex: "{{c1::\\{x\\}}}", display: false)
        XCTAssertEqual(math.pieces, [.cloze(number: 1, tex: "\\{x\\}", hint: nil)])
    }

    func testNestedDeletions() {
        let outer = clozes(inlines("A {{c1::big {{c2::red}} ball}}."))
        XCTAssertEqual(outer.map(\.number), [1])
        XCTAssertEqual(clozes(outer[0].content).map(\.number), [2])
        XCTAssertEqual(outer[0].content.plainText, "big red ball")
    }

    func testWhatIsNotADeletionStaysText() {
        for text in ["{{c0::zero}}", "{{c::none}}", "{{cx::x}}", "{{c1:one}}", "{{c1::never closed"] {
            XCTAssertEqual(clozes(inlines(text)), [], text)
            XCTAssertEqual(inlines(text).plainText, text.replacingOccurrences(of: "\\", with: ""), text)
        }
        XCTAssertEqual(Math(tex: "{{x}}", display: false).pieces, [.tex("{{x}}")])
    }

    func testCardsAreClozeCardsByTheirFront() {
        let card = parse("::: card {#m}\n$y = {{c1::mx + b}}$\n---\nline\n:::\n").notebook.cards.first
        XCTAssertEqual(card?.isCloze, true)
        XCTAssertEqual(card?.front.clozeNumbers, [1])
        let code = parse("::: card {#k}\n`{{c1::not a deletion}}`\n---\nb\n:::\n").notebook.cards.first
        XCTAssertEqual(code?.isCloze, false, "inside a code span it is code")
    }

    /// Thousands of openings that never close: each is scanned once (a fuzz case; no timing threshold).
    func testManyUnclosedOpeningsStayText() {
        let text = String(repeating: "{{c1::a ", count: 5000)
        XCTAssertEqual(clozes(inlines(text)), [])
        XCTAssertEqual(Math(tex: String(repeating: "{{c1::", count: 5000), display: false).clozeNumbers, [])
    }
}

import TallyDocument
import TallyImport
import XCTest

final class FlashcardPageReaderTests: XCTestCase {
    func testInterfaceDroppedAndTermsFound() {
        let c = convert(Fixtures.flashcardPage, format: .flashcardPage)
        XCTAssertEqual(c.notebook.cards.map(\.front), [
            "Density (eq)", "Rotation Matrix", "What is gradient descent?", "Inner Planets", "What is the Pythagorean relation?",
        ])
        XCTAssertFalse(c.markdown.contains("analytics"))
        XCTAssertFalse(c.markdown.contains("3/5"))
        XCTAssertEqual(c.notebook.cards[3].back, "The planets closest to the Sun, in order:\n\nMercury\n\nVenus")
        assertParsesCleanly(c)
    }

    func testGarbledFormulasReportedWithLinesAndNeverMath() throws {
        let c = convert(Fixtures.flashcardPage, format: .flashcardPage)
        // 6 and 9 are whole formula lines; 11 is prose with a garbled formula inside.
        XCTAssertEqual(warningLines(c), [6, 9, 11])
        XCTAssertTrue(c.notebook.warnings.allSatisfy { $0.message.contains("garbled") })
        let parsed = NotebookParser.parse(c.markdown, path: "out.md").notebook
        let density = try XCTUnwrap(parsed.cards.first)
        XCTAssertTrue(density.backSource.contains("**Formula to rewrite**"))
        XCTAssertTrue(density.backSource.contains("`ρ=Vm`"))
        XCTAssertFalse(hasMath(density.back), "a garbled formula must not become math")
        XCTAssertTrue(parsed.cards[2].backSource.contains("(xt+1=xt−αgt)"), "prose keeps its text")
    }

    func testTeXSourceLineBecomesDisplayMath() throws {
        let parsed = NotebookParser.parse(convert(Fixtures.flashcardPage, format: .flashcardPage).markdown, path: "out.md").notebook
        let back = try XCTUnwrap(parsed.cards.last).back
        guard case .paragraph(let inlines) = back.first?.kind, case .math(let math) = inlines.first?.kind else {
            return XCTFail("expected display math, got \(back)")
        }
        XCTAssertEqual(math, Math(tex: "c = \\sqrt{a^2 + b^2}", display: true))
    }

    func testCounterDisagreeingWithCardsIsReported() {
        let c = convert(Fixtures.flashcardPage.replacingOccurrences(of: "3/5", with: "1/6"), format: .flashcardPage)
        XCTAssertEqual(warningLines(c), [1, 6, 9, 11])
        XCTAssertTrue(c.notebook.warnings[0].message.contains("counts 6 cards but 5"))
    }

    private func hasMath(_ blocks: [Block]) -> Bool {
        blocks.contains { block in
            guard case .paragraph(let inlines) = block.kind else { return false }
            return inlines.contains { if case .math = $0.kind { return true } else { return false } }
        }
    }
}

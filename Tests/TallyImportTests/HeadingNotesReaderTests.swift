import TallyDocument
import TallyImport
import XCTest

final class HeadingNotesReaderTests: XCTestCase {
    func testLevelThreeSectionsBecomeCards() {
        let c = convert(Fixtures.headingNotes, format: .headings)
        XCTAssertEqual(c.notebook.title, "Garden Notes")
        XCTAssertEqual(c.notebook.cards.map(\.front), ["Compost", "Mulch", "Aphids"])
        XCTAssertEqual(c.notebook.cards[0].back, "Brown and green matter, turned weekly.\n\n#### Ratio\n\nAbout three parts brown to one part green.")
        XCTAssertTrue(c.notebook.cards[2].back.hasSuffix("```sh\n# not a heading: code\n```"))
        // ## Soil, ### Compost, ### Drainage, ### Mulch, ## Pests, ### Aphids
        XCTAssertEqual(c.notebook.sectionCount, 6)
        XCTAssertTrue(c.markdown.contains("### Drainage\n\n### Mulch"))
        assertParsesCleanly(c)
    }

    func testEmptySectionReportedNotCarded() {
        let c = convert(Fixtures.headingNotes, format: .headings)
        XCTAssertEqual(warningLines(c), [15])
        XCTAssertTrue(c.notebook.warnings[0].message.contains("'Drainage' has no body"))
    }

    func testMathInABodyStaysMath() throws {
        let parsed = NotebookParser.parse(convert(Fixtures.headingNotes, format: .headings).markdown, path: "out.md").notebook
        XCTAssertTrue(try XCTUnwrap(parsed.cards.dropFirst().first).backSource.contains("$r = 2$"))
    }
}

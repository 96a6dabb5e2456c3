import TallyDocument
import TallyImport
import XCTest

/// Long sections become one card per sub-point where their structure allows, prose with a warning
/// where it doesn't; sections headed by a question become cards.
final class SectionCardsTests: XCTestCase {
    private func paragraph(_ n: Int) -> String {
        String(repeating: "Bees dance to tell the hive where the flowers are, and how far away. ", count: n)
    }

    func testLongSectionSplitsAtItsSubHeadings() {
        let notes = """
        # Bees

        ### Hive roles

        Every colony divides its work.

        #### Queen

        \(paragraph(16))

        #### Workers

        \(paragraph(16))

        #### Drones

        """
        let c = convert(notes, name: "bees.md", format: .headings)
        XCTAssertEqual(c.notebook.cards.map(\.front), ["Hive roles: Queen", "Hive roles: Workers"])
        XCTAssertEqual(warningLines(c), [15], "the empty sub-section is reported")
        XCTAssertTrue(c.markdown.contains("Every colony divides its work."), "the introduction stays as prose")
        assertParsesCleanly(c)
    }

    func testLongSectionWithATermListMakesACardPerTerm() {
        let items = (1...22).map { "- **Caste \($0)**: a role in the hive, number \($0)." }.joined(separator: "\n")
        let c = convert("# Bees\n\n### Castes\n\n\(items)\n\n### Short\n\nOne line.\n", name: "bees.md", format: .headings)
        XCTAssertEqual(c.notebook.cards.count, 23)
        XCTAssertEqual(c.notebook.cards.first?.front, "Castes: Caste 1")
        XCTAssertEqual(c.notebook.cards.first?.back, "a role in the hive, number 1.")
        XCTAssertEqual(c.notebook.cards.last?.front, "Short")
        assertParsesCleanly(c)
    }

    func testLongSectionWithoutStructureStaysProseWithAWarning() {
        let c = convert("# Bees\n\n### Dancing\n\n\(paragraph(20))\n\n\(paragraph(20))\n", name: "bees.md", format: .headings)
        XCTAssertEqual(c.notebook.cards, [])
        XCTAssertEqual(warningLines(c), [3])
        XCTAssertTrue(c.notebook.warnings[0].message.contains("too long for one card"), c.notebook.warnings[0].message)
        XCTAssertTrue(c.markdown.contains("Bees dance"))
        assertParsesCleanly(c)
    }

    func testQuestionHeadingsInExportedNotesBecomeCards() {
        let notes = "# Contents\n\n1. bees\n\n---\n---\n\n# Bees\n\nIntro.\n\n### why do bees dance?\n\nTo point at food.\n\n"
            + "### How far do they fly\n\nA few kilometres.\n\n### Summary\n\nBees talk by dancing.\n"
        let c = convert(notes, name: "bees.md", format: .markdown)
        XCTAssertEqual(c.notebook.cards.map(\.front), ["why do bees dance?", "How far do they fly"])
        XCTAssertEqual(c.notebook.cards.map(\.back), ["To point at food.", "A few kilometres."])
        XCTAssertTrue(c.markdown.contains("Bees talk by dancing."))
        assertParsesCleanly(c)
    }
}

import TallyDocument
import TallyImport
import XCTest

final class NotebookExportReaderTests: XCTestCase {
    func testRepeatedSectionReportedAndLeftOut() {
        let c = convert(Fixtures.notebookExport, name: "physics.md", format: .markdown)
        XCTAssertEqual(warningLines(c), [26])
        XCTAssertTrue(c.notebook.warnings[0].message.contains("repeats the section at line 19"))
        XCTAssertEqual(c.markdown.components(separatedBy: "Frequency times wavelength").count, 2, "one copy kept")
        XCTAssertTrue(c.markdown.contains("Something new."), "a section with the same heading but other words stays")
        XCTAssertEqual(c.notebook.cards, [])
        assertParsesCleanly(c)
    }

    /// Notes that open with a table of contents and came with a hash-like name are titled by their topics.
    func testContentsTitleAHashNamedExport() {
        let c = convert(Fixtures.notebookExport, name: "012_a8f91250cc688e12.md", format: .markdown)
        XCTAssertEqual(c.notebook.title, "Notes on waves, recap")
    }

    func testTablesAndMathKept() {
        let c = convert(Fixtures.notebookExport, name: "physics.md", format: .markdown)
        XCTAssertEqual(c.notebook.title, "Physics", "a contents heading is not the title")
        let blocks = NotebookParser.parse(c.markdown, path: "out.md").notebook.blocks
        let tables = blocks.compactMap { if case .table(let t) = $0.kind { return t } else { return nil } }
        XCTAssertEqual(tables.count, 1)
        XCTAssertEqual(tables.first?.rows.first?.last?.first?.kind, .math(Math(tex: "v = 343", display: false)))
        let display = blocks.flatMap { block -> [Math] in
            guard case .paragraph(let inlines) = block.kind else { return [] }
            return inlines.compactMap { if case .math(let m) = $0.kind, m.display { return m } else { return nil } }
        }
        XCTAssertEqual(display.map(\.tex), ["\n\\begin{align*}\nf &= \\frac{v}{\\lambda}\n\\end{align*}\n"])
    }
}

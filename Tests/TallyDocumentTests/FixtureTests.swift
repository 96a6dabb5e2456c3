import XCTest
@testable import TallyDocument

/// Small files in each of the formats our users bring: a deck file, question/answer lines, a page
/// copied from a flashcard site, heading-structured notes and exported notebook notes.
final class FixtureTests: XCTestCase {
    private func fixture(_ name: String) throws -> (text: String, notebook: Notebook, diagnostics: [Diagnostic]) {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let url = folder.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        let (notebook, diagnostics) = NotebookParser.parse(text, path: name)
        return (text, notebook, diagnostics)
    }

    private func headings(_ nb: Notebook) -> [String] {
        nb.blocks.compactMap { b in if case .heading(let level, let i) = b.kind { return "\(level) \(i.plainText)" } else { return nil } }
    }

    func testDeckFileFixture() throws {
        let (_, nb, diags) = try fixture("deck-cards.txt")
        XCTAssertEqual(diags, [])
        XCTAssertEqual(nb.format, .deckFile)
        XCTAssertEqual(nb.cards.map(\.id), ["optim-sgd-01", "norm-stats-02", "loss-table-03", "code-relu-04"])
        XCTAssertEqual(maths(nb.cards[1].back).map(\.tex), ["\\mu_{batch}", "\\sigma^2_{batch}"])
        guard case .table(let table)? = nb.cards[2].back.first?.kind else { return XCTFail("expected a table on the back") }
        XCTAssertEqual(table.rows.count, 2)
        XCTAssertEqual(nb.cards[3].back.map { b -> Bool in if case .cell = b.kind { return true } else { return false } }, [false, true])
        XCTAssertEqual(nb.cards.map(\.location.line), [1, 8, 15, 25])
    }

    func testQuestionLinesFixture() throws {
        let (text, nb, diags) = try fixture("question-lines.md")
        XCTAssertEqual(errors(diags), [])
        XCTAssertEqual(nb.format, .notebook)
        XCTAssertEqual(nb.cards, [])
        // Lines without blank lines between them are one paragraph, one soft break per line end.
        XCTAssertEqual(nb.blocks.count, 1)
        guard case .paragraph(let p)? = nb.blocks.first?.kind else { return XCTFail("expected a paragraph") }
        let lineCount = text.split(separator: "\n").count
        XCTAssertEqual(p.filter { $0.kind == .softBreak }.count, lineCount - 1)
        XCTAssertEqual(maths(nb.blocks).map(\.tex), ["\\lambda \\sum_i w_i^2"])
        XCTAssertEqual(nb.title, "question-lines")
    }

    func testFlashcardPageFixture() throws {
        let (text, nb, diags) = try fixture("flashcard-page.md")
        XCTAssertEqual(errors(diags), [])
        XCTAssertEqual(nb.cards, [])
        // A header row of five cells over a one-cell delimiter row is not a GFM table.
        XCTAssertFalse(nb.blocks.contains { if case .table = $0.kind { return true } else { return false } })
        XCTAssertEqual(maths(nb.blocks).map(\.tex), ["z", "\\sum_k p_k = 1"])
        // "cost $5 and … $10" stays prose, with its dollar signs.
        XCTAssertTrue(allInlines(nb.blocks).contains { if case .text(let s) = $0.kind { return s.contains("$5 and the large one $10") } else { return false } })
        // Pasted symbols come through untouched.
        XCTAssertTrue(allInlines(nb.blocks).plainText.contains("θ←θ−η∇θL(θ)"))
        XCTAssertEqual(nb.blocks.first?.location.line, 1)
        XCTAssertLessThanOrEqual(nb.blocks.last?.location.line ?? 0, text.split(separator: "\n").count)
    }

    func testHeadingNotesFixture() throws {
        let (source, nb, diags) = try fixture("heading-notes.md")
        XCTAssertEqual(diags, [])
        XCTAssertEqual(headings(nb), ["1 Probability Refresher", "2 Distributions", "3 Bernoulli", "3 Poisson",
                                      "2 Estimators", "3 Batch statistics"])
        XCTAssertEqual(nb.title, "Probability Refresher")
        let headingLines = nb.blocks.compactMap { b -> Int? in if case .heading = b.kind { return b.location.line } else { return nil } }
        XCTAssertEqual(headingLines, ["# Probability", "## Distributions", "### Bernoulli", "### Poisson", "## Estimators", "### Batch"].map { line(of: $0, in: source) })
        guard let table = nb.blocks.compactMap({ b -> Table? in if case .table(let t) = b.kind { return t } else { return nil } }).first else {
            return XCTFail("expected a table")
        }
        XCTAssertEqual(table.alignments, [.left, .center, .right])
        XCTAssertEqual(table.rows.map { text($0[1]) }, ["$\\bar{x} = \\frac{1}{n}\\sum_i x_i$", "$\\frac{1}{n}\\sum_i (x_i-\\bar{x})^2$"])
        let tex = maths(nb.blocks).map(\.tex)
        XCTAssertTrue(tex.contains("\\mu_{batch}"))
        XCTAssertTrue(tex.contains("\\sigma^2_{batch}"))
        XCTAssertTrue(maths(nb.blocks).contains(Math(tex: "P(X=k)=\\frac{\\lambda^k e^{-\\lambda}}{k!}", display: true)))
    }

    func testExportedNotesFixture() throws {
        let (text, nb, diags) = try fixture("exported-notes.md")
        XCTAssertEqual(diags, [])
        XCTAssertEqual(headings(nb), ["1 CONTENTS :", "1 update rules", "2 forward pass", "2 momentum"])
        // ```math blocks are display math, as GitHub shows them: never code, never run.
        let codes = allBlocks(nb.blocks).compactMap { b -> String? in if case .code(let l, _) = b.kind { return l } else { return nil } }
        XCTAssertEqual(codes, [])
        XCTAssertTrue(maths(nb.blocks).filter(\.display).contains { $0.tex == "w_{t+1} = w_t - η∇f(w_t)" })
        XCTAssertEqual(nb.cells, [])
        // The doubled rules are two thematic breaks each.
        XCTAssertEqual(nb.blocks.filter { $0.kind == .thematicBreak }.count, 4)
        // Multi-line display math keeps its TeX (the `\\` and `\{`), and what follows keeps its line.
        let display = maths(nb.blocks).filter(\.display)
        XCTAssertEqual(display.count, 3)  // one $$…$$ and two ```math fences
        XCTAssertTrue(display.contains { $0.tex.contains("\\left\\{ \\begin{array}{l}\n1, \\text{if } h \\gt \\theta \\\\\n0,") })
        let thresholdLine = line(of: "***the threshold", in: text)
        XCTAssertTrue(nb.blocks.contains { $0.location.line == thresholdLine })
        XCTAssertEqual(nb.blocks.last?.location.line, line(of: "## momentum", in: text) + 2)
        XCTAssertEqual(maths(nb.blocks).filter { !$0.display }.map(\.tex), ["\\{x_i\\}", "\\{w_i\\}", "\\theta", "v_t = \\beta v_{t-1} + \\nabla L"])
    }
}

import Foundation
import XCTest
import TallyDocument
import TallyEvaluation
@testable import TallySite
import TallyTestSupport

/// A notebook page printed to PDF by headless Chromium (`chromium --print-to-pdf`), read back with
/// poppler's `pdftotext`, `pdfinfo` and `pdffonts` (Debian's poppler-utils): no sidebar or controls,
/// math set in KaTeX's fonts, checked numbers marked, and every card whole on one page.
final class SitePrintTests: XCTestCase {
    /// Twelve cards of several lines each, so that the page runs over several sheets and a card that
    /// isn't kept whole would be cut by a page break.
    static let notebook: String = {
        var text = """
        ---
        title: Printing
        ---
        # Printing

        The logistic function $\\sigma(x) = \\frac{1}{1 + e^{-x}}$ is `{swift} sigmoid(0.0) => 0.5` at zero.

        ```swift
        let half = sigmoid(0.0)   // => 0.5
        show(LineChart([Series("sigmoid", y: (0..<11).map { sigmoid(Double($0 - 5)) })], title: "Sigmoid"))
        ```

        """
        for n in 1...12 {
            let number = String(format: "%02d", n)
            text += """

            ::: card {#print-card-\(number)}
            Question\(number): what does the card number \(n) ask about the logistic function?
            It asks at some length, so that the front takes several lines on the printed page,
            and a page break in the middle of the card would show.
            ---
            Answer\(number): $\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))$, which is largest at zero.
            The back is long as well, so that each card is a tall block of text on paper.
            :::

            """
        }
        return text
    }()

    func testAPrintedNotebookKeepsEveryCardWholeOnOnePage() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let poppler = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")
        guard let chromium, poppler else {
            try missingRealPart("chromium or poppler-utils is not installed (make test installs them)")
        }
        let project = try TemporaryProject(self, prefix: "tally-print")
        let base = project.root
        let notebooks = project.url("notebooks")
        try project.write("notebooks/printing.md", Self.notebook)
        let sources = try SourceLoader.load(paths: [notebooks.path], workingDirectory: base)
        let engine = try XCTUnwrap(testEngine, "the engine (libTallyEngine.so) is built with the tests: swift build")
        let evaluations = Evaluator(EvaluationOptions(engine: engine, cacheFolder: nil)).evaluate(sources.publishable)
        XCTAssertTrue(evaluations.allSatisfy(\.passed), "\(evaluations.flatMap(\.diagnostics))")
        let site = base.appendingPathComponent("site")
        let builder = SiteBuilder(sources: sources, templates: try TemplateSet(folder: nil),
                                  evaluations: Dictionary(uniqueKeysWithValues: evaluations.map { ($0.path, $0) }))
        XCTAssertEqual(try builder.build(into: site).filter { $0.severity != .note }, [])

        // For screen readers: the checked number and its mark say what was checked; the chart has a real alt.
        let html = try String(contentsOf: site.appendingPathComponent("printing.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("0.5<span class=\"visually-hidden\"> (checked: computed 0.5, tolerance 0.05 (last digit))</span>"), html)
        XCTAssertTrue(html.contains("role=\"img\" aria-label=\"checked: computed 0.5, tolerance 0.05 (last digit)\""), html)
        XCTAssertTrue(html.contains("<img class=\"output chart\" alt=\"Chart: Sigmoid; series sigmoid\""), html)

        let pdf = base.appendingPathComponent("printing.pdf")
        _ = try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                               "--user-data-dir=" + base.appendingPathComponent("profile").path,
                               "--print-to-pdf=" + pdf.path, site.appendingPathComponent("printing.html").absoluteString])
        let info = try run("/usr/bin/pdfinfo", [pdf.path])
        let pageCount = try XCTUnwrap(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.split(separator: " ").last ?? "") })
        XCTAssertGreaterThanOrEqual(pageCount, 3, "twelve tall cards take several pages")
        let pages = try (1...pageCount).map { try run("/usr/bin/pdftotext", ["-f", "\($0)", "-l", "\($0)", "-layout", pdf.path, "-"]) }

        // Every card whole: its id, its front's first and last words and its back's on one and the same page.
        for n in 1...12 {
            let number = String(format: "%02d", n)
            let holding = pages.indices.filter { pages[$0].contains("print-card-\(number)") }
            XCTAssertEqual(holding.count, 1, "card \(number) is on pages \(holding.map { $0 + 1 })")
            guard let page = holding.first.map({ pages[$0] }) else { continue }
            for words in ["Question\(number):", "would show.", "Answer\(number):", "on paper."] {
                XCTAssertTrue(page.contains(words), "card \(number): '\(words)' is not on its page")
            }
        }
        // The page alone: no sidebar, search, contents or buttons.
        let text = pages.joined(separator: "\n")
        for chrome in ["Skip to content", "All cards", "On this page", "Review 12 cards", "Menu", "Next", "Previous"] {
            XCTAssertFalse(text.contains(chrome), chrome)
        }
        // Math set by KaTeX (its fonts are in the PDF) and checked numbers marked.
        XCTAssertTrue(try run("/usr/bin/pdffonts", [pdf.path]).contains("KaTeX_Main"))
        XCTAssertTrue(pages[0].contains("Printing"), pages[0])
        XCTAssertTrue(pages[0].contains("0.5✓") || pages[0].contains("0.5 ✓"), pages[0])
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tally-print-out-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let handle = try FileHandle(forWritingTo: out)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        XCTAssertEqual(process.terminationStatus, 0, "\(executable) \(arguments)")
        return try String(contentsOf: out, encoding: .utf8)
    }
}

import Foundation
import XCTest
import TallyHashing
import TallyDocument
@testable import TallyAnki
import TallyTestSupport

/// `CardNotes(evaluations:)` with a real evaluation (swiftc against the built engine), read back with the real
/// Anki library: numbers and charts computed by the notebook's program are what the notes hold.
final class EvaluatedCardNotesTests: XCTestCase {
    private var fixture: NotebookFixture!

    override func setUpWithError() throws { fixture = try NotebookFixture() }
    override func tearDown() { fixture.remove() }

    func testComputedNumbersAndChartsAreWhatTheNotesHold() throws {
        // σ(0) = 1/2 exactly; 3 · 4 = 12.
        try fixture.write("charts.md", """
        ---
        title: Charts
        ---
        # Sigmoid

        ```swift
        let s0 = sigmoid(0.0)
        ```

        ::: card {#sigmoid-chart .reversed}
        The sigmoid on $[-4, 4]$, with $\\sigma(0) =$ `{swift %.2f} s0` and $3 \\cdot 4 =$ `{swift} 3 * 4`
        ---
        `{swift} plot(["sigmoid": sigmoid], from: -4, to: 4, title: "Sigmoid")`
        :::

        """)
        let sources = try SourceLoader.load(paths: [fixture.root.path])
        let notes = try fixture.evaluatedNotes(sources)
        let (package, diagnostics) = notes.package()
        XCTAssertEqual(diagnostics, [])
        let note = try XCTUnwrap(package.notes.first)
        XCTAssertTrue(note.fields[0].contains("<span class=\"tally-value\">0.50</span>"), note.fields[0])
        XCTAssertTrue(note.fields[0].contains("<span class=\"tally-value\">12</span>"), note.fields[0])
        let chart = try XCTUnwrap(package.media.first)
        XCTAssertEqual(package.media.count, 1)
        XCTAssertTrue(chart.name.hasSuffix(".svg"))
        XCTAssertTrue(note.fields[1].contains("<img src=\"\(chart.name)\""), note.fields[1])

        let url = fixture.base.appendingPathComponent("deck.apkg")
        try AnkiExporter.export(notes, format: .apkg, to: url, project: ProjectFile())
        let state = try AnkiHarness(directory: fixture.base).importPackage(url).state
        let imported = try XCTUnwrap(state.notes.first)
        XCTAssertEqual(imported.cardOrds, [0, 1])
        XCTAssertFalse(imported.fields.values.contains { $0.contains("expression") })
        XCTAssertEqual(state.media[chart.name], SHA256.hex(chart.data), "the chart is in Anki's media folder")

        // A chart that did not change keeps its name (an edit elsewhere on the card changes the note, not it).
        let text = try String(contentsOf: fixture.root.appendingPathComponent("charts.md"), encoding: .utf8)
        try fixture.write("charts.md", text.replacingOccurrences(of: "The sigmoid on", with: "The logistic sigmoid on"))
        let again = try fixture.evaluatedNotes(try SourceLoader.load(paths: [fixture.root.path])).package().package
        XCTAssertEqual(again.media.map(\.name), [chart.name])
    }
}

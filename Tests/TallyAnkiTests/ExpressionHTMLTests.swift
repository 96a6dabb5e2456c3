import TallyDocument
import TallyResults

import XCTest
@testable import TallyAnki

final class ExpressionHTMLTests: XCTestCase {
    func testValuesAreEscapedTextTablesOrChartMedia() {
        let media = CardMedia(sources: SourceSet(notebooks: [], diagnostics: [], root: URL(fileURLWithPath: "/nonexistent")))
        XCTAssertEqual(ExpressionHTML.html(text: "0.739 <ok>", display: .text("0.739"), media: media),
                       "<span class=\"tally-value\">0.739 &lt;ok&gt;</span>")
        XCTAssertEqual(ExpressionHTML.html(text: "", display: .table(rows: [["1", "2"], ["3", "<4>"]]), media: media),
                       "<table class=\"tally-value\"><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>&lt;4&gt;</td></tr></table>")
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        let chart = AnkiMedia(data: Array(svg.utf8), fileExtension: "svg")
        XCTAssertEqual(ExpressionHTML.html(text: "loss", display: .svg(svg), media: media),
                       "<img src=\"\(chart.name)\" alt=\"loss\">")
        _ = ExpressionHTML.html(text: "again", display: .svg(svg), media: media)
        XCTAssertEqual(media.files, [chart], "the same chart is packed once")
    }
}

import TallyImport
import XCTest

final class FormatDetectorTests: XCTestCase {
    func testEachFormatIsRecognised() {
        let cases: [(String, ImportFormat)] = [
            ("---\ncard_id: a\n---\nQ\n---\nA\n---\n", .cards),
            ("Quiz\nWhy is the sky blue?\nScattering.\nWhy is grass green?\nChlorophyll.\n", .qa),
            (Fixtures.flashcardPage, .flashcardPage),
            (Fixtures.headingNotes, .headings),
            (Fixtures.notebookExport, .markdown),
            ("Just a paragraph of prose.\n", .markdown),
        ]
        for (text, expected) in cases {
            let (format, reason) = FormatDetector.detect(ImportSource(path: "x.txt", text: text))
            XCTAssertEqual(format, expected, reason)
            XCTAssertFalse(reason.isEmpty)
        }
    }

    func testAutoSaysWhatItPicked() {
        let c = convert(Fixtures.flashcardPage)
        XCTAssertEqual(c.format, .flashcardPage)
        XCTAssertEqual(c.detection, "line 1 is the flashcard site's interface ('3/5')")
        XCTAssertNil(convert(Fixtures.flashcardPage, format: .qa).detection, "a given format needs no reason")
    }
}

import TallyImport
import XCTest

final class QuestionAnswerReaderTests: XCTestCase {
    let notes = """
    Kitchen Chemistry
    Why does bread rise?
    Yeast ferments sugar and releases gas.
    The gas is trapped by gluten.
    Which steps make a roux?
    - melt the butter
    - stir in flour
    - cook until blond
    What does salt do to boiling water?

    """

    func testTitleQuestionsAndWholeListAnswers() {
        let c = convert(notes, format: .qa)
        XCTAssertEqual(c.notebook.title, "Kitchen Chemistry")
        XCTAssertEqual(c.notebook.cards.map(\.front), ["Why does bread rise?", "Which steps make a roux?"])
        // Separate lines stay separate paragraphs; a list stays one list in one answer.
        XCTAssertEqual(c.notebook.cards[0].back, "Yeast ferments sugar and releases gas.\n\nThe gas is trapped by gluten.")
        XCTAssertEqual(c.notebook.cards[1].back, "- melt the butter\n- stir in flour\n- cook until blond")
        assertParsesCleanly(c)
    }

    func testQuestionWithoutAnswerIsReportedNotCarded() {
        let c = convert(notes, format: .qa)
        XCTAssertEqual(warningLines(c), [9])
        XCTAssertTrue(c.notebook.warnings[0].message.contains("no answer"))
    }

    func testIDsComeFromFileNameAndQuestion() {
        let a = convert(notes, name: "a/kitchen.txt", format: .qa).notebook.cards.map(\.id)
        let b = convert(notes, name: "b/kitchen.txt", format: .qa).notebook.cards.map(\.id)
        let other = convert(notes, name: "pantry.txt", format: .qa).notebook.cards.map(\.id)
        XCTAssertEqual(a, b, "the folder does not matter")
        XCTAssertNotEqual(a, other, "another file gives other ids")
        XCTAssertEqual(Set(a).count, 2)
    }

    func testRepeatedQuestionGetsAUniqueID() {
        let c = convert("Quiz\nWhy?\nBecause.\nWhy?\nStill because.\n", format: .qa)
        let ids = c.notebook.cards.map(\.id)
        XCTAssertEqual(ids[1], ids[0] + "-2")
        XCTAssertEqual(warningLines(c), [4])
        assertParsesCleanly(c)
    }

    /// A file that starts straight with a question has no title line: the first question stays a card.
    func testFirstLineThatIsAQuestionIsACard() {
        let c = convert("Why do rivers meander?\nErosion on the outer bank.\nWhat is a delta?\nSediment at the mouth.\n",
                        name: "rivers.txt", format: .qa)
        XCTAssertEqual(c.notebook.title, "Rivers")
        XCTAssertEqual(c.notebook.cards.map(\.front), ["Why do rivers meander?", "What is a delta?"])
    }
}

import XCTest
@testable import TallyDocument

/// `tally ids --write`: assigned ids go into the source; nothing else in the file changes.
final class IDWriterTests: XCTestCase {
    private func roundTrip(_ original: String, name: String = "n.md", file: StaticString = #filePath, line: UInt = #line) throws -> (written: String, before: [Card], after: [Card]) {
        let root = try temporaryFolder(self)
        let url = try write(original, to: root, name)
        let before = try SourceLoader.load(paths: [url.path])
        XCTAssertEqual(errors(before.diagnostics), [], file: file, line: line)
        let changed = try IDWriter.write(before)
        let written = try String(contentsOf: url, encoding: .utf8)
        if before.notebooks.flatMap(\.cards).contains(where: { $0.identity == .assigned }) {
            XCTAssertEqual(changed, [url.path], file: file, line: line)
        } else {
            XCTAssertEqual(changed, [], file: file, line: line)
        }
        let after = try SourceLoader.load(paths: [url.path])
        XCTAssertEqual(errors(after.diagnostics), [], file: file, line: line)
        return (written, before.notebooks.flatMap(\.cards), after.notebooks.flatMap(\.cards))
    }

    func testAssignedIDIsWrittenAndEverythingElseIsByteIdentical() throws {
        let original = "# Notes\n\nText   with  spacing.\n\n::: card\nWhat is $x_1$?\n---\nA value.\n:::\n\n::: card {#kept}\nSecond\n---\nBack\n:::\n\ntrailing  \n"
        let (written, before, after) = try roundTrip(original)
        XCTAssertEqual(before.map(\.identity), [.assigned, .written])
        let assigned = before[0].id
        XCTAssertEqual(written, original.replacingOccurrences(of: "::: card\nWhat", with: "::: card {#\(assigned)}\nWhat"))
        XCTAssertEqual(after.map(\.id), [assigned, "kept"])
        XCTAssertEqual(after.map(\.identity), [.written, .written])
    }

    func testIDSurvivesAnEditOfTheFrontOnceWritten() throws {
        let (written, before, _) = try roundTrip("::: card\nOld front\n---\nb\n:::\n")
        let edited = written.replacingOccurrences(of: "Old front", with: "New front")
        XCTAssertEqual(parse(edited).notebook.cards.first?.id, before[0].id)
    }

    func testExistingClassesKeepTheirPlace() throws {
        let original = "::: card {.reversed}\nFront\n---\nBack\n:::\n"
        let (written, before, after) = try roundTrip(original)
        XCTAssertEqual(written, "::: card {#\(before[0].id) .reversed}\nFront\n---\nBack\n:::\n")
        XCTAssertEqual(after.first?.classes, ["reversed"])
        XCTAssertEqual(after.first?.id, before[0].id)
    }

    func testTrailingSpaceAfterAttributes() throws {
        let original = "::: card {.reversed}  \nFront\n---\nBack\n:::\n"
        let (_, before, after) = try roundTrip(original)
        XCTAssertEqual(after.first?.id, before[0].id)
        XCTAssertEqual(after.first?.classes, ["reversed"])
    }

    func testCRLFFileKeepsItsLineEndings() throws {
        let original = "# T\r\n\r\n::: card   \r\nFront\r\n---\r\nBack\r\n:::\r\n"
        let (written, before, after) = try roundTrip(original)
        XCTAssertEqual(written, "# T\r\n\r\n::: card {#\(before[0].id)}\r\nFront\r\n---\r\nBack\r\n:::\r\n")
        XCTAssertEqual(after.first?.id, before[0].id)
    }

    func testFrontMatterShiftsNothing() throws {
        let original = "---\ntitle: t\n---\n\n::: card\nF\n---\nB\n:::\n"
        let (written, before, _) = try roundTrip(original)
        XCTAssertEqual(written, "---\ntitle: t\n---\n\n::: card {#\(before[0].id)}\nF\n---\nB\n:::\n")
    }

    func testFileWithOnlyWrittenIDsIsNotTouched() throws {
        let original = "::: card {#a}\nF\n---\nB\n:::\n"
        let (written, _, _) = try roundTrip(original)
        XCTAssertEqual(written, original)
    }

    func testDeckFilesAreNeverRewritten() throws {
        let original = "---\ncard_id: d1\n---\nF\n---\nB\n---\n"
        let (written, _, _) = try roundTrip(original, name: "deck.txt")
        XCTAssertEqual(written, original)
    }

    func testAddingIDsTouchesOnlyTheListedLines() {
        let source = "a\n::: card\nf\n---\nb\n:::\nz"
        let cards = parse(source).notebook.cards
        XCTAssertEqual(IDWriter.addingIDs(to: source, cards: cards), "a\n::: card {#\(cards[0].id)}\nf\n---\nb\n:::\nz")
    }
}

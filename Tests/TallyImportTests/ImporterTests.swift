import Foundation
import TallyDocument
import TallyImport
import XCTest
import TallyTestSupport

final class ImporterTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = try TemporaryProject(self, prefix: "tally-import").root
    }

    private func input(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private var importer: Importer { Importer(format: nil, outputFolder: folder.appendingPathComponent("notebooks")) }

    func testReimportGivesIdenticalBytesAndWritesNothing() throws {
        let path = try input("garden.txt", Fixtures.headingNotes)
        let first = importer.run(paths: [path])
        XCTAssertEqual(first.map(\.outcome), [.written])
        let output = URL(fileURLWithPath: first[0].output)
        XCTAssertEqual(output.lastPathComponent, "garden.md")
        let bytes = try Data(contentsOf: output)
        let again = importer.run(paths: [path])
        XCTAssertEqual(again.map(\.outcome), [.unchanged])
        XCTAssertEqual(try Data(contentsOf: output), bytes)
        XCTAssertTrue(again[0].summary.hasSuffix("headings (auto: has 4 '###' sections), 3 cards, 6 sections, 1 warning, unchanged"),
                      again[0].summary)
    }

    /// The user fixes a garbled formula as the import warning asks; importing the same notes again keeps the fix.
    func testReimportKeepsTheUsersEdit() throws {
        let path = try input("physics.txt", Fixtures.flashcardPage)
        let output = URL(fileURLWithPath: importer.run(paths: [path])[0].output)
        let imported = try String(contentsOf: output, encoding: .utf8)
        let garbled = "ρ=Vm"
        XCTAssertTrue(imported.contains(garbled), imported)
        let fixed = imported.replacingOccurrences(of: garbled, with: "$\\rho = \\frac{m}{V}$")
        try fixed.write(to: output, atomically: true, encoding: .utf8)

        let again = importer.run(paths: [path])
        XCTAssertEqual(again.map(\.outcome), [.unchanged], again[0].summary)
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), fixed)
    }

    /// Notes that grew since the first import merge into the edited notebook when the lines differ.
    func testNewImportMergesIntoAnEditedNotebook() throws {
        let path = try input("physics.txt", Fixtures.flashcardPage)
        let output = URL(fileURLWithPath: importer.run(paths: [path])[0].output)
        let fixed = try String(contentsOf: output, encoding: .utf8).replacingOccurrences(of: "ρ=Vm", with: "$\\rho = m / V$")
        try fixed.write(to: output, atomically: true, encoding: .utf8)
        try (Fixtures.flashcardPage + "What is a newton?\nThe force that gives one kilogram an acceleration of one metre per second squared.\n")
            .write(toFile: path, atomically: true, encoding: .utf8)

        let merged = importer.run(paths: [path])
        XCTAssertEqual(merged.map(\.outcome), [.merged], merged[0].summary)
        let text = try String(contentsOf: output, encoding: .utf8)
        XCTAssertTrue(text.contains("$\\rho = m / V$"), "the user's fix is kept:\n\(text)")
        XCTAssertTrue(text.contains("What is a newton?"), "the new card is merged in:\n\(text)")
        XCTAssertFalse(text.contains("<<<<<<<"), text)
        XCTAssertEqual(importer.run(paths: [path]).map(\.outcome), [.unchanged], "merging again changes nothing")
    }

    /// When the notes changed the very lines the user edited, the notebook is left alone and the new
    /// import is written beside it; the run says where and fails.
    func testConflictingEditLeavesTheNotebookAndWritesTheImportBeside() throws {
        let path = try input("physics.txt", Fixtures.flashcardPage)
        let output = URL(fileURLWithPath: importer.run(paths: [path])[0].output)
        let edited = try String(contentsOf: output, encoding: .utf8).replacingOccurrences(of: "ρ=Vm", with: "$\\rho = m / V$")
        try edited.write(to: output, atomically: true, encoding: .utf8)
        try Fixtures.flashcardPage.replacingOccurrences(of: "ρ=Vm", with: "ρ=m/V (kg per cubic metre)")
            .write(toFile: path, atomically: true, encoding: .utf8)

        let result = importer.run(paths: [path])
        XCTAssertEqual(result.map(\.outcome), [.failed])
        let beside = output.deletingLastPathComponent().appendingPathComponent("physics.imported.md")
        XCTAssertEqual(result[0].outputBeside, beside.path)
        XCTAssertTrue(result[0].summary.hasSuffix("edited since imported: new import written to \(beside.path)"), result[0].summary)
        XCTAssertTrue(result[0].diagnostics.contains { $0.rule == .importEdited && $0.message.contains(beside.path) })
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), edited, "the user's notebook is untouched")
        XCTAssertTrue(try String(contentsOf: beside, encoding: .utf8).contains("kg per cubic metre"))

        var forced = importer
        forced.force = true
        XCTAssertEqual(forced.run(paths: [path]).map(\.outcome), [.written])
        XCTAssertTrue(try String(contentsOf: output, encoding: .utf8).contains("kg per cubic metre"))
    }

    /// Without the copy of the earlier import there is nothing to merge with: the edit is still kept.
    func testEditWithoutTheEarlierImportIsKept() throws {
        let path = try input("garden.txt", Fixtures.headingNotes)
        let output = URL(fileURLWithPath: importer.run(paths: [path])[0].output)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("notebooks/\(Importer.baseFolderName)"))
        let edited = try String(contentsOf: output, encoding: .utf8) + "\nmy edit\n"
        try edited.write(to: output, atomically: true, encoding: .utf8)
        try (Fixtures.headingNotes + "\n### Frost\n\nCover the beds.\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = importer.run(paths: [path])
        XCTAssertEqual(result.map(\.outcome), [.failed])
        XCTAssertNotNil(result[0].outputBeside)
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), edited)
    }

    func testForeignFileIsOverwrittenOnlyWithForce() throws {
        let path = try input("garden.txt", Fixtures.headingNotes)
        let output = folder.appendingPathComponent("notebooks/garden.md")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "# My own notebook\n".write(to: output, atomically: true, encoding: .utf8)
        let refused = importer.run(paths: [path])
        XCTAssertEqual(refused.map(\.outcome), [.failed])
        XCTAssertTrue(refused[0].diagnostics.contains { $0.severity == .error && $0.message.contains("--force") })
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), "# My own notebook\n")

        var forced = importer
        forced.force = true
        XCTAssertEqual(forced.run(paths: [path]).map(\.outcome), [.written])
        XCTAssertTrue(try String(contentsOf: output, encoding: .utf8).contains("imported-from:"))
    }

    func testTwoInputsWithOneOutputNameAreNotMerged() throws {
        let a = try input("a/quiz.txt", "Quiz\nWhy?\nBecause.\n")
        let b = try input("b/quiz.txt", "Quiz\nHow?\nLike so.\n")
        XCTAssertEqual(importer.run(paths: [a, b]).map(\.outcome), [.written, .failed])
    }

    func testMissingFileIsAnError() {
        let result = importer.run(paths: [folder.appendingPathComponent("nope.txt").path])
        XCTAssertEqual(result.map(\.outcome), [.failed])
        XCTAssertEqual(result[0].diagnostics.first?.severity, .error)
        XCTAssertEqual(result[0].diagnostics.first?.rule, .noSuchFile)
        XCTAssertEqual(result[0].diagnostics.first?.message, "no such file")
    }
}

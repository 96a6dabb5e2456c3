import Foundation
import TallyImport
import XCTest

final class ImporterTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
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

    func testEditedImportIsOverwrittenButForeignFileOnlyWithForce() throws {
        let path = try input("garden.txt", Fixtures.headingNotes)
        let output = URL(fileURLWithPath: importer.run(paths: [path])[0].output)
        let imported = try String(contentsOf: output, encoding: .utf8)
        try (imported + "\nmy edit\n").write(to: output, atomically: true, encoding: .utf8)
        XCTAssertEqual(importer.run(paths: [path]).map(\.outcome), [.written], "a file with the mark is ours")
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), imported)

        try "# My own notebook\n".write(to: output, atomically: true, encoding: .utf8)
        let refused = importer.run(paths: [path])
        XCTAssertEqual(refused.map(\.outcome), [.failed])
        XCTAssertTrue(refused[0].diagnostics.contains { $0.severity == .error && $0.message.contains("--force") })
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), "# My own notebook\n")

        var forced = importer
        forced.force = true
        XCTAssertEqual(forced.run(paths: [path]).map(\.outcome), [.written])
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), imported)
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
    }
}

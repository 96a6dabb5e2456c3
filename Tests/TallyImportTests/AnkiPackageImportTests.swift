import Foundation
import TallyDocument
import TallyImport
import TallyTestSupport
import XCTest

/// Anki packages made by the real `anki` library (Scripts/anki_package_roundtrip.py), in the legacy and
/// the current format, imported as notebooks.
final class AnkiPackageImportTests: XCTestCase {
    private static var made: URL?

    /// Makes the packages once for the class (the anki library takes a second to start).
    private func packages() throws -> URL {
        if let made = Self.made { return made }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-apkg-\(UUID().uuidString)")
        let script = packageRoot.appendingPathComponent("Tests/TallyImportTests/Scripts/anki_package_roundtrip.py")
        _ = try PythonScript.run(script, ["make", folder.path])
        Self.made = folder
        return folder
    }

    private func importPackage(_ name: String) throws -> (URL, [ImportResult]) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tally-apkg-nb-\(UUID().uuidString)")
        let results = Importer(format: nil, outputFolder: output).run(paths: [try packages().appendingPathComponent(name).path])
        return (output, results)
    }

    func testBothFormatsGiveTheSameNotebooksWithGUIDsTagsMathAndMedia() throws {
        let (current, currentResults) = try importPackage("deck.apkg")
        let (legacy, legacyResults) = try importPackage("deck-legacy.apkg")
        for results in [currentResults, legacyResults] {
            XCTAssertEqual(results.map(\.outcome), [.written, .written], results.map(\.summary).joined(separator: "\n"))
            XCTAssertEqual(results.flatMap(\.diagnostics), [])
        }
        XCTAssertEqual(currentResults.map(\.conversion?.notebook.cards.count), [5, 3])
        for relative in ["Physics.md", "Physics/Optics.md", "Physics/prism.png"] {
            let a = try Data(contentsOf: current.appendingPathComponent(relative))
            let b = try Data(contentsOf: legacy.appendingPathComponent(relative))
            if relative.hasSuffix(".md") {
                let strip = { (d: Data) in String(decoding: d, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("import") } }
                XCTAssertEqual(strip(a), strip(b), relative)
            } else {
                XCTAssertEqual(a, b, relative)
            }
        }

        let physics = NotebookParser.parse(try String(contentsOf: current.appendingPathComponent("Physics.md"), encoding: .utf8),
                                           path: "Physics.md")
        XCTAssertEqual(physics.diagnostics, [])
        XCTAssertEqual(physics.notebook.frontMatter.deck, "Physics")
        let cards = physics.notebook.cards
        XCTAssertEqual(cards.map(\.guid), ["a#1;x", "b{2|y", "c`3", "d;4", "e|5"])
        XCTAssertEqual(cards[1].tags, ["energy", "mechanics"])
        XCTAssertEqual(cards[0].backSource, "$F = m a$")
        XCTAssertEqual(cards[1].frontSource, "Kinetic energy of a mass **m** at speed *v*?")
        XCTAssertEqual(cards[2].backSource, "- inertia\n- $F = ma$\n- action & reaction")
        XCTAssertTrue(cards[3].isReversed)
        XCTAssertTrue(cards[4].isCloze)
        XCTAssertEqual(cards[4].frontSource, "Momentum is {{c1::$p = m v$}} and is {{c2::conserved::what happens?}}.")

        let optics = NotebookParser.parse(try String(contentsOf: current.appendingPathComponent("Physics/Optics.md"), encoding: .utf8),
                                          path: "Optics.md").notebook
        XCTAssertEqual(optics.frontMatter.deck, "Physics::Optics")
        XCTAssertEqual(optics.frontMatter.title, "Optics")
        XCTAssertEqual(optics.cards[0].backSource, "Splits white light.\\\n![](prism.png)")
        XCTAssertEqual(optics.cards[2].backSource, "299\u{a0}792\u{a0}458")
        XCTAssertEqual(try Data(contentsOf: current.appendingPathComponent("Physics/prism.png")).prefix(4), Data([0x89, 0x50, 0x4e, 0x47]))
    }

    func testNotAPackageIsAnErrorThatNamesTheFile() throws {
        let project = try TemporaryProject(self, prefix: "tally-bad-apkg")
        let bad = try project.write("bad.apkg", "not a zip")
        let results = Importer(format: nil, outputFolder: project.root).run(paths: [bad.path])
        XCTAssertEqual(results.map(\.outcome), [.failed])
        XCTAssertTrue(results[0].diagnostics[0].message.hasPrefix("cannot read the Anki package"), results[0].diagnostics[0].message)
    }
}

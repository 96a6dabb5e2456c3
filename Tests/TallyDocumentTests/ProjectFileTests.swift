import Foundation
import XCTest
@testable import TallyDocument

final class ProjectFileTests: XCTestCase {
    func testFoundAboveTheNotebooksWithItsSettingsResolvedAgainstItsFolder() throws {
        let base = try temporaryFolder(self)
        let notebooks = base.appendingPathComponent("notes/ml")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        XCTAssertEqual(try ProjectFile.find(above: notebooks).siteURL, nil)
        try Data("site-url: https://me.example/notes\nanki-lock: locks/anki\n".utf8)
            .write(to: base.appendingPathComponent("notes/tally.yml"))
        let project = try ProjectFile.find(above: notebooks)
        XCTAssertEqual(project.siteURL, "https://me.example/notes/")
        XCTAssertEqual(project.ankiLock?.path, base.appendingPathComponent("notes/locks/anki").standardizedFileURL.path)
    }

    func testUnknownKeyIsAnErrorNamingTheFile() throws {
        let base = try temporaryFolder(self)
        let file = base.appendingPathComponent("tally.yml")
        try Data("site_url: x\n".utf8).write(to: file)
        XCTAssertThrowsError(try ProjectFile.find(above: base)) { error in
            XCTAssertEqual((error as? Diagnostic)?.description,
                           "\(file.path):1:1: error: unknown key 'site_url' in tally.yml (known: anki-lock, site-url) [project-file]")
        }
    }
}

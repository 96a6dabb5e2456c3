import Foundation
import XCTest
import TallyTestSupport

/// Runs the real `tally` executable, as a user would.
final class TallyCLITests: XCTestCase {
    /// The folder holding Package.swift.
    static let packageRoot = TallyTestSupport.packageRoot

    /// The `tally` built beside this test bundle (whatever the scratch path), else the default `.build/debug`.
    static let binary: URL? = {
        var candidates: [URL] = []
        for bundle in [Bundle.main, Bundle(for: TallyCLITests.self)] {
            candidates.append(bundle.bundleURL.appendingPathComponent("tally"))
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("tally"))
        }
        if let argument = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: argument).deletingLastPathComponent().appendingPathComponent("tally"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/tally"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    private var folder: URL!

    override func setUpWithError() throws {
        try requireRealPart(Self.binary != nil, "the tally executable was not found next to the tests")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// Runs `tally arguments…` in the test's folder; output goes through files so no pipe can fill up.
    private func tally(_ arguments: String...) throws -> Run { try tally(arguments) }

    private func tally(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = folder
        let out = folder.appendingPathComponent(".stdout-\(UUID().uuidString)")
        let err = folder.appendingPathComponent(".stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        return Run(status: process.terminationStatus,
                   stdout: try String(contentsOf: out, encoding: .utf8),
                   stderr: try String(contentsOf: err, encoding: .utf8))
    }

    @discardableResult
    private func write(_ relative: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    private func read(_ relative: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
    }

    private func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path)
    }

    func testSeedDeckRendersEveryCardWithItsID() throws {
        let seed = Self.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds/000_683dc635d23167b2.txt")
        try requireRealPart(FileManager.default.fileExists(atPath: seed.path), "../shared/seeds is not beside the package")
        let ids = try String(contentsOf: seed, encoding: .utf8).components(separatedBy: "\n")
            .filter { $0.hasPrefix("card_id:") }.map { $0.dropFirst("card_id:".count).trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(ids.count, 117)

        let run = try tally("build", seed.path, "-o", "some/folder")
        XCTAssertEqual(run.status, 0, run.stderr)
        let cards = try read("some/folder/site/cards.html")
        XCTAssertEqual(cards.components(separatedBy: "<div class=\"card\" ").count - 1, 117)
        for id in ids {
            XCTAssertTrue(cards.contains("data-card-id=\"\(id)\""), id)
            XCTAssertTrue(cards.contains("<div class=\"card-id\">\(id)</div>"), id)
        }
        let page = try read("some/folder/site/000_683dc635d23167b2.html")
        XCTAssertEqual(page.components(separatedBy: "<div class=\"card\" ").count - 1, 117)
        XCTAssertTrue(try read("some/folder/site/index.html").contains("117 cards"))
        XCTAssertTrue(exists("some/folder/site/assets/katex/katex.min.js"))
    }

    func testUnterminatedCardIsReportedAndTheOtherNotebooksStillBuild() throws {
        try write("notebooks/good.md", """
        # Good notes

        Batch statistics $\\mu_{batch}$ and $\\sigma^2_{batch}$.

        ::: card {#good-card}
        Front
        ---
        Back
        :::

        """)
        try write("notebooks/bad.md", """
        # Bad notes

        Some text.

        ::: card {#never-closed}
        Front
        ---
        Back

        More text.

        """)
        let run = try tally("build", "notebooks", "-o", "out")
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("notebooks/bad.md:5:1: error: unterminated card: no ':::' line closes it [unterminated-card]"),
                      run.stderr)
        XCTAssertFalse(run.stderr.contains("good.md"), run.stderr)
        XCTAssertTrue(exists("out/site/good.html"))
        XCTAssertFalse(exists("out/site/bad.html"))
        let good = try read("out/site/good.html")
        XCTAssertTrue(good.contains("\\mu_{batch}"), good)
        XCTAssertTrue(good.contains("\\sigma^2_{batch}"), good)
        XCTAssertTrue(try read("out/site/cards.html").contains("data-card-id=\"good-card\""))
        XCTAssertFalse(try read("out/site/index.html").contains("bad.html"))
    }

    func testErrorsPrintFileLineAndColumn() throws {
        try write("notes/a.md", "---\ntitle: x\ndeck: a: b\n---\n\n```swift hide fast\nlet a = 1\n```\n")
        let run = try tally("build", "notes", "-o", "out")
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("notes/a.md:3:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("notes/a.md:6:15: error: unknown cell option 'fast'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("[unknown-cell-option]"), run.stderr)
    }

    /// Each diagnostic ends with its rule id in brackets, as a compiler prints a warning's flag.
    func testFailingStatedValuePrintsItsRuleID() throws {
        try write("n/x.md", "# X\n\n```swift\nlet half = 1.0 / 2 // => 0.6\n```\n")
        let run = try tally("check", "n")
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("n/x.md:4:26: error: stated 0.6, computed 0.5 (tolerance 0.05) [stated-value]"),
                      run.stderr)
    }

    /// A missing input is an I/O error (exit 2, as the README says); the other inputs are still imported.
    func testImportOfAMissingFileExitsTwoAndImportsTheRest() throws {
        try write("notes/quiz.txt", "Quiz\nWhy is the sky blue?\nShort wavelengths scatter more.\n")
        let run = try tally("import", "notes/nope.txt", "notes/quiz.txt", "-o", "nb")
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("notes/nope.txt:1:1: error: no such file [no-such-file]"), run.stderr)
        XCTAssertTrue(exists("nb/quiz.md"))
    }

    /// Import, fix the notebook, import again: the fix is kept and the output says so (case 15).
    func testReimportAfterAnEditSaysWhereTheNewImportWent() throws {
        try write("notes/quiz.txt", "Quiz\nWhy is the sky blue?\nShort wavelengths scatter more.\n")
        XCTAssertEqual(try tally("import", "notes/quiz.txt", "-o", "nb").status, 0)
        let edited = try read("nb/quiz.md").replacingOccurrences(of: "scatter more.", with: "scatter more (Rayleigh).")
        try write("nb/quiz.md", edited)
        try write("notes/quiz.txt", "Quiz\nWhy is the sky blue?\nBlue light scatters more.\n")
        let run = try tally("import", "notes/quiz.txt", "-o", "nb")
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("edited since imported: new import written to \(folder.path)/nb/quiz.imported.md"), run.stderr)
        XCTAssertEqual(try read("nb/quiz.md"), edited)
        XCTAssertTrue(try read("nb/quiz.imported.md").contains("Blue light scatters more."))
    }

    /// The five seeds, imported and built together: each page opens with its title as its heading.
    func testImportedSeedsShowTheirTitlesAsHeadings() throws {
        let seeds = Self.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []).sorted()
        try requireRealPart(files.count == 5, "../shared/seeds with its five files is not beside the package")
        let imported = try tally(["import"] + files.map { seeds.appendingPathComponent($0).path } + ["-o", "nb"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let built = try tally("build", "nb", "-o", "out")
        XCTAssertEqual(built.status, 0, built.stderr)
        for file in files {
            let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let page = try read("out/site/\(stem).html")
            let title = try XCTUnwrap(page.range(of: #"<title>([^<]*) · Tally</title>"#, options: .regularExpression).map {
                String(page[$0].dropFirst("<title>".count).dropLast(" · Tally</title>".count))
            }, stem)
            XCTAssertFalse(title.contains(stem), "a hash-like file name is not a title: \(title)")
            let firstHeading = page.range(of: #"<h1[^>]*>[^<]*"#, options: .regularExpression).map { String(page[$0]) } ?? ""
            XCTAssertTrue(firstHeading.hasSuffix(">" + title), "\(stem): first heading \(firstHeading), title \(title)")
        }
    }

    /// A Jupyter notebook imported and built: the heading, the Python code (shown, not run), its printed
    /// output and its figure are on the page.
    func testImportedJupyterNotebookBuildsIntoAPage() throws {
        let pixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
        try write("lecture.ipynb", """
        {"nbformat": 4, "metadata": {"kernelspec": {"language": "python"}}, "cells": [
         {"cell_type": "markdown", "source": ["# Pendulums\\n", "The period grows with the square root of the length."]},
         {"cell_type": "code", "source": ["print(2 + 2)"], "outputs": [
           {"output_type": "stream", "name": "stdout", "text": ["4\\n"]},
           {"output_type": "display_data", "data": {"image/png": "\(pixel)"}}]}]}
        """)
        let imported = try tally("import", "lecture.ipynb", "-o", "nb")
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let built = try tally("build", "nb", "-o", "out")
        XCTAssertEqual(built.status, 0, built.stderr)
        let page = try read("out/site/lecture.html")
        XCTAssertTrue(page.contains(">Pendulums</h1>"), page)
        XCTAssertTrue(page.contains("<code class=\"language-python\">print(2 + 2)\n</code>"), page)
        XCTAssertTrue(page.contains("<code class=\"language-text\">4\n</code>"), page)
        XCTAssertTrue(page.range(of: #"<img[^>]*alt="Output 2 of cell 2""#, options: .regularExpression) != nil, page)
    }

    func testDuplicateIDAcrossFilesIsAnError() throws {
        try write("n/a.md", "::: card {#same}\na\n---\nb\n:::\n")
        try write("n/b.md", "# B\n\n::: card {#same}\nc\n---\nd\n:::\n")
        let run = try tally("build", "n", "-o", "out")
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("n/b.md:3:1: error: duplicate card id 'same'"), run.stderr)
    }

    func testMissingPathIsAUsageError() throws {
        let run = try tally("build", "does-not-exist", "-o", "out")
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("does-not-exist"), run.stderr)
        XCTAssertFalse(exists("out/site"))
    }

    func testFailedBuildKeepsThePreviousSite() throws {
        try write("notebooks/a.md", "# A\n\ntext\n")
        XCTAssertEqual(try tally("build", "notebooks", "-o", "out").status, 0)
        let before = try read("out/site/a.html")
        // A template that does not parse stops the build before anything is swapped in.
        try write("templates/index.mustache", "{{#open}} never closed\n")
        try write("notebooks/a.md", "# Changed\n")
        let run = try tally("build", "notebooks", "-o", "out", "--templates", "templates")
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(try read("out/site/a.html"), before)
    }

    func testIDsWriteRoundTrip() throws {
        let original = "# Cards\n\n::: card\nWhat is   entropy?\n---\nExpected surprise.\n:::\n\n::: card {#kept}\nF\n---\nB\n:::\n"
        try write("notebooks/c.md", original)
        let listed = try tally("ids", "notebooks")
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let lines = listed.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, listed.stdout)
        let assignedLine = try XCTUnwrap(lines.first { $0.hasSuffix("(assigned)") })
        XCTAssertTrue(assignedLine.hasPrefix("notebooks/c.md:3:1\t"), assignedLine)
        let id = assignedLine.split(separator: "\t")[1]
        XCTAssertTrue(lines.contains("notebooks/c.md:9:1\tkept"), listed.stdout)

        let written = try tally("ids", "--write", "notebooks")
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(try read("notebooks/c.md"), original.replacingOccurrences(of: "::: card\nWhat", with: "::: card {#\(id)}\nWhat"))

        let again = try tally("ids", "notebooks")
        XCTAssertEqual(again.stdout.split(separator: "\n").map(String.init), ["notebooks/c.md:3:1\t\(id)", "notebooks/c.md:9:1\tkept"])
        // Nothing left to write: the file stays as it is.
        let before = try read("notebooks/c.md")
        XCTAssertEqual(try tally("ids", "--write", "notebooks").status, 0)
        XCTAssertEqual(try read("notebooks/c.md"), before)
    }

    func testIDsWriteRefusesWhileNotebooksHaveErrors() throws {
        let original = "::: card\nF\n---\nB\n:::\n\n::: card\nno end\n"
        try write("notebooks/e.md", original)
        let run = try tally("ids", "--write", "notebooks")
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(try read("notebooks/e.md"), original)
    }

    func testTemplatesWriteThenCustomise() throws {
        XCTAssertEqual(try tally("templates", "--write", "tpl").status, 0)
        for name in ["layout", "index", "notebook", "cards"] {
            XCTAssertTrue(exists("tpl/\(name).mustache"), name)
        }
        try write("tpl/index.mustache", "<p id=\"mine\">{{totalCards}} cards in {{notebookCount}}</p>\n")
        try write("notebooks/a.md", "::: card {#x}\nf\n---\nb\n:::\n")
        let run = try tally("build", "notebooks", "-o", "out", "--templates", "tpl")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(try read("out/site/index.html").contains("<p id=\"mine\">1 cards in 1</p>"))
    }

    /// What `make run` does: the engine reference lands in the site, every page links to it, and
    /// it leads back; a build without the flag leaves it out (the site is replaced whole).
    func testEngineReferenceIsWrittenIntoTheSiteAndLinkedFromTheIndex() throws {
        try write("notebooks/a.md", "# Notes\n\nText.\n")
        let run = try tally("build", "notebooks", "-o", "out", "--engine-reference")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stderr.contains("engine-reference"), run.stderr)
        XCTAssertTrue(try read("out/site/index.html").contains("<a href=\"engine/index.html\">Engine reference</a>"))
        let reference = try read("out/site/engine/index.html")
        XCTAssertTrue(reference.contains("href=\"../index.html\""))
        XCTAssertTrue(reference.contains("href=\"activations.html#gelu(_:approximate:)\""))
        XCTAssertTrue(exists("out/site/engine/reference.css"))

        XCTAssertEqual(try tally("build", "notebooks", "-o", "out").status, 0)
        XCTAssertFalse(exists("out/site/engine/index.html"))
        XCTAssertFalse(try read("out/site/index.html").contains("engine/index.html"))
    }

    /// Without a readable engine the reference is left out with a warning; the site is built all the same.
    func testMissingEngineLeavesTheReferenceOutWithAWarning() throws {
        try write("notebooks/a.md", "# Notes\n\nText.\n")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("no-engine"), withIntermediateDirectories: true)
        let run = try tally(["build", "notebooks", "-o", "out", "--engine-reference"],
                            environment: ["TALLY_ENGINE_DIR": folder.appendingPathComponent("no-engine").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("warning: engine reference not written"), run.stderr)
        XCTAssertTrue(run.stderr.contains("[engine-reference]"), run.stderr)
        XCTAssertTrue(exists("out/site/index.html"))
        XCTAssertFalse(exists("out/site/engine/index.html"))
        XCTAssertFalse(try read("out/site/index.html").contains("engine/index.html"))
    }
}

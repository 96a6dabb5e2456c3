import Foundation
import XCTest
import TallyTestSupport
import TallyDocument

/// A rebuild reads unchanged notebooks from what the last build kept (their summaries and evaluations)
/// and writes exactly what a build from scratch writes.
final class IncrementalBuildTests: XCTestCase {
    private let notes: [String: String] = [
        "notes/activations.md": "# Activations\n\n## Rectifier\n\nSee [the squared error](losses.md#squared-error).\n\n```swift\nlet half = 1.0 / 2 // => 0.5\n```\n\n::: card {#relu}\nWhat does the ReLU keep?\n---\nThe positive part.\n:::\n",
        "notes/losses.md": "# Losses\n\n## Squared error\n\nIts gradient is $2(y - t)$. Back to the [rectifier](activations.md#rectifier).\n",
        "notes/optimizers.md": "# Optimizers\n\nSGD steps against the gradient, with [[losses#Squared error]].\n\n::: card\nWhat does SGD follow?\n---\nThe negative gradient.\n:::\n",
    ]

    override func setUpWithError() throws {
        try requireRealPart(TallyCLITests.binary != nil, "the tally executable was not found next to the tests")
    }

    private func project(losses: String? = nil) throws -> TemporaryProject {
        let project = try TemporaryProject(self, prefix: "tally-incremental")
        for (path, text) in notes { try project.write(path, text) }
        if let losses { try project.write("notes/losses.md", losses) }
        return project
    }

    /// An edit of the prose alone: no other page shows anything of it.
    private static let proseEdit = "# Losses\n\n## Squared error\n\nIts gradient is $2(y - t)$, averaged over the batch.\n"
    /// The heading activations.md links to is renamed: its link breaks, though activations.md is unchanged.
    private static let headingEdit = "# Losses\n\n## Mean squared error\n\nIts gradient is $2(y - t)$, averaged.\n"

    private func build(_ project: TemporaryProject) throws -> TallyCLITests.Run {
        var run = try TallyCLITests.run(["build", "notes", "--no-deck", "-o", "out"], in: project.root, environment: ["TALLY_PHASES": "1"])
        run.stdout = run.stdout.replacingOccurrences(of: project.root.path, with: "ROOT")
        run.stderr = run.stderr.replacingOccurrences(of: project.root.path, with: "ROOT")
        return run
    }

    /// Every file of the site and the report, by path relative to `out/` (not Tally's own hidden files beside
    /// them: the lock, and the site two builds old that the next build writes over).
    private func outputs(_ project: TemporaryProject) throws -> [String: Data] {
        let out = project.url("out")
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: out, includingPropertiesForKeys: [.isRegularFileKey], options: .skipsHiddenFiles)
        while let url = walker?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(out.standardizedFileURL.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    func testARebuildAfterAnEditWritesWhatABuildFromScratchWrites() throws {
        let incremental = try project()
        XCTAssertEqual(try build(incremental).status, 0)
        for (edit, reparsed) in [(Self.proseEdit, [String]()), (Self.headingEdit, ["notes/activations.md", "notes/optimizers.md"])] {
            try incremental.write("notes/losses.md", edit)
            let rebuild = try build(incremental)
            // Only the edited notebook is parsed, and those whose pages show what changed (here, a heading they link to).
            let parsed = rebuild.stderr.split(separator: "\n").filter { $0.contains("(its blocks were read)") }
            // `phase WALL CPU parsed FILE (its blocks were read)`
            XCTAssertEqual(parsed.map { $0.split(separator: " ")[4] }, reparsed.map { Substring($0) }, rebuild.stderr)

            let scratch = try project(losses: edit)
            let clean = try build(scratch)
            XCTAssertEqual(rebuild.status, clean.status)
            XCTAssertEqual(rebuild.stdout, clean.stdout)
            let messages = { (run: TallyCLITests.Run) in run.stderr.split(separator: "\n").filter { !$0.hasPrefix("phase ") } }
            XCTAssertEqual(messages(rebuild), messages(clean))
            let (a, b) = (try outputs(incremental), try outputs(scratch))
            XCTAssertEqual(a.keys.sorted(), b.keys.sorted())
            for (path, data) in a where b[path] != data { XCTFail("\(path) differs from a build from scratch") }
            XCTAssertGreaterThan(a.count, 5)
        }
        XCTAssertTrue(try build(incremental).stderr.contains("notes/activations.md:5:5: warning: link to '#squared-error'"))
    }

    /// From the third build on, a build writes over the site two builds old (`AtomicFolder`'s spare): a notebook
    /// removed then leaves none of its files, and what is left is what a build from scratch writes.
    func testARebuildAfterARemovalWritesWhatABuildFromScratchWrites() throws {
        let incremental = try project()
        XCTAssertEqual(try build(incremental).status, 0)
        try incremental.write("notes/losses.md", Self.proseEdit)
        XCTAssertEqual(try build(incremental).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: incremental.url("out/.site.spare/optimizers.html").path))
        try FileManager.default.removeItem(at: incremental.url("notes/optimizers.md"))
        let rebuild = try build(incremental)

        let scratch = try project(losses: Self.proseEdit)
        try FileManager.default.removeItem(at: scratch.url("notes/optimizers.md"))
        let clean = try build(scratch)
        XCTAssertEqual(rebuild.status, clean.status)
        let (a, b) = (try outputs(incremental), try outputs(scratch))
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted())
        for (path, data) in a where b[path] != data { XCTFail("\(path) differs from a build from scratch") }
        XCTAssertFalse(a.keys.contains { $0.contains("optimizers") }, "\(a.keys.sorted())")
        XCTAssertTrue(a.keys.contains("/site/cards/activations.js"))
    }

    func testAnUnchangedNotebookKeepsItsEvaluationAndAnEditedOneRunsAgain() throws {
        let project = try project()
        XCTAssertEqual(try build(project).status, 0)
        // A marker planted in every kept evaluation's cell output shows the next build used them, running nothing.
        let kept = project.url("notes/.tally-cache/evaluations.records")
        var records = try XCTUnwrap(RecordFile.read(kept, kind: "evaluations"))
        XCTAssertEqual(records.count, 3, "one file holds every notebook's evaluation")
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.url("notes/.tally-cache/evaluations").path))
        var planted = 0, nothingToRun = 0
        for (name, data) in records {
            // A notebook with nothing to run, check or report is kept as these bytes, not as JSON.
            if data == Data("nothing to run".utf8) { nothingToRun += 1; continue }
            var entry = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            var evaluation = try XCTUnwrap(entry["evaluation"] as? [String: Any])
            var cells = try XCTUnwrap(evaluation["cells"] as? [[String: Any]])
            guard !cells.isEmpty else { continue }
            cells[0]["stdout"] = "planted marker\n"
            evaluation["cells"] = cells
            entry["evaluation"] = evaluation
            records[name] = try JSONSerialization.data(withJSONObject: entry)
            planted += 1
        }
        try RecordFile.write(records, to: kept, kind: "evaluations")
        XCTAssertEqual(planted, 1)
        XCTAssertEqual(nothingToRun, 2, "the two notebooks without cells")
        XCTAssertEqual(try build(project).status, 0)
        XCTAssertTrue(try project.read("out/site/activations.html").contains("planted marker"))
        // An edit makes a new key: the notebook is parsed and evaluated again, and the marker is gone.
        try project.write("notes/activations.md", notes["notes/activations.md"]! + "\nOne more line.\n")
        XCTAssertEqual(try build(project).status, 0)
        XCTAssertFalse(try project.read("out/site/activations.html").contains("planted marker"))
    }

    /// The Anki lock beside the notes is Tally's own state, not a file the pages show: a deck export that
    /// rewrites it (a card edited) does not make the next build render every page again.
    func testARewrittenAnkiLockRendersNoPageAgain() throws {
        let project = try project()
        func build(deck: Bool) throws -> TallyCLITests.Run {
            try TallyCLITests.run(["build", "notes", "-o", "out"] + (deck ? [] : ["--no-deck"]), in: project.root,
                                  environment: ["TALLY_PHASES": "1"])
        }
        XCTAssertEqual(try build(deck: true).status, 0)
        let lock = project.url("notes/tally-anki.lock/optimizers.md.jsonl")
        let before = try Data(contentsOf: lock)
        try project.write("notes/optimizers.md", notes["notes/optimizers.md"]!.replacingOccurrences(of: "The negative gradient.", with: "Minus the gradient."))
        XCTAssertEqual(try build(deck: true).status, 0)
        XCTAssertNotEqual(try Data(contentsOf: lock), before, "the edited card's note is written into the lock")
        // Nothing changed since: no page is rendered again, so no notebook's blocks are read.
        let rebuild = try build(deck: false)
        XCTAssertEqual(rebuild.status, 0)
        XCTAssertEqual(rebuild.stderr.split(separator: "\n").filter { $0.contains("(its blocks were read)") }, [], rebuild.stderr)
    }
}

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
        let project = try TemporaryProject(self, prefix: "tally-cli")
        folder = project.root
    }

    /// Runs `tally arguments…` in the test's folder.
    private func tally(_ arguments: String...) throws -> Run { try Self.run(arguments, in: folder) }

    private func tally(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        try Self.run(arguments, in: folder, environment: environment)
    }

    /// As `tally(_:)`, with `environment` added to the test's own.
    private func tally(arguments: [String], environment: [String: String] = [:]) throws -> Run {
        try Self.run(arguments, in: folder, environment: environment)
    }

    /// Runs `tally arguments…` in `folder`; output goes through files so no pipe can fill up.
    /// Runs `scripts/install PREFIX` on this build (as `make install` does); returns its exit status.
    static func install(into prefix: URL) throws -> Int32 {
        let build = try XCTUnwrap(binary, "the tally executable was not found next to the tests").deletingLastPathComponent()
        let install = Process()
        install.executableURL = packageRoot.appendingPathComponent("scripts/install")
        install.arguments = [prefix.path]
        install.environment = ProcessInfo.processInfo.environment.merging(["BUILD_DIR": build.path]) { $1 }
        install.standardOutput = FileHandle.nullDevice
        try install.run()
        install.waitUntilExit()
        return install.terminationStatus
    }

    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = folder
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let scratch = FileManager.default.temporaryDirectory
        let out = scratch.appendingPathComponent(".tally-stdout-\(UUID().uuidString)")
        let err = scratch.appendingPathComponent(".tally-stderr-\(UUID().uuidString)")
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

        // A copy: a build keeps its cache beside the notes, and the user's seeds are read, never written.
        try FileManager.default.copyItem(at: seed, to: folder.appendingPathComponent("000_683dc635d23167b2.txt"))
        let run = try tally("build", "000_683dc635d23167b2.txt", "-o", "some/folder")
        XCTAssertEqual(run.status, 0, run.stderr)
        let cards = try SiteParts.cardsHTML(in: folder.appendingPathComponent("some/folder/site"))
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
        XCTAssertTrue(try SiteParts.cardsHTML(in: folder.appendingPathComponent("out/site")).contains("data-card-id=\"good-card\""))
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
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: seeds.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
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
            // Every formula is typeset at build time: none rejected, no ```math fence left as code (seed 004 has nine).
            XCTAssertFalse(page.contains("math-error") || page.contains("katex-error"), stem)
            XCTAssertFalse(page.contains("language-math"), stem)
        }
        XCTAssertFalse(built.stderr.contains("KaTeX"), built.stderr)
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

    /// An Anki deck made by the real anki library (8 notes, 3 reviewed), in both package formats: import →
    /// `tally anki` → import into the original collection creates no note and keeps every review.
    func testAnkiDeckRoundTripsIntoTheOriginalCollection() throws {
        let script = Self.packageRoot.appendingPathComponent("Tests/TallyImportTests/Scripts/anki_package_roundtrip.py")
        let made = try JSONSerialization.jsonObject(with: PythonScript.run(script, ["make", folder.appendingPathComponent("anki").path]))
            as? [String: Any]
        let reviews = try XCTUnwrap(made?["reviews"] as? [String: Int])
        XCTAssertEqual(reviews.values.reduce(0, +), 3)
        for package in ["deck-legacy.apkg", "deck.apkg"] {
            let notebooks = "nb-" + package
            let imported = try tally("import", "anki/\(package)", "-o", notebooks)
            XCTAssertEqual(imported.status, 0, imported.stderr)
            let exported = try tally("anki", notebooks, "-o", "\(notebooks).apkg")
            XCTAssertEqual(exported.status, 0, exported.stderr)
            let copy = folder.appendingPathComponent("copy-\(package)")
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: folder.appendingPathComponent("anki/collection.anki2"),
                                             to: copy.appendingPathComponent("collection.anki2"))
            let log = try JSONSerialization.jsonObject(with: PythonScript.run(script, [
                "reimport", copy.appendingPathComponent("collection.anki2").path, folder.appendingPathComponent("\(notebooks).apkg").path,
            ])) as? [String: Any]
            XCTAssertEqual(log?["new"] as? Int, 0, package)
            XCTAssertEqual(log?["notes"] as? Int, 8, package)
            XCTAssertEqual(log?["reviews"] as? [String: Int], reviews, package)
        }
    }

    /// Issue 18: checked formulas with the real `tally`, `swiftc` and engine. The three examples of
    /// the issue hold and are counted; a lost sign fails at its line with both sides (θ − η g =
    /// 2 − 0.25 · 0.8 = 1.8, θ + η g = 2.2); `\int` is named; the page marks each formula; a card
    /// whose formula fails is not exported.
    func testCheckedFormulas() throws {
        let sgd = "```swift\nlet theta = 2.0\nlet grad = 0.8\nlet lr = 0.25\nlet thetaNext = theta - lr * grad\n```\n"
        try write("n/good.md", #"""
            # Good

            \#(sgd)
            $$\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)$$
            {check for x in -6...6 where \sigma = sigmoid, \sigma' = Activation.sigmoid.derivative}

            $$\theta_{t+1} = \theta_t - \eta\, g_t$$
            {check where \theta_{t+1} = thetaNext, \theta_t = theta, \eta = lr, g_t = grad}

            $$\sum_{i=1}^{n} i = \frac{n\,(n+1)}{2}$$
            {check for n in 1...50}
            """#.replacingOccurrences(of: "            ", with: ""))
        let good = try tally("check", "n")
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertTrue(good.stderr.contains("checked 1 notebook: 0 of 0 stated values and 3 of 3 formulas hold"), good.stderr)
        // A ```math fence is checked and typeset as display math, with its mark.
        try write("n/fence.md", "# Fence\n\n```math\n\\sum_{i=1}^{n} i^3 = \\Bigl(\\frac{n(n+1)}{2}\\Bigr)^2\n```\n{check for n in 1...30}\n")
        XCTAssertEqual(try tally("check", "n/fence.md").status, 0)

        try write("n/bad.md", #"""
            # Bad

            \#(sgd)
            $$\theta_{t+1} = \theta_t + \eta\, g_t$$
            {check where \theta_{t+1} = thetaNext, \theta_t = theta, \eta = lr, g_t = grad}

            $$\int_0^1 x\,dx = \frac12$$
            {check}

            ::: card {#lost-sign}
            What is the SGD update?
            ---
            $$\theta_{t+1} = \theta_t + \eta\, g_t$$
            {check where \theta_{t+1} = thetaNext, \theta_t = theta, \eta = lr, g_t = grad}
            :::
            """#.replacingOccurrences(of: "            ", with: ""))
        let bad = try tally("check", "n")
        XCTAssertEqual(bad.status, 1, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("n/bad.md:10:1: error: formula does not hold: left θ_{t+1} = 1.8, right θ_t + η g_t = 2.2"
                                          + " (θ_t = 2, η = 0.25, g_t = 0.8); it holds with - instead of +: θ_{t+1} = θ_t - η g_t [formula]"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("n/bad.md:13:1: error: \\int is not supported in a checked formula [formula]"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("0 of 0 stated values and 4 of 7 formulas hold"), bad.stderr)
        // --fix rewrites stated numbers only: a formula is never changed.
        let before = try read("n/bad.md")
        XCTAssertEqual(try tally("check", "--fix", "n").status, 1)
        XCTAssertEqual(try read("n/bad.md"), before)
        // JUnit: a test case per formula, failing with its rule id.
        XCTAssertEqual(try tally("check", "--junit", "report.xml", "n").status, 1)
        let junit = try read("report.xml")
        XCTAssertTrue(junit.contains("<testcase classname=\"n/bad.md\" name=\"n/bad.md:10:1 formula\">\n      <failure type=\"formula\""), junit)
        XCTAssertTrue(junit.contains("<testcase classname=\"n/good.md\" name=\"n/good.md:10:1 formula\"/>"), junit)

        let built = try tally("build", "n", "-o", "out", "--allow-failures")
        XCTAssertEqual(built.status, 1, built.stderr)
        XCTAssertTrue(built.stderr.contains("card 'lost-sign' is not exported: its formula at line 19 does not hold"), built.stderr)
        let page = try read("out/site/good.html")
        XCTAssertTrue(page.contains("0 of 0 stated values and 3 of 3 formulas hold"), page)
        XCTAssertEqual(page.components(separatedBy: "class=\"checked-formula\"").count - 1, 3, page)
        XCTAssertTrue(page.contains("title=\"formula holds: θ_{t+1} = 1.8; θ_t = 2, η = 0.25, g_t = 0.8\">✓</span>"), page)
        XCTAssertFalse(page.contains("{check"), "the check line is not shown")
        let fence = try read("out/site/fence.html")
        // Typeset at build time: KaTeX's element keeps the TeX in its MathML annotation, the mark beside it.
        XCTAssertTrue(fence.contains("<div class=\"checked-formula\"><div class=\"math display\">"), fence)
        XCTAssertTrue(fence.contains("<annotation encoding=\"application/x-tex\">\\sum_{i=1}^{n} i^3 = \\Bigl(\\frac{n(n+1)}{2}\\Bigr)^2</annotation>"), fence)
        XCTAssertTrue(fence.contains("</div> <span class=\"check-mark ok\""), fence)
        let failing = try read("out/site/bad.html")
        XCTAssertTrue(failing.contains("class=\"check-mark failed\""), failing)
    }

    /// An Obsidian vault builds as it is: a wikilink to a heading of the other note lands on it, an
    /// embedded image is shown, and a `Question::Answer` line in a note tagged #flashcards is a card.
    func testObsidianVaultBuildsIntoLinkedPagesAndOneCard() throws {
        let pixel = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("vault/.obsidian"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("vault/attachments"), withIntermediateDirectories: true)
        try pixel.write(to: folder.appendingPathComponent("vault/attachments/lens.png"))
        try write("vault/Optics.md", """
        # Optics #flashcards

        Light bends at a boundary; see [[Waves#Refraction index|the refraction index]].

        ![[lens.png]]

        Focal length::The distance from a thin lens to the point where parallel rays meet.

        """)
        try write("vault/Waves.md", "# Waves\n\n## Refraction index\n\nThe ratio of the speed of light in vacuum to that in the medium.\n")
        let run = try tally("build", "vault", "-o", "out")
        XCTAssertEqual(run.status, 0, run.stderr)
        let optics = try read("out/site/Optics.html")
        XCTAssertTrue(optics.contains("<a class=\"wikilink\" href=\"Waves.html#refraction-index\">the refraction index</a>"), optics)
        XCTAssertTrue(try read("out/site/Waves.html").contains("id=\"refraction-index\""))
        XCTAssertTrue(optics.range(of: #"<img src="[^"]*lens\.png" alt="lens\.png""#, options: .regularExpression) != nil, optics)
        XCTAssertEqual(optics.components(separatedBy: "<div class=\"card\" ").count - 1, 1, optics)
        XCTAssertTrue(optics.contains("Focal length") && optics.contains("parallel rays meet"), optics)
        XCTAssertTrue(run.stderr.contains("1 card") || run.stdout.contains("1 card"), run.stderr)
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
        // The README lists the values each template receives.
        let readme = try read("tpl/README.md")
        for name in ["layout", "index", "notebook", "cards", "review"] {
            XCTAssertTrue(exists("tpl/\(name).mustache"), name)
            XCTAssertTrue(readme.contains("`\(name).mustache`"), name)
        }
        try write("tpl/index.mustache", "<p id=\"mine\">{{totalCards}} cards in {{notebookCount}}</p>\n")
        try write("notebooks/a.md", "::: card {#x}\nf\n---\nb\n:::\n")
        let run = try tally("build", "notebooks", "-o", "out", "--templates", "tpl")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(try read("out/site/index.html").contains("<p id=\"mine\">1 cards in 1</p>"))
    }

    /// `make install` copies the built-in templates, CSS and scripts beside the engine, and the installed
    /// `tally` reads that copy (not the build tree's): a marker put into the installed copy comes out.
    func testInstalledTallyFindsItsBuiltInFiles() throws {
        let prefix = folder.appendingPathComponent("prefix")
        XCTAssertEqual(try Self.install(into: prefix), 0)
        let installedReadme = prefix.appendingPathComponent("lib/tally/Tally_TallySite.resources/templates/README.md")
        try Data("installed copy\n".utf8).write(to: installedReadme)

        let process = Process()
        process.executableURL = prefix.appendingPathComponent("bin/tally")
        process.arguments = ["templates", "--write", "tpl"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(try read("tpl/README.md"), "installed copy\n")
        XCTAssertTrue(try read("tpl/layout.mustache").contains("<!DOCTYPE html>"))
    }

    /// A formula KaTeX rejects is printed at its line with KaTeX's message by `build` and `check`;
    /// `--strict-math` makes it an error (exit 1).
    func testARejectedFormulaIsReportedByBuildAndCheck() throws {
        try write("notebooks/x.md", "# X\n\nFine: $x$.\n\nBroken: $\\frac{1}{2$ here.\n")
        let expected = "notebooks/x.md:5:9: warning: KaTeX: "
        let build = try tally("build", "notebooks", "-o", "out", "--no-deck")
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(build.stderr.contains(expected), build.stderr)
        XCTAssertTrue(build.stderr.contains("expected '}'"), build.stderr)
        XCTAssertTrue(build.stderr.contains("[math]"), build.stderr)
        let strict = try tally("build", "notebooks", "-o", "out", "--no-deck", "--strict-math")
        XCTAssertEqual(strict.status, 1, strict.stderr)
        XCTAssertTrue(strict.stderr.contains("notebooks/x.md:5:9: error: KaTeX: "), strict.stderr)
        let check = try tally("check", "notebooks")
        XCTAssertTrue(check.stderr.contains(expected), check.stderr)
    }

    /// One notebook with one card and one checked number: every count reads in the singular, in the
    /// command's summary and on the pages (never "1 notebooks", "1 cards", "1 notes").
    func testOneOfEachReadsInTheSingular() throws {
        try write("notebooks/one.md", "# One\n\n```swift\nlet x = 1.5 // => 1.5\n```\n\n::: card {#only}\nFront\n---\nBack\n:::\n")
        let build = try tally("build", "notebooks", "-o", "out")
        XCTAssertEqual(build.status, 0, build.stderr)
        let said = build.stdout + build.stderr
        for phrase in ["1 of 1 notebook ", "1 card,", "1 of 1 stated value holds", "1 note in"] {
            XCTAssertTrue(said.contains(phrase), "\(phrase): \(said)")
        }
        XCTAssertTrue(try read("out/site/index.html").contains("1 notebook, 1 card."))
        XCTAssertTrue(try read("out/site/one.html").contains(">Review 1 card</a>"))
        XCTAssertTrue(try read("out/site/one.html").contains("1 of 1 stated value holds"))
        XCTAssertTrue(try read("out/site/review.html").contains(">1 card</span>"))
        let check = try tally("check", "notebooks")
        XCTAssertTrue(check.stderr.contains("checked 1 notebook: 1 of 1 stated value holds"), check.stderr)
        for run in [build, check] {
            for wrong in ["1 notebooks", "1 cards", "1 notes", "1 stated values"] {
                XCTAssertFalse((run.stdout + run.stderr).contains(wrong), wrong)
            }
        }
    }

    /// A diagnostic on a file with CRLF line ends shows its source line and caret like any other.
    func testACRLFFileKeepsItsExcerpt() throws {
        try write("notebooks/crlf.md", "# CRLF\r\n\r\n::: card\r\nFront\r\n")
        let check = try tally("check", "notebooks")
        XCTAssertEqual(check.status, 1, check.stderr)
        XCTAssertTrue(check.stderr.contains("notebooks/crlf.md:3:1: error: "), check.stderr)
        XCTAssertTrue(check.stderr.contains(" 3 | ::: card\n   | ^"), check.stderr)
    }

    /// Every command's help reads as written: no sentence broken across lines by hand (with a wide
    /// terminal, each line of the discussion ends a sentence).
    func testHelpHasNoHandWrappedLines() throws {
        for command in [[], ["build"], ["check"], ["ids"], ["templates"], ["anki"], ["import"], ["serve"]] {
            let run = try tally(arguments: command + ["--help"], environment: ["COLUMNS": "1000"])
            let lines = run.stdout.components(separatedBy: "\n")
            guard let usage = lines.firstIndex(where: { $0.hasPrefix("USAGE:") }) else { XCTFail("no usage: \(run.stdout)"); continue }
            for line in lines[1..<usage] where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                XCTAssertTrue(line.hasSuffix(".") || line.hasSuffix(":"), "tally \(command.joined()) --help: '\(line)'")
            }
        }
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

import Foundation
import XCTest
import TallyTestSupport
import TallyDocument
@testable import TallySite

/// Math is typeset once per distinct formula: KaTeX's answers cross Node's pipe once each, are kept in
/// `KaTeXCache` between builds, and a build whose formulas are all known does not start Node. Observed
/// through a wrapper around the real `node` (named by `TALLY_NODE`) that records each start and copies
/// what Node writes; Node and KaTeX really run. Expected values are counts of the formulas the notebooks
/// hold and KaTeX's documented rendering (`\mathbf{v}` is a `mathbf` span), not Tally's output pasted back.
final class MathTypesetOnceTests: XCTestCase {
    private var log: URL!
    private var realNode: URL!

    override func setUpWithError() throws {
        guard let node = KaTeXProcess.findNode(), FileManager.default.fileExists(atPath: KaTeXProcess.katexScript.path) else {
            try missingRealPart("nodejs or libjs-katex is not installed (make test installs them)")
        }
        realNode = node
        log = FileManager.default.temporaryDirectory.appendingPathComponent("tally-node-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: log, withIntermediateDirectories: true)
        let wrapper = log.appendingPathComponent("node")
        try """
        #!/bin/sh
        echo started >> '\(log.path)/starts'
        '\(node.path)' "$@" | tee -a '\(log.path)/stdout'
        """.write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        setenv("TALLY_NODE", wrapper.path, 1)
    }

    override func tearDownWithError() throws {
        unsetenv("TALLY_NODE")
        if let log { try? FileManager.default.removeItem(at: log) }
    }

    /// How many times Node was started so far.
    private var starts: Int {
        ((try? String(contentsOf: log.appendingPathComponent("starts"), encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    /// What Node answered since the last call (the log is emptied): how many answers it sent, and how many
    /// formulas it answered by the number of an answer sent before. Read from its replies as
    /// `typeset-math.js` documents them: a 4-byte length, then "R", a formula count and per formula a tag
    /// (0 not answered, 1 and a number, 2 and an answer: flags, then the strings and position they name).
    private func nodeOutput() throws -> (answers: Int, repeats: Int) {
        let file = log.appendingPathComponent("stdout")
        let bytes = [UInt8]((try? Data(contentsOf: file)) ?? Data())
        try? FileManager.default.removeItem(at: file)
        var at = 0
        func uint32() throws -> Int {
            guard at + 4 <= bytes.count else { throw CocoaError(.fileReadCorruptFile) }
            defer { at += 4 }
            return (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
        }
        func byte() throws -> UInt8 {
            guard at < bytes.count else { throw CocoaError(.fileReadCorruptFile) }
            defer { at += 1 }
            return bytes[at]
        }
        var answers = 0, repeats = 0
        while at < bytes.count {
            let end = try uint32() + at
            guard try byte() == UInt8(ascii: "R") else { at = end; continue }
            for _ in 0..<(try uint32()) {
                switch try byte() {
                case 1: repeats += 1; _ = try uint32()
                case 2:
                    answers += 1
                    let flags = try byte()
                    for flag: UInt8 in [2, 4, 8] where flags & flag != 0 { at += try uint32() }
                    if flags & 16 != 0 { _ = try uint32() }
                default: break
                }
            }
            XCTAssertEqual(at, end, "a reply read to its end")
            at = end
        }
        return (answers, repeats)
    }

    private func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    private func build(_ project: Project, cache: URL?) throws -> [Diagnostic] {
        let sources = try SourceLoader.load(paths: [project.notebooks.path], workingDirectory: project.base)
        var builder = SiteBuilder(sources: sources, templates: try TemplateSet(folder: nil))
        builder.mathCacheFile = cache
        return sources.diagnostics + (try builder.build(into: project.site))
    }

    func testARepeatedFormulaIsAnsweredOnceAndItsAnswerReused() throws {
        let project = try Project(self)
        try project.write("notebooks/a.md", "# A\n\n" + String(repeating: "Here $x$ and $\\theta$.\n\n", count: 40))
        try project.write("notebooks/b.md", "# B\n\n" + String(repeating: "Again $x$.\n\n", count: 10))
        XCTAssertEqual(try build(project, cache: nil), [])
        XCTAssertEqual(starts, 1)
        let output = try nodeOutput()
        // Two distinct formulas: two answers; the other 88 occurrences name them.
        XCTAssertEqual(output.answers, 2, "\(output)")
        XCTAssertEqual(output.repeats, 88, "\(output)")
        XCTAssertEqual(count("class=\"katex\"", in: try project.read("a.html")), 80)
        XCTAssertEqual(count("class=\"katex\"", in: try project.read("b.html")), 10)
        XCTAssertTrue(try project.read("a.html").contains("<mi>θ</mi>"))
    }

    /// Thousands of occurrences of a few formulas need one Node, not one per core.
    func testWorkersAreCountedByDistinctFormulas() throws {
        let project = try Project(self)
        for name in ["a", "b", "c", "d"] {
            try project.write("notebooks/\(name).md", "# \(name)\n\n" + String(repeating: "$x$ $y$ ", count: 600) + "\n")
        }
        XCTAssertEqual(try build(project, cache: nil), [])
        XCTAssertEqual(starts, 1)
        XCTAssertEqual(try nodeOutput().answers, 2)
    }

    func testARebuildWithEveryFormulaKnownStartsNoNodeAndAnEditedFormulaIsTypesetAgain() throws {
        let project = try Project(self)
        let cache = project.project.url(".tally-cache/\(TypesetMath.cacheFileName)")
        try project.write("notebooks/a.md", "# A\n\nA half $\\frac{1}{2}$, a square $x^2$, a sum $$\\sum_i x_i$$\n")
        try project.write("notebooks/b.md", "# B\n\n$x^2$ again.\n")
        XCTAssertEqual(try build(project, cache: cache), [])
        XCTAssertEqual(starts, 1)
        XCTAssertEqual(try nodeOutput().answers, 3)
        let first = try project.read("a.html")

        XCTAssertEqual(try build(project, cache: cache), [])
        XCTAssertEqual(starts, 1, "every formula known: Node not started")
        XCTAssertEqual(try project.read("a.html"), first, "the same page from the kept answers")

        try project.write("notebooks/a.md", "# A\n\nA half $\\frac{1}{2}$, a square $y^3$, a sum $$\\sum_i x_i$$\n")
        XCTAssertEqual(try build(project, cache: cache), [])
        XCTAssertEqual(starts, 2, "a new formula: Node started")
        let output = try nodeOutput()
        XCTAssertEqual(output.answers, 1, "only the new formula is typeset: \(output)")
        let page = try project.read("a.html")
        XCTAssertTrue(page.contains("<msup><mi>y</mi><mn>3</mn></msup>"), page)
        XCTAssertFalse(page.contains("<msup><mi>x</mi><mn>2</mn></msup>"), page)

        // b.md was not typeset again, yet its answers are kept: a later build still needs no Node.
        XCTAssertEqual(try build(project, cache: cache), [])
        XCTAssertEqual(starts, 2)
    }

    /// A definition kept in the cache still applies to a new formula after it: Node is told of it.
    func testANewFormulaAfterAKeptDefinitionUsesIt() throws {
        let project = try Project(self)
        let cache = project.project.url(".tally-cache/\(TypesetMath.cacheFileName)")
        try project.write("notebooks/a.md", "# A\n\n$\\gdef\\V{\\mathbf{v}}$ defines $\\V$.\n")
        XCTAssertEqual(try build(project, cache: cache), [])
        XCTAssertEqual(try build(project, cache: cache), [])
        XCTAssertEqual(starts, 1)
        _ = try nodeOutput()

        try project.write("notebooks/a.md", "# A\n\n$\\gdef\\V{\\mathbf{v}}$ defines $\\V$.\n\nThen $\\V + \\V_2$.\n")
        XCTAssertEqual(try build(project, cache: cache), [], "\\V is defined for the new formula")
        XCTAssertEqual(starts, 2)
        // The definition is typeset again for its effect but not sent back; the new formula is.
        XCTAssertEqual(try nodeOutput().answers, 1)
        let page = try project.read("a.html")
        XCTAssertEqual(count("<mi mathvariant=\"bold\">v</mi>", in: page), 3, page)
    }

    /// A formula known under the page's macros is typeset again when a new definition before it changes them.
    func testANewDefinitionBeforeKnownFormulasChangesThem() throws {
        let project = try Project(self)
        let cache = project.project.url(".tally-cache/\(TypesetMath.cacheFileName)")
        try project.write("notebooks/a.md", "# A\n\n$\\V$ is not defined.\n")
        let undefined = try build(project, cache: cache)
        XCTAssertEqual(undefined.map(\.rule), [.math])
        XCTAssertTrue(undefined.first?.message.contains("Undefined control sequence: \\V") ?? false, "\(undefined)")

        try project.write("notebooks/a.md", "# A\n\n$\\gdef\\V{\\mathbf{v}}$ defines $\\V$.\n")
        XCTAssertEqual(try build(project, cache: cache), [])
        XCTAssertTrue(MathAtBuildTimeTests.typesets(try project.read("a.html"), "mathbf", "v"))

        // Another page keeps its own macros: there \V is still undefined, from the cache or not.
        try project.write("notebooks/b.md", "# B\n\n$\\V$ alone.\n")
        XCTAssertEqual(try build(project, cache: cache).map(\.location.file), ["notebooks/b.md"])
    }

    /// A Node whose answers stop midway (here cut after 2,000 bytes) is reported on each page it did not
    /// answer, and the build still finishes.
    func testANodeThatStopsMidwayIsReportedOnEachPage() throws {
        let wrapper = log.appendingPathComponent("node")
        try """
        #!/bin/sh
        '\(realNode.path)' "$@" | head -c 2000
        """.write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        let project = try Project(self)
        for name in ["a", "b", "c"] {
            try project.write("notebooks/\(name).md", "# \(name)\n\n" + (1...30).map { "$x_{\(name)\($0)}$" }.joined(separator: " ") + "\n")
        }
        let diagnostics = try build(project, cache: nil)
        XCTAssertEqual(diagnostics.map(\.rule), [.math, .math, .math], "\(diagnostics)")
        XCTAssertEqual(diagnostics.map(\.location.file), ["notebooks/a.md", "notebooks/b.md", "notebooks/c.md"])
        XCTAssertTrue(diagnostics.allSatisfy { $0.message.contains("exited before answering") }, "\(diagnostics)")
    }

    /// `tally build` starts Node before loading the notebooks; a build that needs it takes that process.
    func testAPrestartedProcessIsTheOneUsed() throws {
        let project = try Project(self)
        try project.write("notebooks/a.md", "# A\n\n$x$\n")
        let processes = KaTeXProcesses()
        defer { processes.close() }
        processes.prestart()
        let prestarted = processes.kept
        XCTAssertEqual(prestarted.count, 1)
        let sources = try SourceLoader.load(paths: [project.notebooks.path], workingDirectory: project.base)
        let math = TypesetMath(notebooks: sources.notebooks, sources: sources, strict: false, processes: processes)
        XCTAssertEqual(math.diagnostics, [])
        XCTAssertEqual(processes.kept, prestarted)
        XCTAssertEqual(starts, 1)
    }
}

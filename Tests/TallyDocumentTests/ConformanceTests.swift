import Foundation
import TallyHTML
import TallyTestSupport
import XCTest
@testable import TallyDocument

/// The CommonMark spec's examples (0.31.2) and cmark-gfm's GFM extension examples, run through Tally's
/// parser and renderer and compared with the spec's HTML after the spec tests' own normalisation
/// (`Fixtures/conformance/normalize_html.py`, which also strips what Tally adds on purpose: heading ids,
/// the table wrapper, the task class). Raw HTML is on (`unsafe-html: true`), as the specs assume.
/// Every example passes except the deliberate deviations listed in `deviations` (and in the README).
final class ConformanceTests: XCTestCase {
    struct Example: Decodable {
        var markdown: String
        var html: String
        var example: Int
        var section: String
    }

    private static let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("conformance")

    /// CommonMark 0.31.2 examples that differ on purpose, with the reason (each reason is in the README).
    static let commonMarkDeviations: [Int: String] = {
        var list: [Int: String] = [:]
        let library = "libcmark-gfm 0.29 (Debian's) predates the 0.31 spec"
        for n in [28, 354, 625, 626] { list[n] = library }
        for n in [96, 98] { list[n] = "a file that starts with '---' starts with front matter" }
        for n in [170, 171, 172, 173, 176, 178] { list[n] = "GFM's tagfilter applies to raw HTML" }
        for n in [596, 598, 599, 601] { list[n] = "link policy: only http, https, mailto and relative links" }
        for n in [602, 606, 608, 611, 612] { list[n] = "GFM's autolink extension is on, as on GitHub" }
        list[590] = "Obsidian wikilinks and embeds: ![[foo]] embeds the file foo"
        return list
    }()

    /// GFM extension examples that differ on purpose.
    static let gfmDeviations: [Int: String] = [628: "link policy: only http, https, mailto and relative links (no ftp:)"]

    func testCommonMarkSpec() throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("commonmark-0.31.2.json"))
        let examples = try JSONDecoder().decode([Example].self, from: data)
        XCTAssertEqual(examples.count, 652)
        try check(examples, deviations: Self.commonMarkDeviations, suite: "CommonMark")
    }

    func testGFMExtensionSpec() throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("gfm-spec.txt"), encoding: .utf8)
        let examples = Self.gfmExtensionExamples(text)
        XCTAssertEqual(examples.count, 22)
        try check(examples, deviations: Self.gfmDeviations, suite: "GFM")
    }

    private func check(_ examples: [Example], deviations: [Int: String], suite: String) throws {
        let cases = examples.map { example -> [String: Any] in
            let notebook = NotebookParser.parse(example.markdown, path: "spec.md").notebook
            let actual = HTMLRenderer(mathStyle: .katex, allowRawHTML: true).render(notebook.blocks)
            return ["example": example.example, "expected": example.html, "actual": actual]
        }
        let input = try TemporaryProject(self, prefix: "tally-conformance")
            .write("cases.json", try JSONSerialization.data(withJSONObject: cases))
        let output = try PythonScript.run(Self.folder.appendingPathComponent("normalize_html.py"), [input.path])
        let failing = try JSONSerialization.jsonObject(with: output) as! [[String: Any]]
        let failed = Set(failing.map { $0["example"] as! Int })
        let passed = examples.count - failed.count
        print("\(suite): \(passed)/\(examples.count) examples pass; \(deviations.count) deliberate deviations")
        for failure in failing where deviations[failure["example"] as! Int] == nil {
            let number = failure["example"] as! Int
            let markdown = examples.first { $0.example == number }!.markdown
            XCTFail("\(suite) example \(number) \(markdown.debugDescription)\nexpected \(failure["expected"]!)\nactual   \(failure["actual"]!)")
        }
        for number in deviations.keys.sorted() where !failed.contains(number) {
            XCTFail("\(suite) example \(number) is listed as a deviation but passes: remove it from the list and the README")
        }
    }

    /// The examples of cmark-gfm's `test/spec.txt` marked `example table`, `strikethrough`, `autolink`
    /// or `tagfilter` (those marked `disabled` are skipped, as cmark-gfm's own spec test skips them).
    /// `→` stands for a tab, as in the spec.
    static func gfmExtensionExamples(_ text: String) -> [Example] {
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var number = 0
        var current: (kind: String, markdown: [String], html: [String], inHTML: Bool)?
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix(fence + " example") {
                number += 1
                current = (String(line.dropFirst(fence.count + " example".count)).trimmingCharacters(in: .whitespaces), [], [], false)
            } else if line == fence, let c = current {
                if ["table", "strikethrough", "autolink", "tagfilter"].contains(c.kind) {
                    func join(_ lines: [String]) -> String {
                        lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
                    }
                    examples.append(Example(markdown: join(c.markdown), html: join(c.html), example: number, section: c.kind))
                }
                current = nil
            } else if current != nil {
                if line == "." && !current!.inHTML { current!.inHTML = true } else if current!.inHTML { current!.html.append(line) } else { current!.markdown.append(line) }
            }
        }
        return examples
    }
}

import Foundation
import TallyHTML
import XCTest
@testable import TallyDocument

/// libcmark-gfm 0.29 swaps a process-wide character table while it parses inlines (strikethrough and
/// autolink register their characters there), and the loader parses notebooks in parallel. Every parse
/// must give the same tree whatever runs beside it: 650 notebooks (the CommonMark spec examples, each
/// with a strikethrough and an autolink, the constructs that went missing) loaded in parallel 20 times
/// render to the same HTML as one at a time.
final class ParallelParsingTests: XCTestCase {
    func testParsingManyNotebooksInParallelIsDeterministic() throws {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let data = try Data(contentsOf: folder.appendingPathComponent("commonmark/spec-examples.json"))
        let examples = try JSONDecoder().decode([Example].self, from: data).prefix(650)
        let project = try temporaryFolder(self)
        for (i, example) in examples.enumerated() {
            let text = "~~gone~~ and <https://example.com/\(i)> and www.example.org\n\n" + example.markdown
            try write(text, to: project, String(format: "n%03d.md", i))
        }
        func render(_ set: SourceSet) -> [String] {
            set.notebooks.map { HTMLRenderer(mathStyle: .katex).render($0.blocks) }
        }
        let serial = examples.indices.map { i -> String in
            let text = try! String(contentsOf: project.appendingPathComponent(String(format: "n%03d.md", i)), encoding: .utf8)
            return HTMLRenderer(mathStyle: .katex).render(NotebookParser.parse(text, path: "x.md").notebook.blocks)
        }
        XCTAssertTrue(serial.allSatisfy { $0.contains("<del>gone</del>") && $0.contains("<a href=\"https://example.com/") })
        for round in 0..<20 {
            let parallel = render(try SourceLoader.load(paths: [project.path]))
            XCTAssertEqual(parallel.count, serial.count)
            let differing = zip(parallel, serial).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
            XCTAssertEqual(differing, [], "round \(round): notebooks rendered differently in parallel")
        }
    }

    private struct Example: Decodable { var markdown: String }
}

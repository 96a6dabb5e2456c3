import Foundation
import XCTest
@testable import TallyEngineReference

/// The reference built from a small hand-written symbol graph: grouping by folder, members under
/// their type, escaping, and symbols without docs.
final class ReferenceFromGraphTests: XCTestCase {
    private func symbol(_ id: String, _ path: [String], kind: String = "swift.func", display: String = "Function",
                        file: String, line: Int = 3, doc: [String]?, declaration: String = "") -> String {
        let docJSON = doc.map { lines in
            ", \"docComment\": {\"module\": \"TallyEngine\", \"lines\": [" + lines.map { "{\"text\": \(json($0))}" }.joined(separator: ", ") + "]}"
        } ?? ""
        return """
        {"kind": {"identifier": "\(kind)", "displayName": "\(display)"}, "identifier": {"precise": "\(id)"},
         "pathComponents": [\(path.map(json).joined(separator: ", "))], "names": {"title": \(json(path.last!))},
         "declarationFragments": [{"kind": "keyword", "spelling": "func"}, {"kind": "text", "spelling": " "},
           {"kind": "identifier", "spelling": \(json(declaration))}, {"kind": "typeIdentifier", "spelling": "Grid", "preciseIdentifier": "s:Grid"}],
         "accessLevel": "public",
         "location": {"uri": "file:///src/Sources/TallyEngine/\(file)", "position": {"line": \(line - 1), "character": 4}}\(docJSON)}
        """
    }

    private func json(_ s: String) -> String {
        String(decoding: try! JSONEncoder().encode(s), as: UTF8.self)
    }

    private func graph() throws -> SymbolGraph {
        let symbols = [
            symbol("s:Grid", ["Grid"], kind: "swift.struct", display: "Structure", file: "NumberGrids/Grid.swift",
                   doc: ["A rectangle of numbers."]),
            symbol("s:Grid.rows", ["Grid", "rows"], kind: "swift.property", display: "Instance Property", file: "NumberGrids/Grid.swift",
                   line: 5, doc: ["Rows, at least 1."]),
            symbol("s:Grid.flip", ["Grid", "flipped()"], kind: "swift.method", display: "Instance Method", file: "LinearAlgebra/Flip.swift",
                   doc: ["The grid upside down: `[r, c]` → `[r, c]`."]),
            symbol("s:less", ["<(_:_:)"], kind: "swift.func.op", display: "Operator", file: "NumberGrids/Grid.swift", line: 9,
                   doc: ["Compares <b>first</b> rows; <script>alert(1)</script>", "", "    let x = a < b"], declaration: "<"),
            symbol("s:lonely", ["lonely()"], file: "LinearAlgebra/Flip.swift", line: 20, doc: nil),
            symbol("s:Grid.rows::SYNTHESIZED::s:Other", ["Grid", "hash"], kind: "swift.property", display: "Instance Property",
                   file: "NumberGrids/Grid.swift", doc: nil),
        ]
        let text = """
        {"module": {"name": "TallyEngine"}, "symbols": [\(symbols.joined(separator: ",\n"))],
         "relationships": [{"kind": "memberOf", "source": "s:Grid.rows", "target": "s:Grid"},
                           {"kind": "memberOf", "source": "s:Grid.flip", "target": "s:Grid"}]}
        """
        return try JSONDecoder().decode(SymbolGraph.self, from: Data(text.utf8))
    }

    func testTopicsFollowFoldersAndMembersStayWithTheirType() throws {
        let reference = EngineReference(graphs: [try graph()])
        XCTAssertEqual(reference.topics.map(\.name), ["Linear algebra", "Number grids"])
        XCTAssertEqual(reference.topics.map(\.page), ["linear-algebra.html", "number-grids.html"])
        let grids = reference.topics[1]
        XCTAssertEqual(grids.entries.map(\.title), ["<(_:_:)", "Grid"])
        XCTAssertEqual(grids.entries[1].members.map(\.title), ["Grid.rows"])
        // Declared in another folder: listed in that topic, by its qualified name.
        XCTAssertEqual(reference.topics[0].entries.map(\.title), ["Grid.flipped()", "lonely()"])
        XCTAssertEqual(reference.undocumented.map(\.title), ["lonely()"], "synthesized symbols are not counted")
        XCTAssertEqual(grids.entries[1].members[0].source, "NumberGrids/Grid.swift:5")
    }

    func testEverythingIsEscapedAndTypesAreLinked() throws {
        let files = ReferencePages(EngineReference(graphs: [try graph()])).files()
        let page = try XCTUnwrap(files["number-grids.html"])
        XCTAssertFalse(page.contains("<script>"))
        XCTAssertFalse(page.contains("<b>"))
        XCTAssertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(page.contains("<pre><code>let x = a &lt; b\n</code></pre>"), "an indented block is code:\n\(page)")
        XCTAssertTrue(page.contains("id=\"&lt;(_:_:)\""))
        XCTAssertTrue(page.contains("<a class=\"type\" href=\"number-grids.html#Grid\">Grid</a>"))
        let index = try XCTUnwrap(files["index.html"])
        XCTAssertTrue(index.contains("1 symbols have no doc comment yet"))
        XCTAssertTrue(index.contains("href=\"linear-algebra.html#Grid.flipped()\""))
        XCTAssertTrue(index.contains("The grid upside down: <code>[r, c]</code> → <code>[r, c]</code>."), "the summary is Markdown")
    }
}

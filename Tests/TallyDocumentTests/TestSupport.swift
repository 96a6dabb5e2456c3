import Foundation
import XCTest
import TallyTestSupport
@testable import TallyDocument

/// Parses `text` as the file `path` (a notebook unless it looks like a deck file).
func parse(_ text: String, path: String = "note.md") -> (notebook: Notebook, diagnostics: [Diagnostic]) {
    NotebookParser.parse(text, path: path)
}

/// Every inline in `blocks`, depth first, including those inside lists, quotes, tables and cards.
func allInlines(_ blocks: [Block]) -> [Inline] {
    struct Collector: DocumentWalker {
        var found: [Inline] = []
        mutating func defaultVisit(_ inline: Inline) { found.append(inline); descendInto(inline) }
    }
    var collector = Collector()
    collector.visit(blocks)
    return collector.found
}

/// Every block in `blocks`, depth first (containers before their content).
func allBlocks(_ blocks: [Block]) -> [Block] {
    struct Collector: DocumentWalker {
        var found: [Block] = []
        mutating func defaultVisit(_ block: Block) { found.append(block); descendInto(block) }
        mutating func defaultVisit(_ inline: Inline) {}
    }
    var collector = Collector()
    collector.visit(blocks)
    return collector.found
}

func maths(_ blocks: [Block]) -> [Math] {
    allInlines(blocks).compactMap { if case .math(let m) = $0.kind { return m } else { return nil } }
}

func mathInlines(_ blocks: [Block]) -> [Inline] {
    allInlines(blocks).filter { if case .math = $0.kind { return true } else { return false } }
}

func expressions(_ blocks: [Block]) -> [InlineExpression] {
    allInlines(blocks).compactMap { if case .expression(let e) = $0.kind { return e } else { return nil } }
}

/// The visible text of the inlines, with math shown as `$tex$`, so tests can compare whole sentences.
func text(_ inlines: [Inline]) -> String {
    struct Writer: DocumentVisitor {
        mutating func defaultVisit(_ block: Block) -> String { "" }
        mutating func defaultVisit(_ inline: Inline) -> String { inline.plainText }
        mutating func visitMath(_ inline: Inline, math m: Math) -> String { m.display ? "$$\(m.tex)$$" : "$\(m.tex)$" }
        mutating func visitEmphasis(_ inline: Inline, children: [Inline]) -> String { "<em>" + children.map { visit($0) }.joined() + "</em>" }
        mutating func visitStrong(_ inline: Inline, children: [Inline]) -> String { "<strong>" + children.map { visit($0) }.joined() + "</strong>" }
    }
    var writer = Writer()
    return inlines.map { writer.visit($0) }.joined()
}

func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.filter { $0.severity == .error } }

/// A fresh temporary folder, removed when the test ends.
func temporaryFolder(_ test: XCTestCase) throws -> URL {
    try TemporaryProject(test, prefix: "tally-doc-tests").root
}

@discardableResult
func write(_ text: String, to folder: URL, _ name: String) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url
}

/// The 1-based line of the first line of `text` that contains `needle`.
func line(of needle: String, in text: String, file: StaticString = #filePath, line: UInt = #line) -> Int {
    let lines = text.components(separatedBy: "\n")
    guard let i = lines.firstIndex(where: { $0.contains(needle) }) else {
        XCTFail("'\(needle)' not in the text", file: file, line: line)
        return -1
    }
    return i + 1
}

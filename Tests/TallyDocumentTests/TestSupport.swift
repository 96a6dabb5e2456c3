import Foundation
import XCTest
@testable import TallyDocument

/// Parses `text` as the file `path` (a notebook unless it looks like a deck file).
func parse(_ text: String, path: String = "note.md") -> (notebook: Notebook, diagnostics: [Diagnostic]) {
    NotebookParser.parse(text, path: path)
}

/// Every inline in `blocks`, depth first, including those inside lists, quotes, tables and cards.
func allInlines(_ blocks: [Block]) -> [Inline] {
    var out: [Inline] = []
    func visit(_ inlines: [Inline]) {
        for inline in inlines {
            out.append(inline)
            switch inline.kind {
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c):
                visit(c)
            default: break
            }
        }
    }
    for block in blocks {
        switch block.kind {
        case .paragraph(let i), .heading(_, let i): visit(i)
        case .blockQuote(let b): out += allInlines(b)
        case .list(let l): for item in l.items { out += allInlines(item.blocks) }
        case .table(let t):
            t.header.forEach(visit)
            t.rows.forEach { $0.forEach(visit) }
        case .card(let c): out += allInlines(c.front) + allInlines(c.back)
        default: break
        }
    }
    return out
}

/// Every block in `blocks`, depth first (containers before their content).
func allBlocks(_ blocks: [Block]) -> [Block] {
    var out: [Block] = []
    for block in blocks {
        out.append(block)
        switch block.kind {
        case .blockQuote(let b): out += allBlocks(b)
        case .list(let l): for item in l.items { out += allBlocks(item.blocks) }
        case .card(let c): out += allBlocks(c.front) + allBlocks(c.back)
        default: break
        }
    }
    return out
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
    inlines.map { inline -> String in
        switch inline.kind {
        case .math(let m): return m.display ? "$$\(m.tex)$$" : "$\(m.tex)$"
        case .emphasis(let c): return "<em>" + text(c) + "</em>"
        case .strong(let c): return "<strong>" + text(c) + "</strong>"
        default: return inline.plainText
        }
    }.joined()
}

func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] { diagnostics.filter { $0.severity == .error } }

/// A fresh temporary folder, removed when the test ends.
func temporaryFolder(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("tally-doc-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
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

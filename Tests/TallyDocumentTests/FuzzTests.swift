import Foundation
import TallyHTML
import XCTest
import TallyTestSupport
@testable import TallyDocument

/// Whatever a file holds, parsing and rendering it ends — no crash, no hang — and every
/// diagnostic points at a place in the file. Inputs: every CommonMark spec example, seeded
/// random mixes of the syntax Tally cares about, pathological nesting and long lines, every
/// truncation of a sample notebook, and invalid UTF-8 through the loader.
final class FuzzTests: XCTestCase {
    /// A hang detector, not a speed requirement: each input takes milliseconds; one that takes
    /// this long is stuck (a machine shared with other builds can be slow, hence the margin).
    static let hangLimit: TimeInterval = 30

    /// Parses and renders `inputs` on a worker queue (as the loader parses, off the main thread),
    /// failing on the first input that does not finish within `hangLimit`.
    private func survive(_ inputs: [String], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let queue = DispatchQueue(label: "fuzz")
        for (i, input) in inputs.enumerated() {
            let done = DispatchSemaphore(value: 0)
            let problems = Problems()
            queue.async {
                problems.list = Self.parseAndRender(input)
                done.signal()
            }
            guard done.wait(timeout: .now() + Self.hangLimit) == .success else {
                return XCTFail("\(name) #\(i) did not finish within \(Self.hangLimit) s: \(input.prefix(200).debugDescription)", file: file, line: line)
            }
            for problem in problems.list {
                XCTFail("\(name) #\(i): \(problem): \(input.prefix(200).debugDescription)", file: file, line: line)
            }
        }
    }

    /// Problems with the diagnostics of one input: each must be at a line and column of the text.
    private static func parseAndRender(_ text: String) -> [String] {
        let (notebook, diagnostics) = NotebookParser.parse(text, path: "fuzz.md")
        for style in [HTMLRenderer.MathStyle.katex, .mathJax] {
            var renderer = HTMLRenderer(mathStyle: style)
            let inner = renderer
            renderer.card = { card in let r = inner; return r.render(card.front) + r.render(card.back) }
            _ = renderer.render(notebook.blocks)
        }
        let lines = NotebookParser.normalize(text).split(separator: "\n", omittingEmptySubsequences: false)
        return diagnostics.compactMap { d in
            let l = d.location
            guard l.file == "fuzz.md", l.line >= 1, l.line <= lines.count + 1, l.column >= 1 else {
                return "diagnostic outside the file: \(d)"
            }
            return nil
        }
    }

    func testCommonMarkSpecExamples() throws {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let data = try Data(contentsOf: folder.appendingPathComponent("commonmark/spec-examples.json"))
        let examples = try JSONDecoder().decode([SpecExample].self, from: data)
        XCTAssertEqual(examples.count, 652)
        survive(examples.map(\.markdown), "spec example")
        // The same examples inside a card, where they are parsed as a card's sides.
        survive(examples.map { "::: card {#c}\n\($0.markdown)\n---\n\($0.markdown)\n:::\n" }, "spec example in a card")
    }

    func testSeededRandomMixes() {
        var random = SplitMix64(seed: 20_261_121)
        let inputs = (0..<600).map { _ in
            (0..<Int.random(in: 1...120, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
        }
        survive(inputs, "random input")
    }

    func testPathologicalNestingAndLongLines() {
        let deep = 10_000
        survive([
            String(repeating: ">", count: deep) + " quote",
            String(repeating: "> ", count: deep) + "quote",
            String(repeating: "[", count: deep) + "x" + String(repeating: "](y)", count: deep),
            String(repeating: "[", count: deep),
            String(repeating: "*", count: deep) + "x" + String(repeating: "*", count: deep),
            String(repeating: "_", count: deep) + "x",
            String(repeating: "![", count: deep),
            String(repeating: "`", count: deep) + "x",
            String(repeating: "$", count: deep) + "x" + String(repeating: "$", count: deep),
            String(repeating: "\\(", count: deep),
            String(repeating: "- ", count: deep) + "item",
            String(repeating: "1. ", count: deep) + "item",
            String(repeating: ":::\n", count: deep),
            String(repeating: "::: card {#a}\n", count: 1000) + String(repeating: "---\n", count: 1000),
            String(repeating: "---\n", count: deep),
            String(repeating: "```swift\n", count: deep),
            String(repeating: "`{swift} ", count: deep),
            String(repeating: "<div>", count: deep),
            String(repeating: "](", count: 50_000) + "$x$",
            String(repeating: "[a]: <b:", count: deep) + "$x$",
            String(repeating: "|", count: deep) + "\n" + String(repeating: "|-", count: deep / 2) + "|\n",
            String(repeating: "a", count: 1 << 20),
            String(repeating: "$a$ `b` *c* ", count: 1 << 14),
            String(repeating: "x ", count: 1 << 16) + "\n" + String(repeating: "=", count: 1 << 16),
            "---\n" + String(repeating: "title: [", count: 2000) + "\n---\n",
            "---\n" + String(repeating: "- ", count: deep) + "\n---\n",
        ], "pathological input")
    }

    /// The two generators of `cases/markdown/gen-17-18.sh`, at sizes that take minutes if the work is quadratic
    /// (a run of escaped backticks took 84 s at 60 KB in a debug build) or gigabytes if a table is padded
    /// (3,000 header cells over 3,000 one-cell rows: 9 million cells from 21 KB). Both finish within the hang
    /// limit, and the page is at most a few times the size of its source.
    func testEscapedBacktickRunsAndWideTablesAreBounded() {
        let backticks = String(repeating: "\\``", count: 70_000) + "\n"
        let n = 3_000
        let table = String(repeating: "x|", count: n) + "\n" + String(repeating: "-|", count: n) + "\n" + String(repeating: "x|\n", count: n)
        survive([backticks, table], "generated input")
        for input in [backticks, table] {
            let (notebook, diagnostics) = NotebookParser.parse(input, path: "big.md")
            let html = HTMLRenderer(mathStyle: .katex).render(notebook.blocks)
            XCTAssertLessThan(html.utf8.count, 4 * input.utf8.count + 1_000)
            if input == table { XCTAssertEqual(diagnostics.map(\.rule), [.tableSize]) }
        }
    }

    func testEveryTruncationOfANotebook() {
        let bytes = Array(Self.sample.utf8)
        // Cuts inside a multi-byte character become U+FFFD, as a lenient reader would show them.
        survive((0...bytes.count).map { String(decoding: bytes[..<$0], as: UTF8.self) }, "truncation")
    }

    func testInvalidUTF8IsAnErrorAtItsPlace() throws {
        let folder = try TemporaryProject(self, prefix: "tally-fuzz").root
        var random = SplitMix64(seed: 7)
        let sample = Array(Self.sample.utf8)
        var expected: [String: (line: Int, column: Int)] = [:]
        for n in 0..<40 {
            var bytes = sample
            let at = Int.random(in: 0..<bytes.count, using: &random)
            // Bytes never valid in UTF-8, a lone continuation byte, a truncated 3-byte sequence, an overlong NUL.
            let bad: [[UInt8]] = [[0xFF], [0xFE], [0x80], [0xE2, 0x82], [0xC0, 0x80], [0xED, 0xA0, 0x80]]
            // Put it after a whole character, so that the first invalid byte is the inserted one.
            var cut = at
            while cut < bytes.count && bytes[cut] & 0xC0 == 0x80 { cut += 1 }
            bytes.insert(contentsOf: bad[n % bad.count], at: cut)
            let name = "bad-\(n).md"
            try Data(bytes).write(to: folder.appendingPathComponent(name))
            let before = bytes[..<cut]
            let line = before.filter { $0 == 0x0A }.count + 1
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            expected[name] = (line, cut - lineStart + 1)
        }
        try Data(Self.sample.utf8).write(to: folder.appendingPathComponent("good.md"))

        let sources = try SourceLoader.load(paths: [folder.path])
        XCTAssertEqual(sources.notebooks.map { URL(fileURLWithPath: $0.path).lastPathComponent }, ["good.md"])
        for (name, place) in expected {
            let found = sources.diagnostics.filter { $0.location.file.hasSuffix("/" + name) }
            XCTAssertEqual(found.count, 1, name)
            XCTAssertTrue(found.first?.message.contains("not valid UTF-8") ?? false, "\(found)")
            XCTAssertEqual(found.first.map { [$0.location.line, $0.location.column] }, [place.line, place.column], name)
        }
    }

    // MARK: Inputs

    private struct SpecExample: Decodable {
        var markdown: String
    }

    /// Markdown and Tally syntax, mixed at random: delimiters alone, so that they open and close anywhere.
    static let pieces = [
        "$", "$$", "$x$", "$$\n", "\\(", "\\)", "\\[", "\\]", "`", "``", "```", "```swift\n", "```swift hide\n",
        "```swift no-run\n", "```swift expect-error\n", "```\n", "~~~\n", ":::", "::: card", " {#id}", " {#id .reversed}",
        "::: card {#c}\n", ":::\n", "---\n", "---", "{swift}", "{swift %.3f}", "`{swift} x`", "`{swift} 1 + 1 => 2`",
        "`{swift %.2f} a => 0.62 ± 1%`", "// => 0.5\n", "{{c1::", "}}", "*", "_", "**", "__", "~~", "[", "]", "(", ")",
        "![", "](", "](javascript:alert(1))", "\"", "<", ">", "> ", "<script>", "</span>", "&amp;", "&#0;", "#", "# ",
        "###### ", "- ", "* ", "1. ", "- [ ] ", "- [x] ", "|", "| a | b |\n|---|:-:|\n", "\n", "\n\n", "  ", "    ", "\t",
        "\\", "\r", "\r\n", "\u{0}", "\u{FEFF}", "é", "😀", "\u{301}", "x", "word ", "title: t\n", "tags: [a, b]\n",
        "unsafe-html: true\n", "card_id: x\n", "http://example.com", "<http://a.b>", "[^1]", "[ref]: /url\n",
    ]

    static let sample = """
    ---
    title: Activation functions — σ
    deck: ML::Activations
    tags: [activations, basics]
    ---

    # Sigmoid

    The sigmoid squashes any real number into $(0, 1)$; "costs $5 and $10" is not math.

    $$\\sigma(x) = \\frac{1}{1 + e^{-x}}$$

    ```swift
    let z = 0.5
    let a = sigmoid(z)   // => 0.6225
    ```

    At $z = 0.5$ the sigmoid is `{swift %.4f} a`, and `{swift} a => 0.62 ± 1%`.

    | x | σ(x) |
    |---|:----:|
    | 0 | 0.5  |

    > A quote with \\(\\mu_{batch}\\) and a [link](https://example.com "title") and ![img](a.png).

    ::: card {#sigmoid-formula .reversed}
    What is the **sigmoid** function? {{c1::σ}}
    ---
    $$\\sigma(x) = \\frac{1}{1 + e^{-x}}$$
    :::

    - [x] done
    - [ ] todo 😀

    """
}

/// Filled in by the worker queue, read after it signals.
private final class Problems: @unchecked Sendable {
    var list: [String] = []
}

/// A small seeded generator (SplitMix64), so that every run feeds the same inputs.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

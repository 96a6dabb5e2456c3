import Foundation
import XCTest
@testable import TallyDocument

/// A load that reads kept summaries instead of parsing unchanged files gives what a load that parses
/// everything gives: the same notebooks, ids and diagnostics across notebooks.
final class NotebookSummaryTests: XCTestCase {
    /// Three notebooks that judge each other: links to headings, a wikilink, a broken anchor, a card id
    /// written twice, and two unnamed cards with the same front (the later one numbered).
    private func project() throws -> URL {
        let root = try temporaryFolder(self)
        let card = "::: card\nWhat does the ReLU keep?\n---\nThe positive part.\n:::\n"
        try write("# Activations\n\n## Rectifiers\n\nSee [losses](losses.md#squared-error) and [[losses#Squared error]].\n\n" + card
                  + "\n::: card {#shared}\nQ1\n---\nA1\n:::\n\n```swift\nlet x = 1\n```\n", to: root, "notes/activations.md")
        try write("# Losses\n\n## Squared error\n\nBack to [rectifiers](activations.md#rectifiers), [a cell](activations.md#cell-1) and [nowhere](activations.md#nowhere).\n\n"
                  + card + "\n::: card {#shared}\nQ2\n---\nA2\n:::\n", to: root, "notes/losses.md")
        try write("---\ncard_id: d1\n---\nfront\n---\nback\n---\n", to: root, "notes/deck.txt")
        return root
    }

    private func load(_ root: URL, kept: Bool) throws -> SourceSet {
        let folder = root.appendingPathComponent(".tally-cache/notebooks")
        return try SourceLoader.load(paths: ["notes", "notes/deck.txt"], workingDirectory: root,
                                     summaries: kept ? { _ in NotebookSummaries(folder: folder) } : nil)
    }

    func testAnUnchangedNotebookIsReadFromItsSummaryAndGivesWhatParsingGives() throws {
        let root = try project()
        let parsed = try load(root, kept: false)
        XCTAssertEqual(Set(parsed.diagnostics.map(\.rule)), [.brokenLink, .duplicateCardID], "\(parsed.diagnostics)")
        _ = try load(root, kept: true)  // keeps the summaries
        let kept = try load(root, kept: true)
        // losses.md's unnamed card is numbered (`-2`) on every load: its blocks change, so they are read.
        let unparsed = [true, false, true]
        XCTAssertEqual(kept.notebooks.map(\.isUnparsed), unparsed)
        XCTAssertEqual(kept.diagnostics, parsed.diagnostics)
        XCTAssertEqual(kept.notebooks.map(\.summary.cards), parsed.notebooks.map(\.summary.cards))
        XCTAssertEqual(kept.notebooks.map(\.title), parsed.notebooks.map(\.title))
        XCTAssertEqual(kept.notebooks.map(\.isUnparsed), unparsed, "judging them read no more blocks")
        XCTAssertEqual(kept.notebooks, parsed.notebooks)  // reads the blocks: parsed now, and equal
        XCTAssertFalse(kept.notebooks.contains(where: \.isUnparsed))
    }

    func testAnEditedNotebookIsParsedAndTheOthersAreJudgedAgainstIt() throws {
        let root = try project()
        _ = try load(root, kept: true)
        // The heading another notebook links to is renamed; a new notebook, first in path order, takes the
        // unnamed card's id, so the unchanged notebooks' copies are numbered one further.
        let losses = root.appendingPathComponent("notes/losses.md")
        try String(contentsOf: losses, encoding: .utf8).replacingOccurrences(of: "## Squared error", with: "## Mean squared error")
            .write(to: losses, atomically: true, encoding: .utf8)
        try write("# Intro\n\n::: card\nWhat does the ReLU keep?\n---\nIts input where positive.\n:::\n", to: root, "notes/a-intro.md")
        let kept = try load(root, kept: true)
        let parsed = try load(root, kept: false)
        XCTAssertEqual(kept.diagnostics, parsed.diagnostics)
        XCTAssertTrue(kept.diagnostics.contains { $0.rule == .brokenLink && $0.location.file == "notes/activations.md" }, "\(kept.diagnostics)")
        XCTAssertEqual(kept.notebooks.map(\.isUnparsed), [false, false, false, true],
                       "a-intro and losses are new or edited; activations had a card renumbered (its blocks changed); the deck file is unchanged")
        XCTAssertEqual(kept.notebooks.flatMap(\.cards).map(\.id), parsed.notebooks.flatMap(\.cards).map(\.id))
        XCTAssertEqual(kept.notebooks, parsed.notebooks)
    }

    func testTheKeptSummaryIsWhatTheLoadReads() throws {
        // A marker planted in a kept summary shows that the next load read it instead of the file.
        let root = try project()
        _ = try load(root, kept: true)
        let folder = root.appendingPathComponent(".tally-cache/notebooks")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let file = folder.appendingPathComponent(name)
            var summary = try XCTUnwrap(NotebookSummary(encoded: Data(contentsOf: file)))
            summary.title = "Planted " + summary.title
            try summary.encoded().write(to: file)
        }
        // (losses.md has a card numbered on every load, so it is parsed: its summary is made afresh.)
        let kept = try load(root, kept: true)
        XCTAssertEqual(kept.notebooks.map(\.title), ["Planted Activations", "Losses", "Planted deck"])
        // An edit is a new key: the file is parsed again and the marker is gone. Its card gone, losses.md's
        // card keeps its own id, so losses.md is read from its (planted) summary now.
        try write("# Activations, edited\n", to: root, "notes/activations.md")
        XCTAssertEqual(try load(root, kept: true).notebooks.map(\.title), ["Activations, edited", "Planted Losses", "Planted deck"])
        // Entries of files no longer as they were are pruned.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).count, 3)
    }

    /// A summary's bytes read back give the same summary (front matter, every kind of link and card, a
    /// diagnostic); bytes cut short or followed by more are not a summary.
    func testASummarysBytesReadBackAsTheSameSummary() throws {
        let text = "---\ntitle: T\ndeck: D::E\ntags: [a, b]\nmacros:\n  RR: \\mathbb{R}\n  NN: \\mathbb{N}\n---\n# Head $x$\n\n"
            + "See [a](b.md#c), [[Note#Part|alias]] and ![[img.png]].\n\n::: card {#one}\nQ\n---\nA [[x]]\n:::\n\n"
            + "::: card\nQ2\n---\nA2\n:::\n\n> [!note]\n> ::: card {#nested}\n> Q3\n> ---\n> A3\n> :::\n\n```swift\nlet x = 1\n```\n"
        let (notebook, diagnostics) = NotebookParser.parse(text, path: "n.md")
        let summary = NotebookSummary(notebook, diagnostics: diagnostics + [.warning("w", at: SourceLocation(file: "n.md", line: 2, column: 3), rule: .brokenLink)])
        XCTAssertEqual(summary.frontMatter.macros.count, 2)
        XCTAssertTrue(summary.links.contains { if case .wikiLink(let w, _) = $0 { return w.isEmbed } else { return false } }, "\(summary.links)")
        XCTAssertTrue(summary.links.contains { if case .wikiLink(let w, _) = $0 { return w.alias == "alias" && w.heading == "Part" } else { return false } })
        XCTAssertTrue(summary.links.contains { if case .destination("b.md#c", _) = $0 { return true } else { return false } })
        XCTAssertEqual(Set(summary.cards.map(\.identity)), [.written, .assigned])
        let bytes = try summary.encoded()
        XCTAssertEqual(NotebookSummary(encoded: bytes), summary)
        for cut in [0, 1, bytes.count / 2, bytes.count - 1] {
            XCTAssertNil(NotebookSummary(encoded: bytes.prefix(cut)), "cut at \(cut)")
        }
        XCTAssertNil(NotebookSummary(encoded: bytes + [0]))
    }
}

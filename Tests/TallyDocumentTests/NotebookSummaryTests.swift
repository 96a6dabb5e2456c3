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

    private func load(_ root: URL, kept: Bool, paths: [String] = ["notes", "notes/deck.txt"]) throws -> SourceSet {
        try SourceLoader.load(paths: paths, workingDirectory: root,
                              summaries: kept ? { _ in NotebookSummaries(cache: root.appendingPathComponent(".tally-cache")) } : nil)
    }

    private func keptFile(_ root: URL) -> URL { root.appendingPathComponent(".tally-cache/" + NotebookSummaries.fileName) }

    /// The kept summaries, by record name (`RecordFile`).
    private func keptRecords(_ root: URL) throws -> [String: Data] {
        try XCTUnwrap(RecordFile.read(keptFile(root), kind: "notebook-summaries"))
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
        var records = try keptRecords(root)
        for (name, data) in records {
            var summary = try XCTUnwrap(NotebookSummary(encoded: data))
            summary.title = "Planted " + summary.title
            records[name] = try summary.encoded()
        }
        try RecordFile.write(records, to: keptFile(root), kind: "notebook-summaries")
        // (losses.md has a card numbered on every load, so it is parsed: its summary is made afresh.)
        let kept = try load(root, kept: true)
        XCTAssertEqual(kept.notebooks.map(\.title), ["Planted Activations", "Losses", "Planted deck"])
        // An edit is a new key: the file is parsed again and the marker is gone. Its card gone, losses.md's
        // card keeps its own id, so losses.md is read from its (planted) summary now.
        try write("# Activations, edited\n", to: root, "notes/activations.md")
        XCTAssertEqual(try load(root, kept: true).notebooks.map(\.title), ["Activations, edited", "Planted Losses", "Planted deck"])
        // Entries of files no longer as they were are pruned.
        XCTAssertEqual(try keptRecords(root).count, 3)
    }

    /// A load of some of the files (`tally check notes/one.md`, a shard) keeps the other files' summaries:
    /// the kept file is merged, never replaced by what one load saw.
    func testALoadOfOneFileKeepsTheOtherFilesSummaries() throws {
        let root = try project()
        _ = try load(root, kept: true)
        let all = try keptRecords(root)
        XCTAssertEqual(all.count, 3)
        try write("# Activations, edited\n", to: root, "notes/activations.md")
        _ = try load(root, kept: true, paths: ["notes/activations.md"])
        let after = try keptRecords(root)
        XCTAssertEqual(after.count, 3, "the edited file's new summary replaced its old one; the others stay")
        XCTAssertEqual(Set(after.keys).intersection(all.keys).count, 2)
        // The next load of everything reads every file from its summary (the edited one's made by the load of it alone).
        XCTAssertEqual(try load(root, kept: true).notebooks.map(\.isUnparsed), [true, true, true])
    }

    /// A kept file cut short (a torn write, a full disk) or with a changed byte is not trusted: every
    /// notebook is parsed, the load gives what parsing gives, and the file is written whole again.
    func testADamagedSummariesFileIsIgnored() throws {
        let root = try project()
        let parsed = try load(root, kept: false)
        _ = try load(root, kept: true)
        let whole = try Data(contentsOf: keptFile(root))
        for damaged in [whole.dropLast(1), whole.prefix(whole.count / 2), Data(whole.map { $0 == UInt8(ascii: "R") ? UInt8(ascii: "S") : $0 })] {
            try Data(damaged).write(to: keptFile(root))
            XCTAssertNil(RecordFile.read(keptFile(root), kind: "notebook-summaries"))
            let loaded = try load(root, kept: true)
            XCTAssertFalse(loaded.notebooks.contains(where: \.isUnparsed), "nothing read from a damaged file")
            XCTAssertEqual(loaded.notebooks, parsed.notebooks)
            XCTAssertEqual(loaded.diagnostics, parsed.diagnostics)
            XCTAssertEqual(try keptRecords(root).count, 3, "written whole again")
        }
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

import XCTest
@testable import TallyDocument

final class SourceLoaderTests: XCTestCase {
    func testFoldersAreSearchedForMarkdownAndExplicitFilesAreReadWhateverTheirEnding() throws {
        let root = try temporaryFolder(self)
        try write("# A\n", to: root, "notes/a.md")
        try write("# B\n", to: root, "notes/sub/b.markdown")
        try write("# ignored\n", to: root, "notes/c.txt")
        try write("# hidden\n", to: root, "notes/.hidden/d.md")
        let deck = try write("---\ncard_id: x1\n---\nf\n---\nb\n---\n", to: root, "deck.txt")
        let set = try SourceLoader.load(paths: [root.appendingPathComponent("notes").path, deck.path])
        XCTAssertEqual(set.notebooks.map(\.title).sorted(), ["A", "B", "deck"])
        XCTAssertEqual(set.diagnostics, [])
        XCTAssertEqual(set.root.standardizedFileURL.resolvingSymlinksInPath().path, root.standardizedFileURL.resolvingSymlinksInPath().path)
        XCTAssertEqual(set.notebooks.first { $0.format == .deckFile }?.cards.map(\.id), ["x1"])
    }

    func testCardsWithTheSameFrontAndNoIDGetDistinctIDs() throws {
        let root = try temporaryFolder(self)
        let card = "::: card\nWhat is ReLU?\n---\nmax(0, x)\n:::\n"
        try write(card, to: root, "notes/a.md")
        try write("text\n\n" + card, to: root, "notes/b.md")
        let set = try SourceLoader.load(paths: ["notes"], workingDirectory: root)
        let ids = set.notebooks.flatMap(\.cards).map(\.id)
        let base = CardIdentity.assignedID(front: "What is ReLU?")
        XCTAssertEqual(ids, [base, base + "-2"])
        XCTAssertEqual(set.diagnostics, [])
    }

    func testImagesMustStayInsideTheProjectOrTheNotebooksOwnFolder() throws {
        let project = try temporaryFolder(self)
        let outside = try temporaryFolder(self)
        try write("png", to: project, "img/a.png")
        try write("png", to: outside, "b.png")
        try write("# x\n", to: project, "notes/x.md")
        let inside = try SourceLoader.load(paths: ["notes"], workingDirectory: project)
        let here = SourceLocation(file: "notes/x.md", line: 1)
        // The project is the working directory: a sibling folder of notes/ is inside it.
        guard case .local = inside.image("../img/a.png", in: inside.notebooks[0], at: here) else { return XCTFail("refused") }
        guard case .refused(let d) = inside.image("../../../etc/passwd", in: inside.notebooks[0], at: here) else { return XCTFail("accepted") }
        XCTAssertEqual(d.severity, .error)
        // A notebook outside the working directory may only use images beside or below it.
        try write("# y\n", to: outside, "sub/y.md")
        let far = try SourceLoader.load(paths: [outside.appendingPathComponent("sub/y.md").path], workingDirectory: project)
        guard case .refused = far.image("../b.png", in: far.notebooks[0], at: here) else { return XCTFail("accepted") }
        guard case .remote = far.image("https://example.org/a.png", in: far.notebooks[0], at: here) else { return XCTFail("not remote") }
    }

    func testMissingPathIsAFailure() {
        XCTAssertThrowsError(try SourceLoader.load(paths: ["/nonexistent/tally/\(UUID().uuidString)"])) { error in
            XCTAssertTrue(error is SourceLoader.Failure)
        }
    }

    func testDisplayPathsAreRelativeToTheWorkingDirectory() throws {
        let root = try temporaryFolder(self)
        try write("# A\n", to: root, "notes/sub/a.md")
        let set = try SourceLoader.load(paths: ["notes"], workingDirectory: root)
        XCTAssertEqual(set.notebooks.map(\.path), ["notes/sub/a.md"])
        // Relative to the root the user named (notes/), not to wherever the process happens to run.
        XCTAssertEqual(set.relativePath(of: set.notebooks[0]), "sub/a.md")
    }

    func testDuplicateIDWithinAFile() throws {
        let root = try temporaryFolder(self)
        let source = "::: card {#same}\na\n---\nb\n:::\n\ntext\n\n::: card {#same}\nc\n---\nd\n:::\n"
        let file = try write(source, to: root, "dup.md")
        let set = try SourceLoader.load(paths: [file.path])
        XCTAssertEqual(errors(set.diagnostics).map(\.location), [SourceLocation(file: file.path, line: 9, column: 1)])
        XCTAssertTrue(set.diagnostics.first?.message.contains("duplicate card id 'same'") ?? false)
        XCTAssertEqual(set.publishable, [])
    }

    func testDuplicateIDAcrossFilesAndFormats() throws {
        let root = try temporaryFolder(self)
        try write("# One\n\n::: card {#shared-1}\na\n---\nb\n:::\n", to: root, "a.md")
        try write("# Two\n\ntext\n\n::: card {#shared-1}\nc\n---\nd\n:::\n", to: root, "b.md")
        try write("# Three\n\n::: card {#unique}\ne\n---\nf\n:::\n", to: root, "c.md")
        let deck = try write("---\ncard_id: unique\n---\nf\n---\nb\n---\n", to: root, "deck.txt")
        let set = try SourceLoader.load(paths: [root.path, deck.path], workingDirectory: root)
        XCTAssertEqual(errors(set.diagnostics).map(\.location).sorted(), [
            SourceLocation(file: "b.md", line: 5, column: 1),
            SourceLocation(file: "deck.txt", line: 1, column: 1),
        ])
        // The first use of an id stays publishable; the notebook that reuses it does not.
        XCTAssertEqual(set.publishable.map(\.path).sorted(), ["a.md", "c.md"])
    }

    func testBrokenNotebookDoesNotStopTheOthers() throws {
        let root = try temporaryFolder(self)
        try write("# Good\n\n::: card {#g}\na\n---\nb\n:::\n", to: root, "good.md")
        try write("# Bad\n\n::: card {#b}\na\n---\nb\n", to: root, "bad.md")
        let set = try SourceLoader.load(paths: [root.path], workingDirectory: root)
        XCTAssertEqual(set.notebooks.count, 2)
        XCTAssertEqual(set.diagnostics.map(\.description), ["bad.md:3:1: error: unterminated card: no ':::' line closes it [unterminated-card]"])
        XCTAssertEqual(set.publishable.map(\.path), ["good.md"])
    }

    func testInvalidUTF8IsAnError() throws {
        let root = try temporaryFolder(self)
        try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]).write(to: root.appendingPathComponent("bin.md"))
        let set = try SourceLoader.load(paths: [root.path], workingDirectory: root)
        XCTAssertEqual(errors(set.diagnostics).map(\.location), [SourceLocation(file: "bin.md", line: 1, column: 3)])
    }
}

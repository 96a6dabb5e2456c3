import XCTest
@testable import TallyDocument

final class FrontMatterTests: XCTestCase {
    func testAllKeys() {
        let (nb, diags) = parse("""
        ---
        title: Optimisers
        deck: ML::Optimisation
        tags: [sgd, adam]
        unsafe-html: true
        ---
        # Heading

        """)
        XCTAssertEqual(diags, [])
        XCTAssertEqual(nb.frontMatter, FrontMatter(title: "Optimisers", deck: "ML::Optimisation", tags: ["sgd", "adam"], unsafeHTML: true))
        XCTAssertEqual(nb.title, "Optimisers")
        // Lines after the front matter keep their file line numbers.
        XCTAssertEqual(nb.blocks.first?.location, SourceLocation(file: "note.md", line: 7, column: 1))
    }

    /// The lines `tally import` writes, with a title cut short by `…` and other printable non-ASCII text: a
    /// YAML double-quoted scalar without escapes is the text between its quotes (YAML 1.2 §7.3.1).
    func testQuotedTitlesWithNonASCIIText() {
        let (nb, diags) = parse("""
        ---
        title: "Notes on activation functions, ReLU vs GELU, initialisation …"
        deck: "Résumé\u{00A0}— naïve Bayes"
        imported-from: "notes.txt"
        import-hash: "0123456789abcdef"
        ---
        # Heading

        """)
        XCTAssertEqual(diags, [])
        XCTAssertEqual(nb.frontMatter, FrontMatter(title: "Notes on activation functions, ReLU vs GELU, initialisation …",
                                                   deck: "Résumé\u{00A0}— naïve Bayes"))
        XCTAssertEqual(nb.blocks.first?.location, SourceLocation(file: "note.md", line: 7, column: 1))
    }

    func testTagsAsAString() {
        XCTAssertEqual(parse("---\ntags: a, b c\n---\n").notebook.frontMatter.tags, ["a", "b", "c"])
    }

    func testDefaultsWithoutFrontMatter() {
        XCTAssertEqual(parse("# Just a heading\n").notebook.frontMatter, FrontMatter())
        XCTAssertFalse(parse("# x\n").notebook.frontMatter.unsafeHTML)
    }

    func testBadYAMLIsAnErrorAtTheFileLine() throws {
        let source = "---\ntitle: fine\ndeck: a: b\n---\n# H\n"
        let (nb, diags) = parse(source, path: "y.md")
        let error = try XCTUnwrap(errors(diags).first)
        XCTAssertEqual(errors(diags).count, 1)
        XCTAssertEqual(error.location.file, "y.md")
        XCTAssertEqual(error.location.line, 3)
        XCTAssertEqual(error.location.column, 8)  // the second ':'
        XCTAssertTrue(error.message.contains("YAML"), error.message)
        // The rest of the notebook is still read, at its own lines.
        XCTAssertEqual(nb.blocks.first?.location.line, 5)
    }

    func testBadYAMLLaterInTheBlock() throws {
        let source = "---\ntitle: x\ntags:\n  - a\n  - [b\ndeck: y\n---\nbody\n"
        let (_, diags) = parse(source, path: "y.md")
        let error = try XCTUnwrap(errors(diags).first)
        XCTAssertGreaterThanOrEqual(error.location.line, 5)
        XCTAssertLessThanOrEqual(error.location.line, 7)
    }

    func testFrontMatterMustBeAMapping() {
        let (_, diags) = parse("---\n- a\n- b\n---\n")
        XCTAssertEqual(errors(diags).map(\.location.line), [2])
    }

    func testUnsafeHTMLMustBeABoolean() {
        let (nb, diags) = parse("---\ntitle: t\nunsafe-html: perhaps\n---\n", path: "u.md")
        XCTAssertEqual(errors(diags).map(\.location), [SourceLocation(file: "u.md", line: 3, column: 1)])
        XCTAssertFalse(nb.frontMatter.unsafeHTML)
    }

    func testUnknownKeyIsAWarning() {
        let (_, diags) = parse("---\ntitle: t\nauthor: me\n---\n")
        XCTAssertEqual(diags.map(\.severity), [.warning])
        XCTAssertEqual(diags.first?.location.line, 3)
    }

    func testFirstLineRuleWithoutKeysIsAThematicBreak() {
        let (nb, diags) = parse("---\n\nSome text.\n", path: "r.md")
        XCTAssertEqual(diags, [])
        XCTAssertEqual(nb.blocks.first?.kind, .thematicBreak)
    }

    func testUnclosedFrontMatterIsAnError() {
        let (_, diags) = parse("---\ntitle: t\n\n# H\n", path: "o.md")
        XCTAssertEqual(errors(diags).map(\.location), [SourceLocation(file: "o.md", line: 1, column: 1)])
    }
}

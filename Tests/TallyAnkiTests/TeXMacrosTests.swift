import XCTest
@testable import TallyAnki

/// Expected expansions written by hand from the definitions of `\newcommand` (LaTeX) and `\def` (TeX).
final class TeXMacrosTests: XCTestCase {
    func testNewcommandAndDefWithAndWithoutArguments() {
        var macros = TeXMacros()
        macros.define(from: "\\newcommand{\\R}{\\mathbb{R}} \\newcommand\\norm[1]{\\lVert #1 \\rVert} \\def\\pair#1#2{(#1, #2)}")
        XCTAssertEqual(macros.expand("x \\in \\R^n"), "x \\in {\\mathbb{R}}^n")
        XCTAssertEqual(macros.expand("\\norm{x}_2"), "{\\lVert x \\rVert}_2")
        XCTAssertEqual(macros.expand("\\pair{a}{\\R}"), "{(a, {\\mathbb{R}})}")
        XCTAssertEqual(macros.expand("\\Rightarrow \\Re"), "\\Rightarrow \\Re", "other commands that start alike stay")
        XCTAssertEqual(macros.expand("\\newcommand{\\R}{\\mathbb{R}}"), "\\newcommand{\\R}{\\mathbb{R}}",
                       "the name being defined is never expanded")
    }

    func testRedefinitionWinsAndSelfReferenceStops() {
        var macros = TeXMacros()
        macros.define(from: "\\newcommand{\\v}{\\mathbf{v}}")
        macros.define(from: "\\renewcommand{\\v}{\\vec{v}}")
        XCTAssertEqual(macros.expand("\\v"), "{\\vec{v}}")
        macros.define(from: "\\def\\loop{\\loop x}")
        XCTAssertTrue(macros.expand("\\loop").count < 200)
    }
}

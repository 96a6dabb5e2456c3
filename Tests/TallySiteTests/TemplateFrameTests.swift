import Foundation
import XCTest
@testable import TallySite

/// `TemplateSet.frame` writes a page's body between the built-in templates' text: the bytes must be the ones
/// `page` writes with the body in the context, and anything it cannot split (a project's own template, a value
/// holding the marker) is left to `page`.
final class TemplateFrameTests: XCTestCase {
    private let layout: [String: Any] = ["title": "T <1>", "root": "../", "current": ["title": "T", "titleHTML": "<b>T</b>", "href": "a/b.html"]]
    private func context(_ source: String) -> [String: Any] {
        ["title": "N", "source": source, "toc": [["level": 2, "html": "<i>x</i>", "anchor": "x"]], "hasToc": true,
         "failures": ["bad & wrong"], "hasFailures": true]
    }

    func testFrameAroundTheBodyIsThePage() throws {
        let templates = try TemplateSet(folder: nil)
        let body = "<p>Body with {{mustache}} and \u{0} and &amp;</p>\n"
        var full = context("a/b.md")
        full["body"] = body
        let frame = try XCTUnwrap(templates.frame("notebook", context("a/b.md"), layout: layout))
        XCTAssertEqual(frame.before + body + frame.after, templates.page("notebook", full, layout: layout))
    }

    func testAValueHoldingTheMarkerOrAProjectTemplateIsNotFramed() throws {
        XCTAssertNil(try TemplateSet(folder: nil).frame("notebook", context("x \(TemplateSlot.marker)"), layout: layout))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("frame-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<main>{{{content}}}</main>".write(to: folder.appendingPathComponent("layout.mustache"), atomically: true, encoding: .utf8)
        XCTAssertNil(try TemplateSet(folder: folder).frame("notebook", context("a/b.md"), layout: layout))
    }
}

import Foundation
import XCTest
import TallyTestSupport

/// Nothing makes a page wider than the screen: every page of the built sites (`BuiltSites`), at a
/// 390 px phone and a 1280 px desktop, has `scrollWidth <= innerWidth` in headless Chromium
/// (Browser/site_layout.py measures; long URLs wrap, code, tables and display math scroll inside their block).
final class SiteLayoutInBrowserTests: XCTestCase {
    struct Report: Decodable {
        struct Width: Decodable {
            struct Element: Decodable { var tag: String; var cls: String; var right: Int; var text: String }
            var scrollWidth: Int
            var innerWidth: Int
            var sticksOut: [Element]
        }
        var pages: [String: [String: Width]]
    }

    func testNoPageIsWiderThanThePhoneOrTheDesktop() throws {
        let sites = try BuiltSites.all()
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/site_layout.py")
        let report = try JSONDecoder().decode(Report.self, from: PythonScript.run(script, sites.map(\.folder.path)))

        // index, cards, review and a page per notebook, for each site.
        XCTAssertGreaterThanOrEqual(report.pages.keys.filter { $0.hasPrefix("notebooks/") }.count, 11)
        XCTAssertEqual(report.pages.keys.filter { $0.hasPrefix("wide/") }.count, 4)
        if BuiltSites.seeds != nil { XCTAssertGreaterThanOrEqual(report.pages.keys.filter { $0.hasPrefix("seeds/") }.count, 4) }
        for (page, widths) in report.pages.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(Set(widths.keys), ["390", "1280"], page)
            for (width, measured) in widths {
                XCTAssertEqual(measured.innerWidth, Int(width), page)
                XCTAssertLessThanOrEqual(measured.scrollWidth, measured.innerWidth,
                                         "\(page) at \(width) px: \(measured.sticksOut.map { "<\($0.tag) class=\($0.cls)> to \($0.right) px: \($0.text)" })")
            }
        }
    }
}

import Foundation
import TallyTestSupport

/// What Browser/site_in_browser.py saw in Chromium. Runs it with `TALLY_PYTHON`, else the venv
/// `make venv` creates; a missing Python or Chromium fails the test (`make test` installs both).
struct BrowserReport: Decodable {
    struct Page: Decodable {
        var math: Int
        var untypeset: Int
        var katexErrors: Int
        var checked: Int
        var charts: Int
        /// KaTeX's `@font-face` fonts the page loaded, and those that failed to load (`FontFace.status`).
        var katexFontsLoaded: Int
        var katexFontsFailed: Int
        var consoleErrors: [String]
    }

    struct Search: Decodable {
        struct Result: Decodable {
            var href: String
            var title: String
            var meta: String
        }
        var focusedBySlash: Bool
        var broad: [Result]
        var afterArrowDown: String?
        var afterArrowUp: String?
        var results: [Result]
        var selected: String?
        var openedHash: String?
        var openedPage: String?
    }

    struct ReviewState: Decodable, Equatable {
        var progress: String
        var card: String?
        var visibleCards: Int
        var frontShown: Bool
        var backShown: Bool
    }

    struct Review: Decodable {
        var start: ReviewState
        var afterSpace: ReviewState
        var afterArrowRight: ReviewState
        var afterK: ReviewState
        var afterEnter: ReviewState
        var afterAgain: ReviewState
        var afterGood: ReviewState
        var remembered: [String]
        var missedOnly: ReviewState
        var unknown: ReviewState
        var unknownMessage: String
        var unknownLinks: [String]
        /// The cards scripts (`cards/PAGE.js`) requested when reviewing one notebook.
        var cardScripts: [String]
    }

    var pages: [String: Page]
    var search: Search
    var review: Review
    var consoleErrors: [String]
    var requests: Int
    var remoteRequests: [String]
    var screenshots: [String]
    var print: Print

    /// The notebook page under print media (from a dark screen).
    struct Print: Decodable {
        var sidebarShown: Bool
        var chartsDrawn: Int
        var mathShown: Int
        var background: String
    }

    static func run(site: URL, notebook: String, cardID: String, word: String, broadWord: String, artifacts: URL) throws -> BrowserReport {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/site_in_browser.py")
        let output = try PythonScript.run(script, [site.path, notebook, cardID, word, broadWord, artifacts.path])
        return try JSONDecoder().decode(BrowserReport.self, from: output)
    }

}

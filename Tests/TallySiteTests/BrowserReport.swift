import Foundation

/// What Browser/site_in_browser.py saw in Chromium. Runs it with `TALLY_PYTHON`, else the venv
/// `make venv` creates; a missing Python or Chromium fails the test (`make test` installs both).
struct BrowserReport: Decodable {
    struct Page: Decodable {
        var math: Int
        var untypeset: Int
        var katexErrors: Int
        var checked: Int
        var charts: Int
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
    }

    var pages: [String: Page]
    var search: Search
    var review: Review
    var consoleErrors: [String]
    var requests: Int
    var remoteRequests: [String]
    var screenshots: [String]

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(site: URL, notebook: String, cardID: String, word: String, broadWord: String, artifacts: URL) throws -> BrowserReport {
        let python = ProcessInfo.processInfo.environment["TALLY_PYTHON"] ?? packageRoot.appendingPathComponent(".venv/bin/python3").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Failure("no Python at \(python): run `make venv` or set TALLY_PYTHON")
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/site_in_browser.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, site.path, notebook, cardID, word, broadWord, artifacts.path]
        // Both streams go to files so that neither pipe can fill up and block the child.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        let errorText = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw Failure("site_in_browser.py exited with \(process.terminationStatus):\n\(errorText)")
        }
        return try JSONDecoder().decode(BrowserReport.self, from: Data(contentsOf: out))
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

import Foundation
import XCTest
import TallyTestSupport

/// Sites built once per test run by the real `tally` (built beside the tests), for the browser tests that
/// look at whole sites: the project's own `notebooks/` (evaluated, cached in `.build/test-cache`), a
/// notebook of wide things written for the layout test, and the user's seeds imported with `tally
/// import` when `TALLY_SEEDS` or `../shared/seeds` holds them.
enum BuiltSites {
    struct Site {
        var name: String
        var folder: URL
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// `tally` beside this test bundle, else `.build/debug/tally`.
    static let tally: URL? = {
        let beside = Bundle(for: Marker.self).bundleURL.deletingLastPathComponent().appendingPathComponent("tally")
        return [beside, packageRoot.appendingPathComponent(".build/debug/tally")]
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// The seeds folder, if this machine has one.
    static let seeds: URL? = {
        var candidates = [packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")]
        if let folder = ProcessInfo.processInfo.environment["TALLY_SEEDS"], !folder.isEmpty {
            candidates.insert(URL(fileURLWithPath: folder), at: 0)
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    /// Every page's layout is tested on these: long URLs and words, long inline code, a wide formula,
    /// table and code line, on the page and on a card.
    static let wideThings = """
    ---
    title: Wide things
    ---
    # Wide things

    Read https://example.org/articles/a-path-that-goes-on-and-on/without-any-place-to-break-it/\(String(repeating: "x", count: 120))?query=1&more=2 first.

    A long name in code: `aNameSoLongThatNoPhoneScreenCouldEverShowItOnOneLineWithoutWrappingItSomewhereInTheMiddle_\(String(repeating: "y", count: 40))`.

    $$\\sum_{i=1}^{n} a_i b_i c_i d_i e_i f_i g_i h_i + \\sum_{j=1}^{m} x_j y_j z_j + \\frac{\\partial L}{\\partial w_{1}} + \\frac{\\partial L}{\\partial w_{2}} + \\frac{\\partial L}{\\partial w_{3}} + \\frac{\\partial L}{\\partial w_{4}} + \\frac{\\partial L}{\\partial w_{5}}$$

    | first column | second column | third column | fourth column | fifth column | sixth column | seventh column |
    | --- | --- | --- | --- | --- | --- | --- |
    | 1234567890123 | 1234567890123 | 1234567890123 | 1234567890123 | 1234567890123 | 1234567890123 | 1234567890123 |

    ```text
    a line of output far longer than any phone is wide: \(String(repeating: "0123456789 ", count: 12))
    ```

    ## A heading with Averyveryverylongwordthatkeepsgoingandgoingwithoutanyspaceatallforquiteawhile

    ::: card {#wide-card}
    Where does https://example.org/\(String(repeating: "z", count: 100)) point?
    ---
    $$\\sum_{i=1}^{n} a_i b_i c_i d_i e_i f_i g_i h_i + \\sum_{j=1}^{m} x_j y_j z_j + \\frac{\\partial L}{\\partial w_{1}} + \\frac{\\partial L}{\\partial w_{2}} + \\frac{\\partial L}{\\partial w_{3}}$$
    :::

    """

    private static var built: Result<[Site], Error>?

    /// Builds the sites (once per test run) and returns them; throws when a build fails.
    static func all() throws -> [Site] {
        if let built { return try built.get() }
        let result = Result { try build() }
        built = result
        return try result.get()
    }

    private static func build() throws -> [Site] {
        guard let tally else { throw Failure(description: "the tally executable was not found beside the tests (swift build)") }
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tally-built-sites-\(UUID().uuidString)")
        let cache = packageRoot.appendingPathComponent(".build/test-cache/built-sites").path
        var sites: [Site] = []
        func build(_ name: String, notebooks: URL) throws {
            let output = base.appendingPathComponent(name)
            try run(tally, ["build", notebooks.path, "-o", output.path, "--no-deck", "--cache", cache], in: base)
            sites.append(Site(name: name, folder: output.appendingPathComponent("site")))
        }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try build("notebooks", notebooks: packageRoot.appendingPathComponent("notebooks"))
        let wide = base.appendingPathComponent("wide/notebooks")
        try FileManager.default.createDirectory(at: wide, withIntermediateDirectories: true)
        try Data(wideThings.utf8).write(to: wide.appendingPathComponent("wide-things.md"))
        try build("wide", notebooks: wide)
        if let seeds {
            let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { !$0.hasPrefix(".") }.sorted()
                .map { seeds.appendingPathComponent($0).path }
            let imported = base.appendingPathComponent("seeds/notebooks")
            try run(tally, ["import"] + files + ["-o", imported.path], in: base)
            try build("seeds", notebooks: imported)
        }
        return sites
    }

    private static func run(_ executable: URL, _ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let log = folder.appendingPathComponent("tally-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw Failure(description: "tally \(arguments.joined(separator: " ")) exited with \(process.terminationStatus):\n\(text.suffix(3000))")
        }
    }

    private final class Marker {}
}

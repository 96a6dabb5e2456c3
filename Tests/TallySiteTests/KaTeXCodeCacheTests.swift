import Foundation
import XCTest
import TallyTestSupport
import TallyDocument
@testable import TallySite

/// Node keeps V8's code cache for KaTeX in the user's cache folder (`typeset-math.js`): a process that found
/// none writes one when its input ends, the next process reads it, and a cache that is damaged or made by
/// another V8 is ignored and replaced. The answers never depend on it. Node and Debian's KaTeX really run;
/// the expected answers are KaTeX's documented rendering (`\mathbf{v}` is a `mathbf` span, `\frac` a
/// `mfrac` in the MathML), and each process's answers are compared with the first's.
final class KaTeXCodeCacheTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        guard KaTeXProcess.missing == nil else {
            try missingRealPart("nodejs or libjs-katex is not installed (make test installs them)")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-user-cache-\(UUID().uuidString)")
        setenv("XDG_CACHE_HOME", folder.path, 1)
    }

    override func tearDownWithError() throws {
        unsetenv("XDG_CACHE_HOME")
        unsetenv("NODE_OPTIONS")
        unsetenv("NODE_EXTRA_CA_CERTS")
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    private let page = KaTeXProcess.Page(formulas: [.init(tex: "\\mathbf{v}", display: false),
                                                    .init(tex: "\\frac{a}{b}", display: true)], macros: [:])

    /// One process: typesets `page`, then its input is closed (as a build ends) and it is waited for.
    private func typesetOnce() throws -> [KaTeXProcess.Answer?] {
        var answers: [KaTeXProcess.Answer?] = []
        var pid: Int32 = 0
        do {
            let process = try KaTeXProcess()
            pid = process.processIdentifier
            process.typeset([page]) { _, result in
                switch result {
                case .success(let pageAnswers): answers = pageAnswers
                case .failure(let failure): XCTFail("\(failure)")
                }
            }
        }
        // The process object is gone, its pipe closed: Node writes the cache (when it does) and ends.
        let deadline = Date().addingTimeInterval(20)
        while kill(pid, 0) == 0 && Date() < deadline { usleep(10_000) }
        return answers
    }

    private var cacheFiles: [URL] {
        let katex = UserCache.folder().appendingPathComponent("katex")
        return ((try? FileManager.default.contentsOfDirectory(at: katex, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "v8cache" }
    }

    func testTheUserCacheFolderFollowsXDG() {
        XCTAssertEqual(UserCache.folder(environment: ["XDG_CACHE_HOME": "/var/cache/someone"]).path, "/var/cache/someone/tally")
        // The spec ignores a relative path.
        let home = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/tally").path
        XCTAssertEqual(UserCache.folder(environment: ["XDG_CACHE_HOME": "relative/cache"]).path, home)
        XCTAssertEqual(UserCache.folder(environment: [:]).path, home)
    }

    func testAProcessWritesTheCacheTheNextReadsAndADamagedOneIsReplaced() throws {
        XCTAssertEqual(cacheFiles, [])
        let first = try typesetOnce()
        XCTAssertEqual(first.count, 2)
        XCTAssertTrue(first[0]?.result.html?.contains("mathbf") ?? false, "\(String(describing: first[0]))")
        XCTAssertTrue(first[1]?.result.html?.contains("<mfrac>") ?? false, "\(String(describing: first[1]))")
        XCTAssertEqual(cacheFiles.count, 1, "the first process wrote V8's code cache")
        let cache = try XCTUnwrap(cacheFiles.first)
        let written = try Data(contentsOf: cache)
        XCTAssertGreaterThan(written.count, 10_000, "compiled code, not an empty file")

        // A process that finds a cache V8 accepts reads it and leaves it as it was.
        XCTAssertEqual(try typesetOnce(), first)
        XCTAssertEqual(try Data(contentsOf: cache), written)

        // A damaged cache is ignored (V8 rejects it), the answers are the same, and a good one replaces it.
        try Data("not V8's code cache".utf8).write(to: cache)
        XCTAssertEqual(try typesetOnce(), first)
        XCTAssertGreaterThan(try Data(contentsOf: cache).count, 10_000)
    }

    /// The variables that configure Node itself are not passed to it: a `--require` in `NODE_OPTIONS` would
    /// run its script in the typesetting process, and `NODE_EXTRA_CA_CERTS` makes Node read certificates
    /// (here a missing file, which Node warns about) at every start.
    func testNodesOwnVariablesDoNotReachIt() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let marker = folder.appendingPathComponent("hook-ran")
        let hook = folder.appendingPathComponent("hook.js")
        try Data("require('fs').writeFileSync(\(String(reflecting: marker.path)), 'ran');\n".utf8).write(to: hook)
        setenv("NODE_OPTIONS", "--require \(hook.path)", 1)
        setenv("NODE_EXTRA_CA_CERTS", folder.appendingPathComponent("missing.pem").path, 1)
        let answers = try typesetOnce()
        XCTAssertEqual(answers.count, 2)
        XCTAssertTrue(answers[0]?.result.html?.contains("mathbf") ?? false, "\(String(describing: answers.first))")
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path), "NODE_OPTIONS reached Node")
        XCTAssertEqual(KaTeXProcess.environment(["NODE_OPTIONS": "--require x", "NODE_EXTRA_CA_CERTS": "/a.pem",
                                                 "NODE_ICU_DATA": "/icu", "PATH": "/bin", "HOME": "/home/u"]),
                       ["NODE_ICU_DATA": "/icu", "PATH": "/bin", "HOME": "/home/u"])
    }

    func testACacheFolderThatCannotBeWrittenChangesNothing() throws {
        // A file where the folder should be: nothing can be made under it.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data().write(to: folder.appendingPathComponent("tally"))
        let answers = try typesetOnce()
        XCTAssertEqual(answers.count, 2)
        XCTAssertTrue(answers[0]?.result.html?.contains("mathbf") ?? false)
        XCTAssertEqual(cacheFiles, [])
    }
}

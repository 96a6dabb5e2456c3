import Foundation
import XCTest
import TallyTestSupport

/// Issue 11 §7: what CI users get from `tally check`: GitHub annotations escaped as GitHub specifies,
/// the README's workflow valid for `actionlint`, and the pre-commit hook working under `pre-commit
/// try-repo`. Real tools: the built `tally`, `swiftc`, and the Python tools `make test` installs
/// (reference/requirements.txt); on CI a missing one is a failure.
final class CheckInCITests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        let project = try TemporaryProject(self, prefix: "tally-ci")
        folder = project.root
    }


    /// `name` beside the Python that runs the reference scripts (TALLY_PYTHON, else .venv), else on PATH.
    private func tool(_ name: String) throws -> URL {
        var folders: [URL] = []
        if let python = ProcessInfo.processInfo.environment["TALLY_PYTHON"], !python.isEmpty {
            folders.append(URL(fileURLWithPath: python).deletingLastPathComponent())
        }
        folders.append(packageRoot.appendingPathComponent(".venv/bin"))
        folders += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        if let found = folders.map({ $0.appendingPathComponent(name) }).first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) {
            return found
        }
        try missingRealPart("\(name) was not found (make test installs it from reference/requirements.txt)")
    }

    private func tallyBinary() throws -> URL {
        guard let binary = TallyCLITests.binary else { try missingRealPart("the tally executable was not found next to the tests") }
        return binary
    }

    @discardableResult
    private func run(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws
        -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = folder.appendingPathComponent("output-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        defer { try? FileManager.default.removeItem(at: output) }
        return (process.terminationStatus, try String(contentsOf: output, encoding: .utf8))
    }

    private func write(_ relative: String, _ text: String, in base: URL? = nil) throws {
        let url = (base ?? folder).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// `markdown/25` and `25b`: `%`, `:` and `,` in a file name, `%` and a line break in a message. The
    /// expected lines follow GitHub's spec (actions/toolkit command.ts: escapeData, escapeProperty).
    func testAnnotationsAreEscapedAsGitHubSpecifies() throws {
        try write("notes/results, part: 1 (100%).md", """
        # Typo

        ```swift
        let typo: Int = "100%"
        ```

        """)
        try write("notes/trap.md", """
        # Trap

        ```swift
        fatalError("diverged at 100%\\nsee step 7")
        ```

        """)
        let result = try run(try tallyBinary(), ["check", "--no-cache", "notes"], in: folder, environment: ["GITHUB_ACTIONS": "true"])
        let annotations = result.output.split(separator: "\n").filter { $0.hasPrefix("::") }.map(String.init)
        XCTAssertEqual(annotations.count, 2, result.output)
        XCTAssertTrue(annotations.contains { $0.hasPrefix("::error file=notes/results%2C part%3A 1 (100%25).md,line=4,col=17,title=compile-error::") },
                      "\(annotations)")
        XCTAssertTrue(annotations.contains("::error file=notes/trap.md,line=4,col=1,title=cell-trap::Fatal error: diverged at 100%25%0Asee step 7"),
                      "\(annotations)")
    }

    /// The README's workflow (install, one cache of .tally-cache restored by every shard and saved merged, --shard over
    /// a matrix, JUnit upload) is valid.
    func testReadmeWorkflowPassesActionlint() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.range(of: "### Checking in CI"))
        let after = readme[section.upperBound...]
        let start = try XCTUnwrap(after.range(of: "```yaml\n"))
        let end = try XCTUnwrap(after[start.upperBound...].range(of: "```"))
        let workflow = String(after[start.upperBound..<end.lowerBound])
        for part in ["actions/cache/restore@", "path: .tally-cache", "--shard ${{ matrix.shard }}/4", "--junit", "actions/upload-artifact@",
                     "include-hidden-files: true", "merge-multiple: true", "actions/cache/save@", "make"] {
            XCTAssertTrue(workflow.contains(part), "the workflow shows \(part)")
        }
        try write(".github/workflows/check.yml", workflow)
        let lint = try run(try tool("actionlint"), [".github/workflows/check.yml"], in: folder)
        XCTAssertEqual(lint.status, 0, lint.output)
    }

    /// `.pre-commit-hooks.yaml` under `pre-commit try-repo`, on a scratch notes repository.
    func testPreCommitHookChecksTheNotebooks() throws {
        let git = try XCTUnwrap(["/usr/bin/git", "/bin/git"].map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) })
        let identity = ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"]
        let hooks = folder.appendingPathComponent("hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"),
                                         to: hooks.appendingPathComponent(".pre-commit-hooks.yaml"))
        try run(git, ["init", "-q"], in: hooks)
        try run(git, ["add", "."], in: hooks)
        XCTAssertEqual(try run(git, ["commit", "-q", "-m", "hooks"], in: hooks, environment: identity).status, 0)

        let notes = folder.appendingPathComponent("notes")
        try write("sum.md", "# Sum\n\n```swift\nlet s = 0.1 + 0.2 // => 0.4\n```\n", in: notes)
        try run(git, ["init", "-q"], in: notes)
        try run(git, ["add", "."], in: notes)
        let environment = identity.merging([
            "PATH": try tallyBinary().deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "PRE_COMMIT_HOME": folder.appendingPathComponent("pre-commit-home").path,
        ]) { $1 }
        let preCommit = try tool("pre-commit")
        let failing = try run(preCommit, ["try-repo", hooks.path, "tally-check", "--all-files"], in: notes, environment: environment)
        XCTAssertNotEqual(failing.status, 0, failing.output)
        // 0.1 + 0.2 = 0.30000000000000004 in binary floating point: 0.4 is wrong, 0.3 holds.
        XCTAssertTrue(failing.output.contains("sum.md:4:25: error: stated 0.4, computed 0.3 (tolerance 0.05) [stated-value]"), failing.output)

        try write("sum.md", "# Sum\n\n```swift\nlet s = 0.1 + 0.2 // => 0.3\n```\n", in: notes)
        try run(git, ["add", "."], in: notes)
        let passing = try run(preCommit, ["try-repo", hooks.path, "tally-check", "--all-files"], in: notes, environment: environment)
        XCTAssertEqual(passing.status, 0, passing.output)
    }

    /// `--shard 1/2` and `2/2`, run as two CI jobs would (each from the same restored cache, the caches then
    /// merged by copying their files, as the README's workflow does), check every notebook once, before and
    /// after the cache knows what each cost; each job records the cost of the notebooks it ran, one file each.
    func testShardsCoverEveryNotebookOnceAndRecordCosts() throws {
        let fm = FileManager.default
        try fm.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let names = ["loop.md", "sum.md", "product.md"]
        for (i, name) in names.enumerated() {
            try write("notes/\(name)", "# N\(i)\n\n```swift\nlet s = (1...\(i + 3)).reduce(0, +) // => \((i + 3) * (i + 4) / 2)\n```\n")
        }
        try write("notes/prose.md", "# Words only\n")
        let all = Set((names + ["prose.md"]).map { "notes/\($0)" })
        let cache = folder.appendingPathComponent(".tally-cache")
        let restored = folder.appendingPathComponent("restored")  // what every job of a round starts from
        let merged = folder.appendingPathComponent("merged")
        try fm.createDirectory(at: restored, withIntermediateDirectories: true)
        for round in ["cold", "costs known"] {
            var seen: [String] = []
            try? fm.removeItem(at: merged)
            for k in 1...2 {
                try? fm.removeItem(at: cache)
                try fm.copyItem(at: restored, to: cache)
                let report = folder.appendingPathComponent("junit-\(k).xml")
                let check = try run(try tallyBinary(), ["check", "notes", "--shard", "\(k)/2", "--junit", report.path], in: folder)
                XCTAssertEqual(check.status, 0, "\(round) \(k)/2: \(check.output)")
                let xml = try String(contentsOf: report, encoding: .utf8)
                seen += xml.components(separatedBy: "<testsuite name=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                try copyFiles(from: cache, to: merged)
            }
            XCTAssertEqual(seen.sorted(), all.sorted(), "\(round): every notebook in exactly one shard")
            try fm.removeItem(at: restored)
            try fm.copyItem(at: merged, to: restored)
        }
        let costs = try fm.contentsOfDirectory(atPath: restored.appendingPathComponent("costs").path)
        XCTAssertEqual(costs.count, 3, "one cost file per notebook with a program, from both jobs: \(costs)")
    }

    /// Copies every file under `source` to the same place under `target`, replacing what is there.
    private func copyFiles(from source: URL, to target: URL) throws {
        let fm = FileManager.default
        guard let files = fm.enumerator(at: source, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        for case let file as URL in files where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let destination = target.appendingPathComponent(String(file.standardizedFileURL.path.dropFirst(source.standardizedFileURL.path.count + 1)))
            try fm.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? fm.removeItem(at: destination)
            try fm.copyItem(at: file, to: destination)
        }
    }
}

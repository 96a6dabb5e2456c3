import XCTest
import TallyDocument
@testable import TallyEvaluation
import TallyResults

/// A check records what each notebook cost (real `swiftc`, real run) in one file per notebook under
/// `costs/`, and `--shard` reads it back: recorded where the code is unchanged, estimated elsewhere.
final class NotebookCostsTests: XCTestCase {
    private let cell = """
    # Sums

    ```swift
    let s = (1...1000).reduce(0, +) // => 500500
    ```

    """

    func testCheckRecordsWhatEachNotebookCost() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let a = try workspace.write("a.md", cell)
        let b = try workspace.write("b.md", cell.replacingOccurrences(of: "1000", with: "2000").replacingOccurrences(of: "500500", with: "2001000"))
        let prose = try workspace.write("prose.md", "# Words\n\nNothing to run.\n")
        XCTAssertTrue(try workspace.evaluate(a).passed)

        let folder = workspace.root.appendingPathComponent(".tally-cache/costs")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        XCTAssertEqual(files.count, 1, "only the notebook that ran is recorded")
        let record = try JSONDecoder().decode(CostRecord.self, from: Data(contentsOf: files[0]))
        XCTAssertEqual(record.path, "notebooks/a.md", "relative to the project, so the file applies on another machine")
        XCTAssertGreaterThan(record.milliseconds, 0)

        let costs = NotebookCosts(cacheFolder: workspace.root.appendingPathComponent(".tally-cache"), workingDirectory: workspace.root)
        let notebooks = try [a, b, prose].map(workspace.parse)
        XCTAssertEqual(costs.milliseconds(for: notebooks), [record.milliseconds, record.milliseconds, 0],
                       "b was never run: the median of the known costs; prose compiles nothing")

        // A cached check runs nothing and leaves the record as it is.
        XCTAssertEqual(try workspace.evaluate(a).compiledPrograms, 0)
        XCTAssertEqual(try Data(contentsOf: files[0]), try JSONEncoder.sorted.encode(record))

        // Prose edits keep the cost; a code edit makes it unknown (then estimated from the source alone).
        try workspace.write("a.md", "Some prose first.\n\n" + cell)
        XCTAssertEqual(costs.milliseconds(for: [try workspace.parse(a)]), [record.milliseconds])
        try workspace.write("a.md", cell.replacingOccurrences(of: "1000", with: "10"))
        let edited = NotebookPlan(try workspace.parse(a))
        XCTAssertEqual(costs.milliseconds(for: [edited.notebook]), [NotebookCosts.estimate(edited)])
    }

    /// N shard jobs each write the files of their own notebooks: copying their `costs/` folders into one
    /// cache loses nothing.
    func testCachesOfSeveralJobsMergeByCopyingFiles() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let a = try workspace.write("a.md", cell)
        let b = try workspace.write("b.md", cell.replacingOccurrences(of: "# Sums", with: "# Other sums"))
        let root = workspace.root
        let options = { (cache: String) in
            EvaluationOptions(engine: try XCTUnwrap(Workspace.engine), cacheFolder: root.appendingPathComponent(cache), workingDirectory: root)
        }
        _ = Evaluator(try options("job-1")).evaluate([try workspace.parse(a)])
        _ = Evaluator(try options("job-2")).evaluate([try workspace.parse(b)])

        let merged = root.appendingPathComponent("merged/costs")
        try FileManager.default.createDirectory(at: merged, withIntermediateDirectories: true)
        for job in ["job-1", "job-2"] {
            let folder = root.appendingPathComponent("\(job)/costs")
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                try FileManager.default.copyItem(at: folder.appendingPathComponent(file), to: merged.appendingPathComponent(file))
            }
        }
        let recorded = { (cache: String, path: String) in
            NotebookCosts(cacheFolder: root.appendingPathComponent(cache), workingDirectory: root).recorded(NotebookPlan(try workspace.parse(path)))
        }
        XCTAssertEqual(try recorded("merged", a), try XCTUnwrap(try recorded("job-1", a)))
        XCTAssertEqual(try recorded("merged", b), try XCTUnwrap(try recorded("job-2", b)))
        XCTAssertNil(try recorded("job-1", b))
    }

    /// Without a cache every job still computes the same costs, from the sources alone: a notebook with
    /// more code costs more, one with nothing to run costs nothing.
    func testWithoutCacheCostsComeFromTheSources() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let small = try workspace.write("small.md", cell)
        let large = try workspace.write("large.md", cell + "\n```swift\n" + (1...40).map { "let v\($0) = \($0) * 2" }.joined(separator: "\n") + "\n```\n")
        let prose = try workspace.write("prose.md", "# Words\n")
        let costs = NotebookCosts(cacheFolder: nil, workingDirectory: workspace.root).milliseconds(for: try [small, large, prose].map(workspace.parse))
        XCTAssertGreaterThan(costs[1], costs[0])
        XCTAssertGreaterThan(costs[0], 0)
        XCTAssertEqual(costs[2], 0)
    }
}

private extension JSONEncoder {
    /// As `NotebookCosts` writes its files.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

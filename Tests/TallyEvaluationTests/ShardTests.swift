import XCTest
import TallyHashing
@testable import TallyEvaluation
import TallyResults

/// `--shard K/N` splits a collection into N disjoint parts balanced by cost, the same on every machine.
final class ShardTests: XCTestCase {
    /// 37 paths with uneven costs, some zero (notebooks with nothing to compile).
    private let paths = (1...37).map { "notebooks/topic-\($0).md" }
    private var costs: [Int] { paths.indices.map { $0 % 5 == 0 ? 0 : ($0 * 7_919) % 4_000 + 300 } }

    func testEveryNotebookFallsInExactlyOneShard() throws {
        for n in 1...7 {
            let shards = try (1...n).map { try XCTUnwrap(Shard("\($0)/\(n)")) }
            let chosen = shards.map { $0.positions(paths: paths, costs: costs) }
            XCTAssertEqual(chosen.flatMap { $0 }.sorted(), Array(paths.indices), "N = \(n): each notebook once")
            XCTAssertTrue(chosen.allSatisfy { !$0.isEmpty }, "N = \(n): no shard is empty for 37 notebooks")
        }
    }

    /// Each job lists the notebooks itself (another file system, another order): the shards are the same.
    func testPartitionDependsOnPathsAndCostsNotOnTheirOrder() {
        let costs = self.costs
        let reference = Dictionary(uniqueKeysWithValues: zip(paths, Shard.partition(paths: paths, costs: costs, into: 4)))
        for order in [Array(paths.indices.reversed()), Array(paths.indices.dropFirst(11)) + Array(paths.indices.prefix(11))] {
            let shuffled = Shard.partition(paths: order.map { paths[$0] }, costs: order.map { costs[$0] }, into: 4)
            XCTAssertEqual(Dictionary(uniqueKeysWithValues: zip(order.map { paths[$0] }, shuffled)), reference)
        }
    }

    /// One notebook as costly as six others (a training run among small notes): balanced by cost it has a
    /// shard of its own and every shard costs the same; balanced by count (round-robin over the sorted paths,
    /// the best a count can do) its shard costs 1.5× the mean.
    func testHeavyNotebookGetsItsOwnShardAndShardsCostTheSame() {
        let paths = ["notebooks/training.md"] + (1...18).map { "notebooks/note-\($0).md" }
        let costs = [6_000] + Array(repeating: 1_000, count: 18)
        let shards = Shard.partition(paths: paths, costs: costs, into: 4)
        XCTAssertEqual(shards.filter { $0 == shards[0] }.count, 1, "the heavy notebook is alone")
        let byCost = (0..<4).map { s in zip(shards, costs).filter { $0.0 == s }.map(\.1).reduce(0, +) }
        XCTAssertEqual(byCost, [6_000, 6_000, 6_000, 6_000])

        let sorted = paths.indices.sorted { paths[$0] < paths[$1] }
        let byCount = (0..<4).map { s in sorted.enumerated().filter { $0.offset % 4 == s }.map { costs[$0.element] }.reduce(0, +) }
        let mean = Double(costs.reduce(0, +)) / 4
        XCTAssertEqual(Double(byCost.max()!) / mean, 1)
        XCTAssertGreaterThanOrEqual(Double(byCount.max()!) / mean, 1.5, "count-balanced: \(byCount)")
    }

    /// Free notebooks (cost 0) spread over the shards by number instead of piling onto one.
    func testFreeNotebooksSpreadEvenly() {
        let paths = (1...8).map { "n\($0).md" }
        let shards = Shard.partition(paths: paths, costs: Array(repeating: 0, count: 8), into: 4)
        XCTAssertEqual((0..<4).map { s in shards.filter { $0 == s }.count }, [2, 2, 2, 2])
    }

    func testMalformedShardsAreRejected() {
        XCTAssertNil(Shard("0/3"))
        XCTAssertNil(Shard("4/3"))
        XCTAssertNil(Shard("1-3"))
        XCTAssertNotNil(Shard("3/3"))
    }

    func testHashIsFixedAcrossRunsAndMachines() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (the published test vector); lane 0 is plain FNV-1a.
        var hash = StableHash()
        "a".utf8.forEach { hash.add($0) }
        XCTAssertEqual(hash.hex.prefix(16), "af63dc4c8601ec8c")
    }
}

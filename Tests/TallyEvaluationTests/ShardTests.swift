import XCTest
import TallyHashing
@testable import TallyEvaluation
import TallyResults

/// `--shard K/N` splits a collection into N disjoint parts, the same on every machine.
final class ShardTests: XCTestCase {
    func testEveryPathFallsInExactlyOneShard() throws {
        let paths = (1...40).map { "notebooks/topic-\($0).md" }
        let shards = try (1...3).map { try XCTUnwrap(Shard("\($0)/3")) }
        for path in paths {
            XCTAssertEqual(shards.filter { $0.contains(path) }.count, 1, path)
        }
        XCTAssertTrue(shards.allSatisfy { shard in paths.contains(where: shard.contains) }, "no shard is empty for 40 paths")
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

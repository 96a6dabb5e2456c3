import TallyFormula
import XCTest

/// The fixed, seeded points of `for x in A...B`.
final class SamplePointsTests: XCTestCase {
    private func variables(_ block: String) throws -> [FormulaCheckBlock.Variable] {
        try FormulaCheckBlock(parsing: block).variables
    }

    func testEndsZeroThenRandomPoints() throws {
        let points = FormulaSamplePoints.points(for: try variables("{check for x in -6...6}"))
        XCTAssertEqual(Array(points.prefix(3)), [[-6], [6], [0]])
        XCTAssertEqual(Set(points).count, points.count, "no point twice")
        XCTAssertTrue(points.allSatisfy { (-6...6).contains($0[0]) && $0[0] == $0[0].rounded() }, "integers for an integer range")
        XCTAssertGreaterThan(points.count, 8)
    }

    func testRealRangesGiveRoundedRealPoints() throws {
        let points = FormulaSamplePoints.points(for: try variables("{check for x in 0.5...2.0}"))
        XCTAssertEqual(Array(points.prefix(2)), [[0.5], [2]], "zero is not inside, so it is not tried")
        XCTAssertEqual(points.count, 12)
        XCTAssertTrue(points.dropFirst(2).allSatisfy { (0.5...2).contains($0[0]) && ($0[0] * 1000).rounded() == $0[0] * 1000 })
        XCTAssertTrue(points.dropFirst(2).contains { $0[0] != $0[0].rounded() })
    }

    func testSeveralVariablesCombineTheirSpecialPoints() throws {
        let points = FormulaSamplePoints.points(for: try variables("{check for n in 1...50, m in -3...3}"))
        XCTAssertEqual(Array(points.prefix(6)), [[1, -3], [1, 3], [1, 0], [50, -3], [50, 3], [50, 0]])
        XCTAssertTrue(points.allSatisfy { $0.count == 2 })
    }

    func testDeterministicAcrossCalls() throws {
        let v = try variables("{check for x in -1...1.5}")
        XCTAssertEqual(FormulaSamplePoints.points(for: v), FormulaSamplePoints.points(for: v))
        XCTAssertEqual(FormulaSamplePoints.points(for: []), [[]], "without variables: one empty point")
    }

    func testTheSeededStreamIsSplitMix64() throws {
        // SplitMix64 from seed 0x7A11F0A700000018, first output >> 11 scaled to [0, 1), mapped onto
        // [0, 1000] and rounded to 3 decimals: computed independently with Python's integers.
        let points = FormulaSamplePoints.points(for: try variables("{check for x in 0.0...1000.0}"))
        XCTAssertEqual(points[2][0], Self.expectedFirstRandom)
    }

    /// `reference/formula_sample_points.py` prints this.
    static let expectedFirstRandom = 844.042
}

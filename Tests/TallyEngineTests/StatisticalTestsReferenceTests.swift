import Foundation
import XCTest
import TallyEngine

/// Hypothesis tests, intervals, power and bootstrap against scipy.stats and statsmodels, from
/// reference/cases/sklearn_scipy.json written by reference/sklearn_scipy.py (1e-10 relative
/// unless the case's option `rtol` says otherwise).
final class StatisticalTestsReferenceTests: XCTestCase {
    var file: ReferenceFile!

    override func setUpWithError() throws { file = try ReferenceFile.load("sklearn_scipy.json") }

    private func cases(_ prefix: String) -> [ReferenceCase] { file.requiredCases(prefix) }

    private func check(_ value: Double?, _ c: ReferenceCase, _ key: String, atol: Double = 1e-14) {
        assertMatches(value.map { Tensor(shape: [], data: [$0]) }, c.outputs[key], rtol: c.number("rtol") ?? 1e-10,
                      atol: atol, "\(c.name) \(key)")
    }

    private func check(_ result: TestResult, _ c: ReferenceCase) {
        check(result.statistic, c, "statistic")
        check(result.pvalue, c, "pvalue")
        if c.outputs["df"] != nil { check(result.df, c, "df") }
    }

    private func alternative(_ c: ReferenceCase) -> Alternative { Alternative(rawValue: c.text("alternative") ?? "two-sided")! }
    private func values(_ c: ReferenceCase, _ key: String) -> [Double] { c.input(key).data }

    func testTTests() {
        for c in cases("ttestInd/") {
            check(ttestInd(values(c, "a"), values(c, "b"), equalVar: c.flag("equal_var")!, alternative: alternative(c)), c)
        }
        for c in cases("ttestRel/") { check(ttestRel(values(c, "a"), values(c, "b"), alternative: alternative(c)), c) }
        for c in cases("ttest1samp/") {
            check(ttest1samp(values(c, "a"), popmean: c.number("popmean")!, alternative: alternative(c)), c)
        }
    }

    func testZTest() {
        for c in cases("ztest/") {
            let x2 = c.inputs["x2"] == nil ? nil : values(c, "x2")
            check(ztest(values(c, "x1"), x2, value: c.number("value")!, alternative: alternative(c), usevar: c.text("usevar")!), c)
        }
    }

    func testChi2Contingency() {
        for c in cases("chi2Contingency/") {
            let table = c.input("observed").rows
            let result = chi2Contingency(table, correction: c.flag("correction")!)
            check(result.statistic, c, "statistic")
            check(result.pvalue, c, "pvalue")
            check(Double(result.dof), c, "dof")
            assertMatches(Tensor(result.expectedFreq), c.outputs["expected_freq"], "\(c.name) expected")
        }
    }

    func testBinomtest() {
        for c in cases("binomtest/") {
            let result = binomtest(Int(c.input("k").item), n: Int(c.input("n").item), p: c.number("p")!, alternative: alternative(c))
            check(result.statistic, c, "statistic")
            check(result.pvalue, c, "pvalue")
        }
    }

    func testCorrelations() {
        for c in cases("pearsonr/") { check(pearsonr(values(c, "x"), values(c, "y"), alternative: alternative(c)), c) }
        for c in cases("spearmanr/") { check(spearmanr(values(c, "x"), values(c, "y")), c) }
        for c in cases("rankdata/") { assertMatches(Tensor(rankdata(values(c, "x"))), c.outputs["ranks"], c.name) }
    }

    func testConfidenceIntervals() {
        for c in cases("tInterval/") {
            let interval = tConfidenceInterval(values(c, "a"), level: c.number("level")!)
            check(interval.lower, c, "lower")
            check(interval.upper, c, "upper")
        }
        for c in cases("zInterval/") {
            let interval = zConfidenceInterval(values(c, "a"), standardDeviation: c.number("sigma")!, level: c.number("level")!)
            check(interval.lower, c, "lower")
            check(interval.upper, c, "upper")
        }
        for c in cases("proportionConfint/") {
            let interval = proportionConfint(count: Int(c.input("count").item), nobs: Int(c.input("nobs").item),
                                             alpha: c.number("alpha")!, method: c.text("method")!)
            check(interval.lower, c, "lower")
            check(interval.upper, c, "upper")
            XCTAssertEqual(interval.level, 1 - c.number("alpha")!, accuracy: 1e-15)
        }
    }

    func testPowerAndDistributions() {
        let analysis = TTestIndPower()
        for c in cases("ttestIndPower/power") {
            check(analysis.power(effectSize: c.number("effect_size")!, nobs1: c.number("nobs1")!, alpha: c.number("alpha")!,
                                 ratio: c.number("ratio")!, alternative: alternative(c)), c, "power")
        }
        for c in cases("ttestIndPower/solve") {
            check(analysis.solvePower(effectSize: c.number("effect_size")!, alpha: c.number("alpha")!, power: c.number("power")!,
                                      ratio: c.number("ratio")!), c, "nobs1")
        }
        for c in cases("nct/") {
            check(noncentralTCDF(c.number("t")!, degreesOfFreedom: c.number("df")!, noncentrality: c.number("nc")!), c, "cdf")
        }
        for c in cases("chi2/") {
            check(chiSquaredSF(c.number("x")!, degreesOfFreedom: c.number("df")!), c, "sf")
            check(chiSquaredCDF(c.number("x")!, degreesOfFreedom: c.number("df")!), c, "cdf")
        }
    }

    func testBootstrap() {
        for c in cases("bootstrap/") {
            let data = values(c, "data")
            let indices = c.input("indices").rows.map { $0.map { Int($0) } }
            let statistic: ([Double]) -> Double = c.text("statistic") == "mean" ? mean : median
            let interval = bootstrap(data, statistic: statistic, confidenceLevel: c.number("confidence_level")!,
                                     resampleIndices: indices)
            check(interval.lower, c, "lower")
            check(interval.upper, c, "upper")
        }
        // Seeded: the same seed gives the same interval, another seed another one.
        let sample = [2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 2.8, 6.1]
        let first = bootstrap(sample, statistic: mean, nResamples: 500, seed: 7)
        XCTAssertEqual(first, bootstrap(sample, statistic: mean, nResamples: 500, seed: 7))
        XCTAssertNotEqual(first, bootstrap(sample, statistic: mean, nResamples: 500, seed: 8))
        XCTAssertTrue(first.contains(mean(sample)))
    }
}

import Foundation
import XCTest
import TallyEngine

/// Descriptive statistics, special functions and confidence intervals against values
/// worked out by hand (arithmetic in the comments) and textbook tables.
final class StatisticsTests: XCTestCase {
    // Deviations from the mean 5: −3 −1 −1 −1 0 0 2 4; squares sum to 9+1+1+1+0+0+4+16 = 32.
    let data: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]

    func testCentralTendency() {
        XCTAssertEqual(mean(data), 5)               // 40 / 8
        XCTAssertEqual(median([3, 1, 2]), 2)
        XCTAssertEqual(median([4, 1, 3, 2]), 2.5)  // (2 + 3) / 2
        XCTAssertEqual(modes([1, 1, 2, 2, 3]), [1, 2])
        XCTAssertEqual(mode([3, 1, 3, 2]), 3)
        XCTAssertEqual(mode(["b", "a", "b"]), "b")
    }

    func testSpread() {
        XCTAssertEqual(populationVariance(data), 4)                 // 32 / 8
        XCTAssertEqual(populationStandardDeviation(data), 2)
        XCTAssertEqual(sampleVariance(data), 32.0 / 7, accuracy: 1e-15)
        XCTAssertEqual(sampleStandardDeviation(data), (32.0 / 7).squareRoot(), accuracy: 1e-15)
        // s / √n = √(32/7) / √8 = √(4/7)
        XCTAssertEqual(standardError(data), (4.0 / 7).squareRoot(), accuracy: 1e-15)
    }

    func testCovarianceAndCorrelation() {
        // x − 2 = (−1, 0, 1); y − 13/3 = (−7/3, −1/3, 8/3); Σ products = 7/3 + 0 + 8/3 = 5.
        let x: [Double] = [1, 2, 3], y: [Double] = [2, 4, 7]
        XCTAssertEqual(sampleCovariance(x, y), 2.5, accuracy: 1e-15)
        XCTAssertEqual(populationCovariance(x, y), 5.0 / 3, accuracy: 1e-15)
        // r = 5 / √(Σdx² · Σdy²) = 5 / √(2 · 114/9) = 15 / √228
        XCTAssertEqual(correlation(x, y), 15 / 228.0.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(correlation(x, x.map { 3 * $0 - 1 }), 1, accuracy: 1e-15)
        XCTAssertEqual(correlation(x, x.map { -$0 }), -1, accuracy: 1e-15)
    }

    func testNormalQuantileTextbookValues() {
        XCTAssertEqual(normalQuantile(0.5), 0)
        XCTAssertEqual(normalQuantile(0.975), 1.959963984540054, accuracy: 1e-14)
        XCTAssertEqual(normalQuantile(0.95), 1.6448536269514722, accuracy: 1e-14)
        XCTAssertEqual(normalQuantile(0.025), -1.959963984540054, accuracy: 1e-14)
        XCTAssertEqual(normalQuantile(0), -.infinity)
    }

    func testNormalQuantileInvertsTheCDFIntoTheTails() {
        // Φ comes from libm's erfc, independently of the quantile's rational approximation.
        for p in [1e-300, 1e-12, 1e-6, 0.001, 0.02425, 0.3, 0.7, 0.999] {
            XCTAssertEqual(normalCDF(normalQuantile(p)) / p, 1, accuracy: 1e-13, "p = \(p)")
        }
    }

    func testStudentTAgainstClosedForms() {
        for t in [-50, -3.5, -0.2, 0, 0.7, 4, 1e6] {
            // ν = 1 is the Cauchy distribution: F(t) = 1/2 + atan(t)/π.
            XCTAssertEqual(studentTCDF(t, degreesOfFreedom: 1), 0.5 + atan(t) / .pi, accuracy: 1e-15)
            // ν = 2: F(t) = 1/2 + t / (2√(2 + t²)).
            XCTAssertEqual(studentTCDF(t, degreesOfFreedom: 2), 0.5 + t / (2 * (2 + t * t).squareRoot()),
                           accuracy: 1e-15)
        }
        for p in [1e-9, 0.01, 0.2, 0.6, 0.975, 0.999999] {
            // ν = 1: tan(π(p − 1/2)), written as −cot(πp) (or cot(π(1 − p))) because the
            // tangent's argument would round near its pole; ν = 2: (2p − 1) / √(2p(1 − p)).
            let cauchy = p < 0.5 ? -1 / tan(.pi * p) : 1 / tan(.pi * (1 - p))
            XCTAssertEqual(studentTQuantile(p, degreesOfFreedom: 1) / cauchy, 1, accuracy: 1e-12, "p = \(p)")
            let two = (2 * p - 1) / (2 * p * (1 - p)).squareRoot()
            XCTAssertEqual(studentTQuantile(p, degreesOfFreedom: 2) / two, 1, accuracy: 1e-12, "p = \(p)")
        }
    }

    func testStudentTQuantileTableValues() {
        // Printed t tables (3 decimals).
        XCTAssertEqual(studentTQuantile(0.975, degreesOfFreedom: 10), 2.228, accuracy: 5e-4)
        XCTAssertEqual(studentTQuantile(0.995, degreesOfFreedom: 5), 4.032, accuracy: 5e-4)
        XCTAssertEqual(studentTQuantile(0.95, degreesOfFreedom: 30), 1.697, accuracy: 5e-4)
        XCTAssertEqual(studentTQuantile(0.025, degreesOfFreedom: 7), -2.365, accuracy: 5e-4)
        // Many degrees of freedom: the normal quantile.
        XCTAssertEqual(studentTQuantile(0.975, degreesOfFreedom: 1e7), 1.959963984540054, accuracy: 1e-6)
    }

    func testIncompleteBetaClosedForms() {
        for x in [0.001, 0.3, 0.5, 0.9, 0.999] {
            XCTAssertEqual(regularizedIncompleteBeta(a: 2.5, b: 1, x: x), pow(x, 2.5), accuracy: 1e-14)   // I_x(a, 1) = xᵃ
            XCTAssertEqual(regularizedIncompleteBeta(a: 1, b: 4, x: x), 1 - pow(1 - x, 4), accuracy: 1e-14) // I_x(1, b) = 1 − (1 − x)ᵇ
            XCTAssertEqual(regularizedIncompleteBeta(a: 3, b: 7.5, x: x)
                           + regularizedIncompleteBeta(a: 7.5, b: 3, x: 1 - x), 1, accuracy: 1e-14)
        }
    }

    func testConfidenceIntervals() {
        // 100 ± 1.959964 · 15/√36 = 100 ± 4.89991
        let z = zConfidenceInterval(mean: 100, standardDeviation: 15, count: 36)
        XCTAssertEqual(z.lower, 95.10009, accuracy: 1e-5)
        XCTAssertEqual(z.upper, 104.89991, accuracy: 1e-5)
        XCTAssertEqual(z.marginOfError, 4.89991, accuracy: 1e-5)
        XCTAssertEqual(z.level, 0.95)
        // x̄ = 5, s/√n = √(4/7) = 0.755929, t(0.975, 7) = 2.364624 (table 2.365): 5 ± 1.787489
        let t = tConfidenceInterval(data)
        XCTAssertEqual(t.lower, 5 - 1.787489, accuracy: 1e-5)
        XCTAssertEqual(t.upper, 5 + 1.787489, accuracy: 1e-5)
        XCTAssertTrue(t.contains(5))
        XCTAssertEqual(t.description, "95% CI [3.21251, 6.78749]")
        // A higher level widens the interval.
        XCTAssertGreaterThan(tConfidenceInterval(data, level: 0.99).marginOfError, t.marginOfError)
    }

    func testCombinatorics() {
        XCTAssertEqual(combinations(n: 5, k: 2), 10)
        XCTAssertEqual(combinations(n: 52, k: 5), 2_598_960)      // poker hands
        XCTAssertEqual(combinations(n: 10, k: 0), 1)
        // The largest C(66, k), still below Int.max ≈ 9.22e18 (Python: math.comb(66, 33)).
        XCTAssertEqual(combinations(n: 66, k: 33), 7_219_428_434_016_265_740)
        XCTAssertEqual(permutations(n: 5, k: 2), 20)
        XCTAssertEqual(permutations(n: 10, k: 3), 720)           // 10·9·8
        // math.comb(67, 33) = 14226520737620288370 overflows Int; the log form still works.
        XCTAssertEqual(logCombinations(n: 67, k: 33), log(14_226_520_737_620_288_370.0), accuracy: 1e-12)
        XCTAssertEqual(logPermutations(n: 10, k: 3), log(720), accuracy: 1e-13)
    }

    func testBayes() {
        // P(D | +) = 0.9·0.01 / (0.9·0.01 + 0.05·0.99) = 0.009 / 0.0585 = 2/13
        XCTAssertEqual(bayesPosterior(prior: 0.01, likelihood: 0.9, likelihoodIfNot: 0.05), 2.0 / 13, accuracy: 1e-15)
        XCTAssertEqual(bayesPosterior(prior: 0.01, likelihood: 0.9, evidence: 0.0585), 2.0 / 13, accuracy: 1e-15)
        // Three urns equally likely; red with probabilities 1/2, 1/4, 1/4: posteriors 1/2, 1/4, 1/4.
        let posteriors = bayesPosterior(priors: [1.0 / 3, 1.0 / 3, 1.0 / 3], likelihoods: [0.5, 0.25, 0.25])
        XCTAssertEqual(posteriors[0], 0.5, accuracy: 1e-15)
        XCTAssertEqual(posteriors[2], 0.25, accuracy: 1e-15)
    }
}

import Foundation
import XCTest
import TallyEngine

/// Distributions against closed forms computed by hand (arithmetic in the comments).
final class DistributionsTests: XCTestCase {
    func testExactlyTwoFivesInThreeRolls() {
        // C(3, 2)·(1/6)²·(5/6) = 3·5/216 = 15/216
        XCTAssertEqual(binomial(n: 3, p: 1.0 / 6).pmf(2), 15.0 / 216, accuracy: 1e-16)
    }

    func testBinomial() {
        let die = binomial(n: 3, p: 1.0 / 6)
        // P(X ≤ 1) = (5/6)³ + 3·(1/6)(5/6)² = (125 + 75)/216
        XCTAssertEqual(die.cdf(1), 200.0 / 216, accuracy: 1e-14)
        XCTAssertEqual(die.cdf(3), 1)
        XCTAssertEqual(die.cdf(-1), 0)
        XCTAssertEqual(die.pmf(4), 0)
        XCTAssertEqual(die.mean, 0.5, accuracy: 1e-15)              // 3 · 1/6
        XCTAssertEqual(die.variance, 15.0 / 36, accuracy: 1e-15)    // 3 · 1/6 · 5/6
        // At least one six in four rolls: 1 − (5/6)⁴ = 671/1296
        XCTAssertEqual(binomial(n: 4, p: 1.0 / 6).probability(1...), 671.0 / 1296, accuracy: 1e-15)
        // P(4 ≤ X ≤ 6) for 10 fair coins: (210 + 252 + 210)/1024
        XCTAssertEqual(binomial(n: 10, p: 0.5).probability(4...6), 672.0 / 1024, accuracy: 1e-14)
        // Small cases print exactly: (1 + 10 + 45 + 120)/1024.
        XCTAssertEqual(binomial(n: 10, p: 0.5).cdf(3), 176.0 / 1024)
    }

    func testPoisson() {
        let d = poisson(lambda: 3)
        XCTAssertEqual(d.pmf(0), exp(-3), accuracy: 1e-16)
        XCTAssertEqual(d.pmf(2), 4.5 * exp(-3), accuracy: 1e-15)             // 3²/2! · e⁻³
        XCTAssertEqual(d.cdf(2), (1 + 3 + 4.5) * exp(-3), accuracy: 1e-15)
        XCTAssertEqual(d.mean, 3)
        XCTAssertEqual(d.variance, 3)
        XCTAssertEqual(d.pmf(-1), 0)
    }

    func testChildrenUntilTheFirstGirl() {
        // E[trials] = 1/p = 2 children; E[failures] = (1 − p)/p = 1 boy.
        XCTAssertEqual(geometric(p: 0.5).mean, 2)
        XCTAssertEqual(geometric(p: 0.5, counting: .failures).mean, 1)
    }

    func testGeometric() {
        let trials = geometric(p: 0.5)
        XCTAssertEqual(trials.pmf(0), 0)
        XCTAssertEqual(trials.pmf(1), 0.5)
        XCTAssertEqual(trials.pmf(3), 0.125)                     // (1/2)²·(1/2)
        XCTAssertEqual(trials.cdf(3), 0.875, accuracy: 1e-15)    // 1 − (1/2)³
        XCTAssertEqual(trials.variance, 2)                       // (1 − p)/p²
        let failures = geometric(p: 0.2, counting: .failures)
        XCTAssertEqual(failures.pmf(0), 0.2)
        XCTAssertEqual(failures.pmf(2), 0.8 * 0.8 * 0.2, accuracy: 1e-16)
        XCTAssertEqual(failures.cdf(2), 1 - 0.8 * 0.8 * 0.8, accuracy: 1e-15)
        XCTAssertEqual(failures.variance, 20, accuracy: 1e-12)   // 0.8 / 0.04
    }

    func testUrnDrawnWithReplacement() {
        // 2 red, 1 yellow, 3 white: p = (1/3, 1/6, 1/2).
        let urn = multinomial(n: 3, weights: [2, 1, 3])
        XCTAssertEqual(urn.pmf([1, 1, 1]), 1.0 / 6, accuracy: 1e-15)    // 3!·(1/3)(1/6)(1/2)
        XCTAssertEqual(urn.pmf([3, 0, 0]), 1.0 / 27, accuracy: 1e-15)   // (1/3)³
        XCTAssertEqual(urn.pmf([2, 0, 1]), 1.0 / 6, accuracy: 1e-15)    // 3·(1/3)²·(1/2)
        XCTAssertEqual(urn.pmf([1, 1, 0]), 0)                           // counts do not sum to 3
        var total = 0.0
        for red in 0...3 { for yellow in 0...(3 - red) { total += urn.pmf([red, yellow, 3 - red - yellow]) } }
        XCTAssertEqual(total, 1, accuracy: 1e-15)
        XCTAssertEqual(urn.mean, [1, 0.5, 1.5])
        XCTAssertEqual(urn.variance[0], 2.0 / 3, accuracy: 1e-15)        // 3·(1/3)(2/3)
        XCTAssertEqual(urn.covariance[0][2], -0.5, accuracy: 1e-15)      // −3·(1/3)(1/2)
        XCTAssertEqual(multinomial(n: 2, probabilities: [0.5, 0.5]).pmf([1, 1]), 0.5)
    }

    func testNormal() {
        let iq = normal(mean: 100, standardDeviation: 15)
        XCTAssertEqual(iq.cdf(130), 0.9772498680518208, accuracy: 1e-15)     // Φ(2)
        XCTAssertEqual(iq.probability(85...115), 0.6826894921370859, accuracy: 1e-14)  // Φ(1) − Φ(−1)
        XCTAssertEqual(iq.pdf(100), 1 / (15 * (2 * Double.pi).squareRoot()), accuracy: 1e-16)
        XCTAssertEqual(iq.quantile(0.975), 100 + 15 * 1.959963984540054, accuracy: 1e-12)
        XCTAssertEqual(iq.variance, 225)
        XCTAssertEqual(normal().standardDeviation, 1)
    }
}

/// Statistics and distributions against reference/statistics.py (numpy and exact fractions,
/// by other methods than the engine's; see its docstring).
final class StatisticsReferenceTests: XCTestCase {
    private struct Reference: Decodable {
        struct Sample: Decodable {
            let x: [Double], y: [Double]
            let mean: Double, median: Double
            let population_variance: Double, sample_variance: Double
            let population_std: Double, sample_std: Double, standard_error: Double
            let sample_covariance: Double, population_covariance: Double, correlation: Double
            let t_interval_95: [Double]
        }
        struct NormalQuantile: Decodable { let p: Double, x: Double }
        struct TCDF: Decodable { let t: Double, df: Double, cdf: Double }
        struct TQuantile: Decodable { let p: Double, df: Double, t: Double }
        struct Binomial: Decodable { let n: Int, p: Double, pmf: [Double], cdf: [Double] }
        struct Poisson: Decodable { let lambda: Double, pmf: [Double], cdf: [Double] }
        struct Multinomial: Decodable { let n: Int, weights: [Double], counts: [Int], pmf: Double }
        let sample: Sample
        let normal_quantiles: [NormalQuantile]
        let t_cdf: [TCDF]
        let t_quantiles: [TQuantile]
        let binomial: [Binomial]
        let poisson: [Poisson]
        let multinomial: [Multinomial]
    }

    // Run the script once for all the tests of the class.
    private static let loaded = Result { try JSONDecoder().decode(Reference.self, from: runReferenceScript("statistics.py")) }
    private var reference: Reference!

    override func setUpWithError() throws {
        reference = try Self.loaded.get()
    }

    func testDescriptiveStatisticsAndInterval() {
        let s = reference.sample
        XCTAssertEqual(mean(s.x), s.mean, accuracy: 1e-12)
        XCTAssertEqual(median(s.x), s.median)
        XCTAssertEqual(populationVariance(s.x), s.population_variance, accuracy: 1e-10)
        XCTAssertEqual(sampleVariance(s.x), s.sample_variance, accuracy: 1e-10)
        XCTAssertEqual(populationStandardDeviation(s.x), s.population_std, accuracy: 1e-12)
        XCTAssertEqual(sampleStandardDeviation(s.x), s.sample_std, accuracy: 1e-12)
        XCTAssertEqual(standardError(s.x), s.standard_error, accuracy: 1e-12)
        XCTAssertEqual(sampleCovariance(s.x, s.y), s.sample_covariance, accuracy: 1e-10)
        XCTAssertEqual(populationCovariance(s.x, s.y), s.population_covariance, accuracy: 1e-10)
        XCTAssertEqual(correlation(s.x, s.y), s.correlation, accuracy: 1e-13)
        let interval = tConfidenceInterval(s.x, level: 0.95)
        XCTAssertEqual(interval.lower, s.t_interval_95[0], accuracy: 1e-10)
        XCTAssertEqual(interval.upper, s.t_interval_95[1], accuracy: 1e-10)
    }

    func testNormalQuantile() {
        for q in reference.normal_quantiles {
            XCTAssertEqual(normalQuantile(q.p), q.x, accuracy: 1e-13 * max(1, abs(q.x)), "p = \(q.p)")
        }
    }

    func testStudentT() {
        for c in reference.t_cdf {
            XCTAssertEqual(studentTCDF(c.t, degreesOfFreedom: c.df), c.cdf, accuracy: 1e-13, "t = \(c.t), ν = \(c.df)")
        }
        for q in reference.t_quantiles {
            XCTAssertEqual(studentTQuantile(q.p, degreesOfFreedom: q.df) / q.t, 1, accuracy: 1e-12, "p = \(q.p), ν = \(q.df)")
            XCTAssertEqual(studentTQuantile(1 - q.p, degreesOfFreedom: q.df) / -q.t, 1, accuracy: 1e-12, "p = \(1 - q.p), ν = \(q.df)")
        }
    }

    func testBinomialPoissonAndMultinomial() {
        for b in reference.binomial {
            let d = binomial(n: b.n, p: b.p)
            // Beyond n = 66 the log-gamma terms (lgamma(201) ≈ 863) cost about 1e-13 relative.
            let tolerance = b.n <= 66 ? 1e-14 : 5e-13
            for k in 0...b.n {
                XCTAssertEqual(d.pmf(k), b.pmf[k], accuracy: tolerance * b.pmf[k], "n = \(b.n), k = \(k)")
                XCTAssertEqual(d.cdf(k), b.cdf[k], accuracy: tolerance * b.cdf[k], "n = \(b.n), k = \(k)")
            }
        }
        for c in reference.poisson {
            let d = poisson(lambda: c.lambda)
            for k in c.pmf.indices {
                XCTAssertEqual(d.pmf(k), c.pmf[k], accuracy: 1e-13 * c.pmf[k], "λ = \(c.lambda), k = \(k)")
                XCTAssertEqual(d.cdf(k), c.cdf[k], accuracy: 1e-14, "λ = \(c.lambda), k = \(k)")
            }
        }
        for m in reference.multinomial {
            XCTAssertEqual(multinomial(n: m.n, weights: m.weights).pmf(m.counts), m.pmf, accuracy: 1e-15 + 1e-13 * m.pmf)
        }
    }
}

import Foundation

/// A distribution over the integers: probability mass, cumulative probability, moments.
public protocol DiscreteDistribution {
    /// P(X = k).
    func pmf(_ k: Int) -> Double
    /// P(X ≤ k).
    func cdf(_ k: Int) -> Double
    /// E[X], the expected value (scipy.stats' `mean()`).
    var mean: Double { get }
    /// Var(X) = E[(X − E[X])²] (scipy.stats' `var()`).
    var variance: Double { get }
}

extension DiscreteDistribution {
    /// √Var(X), in the units of X (scipy.stats' `std()`).
    public var standardDeviation: Double { variance.squareRoot() }

    /// P(a ≤ X ≤ b), e.g. `binomial(n: 10, p: 0.5).probability(4...6)`.
    public func probability(_ range: ClosedRange<Int>) -> Double {
        cdf(range.upperBound) - cdf(range.lowerBound - 1)
    }

    /// P(X ≥ a), e.g. "at least one six in four rolls": `binomial(n: 4, p: 1.0/6).probability(1...)`.
    public func probability(_ range: PartialRangeFrom<Int>) -> Double {
        1 - cdf(range.lowerBound - 1)
    }
}

/// A distribution over the reals: density, cumulative probability, quantile, moments.
public protocol ContinuousDistribution {
    /// The probability density at x (scipy.stats' `pdf`); integrates to 1 over the reals.
    func pdf(_ x: Double) -> Double
    /// P(X ≤ x).
    func cdf(_ x: Double) -> Double
    /// The x with P(X ≤ x) = p.
    func quantile(_ p: Double) -> Double
    /// E[X], the expected value (scipy.stats' `mean()`).
    var mean: Double { get }
    /// Var(X) = E[(X − E[X])²] (scipy.stats' `var()`).
    var variance: Double { get }
}

extension ContinuousDistribution {
    /// √Var(X), in the units of X (scipy.stats' `std()`).
    public var standardDeviation: Double { variance.squareRoot() }

    /// P(a ≤ X ≤ b).
    public func probability(_ range: ClosedRange<Double>) -> Double {
        cdf(range.upperBound) - cdf(range.lowerBound)
    }
}

// MARK: - Normal

/// The normal distribution N(μ, σ²).
public struct NormalDistribution: ContinuousDistribution, Equatable {
    /// μ, the center, default 0 (scipy.stats.norm's `loc`).
    public let mean: Double
    /// σ > 0, the spread, default 1 (scipy.stats.norm's `scale`).
    public let standardDeviation: Double

    /// N(mean, standardDeviation²), defaults the standard normal, as `scipy.stats.norm(loc, scale)`;
    /// traps unless standardDeviation > 0.
    public init(mean: Double = 0, standardDeviation: Double = 1) {
        engineRequire(standardDeviation > 0, "normal: standard deviation must be positive")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// σ².
    public var variance: Double { standardDeviation * standardDeviation }

    /// e^(−(x − μ)²/(2σ²)) / (σ√(2π)), as `scipy.stats.norm.pdf`.
    public func pdf(_ x: Double) -> Double {
        normalPDF((x - mean) / standardDeviation) / standardDeviation
    }

    /// P(X ≤ x) = Φ((x − μ)/σ), as `scipy.stats.norm.cdf`.
    public func cdf(_ x: Double) -> Double { normalCDF((x - mean) / standardDeviation) }

    /// The x with P(X ≤ x) = p: μ + σ·Φ⁻¹(p), as `scipy.stats.norm.ppf`;
    /// −∞ at p = 0, +∞ at p = 1, traps if p lies outside [0, 1].
    public func quantile(_ p: Double) -> Double { mean + standardDeviation * normalQuantile(p) }
}

/// The normal distribution, e.g. `normal(mean: 100, standardDeviation: 15).cdf(130)`;
/// `normal()` is the standard normal.
public func normal(mean: Double = 0, standardDeviation: Double = 1) -> NormalDistribution {
    NormalDistribution(mean: mean, standardDeviation: standardDeviation)
}

// MARK: - Binomial

/// The number of successes in n independent trials that each succeed with probability p.
public struct BinomialDistribution: DiscreteDistribution, Equatable {
    /// The number of trials, n ≥ 0 (scipy.stats.binom's `n`).
    public let n: Int
    /// Each trial's success probability, in [0, 1] (scipy.stats.binom's `p`).
    public let p: Double

    /// Binomial(n, p), as `scipy.stats.binom(n, p)`; traps if n < 0 or p lies outside [0, 1].
    public init(n: Int, p: Double) {
        engineRequire(n >= 0, "binomial: n must be non-negative")
        checkProbability(p, "binomial")
        self.n = n
        self.p = p
    }

    /// n·p.
    public var mean: Double { Double(n) * p }
    /// n·p·(1 − p).
    public var variance: Double { Double(n) * p * (1 - p) }

    /// C(n, k)·pᵏ·(1 − p)ⁿ⁻ᵏ.
    public func pmf(_ k: Int) -> Double {
        guard (0...n).contains(k) else { return 0 }
        return combinationsAsDouble(n: n, k: k) * pow(p, Double(k)) * pow(1 - p, Double(n - k))
    }

    /// Sums the pmf while C(n, k) is an exact integer (n ≤ 66), so that simple cases print
    /// exactly (10 fair coins, at most 3 heads: 176/1024 = 0.171875); beyond that, the
    /// identity P(X ≤ k) = I_{1−p}(n − k, k + 1), whose log-gamma terms limit it to about
    /// 1e-13 relative error.
    public func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        if k >= n { return 1 }
        if n <= 66 { return (0...k).reduce(0) { $0 + pmf($1) } }
        return regularizedIncompleteBeta(a: Double(n - k), b: Double(k + 1), x: 1 - p)
    }
}

/// The binomial distribution, e.g. "exactly two 5s in three rolls of a die":
/// `binomial(n: 3, p: 1.0/6).pmf(2)` = 3·(1/6)²·(5/6) = 15/216.
public func binomial(n: Int, p: Double) -> BinomialDistribution {
    BinomialDistribution(n: n, p: p)
}

// MARK: - Poisson

/// The number of events in an interval when they occur independently at average rate λ.
public struct PoissonDistribution: DiscreteDistribution, Equatable {
    /// λ > 0, the mean number of events per interval (scipy.stats.poisson's `mu`).
    public let lambda: Double

    /// Poisson(λ), as `scipy.stats.poisson(mu=lambda)`; traps unless lambda > 0.
    public init(lambda: Double) {
        engineRequire(lambda > 0, "poisson: lambda must be positive")
        self.lambda = lambda
    }

    /// λ.
    public var mean: Double { lambda }
    /// λ (equal to the mean).
    public var variance: Double { lambda }

    /// λᵏ·e^(−λ) / k!, in log space so that large k and λ do not overflow.
    public func pmf(_ k: Int) -> Double {
        guard k >= 0 else { return 0 }
        return exp(Double(k) * log(lambda) - lambda - lgamma(Double(k) + 1))
    }

    /// P(X ≤ k), the pmf summed over 0...k (capped at 1; 0 for k < 0), as `scipy.stats.poisson.cdf`.
    public func cdf(_ k: Int) -> Double {
        guard k >= 0 else { return 0 }
        return min(1, (0...k).reduce(0) { $0 + pmf($1) })
    }
}

/// The Poisson distribution, e.g. `poisson(lambda: 3).pmf(0)` = e⁻³.
public func poisson(lambda: Double) -> PoissonDistribution {
    PoissonDistribution(lambda: lambda)
}

// MARK: - Geometric

/// Waiting for the first success in independent trials that each succeed with probability p.
public struct GeometricDistribution: DiscreteDistribution, Equatable {
    /// What the random variable counts.
    public enum Counting: Equatable {
        /// Trials up to and including the first success: k = 1, 2, …; mean 1/p.
        case trials
        /// Failures before the first success: k = 0, 1, …; mean (1 − p)/p.
        case failures
    }

    /// Each trial's success probability, in (0, 1] (scipy.stats.geom's `p`).
    public let p: Double
    /// What X counts, `.trials` (default, scipy.stats.geom) or `.failures` (scipy's `geom(p, loc=-1)`).
    public let counting: Counting

    /// Geometric(p) counting trials (default, as `scipy.stats.geom(p)`) or failures; traps unless 0 < p ≤ 1.
    public init(p: Double, counting: Counting = .trials) {
        checkProbability(p, "geometric")
        engineRequire(p > 0, "geometric: p must be positive")
        self.p = p
        self.counting = counting
    }

    /// The number of failures that k stands for.
    private func failures(_ k: Int) -> Int { counting == .trials ? k - 1 : k }

    /// 1/p counting trials, (1 − p)/p counting failures.
    public var mean: Double { counting == .trials ? 1 / p : (1 - p) / p }
    /// The same for both countings: they differ by the constant 1.
    public var variance: Double { (1 - p) / (p * p) }

    /// (1 − p)^failures · p.
    public func pmf(_ k: Int) -> Double {
        let f = failures(k)
        return f < 0 ? 0 : pow(1 - p, Double(f)) * p
    }

    /// 1 − (1 − p)^(failures + 1).
    public func cdf(_ k: Int) -> Double {
        let f = failures(k)
        return f < 0 ? 0 : -expm1(Double(f + 1) * log1p(-p))
    }
}

/// The geometric distribution, e.g. couples having children until the first girl:
/// `geometric(p: 0.5).mean` = 2 children; `geometric(p: 0.5, counting: .failures).mean` = 1 boy.
public func geometric(p: Double, counting: GeometricDistribution.Counting = .trials) -> GeometricDistribution {
    GeometricDistribution(p: p, counting: counting)
}

// MARK: - Multinomial

/// The counts of each outcome in n independent draws, each outcome i having probability pᵢ
/// (draws with replacement). Its values are vectors, so it has no `cdf`.
public struct MultinomialDistribution: Equatable {
    /// The number of draws, n ≥ 0 (scipy.stats.multinomial's `n`).
    public let n: Int
    /// pᵢ per outcome, each in [0, 1], summing to 1; shape [nOutcomes] (scipy.stats.multinomial's `p`).
    public let probabilities: [Double]

    /// Multinomial(n, p), as `scipy.stats.multinomial(n, p)`; traps if n < 0, a pᵢ lies outside [0, 1] or
    /// they do not sum to 1 (within 1e-9).
    public init(n: Int, probabilities: [Double]) {
        engineRequire(n >= 0, "multinomial: n must be non-negative")
        probabilities.forEach { checkProbability($0, "multinomial") }
        engineRequire(abs(probabilities.reduce(0, +) - 1) < 1e-9,
                     "multinomial: probabilities must sum to 1; pass weights: to normalize counts")
        self.n = n
        self.probabilities = probabilities
    }

    /// Outcome i has probability weights[i] / Σ weights, e.g. ball counts in an urn.
    public init(n: Int, weights: [Double]) {
        engineRequire(weights.allSatisfy { $0 >= 0 } && weights.contains { $0 > 0 },
                     "multinomial: weights must be non-negative and not all zero")
        let total = weights.reduce(0, +)
        self.init(n: n, probabilities: weights.map { $0 / total })
    }

    /// P(X₁ = k₁, …, X_m = k_m) = n! / (k₁!⋯k_m!) · p₁^k₁ ⋯ p_m^k_m; 0 unless the counts sum to n.
    public func pmf(_ counts: [Int]) -> Double {
        engineRequire(counts.count == probabilities.count,
                     "multinomial: pmf needs one count per outcome (\(probabilities.count))")
        guard counts.allSatisfy({ $0 >= 0 }), counts.reduce(0, +) == n else { return 0 }
        // Multiply binomial coefficients C(remaining, kᵢ): exact while they fit.
        var remaining = n
        var probability = 1.0
        for (k, p) in zip(counts, probabilities) {
            probability *= combinationsAsDouble(n: remaining, k: k) * pow(p, Double(k))
            remaining -= k
        }
        return probability
    }

    /// E[Xᵢ] = n·pᵢ.
    public var mean: [Double] { probabilities.map { Double(n) * $0 } }
    /// Var(Xᵢ) = n·pᵢ(1 − pᵢ).
    public var variance: [Double] { probabilities.map { Double(n) * $0 * (1 - $0) } }
    /// Cov(Xᵢ, Xⱼ) = n·pᵢ(δᵢⱼ − pⱼ).
    public var covariance: [[Double]] {
        probabilities.indices.map { i in
            probabilities.indices.map { j in
                Double(n) * probabilities[i] * ((i == j ? 1 : 0) - probabilities[j])
            }
        }
    }
}

/// The multinomial distribution, e.g. three draws with replacement from an urn with
/// 2 red, 1 yellow and 3 white balls, one of each colour:
/// `multinomial(n: 3, weights: [2, 1, 3]).pmf([1, 1, 1])` = 3!·(2/6)(1/6)(3/6) = 1/6.
public func multinomial(n: Int, weights: [Double]) -> MultinomialDistribution {
    MultinomialDistribution(n: n, weights: weights)
}

/// The multinomial distribution with explicit outcome probabilities summing to 1.
public func multinomial(n: Int, probabilities: [Double]) -> MultinomialDistribution {
    MultinomialDistribution(n: n, probabilities: probabilities)
}

private func checkProbability(_ p: Double, _ name: String) {
    engineRequire(p >= 0 && p <= 1, "\(name): probability must lie in [0, 1], got \(p)")
}

/// The exact binomial test of H₀: P(success) = p, as `scipy.stats.binomtest(k, n, p=0.5)`.
///
/// The two-sided p-value sums the probabilities of all outcomes no more likely than the one
/// observed (with scipy's relative slack of 1e-7 in that comparison); one-sided ones are the
/// binomial tails P(X ≤ k) (`.less`) or P(X ≥ k) (`.greater`).
///
/// - Returns: `statistic` k/n (scipy's `statistic`, the observed proportion) and `pvalue`.
/// - Precondition: 0 ≤ k ≤ n, n ≥ 1, 0 ≤ p ≤ 1.
public func binomtest(_ k: Int, n: Int, p: Double = 0.5, alternative: Alternative = .twoSided) -> TestResult {
    precondition(n >= 1 && k >= 0 && k <= n, "binomtest: needs 0 ≤ k ≤ n and n ≥ 1, got k = \(k), n = \(n)")
    precondition(p >= 0 && p <= 1, "binomtest: p must lie in [0, 1], got \(p)")
    let distribution = BinomialDistribution(n: n, p: p)
    let pvalue: Double
    switch alternative {
    case .less: pvalue = distribution.cdf(k)
    case .greater: pvalue = (k...n).reduce(0) { $0 + distribution.pmf($1) }
    case .twoSided:
        let observed = distribution.pmf(k) * (1 + 1e-7)
        pvalue = Swift.min(1, (0...n).reduce(0) { sum, i in
            let q = distribution.pmf(i)
            return q <= observed ? sum + q : sum
        })
    }
    return TestResult(statistic: Double(k) / Double(n), pvalue: pvalue)
}

import Foundation

/// The number of ways to choose k of n items, order ignored: C(n, k) = n! / (k!(n − k)!),
/// e.g. `combinations(n: 5, k: 2)` = 10.
///
/// Exact integer arithmetic; stops with a message when the result does not fit in `Int`
/// (from about n = 67) — use `logCombinations` there.
public func combinations(n: Int, k: Int) -> Int {
    guard let exact = exactCombinations(n: n, k: k) else {
        engineFailure("combinations(n: \(n), k: \(k)) overflows Int; use logCombinations")
    }
    return exact
}

/// The number of ordered arrangements of k of n items: n! / (n − k)!,
/// e.g. `permutations(n: 5, k: 2)` = 20. Exact; see `logPermutations` for large n.
public func permutations(n: Int, k: Int) -> Int {
    guard let exact = exactPermutations(n: n, k: k) else {
        engineFailure("permutations(n: \(n), k: \(k)) overflows Int; use logPermutations")
    }
    return exact
}

/// log C(n, k) through log-gamma, for any size of n.
public func logCombinations(n: Int, k: Int) -> Double {
    checkCounts(n: n, k: k)
    return lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
}

/// log(n! / (n − k)!) through log-gamma, for any size of n.
public func logPermutations(n: Int, k: Int) -> Double {
    checkCounts(n: n, k: k)
    return lgamma(Double(n) + 1) - lgamma(Double(n - k) + 1)
}

/// C(n, k) as a `Double`: exact while the integer fits, log-gamma beyond.
func combinationsAsDouble(n: Int, k: Int) -> Double {
    exactCombinations(n: n, k: k).map(Double.init) ?? exp(logCombinations(n: n, k: k))
}

private func checkCounts(n: Int, k: Int) {
    engineRequire(n >= 0 && k >= 0 && k <= n, "need 0 ≤ k ≤ n, got n = \(n), k = \(k)")
}

/// nil on overflow.
private func exactCombinations(n: Int, k: Int) -> Int? {
    checkCounts(n: n, k: k)
    let k = min(k, n - k)
    var result = 1
    for i in 0..<k {
        // C(n, i + 1) = C(n, i)·(n − i)/(i + 1). With g = gcd(C(n, i), i + 1), the rest of
        // the divisor, (i + 1)/g, is coprime to C(n, i)/g and so divides (n − i): dividing
        // first means only the final value can overflow.
        let g = gcd(result, i + 1)
        let (product, overflow) = (result / g).multipliedReportingOverflow(by: (n - i) / ((i + 1) / g))
        if overflow { return nil }
        result = product
    }
    return result
}

private func exactPermutations(n: Int, k: Int) -> Int? {
    checkCounts(n: n, k: k)
    var result = 1
    for factor in stride(from: n, to: n - k, by: -1) {
        let (product, overflow) = result.multipliedReportingOverflow(by: factor)
        if overflow { return nil }
        result = product
    }
    return result
}

private func gcd(_ a: Int, _ b: Int) -> Int {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a
}

// MARK: - Bayes' rule

/// Bayes' rule, P(A | B) = P(B | A)·P(A) / P(B),
/// e.g. `bayesPosterior(prior: 0.01, likelihood: 0.9, evidence: 0.0585)`.
public func bayesPosterior(prior: Double, likelihood: Double, evidence: Double) -> Double {
    likelihood * prior / evidence
}

/// Bayes' rule with the evidence expanded by total probability,
/// P(B) = P(B | A)·P(A) + P(B | ¬A)·(1 − P(A)). For a medical test:
/// `bayesPosterior(prior: 0.01, likelihood: 0.9, likelihoodIfNot: 0.05)` (sensitivity 0.9,
/// false-positive rate 0.05) ≈ 0.154.
public func bayesPosterior(prior: Double, likelihood: Double, likelihoodIfNot: Double) -> Double {
    bayesPosterior(priors: [prior, 1 - prior], likelihoods: [likelihood, likelihoodIfNot])[0]
}

/// Bayes' rule over several exclusive, exhaustive hypotheses: the posteriors
/// P(Hᵢ | B) = P(B | Hᵢ)·P(Hᵢ) / Σⱼ P(B | Hⱼ)·P(Hⱼ).
public func bayesPosterior(priors: [Double], likelihoods: [Double]) -> [Double] {
    engineRequire(priors.count == likelihoods.count, "bayesPosterior: one likelihood per prior")
    let joint = zip(priors, likelihoods).map { $0 * $1 }
    let evidence = joint.reduce(0, +)
    return joint.map { $0 / evidence }
}

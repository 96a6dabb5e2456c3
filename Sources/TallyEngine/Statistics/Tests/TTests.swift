import Foundation

/// The two-sample t test for the means of two independent samples, as
/// `scipy.stats.ttest_ind(a, b, equal_var=True, alternative="two-sided")`.
///
/// - `equalVar: true` (default): Student's test, pooled variance, df = n₁ + n₂ − 2.
/// - `equalVar: false`: Welch's test, variance s₁²/n₁ + s₂²/n₂ and the Welch–Satterthwaite df.
/// - Returns: t = (x̄₁ − x̄₂)/SE, its p-value from Student's t distribution, and df.
/// - Precondition: each sample has at least two values.
public func ttestInd(_ a: [Double], _ b: [Double], equalVar: Bool = true,
                     alternative: Alternative = .twoSided) -> TestResult {
    precondition(a.count >= 2 && b.count >= 2,
                 "ttestInd: each sample needs at least two values, got \(a.count) and \(b.count)")
    let (n1, n2) = (Double(a.count), Double(b.count))
    let (v1, v2) = (sampleVariance(a), sampleVariance(b))
    let df: Double, standardError: Double
    if equalVar {
        df = n1 + n2 - 2
        standardError = (((n1 - 1) * v1 + (n2 - 1) * v2) / df * (1 / n1 + 1 / n2)).squareRoot()
    } else {
        let (w1, w2) = (v1 / n1, v2 / n2)
        df = (w1 + w2) * (w1 + w2) / (w1 * w1 / (n1 - 1) + w2 * w2 / (n2 - 1))
        standardError = (w1 + w2).squareRoot()
    }
    return tTest(difference: mean(a) - mean(b), standardError: standardError, df: df, alternative)
}

/// The paired t test, as `scipy.stats.ttest_rel(a, b)`: the one-sample t test of the
/// differences aᵢ − bᵢ against 0 (df = n − 1).
/// - Precondition: equal lengths, at least two pairs.
public func ttestRel(_ a: [Double], _ b: [Double], alternative: Alternative = .twoSided) -> TestResult {
    precondition(a.count == b.count, "ttestRel: the samples must pair up, got \(a.count) and \(b.count) values")
    return ttest1samp(zip(a, b).map { $0 - $1 }, popmean: 0, alternative: alternative)
}

/// The one-sample t test of the mean against `popmean`, as `scipy.stats.ttest_1samp(a, popmean)`:
/// t = (x̄ − μ₀)/(s/√n), df = n − 1.
/// - Precondition: at least two values.
public func ttest1samp(_ a: [Double], popmean: Double, alternative: Alternative = .twoSided) -> TestResult {
    precondition(a.count >= 2, "ttest1samp: needs at least two values, got \(a.count)")
    let n = Double(a.count)
    return tTest(difference: mean(a) - popmean, standardError: (sampleVariance(a) / n).squareRoot(),
                 df: n - 1, alternative)
}

private func tTest(difference: Double, standardError: Double, df: Double, _ alternative: Alternative) -> TestResult {
    let t = difference / standardError
    return TestResult(statistic: t, pvalue: symmetricPValue(t, alternative) { studentTCDF($0, degreesOfFreedom: df) },
                      df: df)
}

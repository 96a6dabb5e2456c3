/// The z test for a mean, or for the difference of two means, with the variance estimated from
/// the data, as `statsmodels.stats.weightstats.ztest(x1, x2=None, value=0, usevar="pooled", ddof=1)`
/// (scipy has no z test). Its semantics:
///
/// - one sample: z = (x̄₁ − value) / √(v₁/(n₁ − 1)), v being the population variance (ddof 0),
///   i.e. the usual s/√n with the sample standard deviation;
/// - two samples, `usevar: "pooled"` (default): z = (x̄₁ − x̄₂ − value) / √(σ²·(1/n₁ + 1/n₂)) with
///   σ² = (n₁v₁ + n₂v₂)/(n₁ + n₂ − 2); `"unequal"`: √(v₁/(n₁ − 1) + v₂/(n₂ − 1)) instead;
/// - the p-value from the standard normal distribution (statsmodels' "larger"/"smaller" are
///   `.greater`/`.less`).
///
/// - Returns: `statistic` z and `pvalue` (df nil).
/// - Precondition: at least two values per sample; `usevar` is "pooled" or "unequal".
public func ztest(_ x1: [Double], _ x2: [Double]? = nil, value: Double = 0, alternative: Alternative = .twoSided,
                  usevar: String = "pooled") -> TestResult {
    precondition(usevar == "pooled" || usevar == "unequal", "ztest: usevar must be \"pooled\" or \"unequal\", got \"\(usevar)\"")
    precondition(x1.count >= 2 && (x2?.count ?? 2) >= 2, "ztest: each sample needs at least two values")
    let n1 = Double(x1.count)
    let v1 = populationVariance(x1)
    var difference = mean(x1) - value
    var variance = v1 / (n1 - 1)
    if let x2 {
        let n2 = Double(x2.count)
        let v2 = populationVariance(x2)
        difference -= mean(x2)
        variance = usevar == "pooled"
            ? (n1 * v1 + n2 * v2) / (n1 + n2 - 2) * (1 / n1 + 1 / n2)
            : v1 / (n1 - 1) + v2 / (n2 - 1)
    }
    let z = difference / variance.squareRoot()
    return TestResult(statistic: z, pvalue: symmetricPValue(z, alternative, cdf: normalCDF))
}

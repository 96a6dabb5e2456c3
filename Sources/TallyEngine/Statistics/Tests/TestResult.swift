/// The result of a hypothesis test, with scipy.stats' field names: the test statistic, its
/// p-value and, for t tests, the degrees of freedom.
public struct TestResult: Equatable, CustomStringConvertible {
    /// The test statistic (t, z, χ², r, ρ or the observed proportion, as the test says).
    public let statistic: Double
    /// The probability, under the null hypothesis, of a statistic at least as extreme.
    public let pvalue: Double
    /// Degrees of freedom of the reference distribution (t and χ² tests), else nil.
    public let df: Double?

    /// Wraps a test's statistic, p-value and (default nil) degrees of freedom as given; does not trap.
    /// Mirrors the result objects of `scipy.stats` tests (`TtestResult`, …).
    public init(statistic: Double, pvalue: Double, df: Double? = nil) {
        self.statistic = statistic
        self.pvalue = pvalue
        self.df = df
    }

    /// E.g. "statistic 2.31, p-value 0.0342, df 18".
    public var description: String {
        "statistic \(statistic), p-value \(pvalue)" + (df.map { ", df \($0)" } ?? "")
    }
}

/// Which alternative hypothesis a test weighs the data against, as scipy.stats' `alternative`:
/// `twoSided` ("two-sided", the default), `less` (the statistic's true value is below the null
/// value) or `greater`. statsmodels calls the one-sided ones "smaller" and "larger".
public enum Alternative: String, Sendable {
    /// `twoSided` ("two-sided", the default): the true value differs from the null value either way;
    /// `less`: it is below; `greater`: it is above. Mirrors scipy.stats' `alternative=` strings.
    case twoSided = "two-sided", less, greater
}

/// The p-value of a statistic whose null distribution has CDF `cdf` and is symmetric about 0.
func symmetricPValue(_ statistic: Double, _ alternative: Alternative, cdf: (Double) -> Double) -> Double {
    switch alternative {
    case .twoSided: return Swift.min(1, 2 * cdf(-Swift.abs(statistic)))
    case .less: return cdf(statistic)
    case .greater: return cdf(-statistic)
    }
}

/// The result of `chi2Contingency`, with scipy's field names.
public struct Chi2ContingencyResult {
    /// Pearson's χ² statistic (with Yates' correction when it applied).
    public let statistic: Double
    /// The χ² survival function at `statistic` with `dof` degrees of freedom, in [0, 1]; 1 when dof = 0
    /// (scipy's `pvalue`).
    public let pvalue: Double
    /// Degrees of freedom (r − 1)(c − 1).
    public let dof: Int
    /// The expected frequencies under independence, rowᵢ·colⱼ/total, shape [r, c].
    public let expectedFreq: [[Double]]
}

/// Pearson's χ² test of independence of the rows and columns of a contingency table, as
/// `scipy.stats.chi2_contingency(observed, correction=True)`.
///
/// With `correction` (default true) and one degree of freedom (a 2×2 table), Yates' continuity
/// correction moves each observed count 0.5 towards its expected count (no further than it), as
/// scipy does. The p-value is the χ² survival function at the statistic with `dof` degrees of
/// freedom; with dof = 0 the statistic is 0 and the p-value 1.
///
/// - Parameter observed: r rows of c non-negative counts.
/// - Precondition: a rectangular table with no negative count and no zero expected frequency
///   (traps naming the shape).
public func chi2Contingency(_ observed: [[Double]], correction: Bool = true) -> Chi2ContingencyResult {
    let r = observed.count, c = observed.first?.count ?? 0
    engineRequire(r > 0 && c > 0 && observed.allSatisfy { $0.count == c },
                 "chi2Contingency: expected a rectangular table, got rows of lengths \(observed.map(\.count))")
    engineRequire(observed.allSatisfy { $0.allSatisfy { $0 >= 0 } }, "chi2Contingency: counts must not be negative")
    let rowSums = observed.map { $0.reduce(0, +) }
    let columnSums = (0..<c).map { j in observed.reduce(0) { $0 + $1[j] } }
    let total = rowSums.reduce(0, +)
    let expected = rowSums.map { row in columnSums.map { row * $0 / total } }
    engineRequire(expected.allSatisfy { $0.allSatisfy { $0 > 0 } },
                 "chi2Contingency: the table of shape [\(r), \(c)] has a zero expected frequency (a row or column of zeros)")
    let dof = (r - 1) * (c - 1)
    guard dof > 0 else { return Chi2ContingencyResult(statistic: 0, pvalue: 1, dof: 0, expectedFreq: expected) }
    var statistic = 0.0
    for i in 0..<r {
        for j in 0..<c {
            var o = observed[i][j]
            let e = expected[i][j]
            if correction && dof == 1 {
                let d = e - o
                o += (d > 0 ? 1 : (d < 0 ? -1 : 0)) * Swift.min(0.5, Swift.abs(d))
            }
            statistic += (o - e) * (o - e) / e
        }
    }
    return Chi2ContingencyResult(statistic: statistic, pvalue: chiSquaredSF(statistic, degreesOfFreedom: Double(dof)),
                                 dof: dof, expectedFreq: expected)
}

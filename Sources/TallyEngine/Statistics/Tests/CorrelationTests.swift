/// Pearson's correlation coefficient r with the p-value of H₀: ρ = 0, as `scipy.stats.pearsonr(x, y)`.
///
/// The p-value is exact for normal data: under H₀, (r + 1)/2 follows Beta(n/2 − 1, n/2 − 1).
/// - Returns: `statistic` r in [−1, 1] and `pvalue`.
/// - Precondition: equal lengths, at least 3 pairs, neither sample constant.
public func pearsonr(_ x: [Double], _ y: [Double], alternative: Alternative = .twoSided) -> TestResult {
    precondition(x.count == y.count, "pearsonr: x and y must have the same length, got \(x.count) and \(y.count)")
    precondition(x.count >= 3, "pearsonr: needs at least 3 pairs, got \(x.count)")
    let (mx, my) = (mean(x), mean(y))
    let dx = x.map { $0 - mx }, dy = y.map { $0 - my }
    let (nx, ny) = (dx.reduce(0) { $0 + $1 * $1 }.squareRoot(), dy.reduce(0) { $0 + $1 * $1 }.squareRoot())
    precondition(nx > 0 && ny > 0, "pearsonr: a constant input has no correlation")
    let r = Swift.max(-1, Swift.min(1, zip(dx, dy).reduce(0) { $0 + ($1.0 / nx) * ($1.1 / ny) }))
    let ab = Double(x.count) / 2 - 1
    // P(R ≤ r) = I_{(1+r)/2}(ab, ab), a symmetric law on [−1, 1].
    let cdf = { (r: Double) in regularizedIncompleteBeta(a: ab, b: ab, x: Swift.max(0, Swift.min(1, (1 + r) / 2))) }
    return TestResult(statistic: r, pvalue: symmetricPValue(r, alternative, cdf: cdf))
}

/// Spearman's rank correlation ρ with its p-value, as `scipy.stats.spearmanr(x, y)`: Pearson's
/// r of the ranks (ties get their average rank), and the p-value of t = ρ·√((n − 2)/(1 − ρ²))
/// under Student's t with n − 2 degrees of freedom, as scipy computes it.
/// - Precondition: equal lengths, at least 3 pairs.
public func spearmanr(_ x: [Double], _ y: [Double], alternative: Alternative = .twoSided) -> TestResult {
    precondition(x.count == y.count, "spearmanr: x and y must have the same length, got \(x.count) and \(y.count)")
    precondition(x.count >= 3, "spearmanr: needs at least 3 pairs, got \(x.count)")
    let rho = pearsonr(rankdata(x), rankdata(y)).statistic
    let df = Double(x.count - 2)
    let t = rho * (df / ((rho + 1) * (1 - rho))).squareRoot()
    return TestResult(statistic: rho, pvalue: symmetricPValue(t, alternative) { studentTCDF($0, degreesOfFreedom: df) })
}

/// The ranks 1…n of the values, ties sharing their average rank, as `scipy.stats.rankdata`
/// (method "average").
public func rankdata(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
        var end = start
        while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
        let average = Double(start + end) / 2 + 1
        for i in start...end { ranks[order[i]] = average }
        start = end + 1
    }
    return ranks
}

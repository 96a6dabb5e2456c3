/// A two-sided confidence interval for a binomial proportion `count`/`nobs`, as
/// `statsmodels.stats.proportion.proportion_confint(count, nobs, alpha=0.05, method="normal")`.
///
/// - `method: "normal"` (default): the normal approximation (Wald) q̂ ± z·√(q̂(1 − q̂)/n),
///   not clipped to [0, 1], as statsmodels;
/// - `method: "wilson"`: Wilson's score interval, (q̂ + z²/2n ± z·√(q̂(1 − q̂)/n + z²/4n²)) / (1 + z²/n).
/// - Returns: a `ConfidenceInterval` with level 1 − alpha.
/// - Precondition: 0 ≤ count ≤ nobs, nobs ≥ 1, 0 < alpha < 1, a known method.
public func proportionConfint(count: Int, nobs: Int, alpha: Double = 0.05, method: String = "normal") -> ConfidenceInterval {
    precondition(nobs >= 1 && count >= 0 && count <= nobs,
                 "proportionConfint: needs 0 ≤ count ≤ nobs and nobs ≥ 1, got count \(count), nobs \(nobs)")
    precondition(alpha > 0 && alpha < 1, "proportionConfint: alpha must lie strictly between 0 and 1, got \(alpha)")
    let n = Double(nobs), q = Double(count) / n
    let z = normalQuantile(1 - alpha / 2)
    switch method {
    case "normal":
        let margin = z * (q * (1 - q) / n).squareRoot()
        return ConfidenceInterval(lower: q - margin, upper: q + margin, level: 1 - alpha)
    case "wilson":
        let z2 = z * z
        let denominator = 1 + z2 / n
        let center = (q + z2 / (2 * n)) / denominator
        let margin = z * (q * (1 - q) / n + z2 / (4 * n * n)).squareRoot() / denominator
        return ConfidenceInterval(lower: center - margin, upper: center + margin, level: 1 - alpha)
    default:
        preconditionFailure("proportionConfint: method must be \"normal\" or \"wilson\", got \"\(method)\"")
    }
}

/// Statistical power and sample size of the two-sample t test, as statsmodels'
/// `statsmodels.stats.power.TTestIndPower` (effect size = Cohen's d, the difference of the means
/// in units of the common standard deviation).
///
///     TTestIndPower().power(effectSize: 0.5, nobs1: 64, alpha: 0.05)          // ≈ 0.80
///     TTestIndPower().solvePower(effectSize: 0.5, alpha: 0.05, power: 0.8)    // ≈ 63.77 per group
public struct TTestIndPower {
    /// A power calculator for the two-sample t test; it has no settings (statsmodels' `TTestIndPower()`).
    public init() {}

    /// The probability of rejecting H₀ at level `alpha` when the true effect is `effectSize`,
    /// with `nobs1` observations in the first group and `ratio`·`nobs1` in the second.
    ///
    /// statsmodels' formula: df = n₁ + n₂ − 2, noncentrality δ = d·√(n₁n₂/(n₁ + n₂)); two-sided
    /// power = P(T > t₁₋α/₂) + P(T < tα/₂) for T noncentral t(df, δ); `.greater` only the first
    /// term with α, `.less` only the second.
    /// - Precondition: nobs1 > 1, ratio > 0, 0 < alpha < 1.
    public func power(effectSize: Double, nobs1: Double, alpha: Double = 0.05, ratio: Double = 1,
                      alternative: Alternative = .twoSided) -> Double {
        engineRequire(nobs1 > 1 && ratio > 0, "TTestIndPower.power: needs nobs1 > 1 and ratio > 0, got \(nobs1), \(ratio)")
        engineRequire(alpha > 0 && alpha < 1, "TTestIndPower.power: alpha must lie strictly between 0 and 1, got \(alpha)")
        let nobs2 = nobs1 * ratio
        let df = nobs1 + nobs2 - 2
        let nc = effectSize * (1 / (1 / nobs1 + 1 / nobs2)).squareRoot()
        let tailAlpha = alternative == .twoSided ? alpha / 2 : alpha
        var power = 0.0
        if alternative != .less {
            let critical = studentTQuantile(1 - tailAlpha, degreesOfFreedom: df)
            power += 1 - noncentralTCDF(critical, degreesOfFreedom: df, noncentrality: nc)
        }
        if alternative != .greater {
            let critical = studentTQuantile(tailAlpha, degreesOfFreedom: df)
            power += noncentralTCDF(critical, degreesOfFreedom: df, noncentrality: nc)
        }
        return power
    }

    /// The number of observations in the first group (not rounded: round up for a design) at
    /// which the test reaches `power`, as `TTestIndPower().solve_power(effect_size, nobs1=None,
    /// alpha, power, ratio)`. Bisection on the increasing `power(nobs1:)` to 1e-12 relative.
    /// - Precondition: effectSize ≠ 0 and alpha < power < 1 (else no finite size exists).
    public func solvePower(effectSize: Double, alpha: Double = 0.05, power target: Double, ratio: Double = 1,
                           alternative: Alternative = .twoSided) -> Double {
        engineRequire(effectSize != 0 && target > alpha && target < 1,
                     "TTestIndPower.solvePower: needs effectSize ≠ 0 and alpha < power < 1")
        let f = { (n: Double) in self.power(effectSize: effectSize, nobs1: n, alpha: alpha, ratio: ratio,
                                             alternative: alternative) - target }
        var low = 1.0 + 1e-9, high = 2.0
        while f(high) < 0 { low = high; high *= 2 }
        while high - low > 1e-12 * high {
            let mid = (low + high) / 2
            if f(mid) < 0 { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}

import Foundation

/// A two-sided confidence interval for a mean.
public struct ConfidenceInterval: Equatable, CustomStringConvertible {
    /// The lower bound, in the units of the data (scipy's `ConfidenceInterval.low`).
    public let lower: Double
    /// The upper bound, in the units of the data (scipy's `ConfidenceInterval.high`).
    public let upper: Double
    /// The confidence level, e.g. 0.95.
    public let level: Double

    /// The interval [lower, upper] at confidence `level` (in (0, 1)), stored as given without checks;
    /// as scipy.stats' `ConfidenceInterval(low, high)`.
    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// The midpoint (lower + upper)/2: the point estimate the interval is built around.
    public var center: Double { (lower + upper) / 2 }
    /// Half the width: the "±" part.
    public var marginOfError: Double { (upper - lower) / 2 }

    /// Whether lower ≤ value ≤ upper (both ends included).
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }

    /// Six significant digits, e.g. "95% CI [3.21251, 6.78749]".
    public var description: String {
        String(format: "%g%% CI [%g, %g]", level * 100, lower, upper)
    }
}

/// A z interval: mean ± z·σ/√n, for a known population standard deviation σ,
/// e.g. `zConfidenceInterval(mean: 100, standardDeviation: 15, count: 36)` = [95.1, 104.9].
public func zConfidenceInterval(mean: Double, standardDeviation sigma: Double, count: Int,
                                level: Double = 0.95) -> ConfidenceInterval {
    interval(mean: mean, standardError: sigma / Double(count).squareRoot(),
             critical: normalQuantile(upperQuantile(level)), level: level)
}

/// A z interval around the sample's mean, for a known population standard deviation σ.
public func zConfidenceInterval(_ sample: [Double], standardDeviation sigma: Double,
                                level: Double = 0.95) -> ConfidenceInterval {
    zConfidenceInterval(mean: mean(sample), standardDeviation: sigma, count: sample.count, level: level)
}

/// A t interval: x̄ ± t(n−1)·s/√n, for an unknown population standard deviation
/// estimated by the sample standard deviation s.
public func tConfidenceInterval(mean: Double, standardDeviation s: Double, count: Int,
                                level: Double = 0.95) -> ConfidenceInterval {
    engineRequire(count >= 2, "tConfidenceInterval: needs at least two observations")
    let t = studentTQuantile(upperQuantile(level), degreesOfFreedom: Double(count - 1))
    return interval(mean: mean, standardError: s / Double(count).squareRoot(), critical: t, level: level)
}

/// A t interval around the sample's mean, e.g. `tConfidenceInterval(heights, level: 0.99)`.
public func tConfidenceInterval(_ sample: [Double], level: Double = 0.95) -> ConfidenceInterval {
    tConfidenceInterval(mean: mean(sample), standardDeviation: sampleStandardDeviation(sample),
                        count: sample.count, level: level)
}

/// The quantile that leaves (1 − level)/2 in the upper tail.
private func upperQuantile(_ level: Double) -> Double {
    engineRequire(level > 0 && level < 1, "confidence level must lie strictly between 0 and 1, got \(level)")
    return 1 - (1 - level) / 2
}

private func interval(mean: Double, standardError: Double, critical: Double,
                      level: Double) -> ConfidenceInterval {
    ConfidenceInterval(lower: mean - critical * standardError,
                       upper: mean + critical * standardError, level: level)
}

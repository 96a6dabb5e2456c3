import Foundation

// Descriptive statistics on plain arrays. Empty input is a programming error in a note,
// so these stop with a message rather than return NaN that would flow on silently.

/// The arithmetic mean, e.g. `mean([1, 2, 3, 4])` = 2.5.
public func mean(_ values: [Double]) -> Double {
    engineRequire(!values.isEmpty, "mean: the array is empty")
    return values.reduce(0, +) / Double(values.count)
}

/// The median: the middle value, or the mean of the two middle values for an even count.
public func median(_ values: [Double]) -> Double {
    engineRequire(!values.isEmpty, "median: the array is empty")
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// All most frequent values, in increasing order, e.g. `modes([1, 1, 2, 2, 3])` = [1, 2].
public func modes<Value: Hashable & Comparable>(_ values: [Value]) -> [Value] {
    engineRequire(!values.isEmpty, "modes: the array is empty")
    var counts: [Value: Int] = [:]
    for value in values { counts[value, default: 0] += 1 }
    let highest = counts.values.max()!
    return counts.filter { $0.value == highest }.map(\.key).sorted()
}

/// The most frequent value; when several tie, the smallest of them (see `modes`).
public func mode<Value: Hashable & Comparable>(_ values: [Value]) -> Value {
    modes(values)[0]
}

/// Population variance σ² = Σ(x − μ)² / n: the data is the whole population.
public func populationVariance(_ values: [Double]) -> Double {
    sumOfSquaredDeviations(values) / Double(values.count)
}

/// Sample variance s² = Σ(x − x̄)² / (n − 1): the unbiased estimate from a sample
/// (Bessel's correction; numpy's `var(ddof=1)`).
public func sampleVariance(_ values: [Double]) -> Double {
    engineRequire(values.count >= 2, "sampleVariance: needs at least two values")
    return sumOfSquaredDeviations(values) / Double(values.count - 1)
}

/// Population standard deviation σ = √(populationVariance).
public func populationStandardDeviation(_ values: [Double]) -> Double {
    populationVariance(values).squareRoot()
}

/// Sample standard deviation s = √(sampleVariance).
///
/// Standard deviation versus standard error: the standard deviation describes the spread
/// of the individual values and does not shrink as you collect more of them; the standard
/// error `s / √n` describes the spread of the *sample mean* across repeated samples and
/// shrinks with √n. Use the standard deviation to describe data and the standard error
/// to say how precisely the mean is known (confidence intervals).
public func sampleStandardDeviation(_ values: [Double]) -> Double {
    sampleVariance(values).squareRoot()
}

/// The standard error of the mean, s / √n, with s the sample standard deviation.
/// See `sampleStandardDeviation` for how it differs from the standard deviation.
public func standardError(_ values: [Double]) -> Double {
    sampleStandardDeviation(values) / Double(values.count).squareRoot()
}

/// Population covariance Σ(x − x̄)(y − ȳ) / n.
public func populationCovariance(_ x: [Double], _ y: [Double]) -> Double {
    sumOfCrossDeviations(x, y) / Double(x.count)
}

/// Sample covariance Σ(x − x̄)(y − ȳ) / (n − 1) (numpy's `cov` default).
public func sampleCovariance(_ x: [Double], _ y: [Double]) -> Double {
    engineRequire(x.count >= 2, "sampleCovariance: needs at least two pairs")
    return sumOfCrossDeviations(x, y) / Double(x.count - 1)
}

/// Pearson's correlation coefficient r in [−1, 1]; NaN when either variable is constant.
public func correlation(_ x: [Double], _ y: [Double]) -> Double {
    sumOfCrossDeviations(x, y)
        / (sumOfSquaredDeviations(x) * sumOfSquaredDeviations(y)).squareRoot()
}

// Two passes (mean first) avoid the cancellation of Σx² − n·x̄².
private func sumOfSquaredDeviations(_ values: [Double]) -> Double {
    let center = mean(values)
    return values.reduce(0) { $0 + ($1 - center) * ($1 - center) }
}

private func sumOfCrossDeviations(_ x: [Double], _ y: [Double]) -> Double {
    engineRequire(x.count == y.count, "covariance: the arrays differ in length (\(x.count) and \(y.count))")
    let meanX = mean(x), meanY = mean(y)
    return zip(x, y).reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
}

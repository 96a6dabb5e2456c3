/// A bootstrap percentile confidence interval for `statistic` of a sample, by the rule of
/// `scipy.stats.bootstrap(method="percentile")`: the statistic of each resample (the sample
/// drawn with replacement, same size), then the (1 − level)/2 and (1 + level)/2 percentiles of
/// those values, interpolated linearly as `numpy.percentile`.
///
/// Seeded: resample r takes indices from `RandomGenerator(seed:)`'s `integer(below: n)` stream,
/// n at a time, so a seed gives the same interval everywhere (scipy's own stream differs).
///
/// - Parameters: `nResamples` default 9999 and `confidenceLevel` 0.95 (scipy's defaults).
/// - Precondition: a non-empty sample, nResamples ≥ 1, 0 < confidenceLevel < 1.
public func bootstrap(_ data: [Double], statistic: ([Double]) -> Double, confidenceLevel: Double = 0.95,
                      nResamples: Int = 9999, seed: UInt64) -> ConfidenceInterval {
    precondition(!data.isEmpty && nResamples >= 1, "bootstrap: needs a non-empty sample and nResamples ≥ 1")
    var rng = RandomGenerator(seed: seed)
    let indices = (0..<nResamples).map { _ in (0..<data.count).map { _ in rng.integer(below: data.count) } }
    return bootstrap(data, statistic: statistic, confidenceLevel: confidenceLevel, resampleIndices: indices)
}

/// The same interval from given resamples: `resampleIndices[r]` lists the positions in `data`
/// that resample r draws (for comparison with a reference computed on the same resamples).
public func bootstrap(_ data: [Double], statistic: ([Double]) -> Double, confidenceLevel: Double = 0.95,
                      resampleIndices: [[Int]]) -> ConfidenceInterval {
    precondition(confidenceLevel > 0 && confidenceLevel < 1,
                 "bootstrap: confidenceLevel must lie strictly between 0 and 1, got \(confidenceLevel)")
    precondition(!resampleIndices.isEmpty, "bootstrap: needs at least one resample")
    let values = resampleIndices.map { indices in statistic(indices.map { data[$0] }) }.sorted()
    let tail = (1 - confidenceLevel) / 2
    return ConfidenceInterval(lower: linearPercentile(values, tail), upper: linearPercentile(values, 1 - tail),
                              level: confidenceLevel)
}

/// numpy.percentile's default ("linear") rule on sorted values, q in [0, 1].
func linearPercentile(_ sorted: [Double], _ q: Double) -> Double {
    let position = q * Double(sorted.count - 1)
    let below = Int(position.rounded(.down))
    let above = Swift.min(below + 1, sorted.count - 1)
    let fraction = position - Double(below)
    return sorted[below] + fraction * (sorted[above] - sorted[below])
}

import Foundation

/// The regularized lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a), for a > 0, x ≥ 0.
///
/// Its series for x < a + 1 and the continued fraction for Q = 1 − P otherwise (Numerical
/// Recipes §6.2), each to full double precision, limited (about 1e-14 relative) by the
/// prefactor's log-gamma.
public func regularizedGammaP(a: Double, x: Double) -> Double {
    precondition(a > 0 && x >= 0, "regularizedGammaP: needs a > 0 and x ≥ 0, got a = \(a), x = \(x)")
    if x == 0 { return 0 }
    return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x)
}

/// The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x), computed directly in
/// the upper tail so that small values keep their relative precision.
public func regularizedGammaQ(a: Double, x: Double) -> Double {
    precondition(a > 0 && x >= 0, "regularizedGammaQ: needs a > 0 and x ≥ 0, got a = \(a), x = \(x)")
    if x == 0 { return 1 }
    return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x)
}

/// P(X > x) for X ~ χ²(k), as `scipy.stats.chi2.sf(x, k)`: Q(k/2, x/2).
public func chiSquaredSF(_ x: Double, degreesOfFreedom k: Double) -> Double {
    precondition(k > 0, "chiSquaredSF: degrees of freedom must be positive, got \(k)")
    return x <= 0 ? 1 : regularizedGammaQ(a: k / 2, x: x / 2)
}

/// P(X ≤ x) for X ~ χ²(k), as `scipy.stats.chi2.cdf(x, k)`.
public func chiSquaredCDF(_ x: Double, degreesOfFreedom k: Double) -> Double {
    precondition(k > 0, "chiSquaredCDF: degrees of freedom must be positive, got \(k)")
    return x <= 0 ? 0 : regularizedGammaP(a: k / 2, x: x / 2)
}

private func gammaPrefactor(_ a: Double, _ x: Double) -> Double { exp(-x + a * log(x) - lgamma(a)) }

private func gammaSeries(_ a: Double, _ x: Double) -> Double {
    var term = 1 / a, sum = term, ap = a
    for _ in 0..<100_000 {
        ap += 1
        term *= x / ap
        sum += term
        if Swift.abs(term) < Swift.abs(sum) * 1e-17 { break }
    }
    return sum * gammaPrefactor(a, x)
}

private func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
    let tiny = 1e-300
    var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
    for i in 1...100_000 {
        let an = -Double(i) * (Double(i) - a)
        b += 2
        d = an * d + b
        if Swift.abs(d) < tiny { d = tiny }
        c = b + an / c
        if Swift.abs(c) < tiny { c = tiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if Swift.abs(delta - 1) < 1e-16 { break }
    }
    return gammaPrefactor(a, x) * h
}

import Foundation

/// P(T ≤ t) for the noncentral t distribution with ν degrees of freedom and noncentrality δ,
/// as `scipy.stats.nct.cdf(t, ν, δ)`.
///
/// Lenth's algorithm AS 243 (Applied Statistics 38, 1989): a Poisson-weighted series of
/// incomplete beta functions, summed until its error bound is below 1e-15; for t < 0 the
/// identity F(t; ν, δ) = 1 − F(−t; ν, −δ). Accurate to about 1e-12 relative for moderate δ.
public func noncentralTCDF(_ t: Double, degreesOfFreedom nu: Double, noncentrality delta: Double) -> Double {
    precondition(nu > 0, "noncentralTCDF: degrees of freedom must be positive, got \(nu)")
    if t.isNaN { return .nan }
    if t == .infinity { return 1 }
    if t == -.infinity { return 0 }
    let negative = t < 0
    let (tt, del) = negative ? (-t, -delta) : (t, delta)
    let x = tt * tt / (tt * tt + nu)
    var value = 0.0
    if x > 0 {
        let lambda = del * del
        var p = 0.5 * exp(-0.5 * lambda)
        var q = (2 / Double.pi).squareRoot() * p * del
        var s = 0.5 - p
        var a = 0.5
        let b = 0.5 * nu
        let rxb = pow(1 - x, b)
        let logBetaHalf = 0.5 * log(Double.pi) + lgamma(b) - lgamma(0.5 + b)
        var xOdd = regularizedIncompleteBeta(a: a, b: b, x: x)
        var gOdd = 2 * rxb * exp(a * log(x) - logBetaHalf)
        var xEven = 1 - rxb
        var gEven = b * x * rxb
        value = p * xOdd + q * xEven
        var j = 1.0
        while j <= 10_000 {
            a += 1
            xOdd -= gOdd
            xEven -= gEven
            gOdd *= x * (a + b - 1) / a
            gEven *= x * (a + b - 0.5) / (a + 0.5)
            p *= lambda / (2 * j)
            q *= lambda / (2 * j + 1)
            s -= p
            value += p * xOdd + q * xEven
            if 2 * s * (xOdd - gOdd) < 1e-15 { break }
            j += 1
        }
    }
    value += normalCDF(-del)
    value = Swift.min(1, Swift.max(0, value))
    return negative ? 1 - value : value
}

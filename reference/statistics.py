"""Reference values for TallyEngine's statistics and distributions.

numpy and the standard library only (no scipy), computed by other routes than the engine's:
  - binomial and multinomial probabilities exactly, with fractions.Fraction and math.comb;
  - Poisson probabilities from exact partial sums of lambda^k / k!;
  - the normal quantile by bisection on math.erfc (the engine uses Acklam's approximation);
  - Student's t CDF by Gauss-Legendre integration of the density and its quantile by
    bisection on that (the engine uses the incomplete beta function and Newton's method);
  - descriptive statistics with numpy (mean, median, var/std with ddof, cov, corrcoef).
Prints JSON.
"""
import itertools
import json
import math
from fractions import Fraction

import numpy as np

NODES, WEIGHTS = np.polynomial.legendre.leggauss(30)


def t_pdf(t, nu):
    log_c = math.lgamma((nu + 1) / 2) - math.lgamma(nu / 2) - 0.5 * math.log(nu * math.pi)
    return np.exp(log_c - (nu + 1) / 2 * np.log1p(t * t / nu))


def t_cdf(t, nu, panels=400):
    """0.5 + the integral of the density from 0 to t, over panels of equal width."""
    edges = np.linspace(0.0, t, panels + 1)
    half = (edges[1:] - edges[:-1]) / 2
    mid = (edges[1:] + edges[:-1]) / 2
    points = mid[:, None] + half[:, None] * NODES[None, :]
    return 0.5 + float(np.sum(half[:, None] * WEIGHTS[None, :] * t_pdf(points, nu)))


def bisect(f, low, high, iterations=100):
    """The root of an increasing f in [low, high]."""
    for _ in range(iterations):
        mid = (low + high) / 2
        if f(mid) < 0:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def t_quantile(p, nu):
    return bisect(lambda t: t_cdf(t, nu) - p, 0.0, 100.0)  # p > 0.5 here


def normal_quantile(p):
    return bisect(lambda x: 0.5 * math.erfc(-x / math.sqrt(2)) - p, -40.0, 40.0, 200)


def binomial(n, p):
    p = Fraction(p)  # the exact value of the double
    pmf = [math.comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(n + 1)]
    cdf = list(itertools.accumulate(pmf))
    return {"n": n, "p": float(p), "pmf": [float(v) for v in pmf], "cdf": [float(v) for v in cdf]}


def poisson(lam, kmax):
    terms = [Fraction(lam) ** k / math.factorial(k) for k in range(kmax + 1)]
    pmf = [float(term) * math.exp(-lam) for term in terms]
    cdf = [float(partial) * math.exp(-lam) for partial in itertools.accumulate(terms)]
    return {"lambda": lam, "pmf": pmf, "cdf": cdf}


def multinomial(n, weights, counts):
    total = sum(weights)
    probability = Fraction(math.factorial(n))
    for w, k in zip(weights, counts):
        probability *= Fraction(w, total) ** k / math.factorial(k)
    return {"n": n, "weights": weights, "counts": counts, "pmf": float(probability)}


rng = np.random.default_rng(11)
x = np.round(rng.normal(170, 10, 25), 1)
y = np.round(0.5 * x + rng.normal(0, 5, 25), 1)
tq = t_quantile(1 - (1 - 0.95) / 2, len(x) - 1)
se = float(np.std(x, ddof=1)) / math.sqrt(len(x))

print(json.dumps({
    "sample": {
        "x": x.tolist(),
        "y": y.tolist(),
        "mean": float(np.mean(x)),
        "median": float(np.median(x)),
        "population_variance": float(np.var(x)),
        "sample_variance": float(np.var(x, ddof=1)),
        "population_std": float(np.std(x)),
        "sample_std": float(np.std(x, ddof=1)),
        "standard_error": se,
        "sample_covariance": float(np.cov(x, y)[0, 1]),
        "population_covariance": float(np.cov(x, y, ddof=0)[0, 1]),
        "correlation": float(np.corrcoef(x, y)[0, 1]),
        "t_interval_95": [float(np.mean(x)) - tq * se, float(np.mean(x)) + tq * se],
    },
    "normal_quantiles": [{"p": p, "x": normal_quantile(p)}
                         for p in [1e-10, 1e-4, 0.01, 0.025, 0.2, 0.5, 0.8, 0.975, 0.999]],
    "t_cdf": [{"t": t, "df": nu, "cdf": t_cdf(t, nu)}
              for nu in [1, 2.5, 5, 30] for t in [-6.0, -1.3, 0.4, 2.0, 8.0]],
    "t_quantiles": [{"p": p, "df": nu, "t": t_quantile(p, nu)}
                    for nu in [1, 3, 7, 10, 24, 100, 4.5] for p in [0.9, 0.975, 0.995]],
    "binomial": [binomial(3, 1 / 6), binomial(20, 0.3), binomial(60, 0.05), binomial(200, 0.4)],
    "poisson": [poisson(3.0, 12), poisson(0.5, 6), poisson(25.0, 50)],
    "multinomial": [multinomial(3, [2, 1, 3], [1, 1, 1]), multinomial(6, [2, 1, 3], [2, 1, 3]),
                    multinomial(10, [1, 1, 1, 1], [4, 3, 2, 1])],
}))

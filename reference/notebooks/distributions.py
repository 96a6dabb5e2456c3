"""Numbers stated in notebooks/distributions.md, derived without Tally: scipy.stats (binom, poisson,
geom, norm, multinomial), exact fractions, harmonic sums, and the simulated geometric draws in numpy
on the engine's uniform stream (engine_random.py)."""
from fractions import Fraction

import numpy as np
from scipy import stats

from engine_random import EngineRandom

for n, p in ((100, 0.03), (1000, 0.003)):
    ks = np.arange(0, 16)
    diff = np.abs(stats.binom.pmf(ks, n, p) - stats.poisson.pmf(ks, n * p)).max()
    print(f"binom({n}, {p}) vs poisson({n * p}): pmf(0..4)", stats.binom.pmf(range(5), n, p).tolist(), "largest |difference| over k <= 15", diff)
print("poisson(3) pmf 0..4", stats.poisson.pmf(range(5), 3).tolist())

print("P(X <= 45), X ~ binom(100, 0.5)", stats.binom.cdf(45, 100, 0.5), "normal with correction", stats.norm.cdf((45.5 - 50) / 5),
      "without", stats.norm.cdf((45 - 50) / 5))

g = Fraction(5, 6)
print("geometric p = 1/6: P(X > 3)", g ** 3, float(g ** 3), "P(X > 5 | X > 2)", (g ** 5) / (g ** 2), "mean", 6, "variance", (1 - 1 / 6) / (1 / 6) ** 2,
      "scipy sf(3)", stats.geom.sf(3, 1 / 6), "P(X = 1..3)", [stats.geom.pmf(k, 1 / 6) for k in (1, 2, 3)])

conv = sum(stats.poisson.pmf(j, 2) * stats.poisson.pmf(4 - j, 3) for j in range(5))
print("Poisson(2) + Poisson(3) at 4 by convolution", conv, "Poisson(5) pmf(4)", stats.poisson.pmf(4, 5))

probs = [0.5, 0.3, 0.2]
print("multinomial(6; .5, .3, .2) pmf(3, 2, 1)", stats.multinomial.pmf([3, 2, 1], 6, probs),
      "marginal of first = binom(6, .5) pmf(3)", stats.binom.pmf(3, 6, 0.5),
      "cov(first, second)", -6 * 0.5 * 0.3, "var first", 6 * 0.5 * 0.5)

r = EngineRandom(70)
draws = []
for _ in range(10000):
    k = 1
    while r.uniform() >= 1 / 6:
        k += 1
    draws.append(k)
draws = np.array(draws)
print("simulated geometric: mean", draws.mean(), "variance (population)", draws.var(), "max", draws.max(),
      "share > 3", (draws > 3).mean(), "share > 5 among > 2", (draws > 5).sum() / (draws > 2).sum())

H = lambda n: sum(1 / k for k in range(1, n + 1))
print("Zipf s=1, 10000 words: top 10 share", H(10) / H(10000), "top 100", H(100) / H(10000), "top 1 share", 1 / H(10000),
      "rank 1 / rank 10 frequency ratio", 10)
print("binom(100, .5): mean", 50, "sd", 5, "P(40 <= X <= 60)", stats.binom.cdf(60, 100, 0.5) - stats.binom.cdf(39, 100, 0.5))

"""Numbers stated in notebooks/statistics.md, derived without Tally: numpy and scipy.stats
(ttest_ind, pearsonr, t.interval, nct for power, skew, binom) on the very samples the notebook
draws — the engine's generator reproduced in engine_random.py, drawn in the notebook's order —
and exact fractions for the binomial likelihood."""
import math
from fractions import Fraction

import numpy as np
from scipy import integrate, optimize, stats

from engine_random import EngineRandom

# 1. outliers
salaries = np.array([32, 35, 38, 40, 41, 45, 45, 52, 58, 300.0])
print("salaries: mean", salaries.mean(), "median", np.median(salaries), "mode", stats.mode(salaries, keepdims=False).mode,
      "without 300: mean", salaries[:-1].mean(), "median", np.median(salaries[:-1]))

# 2. a long tail: Pareto(alpha = 1.5, x_m = 1) by inversion, x = (1 − u)^(−1/α)
r = EngineRandom(7)
pareto = np.array([(1 - r.uniform()) ** (-1 / 1.5) for _ in range(10000)])
top = np.sort(pareto)[::-1]
print("pareto: mean", pareto.mean(), "median", np.median(pareto), "theory mean", 1.5 / 0.5, "theory median", 2 ** (1 / 1.5),
      "max", pareto.max(), "share of top 1%", top[:100].sum() / pareto.sum(),
      "mean of first 1000", pareto[:1000].mean())

# 3. standard error and confidence-interval coverage: 1000 samples of 10 from N(50, 10²)
r = EngineRandom(11)
samples = np.array([[r.normal(50, 10) for _ in range(10)] for _ in range(1000)])
means = samples.mean(axis=1)
sds = samples.std(axis=1, ddof=1)
print("first sample: mean", means[0], "sd", sds[0], "se", sds[0] / math.sqrt(10),
      "t interval", stats.t.interval(0.95, 9, loc=means[0], scale=sds[0] / math.sqrt(10)))
print("sd of the 1000 means", means.std(ddof=1), "sigma/sqrt(n)", 10 / math.sqrt(10), "mean of the sample sds", sds.mean())
lo, hi = stats.t.interval(0.95, 9, loc=means, scale=sds / math.sqrt(10))
print("t coverage", np.mean((lo <= 50) & (50 <= hi)))
z = stats.norm.ppf(0.975)
print("z-with-s coverage", np.mean((means - z * sds / math.sqrt(10) <= 50) & (50 <= means + z * sds / math.sqrt(10))),
      "t quantile", stats.t.ppf(0.975, 9), "z", z)

# 4. the central limit theorem: 5000 means of n exponential(1) draws, n = 1, 2, 5, 30, one stream
r = EngineRandom(12)
for n in (1, 2, 5, 30):
    m = np.array([np.mean([-math.log(1 - r.uniform()) for _ in range(n)]) for _ in range(5000)])
    print(f"CLT n={n}: mean {m.mean()} sd {m.std()} (1/sqrt(n) = {1 / math.sqrt(n)}) skew {stats.skew(m)} (2/sqrt(n) = {2 / math.sqrt(n)})",
          "share within 1/sqrt(n)*1.96 of 1", np.mean(np.abs(m - 1) <= 1.959963984540054 / math.sqrt(n)))

# 5. type I error and power by simulation, and analytically
r = EngineRandom(13)
def experiments(shift):
    rejections = 0
    for _ in range(2000):
        a = [r.normal() for _ in range(20)]
        b = [r.normal(shift, 1) for _ in range(20)]
        rejections += stats.ttest_ind(a, b).pvalue < 0.05
    return rejections / 2000
print("type I rate", experiments(0.0), "power by simulation (d = 0.5, n = 20)", experiments(0.5))
def power(d, n, alpha=0.05):
    df, nc = 2 * n - 2, d * math.sqrt(n / 2)
    crit = stats.t.ppf(1 - alpha / 2, df)
    return stats.nct.sf(crit, df, nc) + stats.nct.cdf(-crit, df, nc)
print("power d=0.5 n=20", power(0.5, 20), "n for power 0.8", optimize.brentq(lambda n: power(0.5, n) - 0.8, 2, 200),
      "power n=64", power(0.5, 64))

# 6. covariance vs correlation
height = np.array([160, 165, 170, 172, 175, 180, 185, 190.0])
weight = np.array([55, 62, 66, 63, 72, 78, 80, 88.0])
print("cov cm*kg", np.cov(height, weight)[0, 1], "cov m*kg", np.cov(height / 100, weight)[0, 1],
      "corr", np.corrcoef(height, weight)[0, 1], "pearsonr", stats.pearsonr(height, weight),
      "sd h", height.std(ddof=1), "sd w", weight.std(ddof=1))

# 7. probability vs likelihood: 7 heads in 10 tosses
print("P(7 | p=0.5)", Fraction(math.comb(10, 7), 2 ** 10), float(Fraction(math.comb(10, 7), 2 ** 10)),
      "L(0.7)", stats.binom.pmf(7, 10, 0.7), "L(0.5)/L(0.7)", stats.binom.pmf(7, 10, 0.5) / stats.binom.pmf(7, 10, 0.7),
      "integral of L over p", integrate.quad(lambda p: stats.binom.pmf(7, 10, p), 0, 1)[0], "= 1/11", 1 / 11,
      "sum over k of P(k | 0.5)", sum(stats.binom.pmf(k, 10, 0.5) for k in range(11)))

# 8. regression to the mean: ability N(100, 10²), two tests each adding N(0, 10²) noise
r = EngineRandom(14)
rows = np.array([[a, a + r.normal(0, 10), a + r.normal(0, 10)] for a in (r.normal(100, 10) for _ in range(10000))])
cut = np.quantile(rows[:, 1], 0.9)
top = rows[rows[:, 1] >= np.sort(rows[:, 1])[-1000]]
print("top 1000 on test 1: mean test1", top[:, 1].mean(), "mean test2", top[:, 2].mean(), "mean ability", top[:, 0].mean(),
      "corr(test1, test2)", np.corrcoef(rows[:, 1], rows[:, 2])[0, 1], "overall mean test1", rows[:, 1].mean())
print("L(0.7)/L(0.5)", stats.binom.pmf(7, 10, 0.7) / stats.binom.pmf(7, 10, 0.5),
      "pareto median error", np.median(pareto) - 2 ** (1 / 1.5), "t quantile 0.975 df 9", stats.t.ppf(0.975, 9))
print("largest Pareto draw / total", pareto.max() / pareto.sum(), "L(0.5)", stats.binom.pmf(7, 10, 0.5))

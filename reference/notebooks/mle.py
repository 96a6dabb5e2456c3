"""Numbers stated in notebooks/mle.md, derived without Tally: closed-form estimators with numpy,
numerical maxima with scipy.optimize.minimize_scalar, log-likelihoods with scipy.stats (poisson,
norm, expon), and the likelihood-ratio test's p-value with scipy.stats.chi2.sf."""
import math

import numpy as np
from scipy import optimize, stats

calls = np.array([2, 4, 3, 0, 5, 3, 2, 6, 1, 3, 4, 3])
lam = calls.mean()
ll = lambda l: stats.poisson.logpmf(calls, l).sum()
num = optimize.minimize_scalar(lambda l: -ll(l), bounds=(0.1, 10), method="bounded", options={"xatol": 1e-10})
print("poisson MLE", lam, "numerical", num.x, "max log-lik", ll(lam), "log-lik at 2 and 4", ll(2), ll(4))
print("SE of lambda-hat sqrt(lambda/n)", math.sqrt(lam / len(calls)), "Fisher information n/lambda", len(calls) / lam)
lr = 2 * (ll(lam) - ll(2.0))
print("LR statistic vs lambda0 = 2", lr, "p-value chi2(1)", stats.chi2.sf(lr, 1))

heights = np.array([172.0, 168, 181, 175, 169, 177, 185, 171])
mu = heights.mean()
print("normal MLE mu", mu, "sigma2 MLE", heights.var(), "unbiased", heights.var(ddof=1), "ratio (n-1)/n", 7 / 8,
      "max log-lik", stats.norm.logpdf(heights, mu, math.sqrt(heights.var())).sum())

waits = np.array([0.5, 1.2, 0.3, 2.5, 0.8, 1.7, 0.4, 0.6])
rate = 1 / waits.mean()
print("exponential MLE rate", rate, "mean wait", waits.mean(), "log-lik", stats.expon.logpdf(waits, scale=1 / rate).sum())

k, n = 14, 40
p = k / n
print("bernoulli p-hat", p, "SE", math.sqrt(p * (1 - p) / n), "Wald 95% interval", p - 1.959963984540054 * math.sqrt(p * (1 - p) / n),
      p + 1.959963984540054 * math.sqrt(p * (1 - p) / n), "log-lik", k * math.log(p) + (n - k) * math.log(1 - p))
# gradient ascent on the Poisson log-likelihood in log-rate, theta = log lambda, lr 0.02, 200 steps
theta = 0.0
for _ in range(200):
    theta += 0.02 * (calls.sum() - len(calls) * math.exp(theta))
print("gradient ascent lambda after 200 steps", math.exp(theta))
h = 1e-4
print("numerical curvature at 3", (ll(3 + h) - 2 * ll(3) + ll(3 - h)) / h ** 2, "sigma2 ratio", heights.var() / heights.var(ddof=1))
print("MLE of P(no calls) = exp(-3)", math.exp(-3))

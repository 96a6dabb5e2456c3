"""Numbers stated in notebooks/linear-models.md, derived without Tally: numpy (lstsq, solve),
scikit-learn (LinearRegression, Ridge, Lasso, LogisticRegression without penalty), plain numpy
gradient descent, SGD on the engine's permutation stream (engine_random.py), and the Gaussian
log-likelihood by hand."""
import math

import numpy as np
from sklearn.linear_model import Lasso, LinearRegression, LogisticRegression, Ridge

from engine_random import EngineRandom

x = np.array([1, 2, 3, 4, 5, 6.0])
y = np.array([1.4, 1.9, 3.2, 3.6, 5.1, 5.6])
xbar, ybar = x.mean(), y.mean()
sxx, sxy = ((x - xbar) ** 2).sum(), ((x - xbar) * (y - ybar)).sum()
slope = sxy / sxx
print("xbar", xbar, "ybar", ybar, "Sxx", sxx, "Sxy", sxy, "slope", slope, "intercept", ybar - slope * xbar)
A = np.column_stack([np.ones(6), x])
print("XtX", (A.T @ A).tolist(), "Xty", (A.T @ y).tolist(), "solve", np.linalg.solve(A.T @ A, A.T @ y).tolist())
lr = LinearRegression().fit(x[:, None], y)
print("sklearn", lr.intercept_, lr.coef_.tolist(), "R2", lr.score(x[:, None], y))
resid = y - A @ np.linalg.solve(A.T @ A, A.T @ y)
rss = (resid ** 2).sum()
print("RSS", rss, "MSE", rss / 6, "sigma2 MLE", rss / 6, "unbiased", rss / 4)
s2 = rss / 6
print("max log-likelihood", -6 / 2 * math.log(2 * math.pi * s2) - rss / (2 * s2))

# batch gradient descent on J = mean squared error / 2... here J = (1/n) sum (w x + b - y)^2
w = b = 0.0
losses = []
for t in range(5000):
    e = w * x + b - y
    losses.append((e ** 2).mean())
    w, b = w - 0.05 * 2 * (e * x).mean(), b - 0.05 * 2 * e.mean()
print("GD after 5000 steps", b, w, "loss after 10, 100", losses[10], losses[100], "final", ((w * x + b - y) ** 2).mean())

# SGD: one example at a time, order from the engine's permutation, constant rate 0.02, 200 epochs
r = EngineRandom(3)
def permutation(n):
    p = list(range(n))
    for i in range(n - 1, 0, -1):
        j = r.integer(i + 1)
        p[i], p[j] = p[j], p[i]
    return p
w = b = 0.0
epoch_losses = []
for epoch in range(200):
    for i in permutation(6):
        e = w * x[i] + b - y[i]
        w, b = w - 0.02 * 2 * e * x[i], b - 0.02 * 2 * e
    epoch_losses.append(((w * x + b - y) ** 2).mean())
print("SGD after 200 epochs", b, w, "loss", epoch_losses[-1], "min RSS/n", rss / 6)

# weighted least squares: first three points measured with sd 0.1, last three with sd 1
sd = np.array([0.1, 0.1, 0.1, 1, 1, 1])
W = np.diag(1 / sd ** 2)
print("WLS", np.linalg.solve(A.T @ W @ A, A.T @ W @ y).tolist(),
      "sklearn sample_weight", LinearRegression().fit(x[:, None], y, sample_weight=1 / sd ** 2).coef_.tolist())

# MSE vs MAE for a constant prediction
salaries = np.array([32, 35, 38, 40, 41, 45, 45, 52, 58, 300.0])
grid = np.arange(0, 100.001, 0.5)
mse = [((salaries - c) ** 2).mean() for c in grid]
mae = [np.abs(salaries - c).mean() for c in grid]
print("argmin MSE", grid[np.argmin(mse)], "argmin MAE (first)", grid[np.argmin(mae)], "mean", salaries.mean(),
      "median", np.median(salaries), "MAE at 41..45", [np.abs(salaries - c).mean() for c in (41, 43, 45)])

# collinear features: OLS vs ridge vs lasso
x1 = np.array([1, 2, 3, 4, 5, 6, 7, 8.0])
x2 = x1 + np.array([0.1, -0.1, 0.05, -0.05, 0.1, -0.1, 0.05, -0.05])
yc = np.array([2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1])
Xc = np.column_stack([x1, x2])
print("corr(x1, x2)", np.corrcoef(x1, x2)[0, 1])
print("OLS", LinearRegression().fit(Xc, yc).coef_.tolist())
print("Ridge(1)", Ridge(alpha=1.0).fit(Xc, yc).coef_.tolist())
print("Lasso(0.5)", Lasso(alpha=0.5, tol=1e-12, max_iter=1000000).fit(Xc, yc).coef_.tolist())

# logistic regression, maximum likelihood
hours = np.array([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5])
passed = np.array([0, 0, 0, 1, 0, 1, 0, 1, 1, 1.0])
log = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10000).fit(hours[:, None], passed)
w, b = log.coef_[0, 0], log.intercept_[0]
p = 1 / (1 + np.exp(-(w * hours + b)))
print("logistic MLE w", w, "b", b, "odds ratio per hour", math.exp(w), "boundary", -b / w,
      "mean log loss", -np.mean(passed * np.log(p) + (1 - passed) * np.log(1 - p)),
      "P(pass | 3 h)", 1 / (1 + math.exp(-(3 * w + b))), "sum of p - y", (p - passed).sum(), "sum of (p-y) x", ((p - passed) * hours).sum())
log_c = LogisticRegression(C=1.0, tol=1e-12, max_iter=10000).fit(hours[:, None], passed)
print("logistic C=1 (L2)", log_c.coef_[0, 0], log_c.intercept_[0])
from fractions import Fraction
xs, ys = [Fraction(v) for v in (1, 2, 3, 4, 5, 6)], [Fraction(v).limit_denominator(10) for v in (1.4, 1.9, 3.2, 3.6, 5.1, 5.6)]
xb, yb = sum(xs) / 6, sum(ys) / 6
w_exact = sum((a - xb) * (c - yb) for a, c in zip(xs, ys)) / sum((a - xb) ** 2 for a in xs)
print("exact slope", w_exact, "exact intercept", yb - w_exact * xb)
print("slope of the first three points", np.polyfit(x[:3], y[:3], 1)[0], "sum of fitted probabilities", p.sum(), "passes", passed.sum())

"""Numbers stated in notebooks/glm.md, derived without Tally: least squares on basis expansions with
np.linalg.lstsq, and Poisson regression with scikit-learn's PoissonRegressor (alpha=0, tight tol),
cross-checked by Newton's method (IRLS) in numpy."""
import math

import numpy as np
from sklearn.linear_model import PoissonRegressor

x = np.linspace(0, 1, 11)
y = np.array([0.1, 0.6, 0.95, 0.95, 0.6, 0.05, -0.55, -0.9, -1.0, -0.6, 0.0])
def rmse(A):
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    return math.sqrt(((A @ coef - y) ** 2).mean()), coef
lin = np.column_stack([np.ones(11), x])
poly = np.vander(x, 4, increasing=True)
centres = np.array([0, 0.25, 0.5, 0.75, 1.0])
rbf = np.column_stack([np.ones(11)] + [np.exp(-(x - c) ** 2 / (2 * 0.15 ** 2)) for c in centres])
for name, A in (("linear", lin), ("cubic", poly), ("rbf", rbf)):
    e, c = rmse(A)
    print(name, "RMSE", e, "parameters", A.shape[1])
print("rbf feature of x = 0.3 at centre 0.25", math.exp(-(0.3 - 0.25) ** 2 / (2 * 0.15 ** 2)))

hours = np.array([1, 2, 3, 4, 5, 6, 7, 8.0])
errors = np.array([0, 1, 1, 2, 3, 5, 6, 9.0])
pr = PoissonRegressor(alpha=0, tol=1e-12, max_iter=10000).fit(hours[:, None], errors)
print("sklearn Poisson GLM", pr.intercept_, pr.coef_[0], "rate ratio per hour", math.exp(pr.coef_[0]),
      "predicted mean at 10 h", math.exp(pr.intercept_ + 10 * pr.coef_[0]))
X = np.column_stack([np.ones(8), hours])
beta = np.zeros(2)
for it in range(25):
    mu = np.exp(X @ beta)
    grad = X.T @ (errors - mu)
    hess = X.T @ (X * mu[:, None])
    beta = beta + np.linalg.solve(hess, grad)
mu = np.exp(X @ beta)
print("Newton/IRLS", beta.tolist(), "sum of fitted", mu.sum(), "sum of counts", errors.sum(),
      "deviance", 2 * np.sum(np.where(errors > 0, errors * np.log(np.where(errors > 0, errors, 1) / mu), 0) - (errors - mu)))
ols = np.linalg.lstsq(X, errors, rcond=None)[0]
print("OLS line", ols.tolist(), "OLS prediction at 0 h", ols[0])

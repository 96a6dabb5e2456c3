"""Numbers stated in notebooks/model-selection.md, derived without Tally: numpy least squares
(np.linalg.lstsq) for the polynomial fits and cross-validation, scikit-learn LogisticRegression
(with class_weight) and metrics for the imbalanced data, all on the engine's random draws
(engine_random.py, in the notebook's order)."""
import math

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_score, recall_score

from engine_random import EngineRandom

# bias-variance by simulation: f(x) = sin(2πx), 12 fixed inputs, noise sd 0.3, 200 training sets
xtr = np.linspace(0, 1, 12)
xte = np.linspace(0, 1, 50)
f = lambda x: np.sin(2 * math.pi * x)
r = EngineRandom(40)
sets = [f(xtr) + np.array([r.normal(0, 0.3) for _ in range(12)]) for _ in range(200)]
degrees = list(range(10))
bias2, variance = [], []
for deg in degrees:
    A, B = np.vander(xtr, deg + 1, increasing=True), np.vander(xte, deg + 1, increasing=True)
    preds = np.array([B @ np.linalg.lstsq(A, s, rcond=None)[0] for s in sets])
    bias2.append(((preds.mean(axis=0) - f(xte)) ** 2).mean())
    variance.append(preds.var(axis=0).mean())
print("bias^2", [float(f"{v:.4g}") for v in bias2])
print("variance", [float(f"{v:.4g}") for v in variance])
total = [b + v + 0.09 for b, v in zip(bias2, variance)]
print("expected test MSE", [float(f"{v:.4g}") for v in total], "best degree", int(np.argmin(total)))

# 4-fold cross-validation on the first training set, degrees 0..9 (folds: consecutive thirds)
y0 = sets[0]
folds = [list(range(k, 12, 4)) for k in range(4)]
print("folds", folds)
cv = []
for deg in degrees:
    errs = []
    for test in folds:
        train = [i for i in range(12) if i not in test]
        coef = np.linalg.lstsq(np.vander(xtr[train], deg + 1, increasing=True), y0[train], rcond=None)[0]
        errs.append(((np.vander(xtr[test], deg + 1, increasing=True) @ coef - y0[test]) ** 2).mean())
    cv.append(np.mean(errs))
train_err = [((np.vander(xtr, d + 1, increasing=True) @ np.linalg.lstsq(np.vander(xtr, d + 1, increasing=True), y0, rcond=None)[0] - y0) ** 2).mean() for d in degrees]
print("CV MSE", [float(f"{v:.4g}") for v in cv], "chosen", int(np.argmin(cv)))
print("training MSE", [float(f"{v:.4g}") for v in train_err])

# grid vs random search on a cheap objective where only the learning rate matters much
loss = lambda a, b: (a + 2.5) ** 2 + 0.01 * (b + 4) ** 2   # a = log10 lr, b = log10 weight decay
grid = [(a, b) for a in (-4, -3, -2) for b in (-6, -4, -2)]   # a 3 x 3 grid
print("grid losses", [loss(a, b) for a, b in grid], "best", min(loss(a, b) for a, b in grid))
r = EngineRandom(41)
rand = [(r.uniform(-4, -1), r.uniform(-6, -2)) for _ in range(9)]
print("random a values", [round(a, 4) for a, _ in rand], "best", min(loss(a, b) for a, b in rand),
      "best a", min(rand, key=lambda p: loss(*p))[0], "distinct lr values grid 3, random 9")

# class imbalance: 190 negatives ~ N(0, 1), 10 positives ~ N(2, 1)
r = EngineRandom(42)
neg = [r.normal() for _ in range(190)]
pos = [r.normal(2, 1) for _ in range(10)]
X = np.array(neg + pos)[:, None]
y = np.array([0] * 190 + [1] * 10)
plain = LogisticRegression(tol=1e-12, max_iter=10000).fit(X, y)
weighted = LogisticRegression(class_weight={0: 1, 1: 19}, tol=1e-12, max_iter=10000).fit(X, y)
for name, m in (("plain", plain), ("weighted 19", weighted)):
    pred = m.predict(X)
    print(name, "coef", m.coef_[0, 0], "intercept", m.intercept_[0], "accuracy", (pred == y).mean(),
          "recall", recall_score(y, pred), "precision", precision_score(y, pred, zero_division=0),
          "predicted positives", int(pred.sum()))
print("majority baseline accuracy", 190 / 200)

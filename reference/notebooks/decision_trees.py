"""Numbers stated in notebooks/decision-trees.md, derived without Tally: impurities and every
candidate split with exact fractions and numpy, the fitted tree and its feature importances with
scikit-learn's DecisionTreeClassifier, and the forest as scikit-learn builds it (each tree fitted
on a bootstrap sample given as sample-weight counts, probabilities averaged)."""
import math
from fractions import Fraction

import numpy as np
from sklearn.tree import DecisionTreeClassifier, export_text

from engine_random import EngineRandom

X = np.array([[1, 8], [2, 5], [2, 7], [3, 4], [4, 6], [5, 7], [6, 3], [7, 8]], dtype=float)
y = np.array([0, 0, 0, 0, 1, 1, 0, 1], dtype=float)


def gini(counts):
    n = sum(counts)
    return 1 - sum(Fraction(c, n) ** 2 for c in counts) if n else Fraction(0)


def entropy(counts):
    n = sum(counts)
    return -sum(c / n * math.log2(c / n) for c in counts if c)


print("root gini", gini([5, 3]), float(gini([5, 3])), "entropy", entropy([5, 3]))
for counts in ([3, 1], [1, 3], [2, 1], [1, 0], [5, 1], [3, 3], [9, 1]):
    print("counts", counts, "gini", gini(counts), float(gini(counts)), "entropy", entropy(counts))

rows = []
for feature in (0, 1):
    values = sorted(set(X[:, feature]))
    for lo, hi in zip(values, values[1:]):
        t = (lo + hi) / 2
        left = y[X[:, feature] <= t]
        right = y[X[:, feature] > t]
        lc = [int((left == 0).sum()), int((left == 1).sum())]
        rc = [int((right == 0).sum()), int((right == 1).sum())]
        weighted_gini = Fraction(len(left), 8) * gini(lc) + Fraction(len(right), 8) * gini(rc)
        gain = entropy([5, 3]) - len(left) / 8 * entropy(lc) - len(right) / 8 * entropy(rc)
        rows.append((feature, t, lc, rc, weighted_gini, gain))
        print(f"x{feature + 1} <= {t}: left {lc} right {rc} weighted gini {weighted_gini} = {float(weighted_gini):.6f} information gain {gain:.6f}")
best = min(rows, key=lambda r: r[4])
print("best by gini", best[:4], "weighted gini", float(best[4]), "gini decrease", float(gini([5, 3]) - best[4]))
print("right child [1, 3] split on x2 <= 4.5: decrease weighted by 4/8", 4 / 8 * float(gini([1, 3])), "importances by hand",
      [(0.46875 - 0.1875) / 0.46875, 0.1875 / 0.46875])
print("best by gain", max(rows, key=lambda r: r[5])[:4])

# second level: the right child of the root split
tree = DecisionTreeClassifier(random_state=0).fit(X, y)
print(export_text(tree, feature_names=["study", "sleep"]))
print("depth", tree.get_depth(), "leaves", tree.get_n_leaves(), "importances", tree.feature_importances_.tolist())
t = tree.tree_
print("nodes: feature", t.feature.tolist(), "threshold", t.threshold.tolist(), "impurity", t.impurity.tolist(),
      "samples", t.n_node_samples.tolist())
print("predict (3, 8), (6, 4)", tree.predict([[3, 8], [6, 4]]).tolist())
stump = DecisionTreeClassifier(max_depth=1, random_state=0).fit(X, y)
print("stump training accuracy", stump.score(X, y), "full tree", tree.score(X, y))
entropy_tree = DecisionTreeClassifier(criterion="entropy", random_state=0).fit(X, y)
print("entropy tree root", entropy_tree.tree_.feature[0], entropy_tree.tree_.threshold[0])

# bootstrap: the share of distinct examples in a sample of n drawn with replacement
print("1 - (1 - 1/8)^8", 1 - (7 / 8) ** 8, "1 - (1-1/1000)^1000", 1 - (1 - 1 / 1000) ** 1000, "1 - 1/e", 1 - 1 / math.e)
r = EngineRandom(21)
shares = []
for _ in range(200):
    idx = [r.integer(1000) for _ in range(1000)]
    shares.append(len(set(idx)) / 1000)
print("simulated distinct share, 200 bootstraps of 1000", np.mean(shares))

# variance of an average of B trees with pairwise correlation rho
for rho, B in ((0.0, 10), (0.5, 10), (0.5, 1000)):
    print("rho", rho, "B", B, "variance factor", rho + (1 - rho) / B)
print("predict (3, 8), (6, 4), (6, 6)", tree.predict([[3, 8], [6, 4], [6, 6]]).tolist())
right = [4, 5, 6, 7]
for feature in (0, 1):
    values = sorted(set(X[right, feature]))
    for lo, hi in zip(values, values[1:]):
        t = (lo + hi) / 2
        l = [int(y[i]) for i in right if X[i, feature] <= t]
        r_ = [int(y[i]) for i in right if X[i, feature] > t]
        wg = Fraction(len(l), 4) * gini([l.count(0), l.count(1)]) + Fraction(len(r_), 4) * gini([r_.count(0), r_.count(1)])
        print(f"right child: x{feature + 1} <= {t}: weighted gini {wg}")
print("1 - 1/e", 1 - math.exp(-1), "importance shares", 0.28125 / (0.28125 + 0.1875), 0.1875 / (0.28125 + 0.1875))

# a five-tree forest on given bootstrap samples (the engine's integer stream, seed 80), all features
# tried at each split, depth ≤ 3: scikit-learn trees fitted with the bootstrap counts as sample weights
from sklearn.tree import DecisionTreeClassifier as Tree
r = EngineRandom(80)
n = 60
Xf = np.array([[r.normal(), r.normal()] for _ in range(n)])
noise = np.array([r.normal(0, 0.5) for _ in range(n)])
yf = (Xf[:, 0] + noise > 0).astype(float)
boots = [[r.integer(n) for _ in range(n)] for _ in range(5)]
imps, probs = [], []
q = np.array([[0.3, 0.0], [-0.3, 1.0], [1.5, -1.0]])
for b in boots:
    t = Tree(max_depth=3, random_state=0).fit(Xf, yf, sample_weight=np.bincount(b, minlength=n).astype(float))
    imps.append(t.feature_importances_)
    probs.append(t.predict_proba(q)[:, 1])
imp = np.mean(imps, axis=0)
print("forest: share of class 1", yf.mean(), "importances", (imp / imp.sum()).tolist(), "P(1) at queries", np.mean(probs, axis=0).tolist(),
      "out-of-bag sizes", [n - len(set(b)) for b in boots])

"""Reference values for TallyEngine's statistics and classical machine learning, from
scipy.stats, statsmodels (the z test, proportion intervals and TTestIndPower, which scipy lacks)
and scikit-learn.

Writes reference/cases/sklearn_scipy.json (format: Tests/TallyEngineTests/ReferenceCases.swift).
Random parts are made deterministic by passing them in: bootstrap intervals are computed on
resamples given by index (stored as the input `indices`), k-means starts from given centers,
random forests use given bootstrap indices and feature subsets. Tolerances are written down
with each case as the option `rtol` where they differ from the default 1e-10.

    pip install scipy scikit-learn statsmodels
    python reference/sklearn_scipy.py
"""
import json
import pathlib

import numpy as np
import scipy
import scipy.stats as st
import sklearn
import statsmodels
from statsmodels.stats.power import TTestIndPower
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.weightstats import ztest

rng = np.random.RandomState(2026)
cases = []


def array(a):
    a = np.asarray(a, dtype=np.float64)
    data = [("NaN" if np.isnan(v) else "Infinity" if v == np.inf else "-Infinity" if v == -np.inf else float(v))
            for v in a.reshape(-1)]
    return {"shape": list(a.shape), "data": data}


def add(name, inputs, outputs, options=None):
    case = {"name": name, "inputs": {k: array(v) for k, v in inputs.items()},
            "outputs": {k: array(v) for k, v in outputs.items()}}
    if options:
        case["options"] = options
    cases.append(case)


def test_outputs(result, df=True):
    out = {"statistic": result.statistic, "pvalue": result.pvalue}
    if df:
        out["df"] = result.df
    return out


# --- t tests -------------------------------------------------------------------------------
a, b = rng.normal(5.0, 1.0, 12), rng.normal(5.8, 1.6, 9)
for name, equal_var, alternative in [("student", True, "two-sided"), ("welch", False, "two-sided"),
                                     ("student-less", True, "less"), ("welch-greater", False, "greater")]:
    add(f"ttestInd/{name}", {"a": a, "b": b},
        test_outputs(st.ttest_ind(a, b, equal_var=equal_var, alternative=alternative)),
        {"equal_var": equal_var, "alternative": alternative})
before, after = rng.normal(120, 10, 10), None
after = before - rng.normal(3, 4, 10)
for alternative in ["two-sided", "greater"]:
    add(f"ttestRel/{alternative}", {"a": before, "b": after},
        test_outputs(st.ttest_rel(before, after, alternative=alternative)), {"alternative": alternative})
sample = rng.normal(2.3, 0.7, 15)
for popmean, alternative in [(2.0, "two-sided"), (2.5, "less"), (2.0, "greater")]:
    add(f"ttest1samp/{popmean}-{alternative}", {"a": sample},
        test_outputs(st.ttest_1samp(sample, popmean, alternative=alternative)),
        {"popmean": popmean, "alternative": alternative})

# --- z test (statsmodels) ------------------------------------------------------------------
x1, x2 = rng.normal(10.0, 2.0, 40), rng.normal(9.2, 2.5, 35)
for name, args, kwargs, alt in [("one-sample", (x1,), {"value": 9.5}, "two-sided"),
                                ("two-sample-pooled", (x1, x2), {}, "two-sided"),
                                ("two-sample-unequal", (x1, x2), {"usevar": "unequal"}, "two-sided"),
                                ("one-sample-larger", (x1,), {"value": 9.5}, "larger"),
                                ("two-sample-smaller", (x1, x2), {"value": 1.0}, "smaller")]:
    z, p = ztest(*args, alternative=alt, **kwargs)
    inputs = {"x1": x1} if len(args) == 1 else {"x1": x1, "x2": x2}
    add(f"ztest/{name}", inputs, {"statistic": z, "pvalue": p},
        {"value": kwargs.get("value", 0.0), "usevar": kwargs.get("usevar", "pooled"),
         "alternative": {"larger": "greater", "smaller": "less"}.get(alt, alt)})

# --- chi-squared test of independence ------------------------------------------------------
for name, table, correction in [("2x2-yates", [[12, 5], [7, 15]], True), ("2x2-plain", [[12, 5], [7, 15]], False),
                                ("2x2-small-difference", [[10, 10], [10, 11]], True),
                                ("2x3", [[20, 15, 25], [30, 22, 18]], True),
                                ("3x3", [[8, 12, 20], [15, 10, 5], [7, 9, 14]], True)]:
    r = st.chi2_contingency(np.array(table, dtype=float), correction=correction)
    add(f"chi2Contingency/{name}", {"observed": table},
        {"statistic": r.statistic, "pvalue": r.pvalue, "dof": r.dof, "expected_freq": r.expected_freq},
        {"correction": correction})

# --- exact binomial test -------------------------------------------------------------------
for k, n, p, alternative in [(3, 20, 0.4, "two-sided"), (14, 20, 0.4, "two-sided"), (7, 10, 0.5, "two-sided"),
                             (3, 20, 0.4, "less"), (14, 20, 0.4, "greater"), (60, 100, 0.5, "two-sided")]:
    r = st.binomtest(k, n, p, alternative=alternative)
    add(f"binomtest/{k}-of-{n}-p{p}-{alternative}", {"k": float(k), "n": float(n)},
        {"statistic": r.statistic, "pvalue": r.pvalue}, {"p": p, "alternative": alternative})

# --- correlation ---------------------------------------------------------------------------
x = rng.normal(0, 1, 20)
y = 0.6 * x + rng.normal(0, 0.8, 20)
for alternative in ["two-sided", "greater"]:
    r = st.pearsonr(x, y, alternative=alternative)
    add(f"pearsonr/{alternative}", {"x": x, "y": y}, {"statistic": r.statistic, "pvalue": r.pvalue},
        {"alternative": alternative})
r = st.spearmanr(x, y)
add("spearmanr/continuous", {"x": x, "y": y}, {"statistic": r.statistic, "pvalue": r.pvalue})
tied_x, tied_y = [1, 2, 2, 3, 4, 4, 4, 5, 6, 7], [2, 1, 3, 3, 5, 4, 6, 6, 8, 7]
r = st.spearmanr(tied_x, tied_y)
add("spearmanr/ties", {"x": tied_x, "y": tied_y}, {"statistic": r.statistic, "pvalue": r.pvalue})
add("rankdata/ties", {"x": tied_x}, {"ranks": st.rankdata(tied_x)})

# --- confidence intervals ------------------------------------------------------------------
for level in [0.95, 0.99]:
    low, high = st.t.interval(level, len(sample) - 1, loc=np.mean(sample), scale=st.sem(sample))
    add(f"tInterval/{level}", {"a": sample}, {"lower": low, "upper": high}, {"level": level})
low, high = st.norm.interval(0.9, loc=np.mean(sample), scale=0.7 / np.sqrt(len(sample)))
add("zInterval/0.9-sigma0.7", {"a": sample}, {"lower": low, "upper": high}, {"level": 0.9, "sigma": 0.7})
for count, nobs, alpha, method in [(42, 100, 0.05, "normal"), (42, 100, 0.05, "wilson"), (3, 25, 0.1, "wilson"),
                                   (0, 12, 0.05, "wilson")]:
    low, high = proportion_confint(count, nobs, alpha=alpha, method=method)
    add(f"proportionConfint/{count}-of-{nobs}-{method}-{alpha}", {"count": float(count), "nobs": float(nobs)},
        {"lower": low, "upper": high}, {"alpha": alpha, "method": method})

# --- power of the two-sample t test (statsmodels) -------------------------------------------
power = TTestIndPower()
for d, n1, alpha, ratio, alternative in [(0.5, 64, 0.05, 1.0, "two-sided"), (0.3, 50, 0.01, 2.0, "two-sided"),
                                         (0.8, 20, 0.05, 1.0, "larger"), (-0.4, 30, 0.05, 1.5, "smaller")]:
    value = power.power(effect_size=d, nobs1=n1, alpha=alpha, ratio=ratio, alternative=alternative)
    add(f"ttestIndPower/power-d{d}-n{n1}", {}, {"power": value},
        {"effect_size": d, "nobs1": float(n1), "alpha": alpha, "ratio": ratio,
         "alternative": {"larger": "greater", "smaller": "less"}.get(alternative, alternative), "rtol": 1e-9})
for d, alpha, target, ratio in [(0.5, 0.05, 0.8, 1.0), (0.25, 0.01, 0.9, 1.0), (0.6, 0.05, 0.8, 2.0)]:
    n1 = power.solve_power(effect_size=d, nobs1=None, alpha=alpha, power=target, ratio=ratio)
    add(f"ttestIndPower/solve-d{d}-power{target}", {}, {"nobs1": float(np.squeeze(n1))},
        {"effect_size": d, "alpha": alpha, "power": target, "ratio": ratio, "rtol": 1e-7})
for t, df, nc in [(1.5, 10.0, 0.8), (-0.7, 25.0, 1.2), (3.0, 5.0, -0.5), (2.2, 126.0, 2.8)]:
    add(f"nct/cdf-{t}-{df}-{nc}", {}, {"cdf": st.nct.cdf(t, df, nc)}, {"t": t, "df": df, "nc": nc, "rtol": 1e-9})
for x, k in [(3.84, 1.0), (0.5, 4.0), (25.0, 6.0), (80.0, 30.0)]:
    add(f"chi2/sf-{x}-{k}", {}, {"sf": st.chi2.sf(x, k), "cdf": st.chi2.cdf(x, k)}, {"x": x, "df": k})

# --- bootstrap percentile intervals on given resamples --------------------------------------
data = rng.exponential(2.0, 25)
indices = rng.randint(0, len(data), size=(400, len(data)))
for name, statistic in [("mean", np.mean), ("median", np.median)]:
    values = np.array([statistic(data[i]) for i in indices])
    for level in [0.95, 0.9]:
        # scipy.stats.bootstrap(method="percentile"): numpy's percentiles of the resampled statistic.
        low, high = np.percentile(values, [100 * (1 - level) / 2, 100 * (1 + level) / 2])
        add(f"bootstrap/{name}-{level}", {"data": data, "indices": indices}, {"lower": low, "upper": high},
            {"statistic": name, "confidence_level": level})

# --- classical machine learning (scikit-learn) ---------------------------------------------
from scipy.stats import entropy as scipy_entropy
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.ensemble import RandomForestClassifier
from sklearn.ensemble._forest import _generate_sample_indices
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_score
from sklearn.naive_bayes import GaussianNB, MultinomialNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.svm import LinearSVC
from sklearn.tree import DecisionTreeClassifier

X_reg = rng.normal(0, 1, (30, 3))
y_reg = X_reg @ np.array([1.5, -2.0, 0.7]) + 0.4 + rng.normal(0, 0.3, 30)
X_new = rng.normal(0, 1, (5, 3))
for name, model in [("intercept", LinearRegression()), ("no-intercept", LinearRegression(fit_intercept=False))]:
    model.fit(X_reg, y_reg)
    add(f"linearRegression/{name}", {"X": X_reg, "y": y_reg, "Xnew": X_new},
        {"coef": model.coef_, "intercept": model.intercept_, "predict": model.predict(X_new),
         "score": model.score(X_reg, y_reg)}, {"fit_intercept": model.fit_intercept})
X_col = np.column_stack([X_reg, X_reg[:, 0] + X_reg[:, 1]])  # rank-deficient: minimum-norm coefficients
model = LinearRegression().fit(X_col, y_reg)
add("linearRegression/collinear", {"X": X_col, "y": y_reg, "Xnew": np.column_stack([X_new, X_new[:, 0] + X_new[:, 1]])},
    {"coef": model.coef_, "intercept": model.intercept_,
     "predict": model.predict(np.column_stack([X_new, X_new[:, 0] + X_new[:, 1]])), "score": model.score(X_col, y_reg)},
    {"fit_intercept": True, "rtol": 1e-8})
for alpha, fit_intercept in [(1.0, True), (10.0, False)]:
    model = Ridge(alpha=alpha, fit_intercept=fit_intercept).fit(X_reg, y_reg)
    add(f"ridge/alpha{alpha}-{fit_intercept}", {"X": X_reg, "y": y_reg, "Xnew": X_new},
        {"coef": model.coef_, "intercept": model.intercept_, "predict": model.predict(X_new)},
        {"alpha": alpha, "fit_intercept": fit_intercept})
# Coordinate descent run to convergence on both sides (tol 1e-12): the optimum is unique.
X_sparse = rng.normal(0, 1, (40, 6))
y_sparse = X_sparse @ np.array([2.0, 0.0, -1.0, 0.0, 0.0, 0.5]) + rng.normal(0, 0.2, 40)
for name, model, l1_ratio in [("lasso/alpha0.1", Lasso(alpha=0.1, tol=1e-12, max_iter=100000), 1.0),
                              ("lasso/alpha0.5", Lasso(alpha=0.5, tol=1e-12, max_iter=100000), 1.0),
                              ("elasticNet/alpha0.2-l1-0.7", ElasticNet(alpha=0.2, l1_ratio=0.7, tol=1e-12, max_iter=100000), 0.7)]:
    model.fit(X_sparse, y_sparse)
    add(name, {"X": X_sparse, "y": y_sparse}, {"coef": model.coef_, "intercept": model.intercept_},
        {"alpha": model.alpha, "l1_ratio": l1_ratio, "tol": 1e-12, "rtol": 1e-7})

# Logistic regression to a tight optimum (the objective is strictly convex). Multinomial
# intercepts are stored with their mean removed (the softmax ignores a common shift).
X_cls = rng.normal(0, 1, (60, 2))
y_bin = (X_cls[:, 0] - 0.5 * X_cls[:, 1] + rng.normal(0, 0.7, 60) > 0).astype(float)
y_three = np.digitize(X_cls[:, 0] + 0.8 * X_cls[:, 1] + rng.normal(0, 0.5, 60), [-0.6, 0.6]).astype(float)
X_cls_new = rng.normal(0, 1, (6, 2))
for name, y, C in [("binary", y_bin, 1.0), ("binary-C0.1", y_bin, 0.1), ("multinomial", y_three, 1.0)]:
    model = LogisticRegression(C=C, tol=1e-14, max_iter=100000).fit(X_cls, y)
    intercept = model.intercept_ - (model.intercept_.mean() if len(model.classes_) > 2 else 0)
    add(f"logisticRegression/{name}", {"X": X_cls, "y": y, "Xnew": X_cls_new},
        {"coef": model.coef_, "intercept": intercept, "proba": model.predict_proba(X_cls_new),
         "predict": model.predict(X_cls_new)}, {"C": C, "rtol": 1e-6})

for name, y in [("binary", y_bin), ("three-classes", y_three)]:
    model = GaussianNB().fit(X_cls, y)
    add(f"gaussianNB/{name}", {"X": X_cls, "y": y, "Xnew": X_cls_new},
        {"theta": model.theta_, "var": model.var_, "class_prior": model.class_prior_,
         "proba": model.predict_proba(X_cls_new), "predict": model.predict(X_cls_new)})
counts = rng.poisson(2.0, (25, 5)).astype(float)
count_labels = (counts[:, 0] + counts[:, 1] > counts[:, 3] + 1).astype(float) + (counts[:, 4] > 3)
counts_new = rng.poisson(2.0, (4, 5)).astype(float)
for alpha in [1.0, 0.5]:
    model = MultinomialNB(alpha=alpha).fit(counts, count_labels)
    add(f"multinomialNB/alpha{alpha}", {"X": counts, "y": count_labels, "Xnew": counts_new},
        {"feature_log_prob": model.feature_log_prob_, "class_log_prior": model.class_log_prior_,
         "proba": model.predict_proba(counts_new)}, {"alpha": alpha})
for k, weights in [(5, "uniform"), (7, "distance"), (1, "uniform")]:
    model = KNeighborsClassifier(n_neighbors=k, weights=weights, algorithm="brute").fit(X_cls, y_three)
    add(f"kNeighborsClassifier/{k}-{weights}", {"X": X_cls, "y": y_three, "Xnew": X_cls_new},
        {"proba": model.predict_proba(X_cls_new), "predict": model.predict(X_cls_new)},
        {"n_neighbors": float(k), "weights": weights})

# k-means from given initial centers (sklearn's init=array, n_init=1): Lloyd's iterations are
# then deterministic.
blobs = np.vstack([rng.normal(c, 0.6, (20, 2)) for c in [(0, 0), (3, 3), (0, 4)]])
for name, k, init in [("three-blobs", 3, blobs[[0, 20, 40]] + 0.3), ("four-centers", 4, blobs[[1, 2, 25, 45]])]:
    model = KMeans(n_clusters=k, init=init, n_init=1).fit(blobs)
    add(f"kMeans/{name}", {"X": blobs, "init": init},
        {"cluster_centers": model.cluster_centers_, "labels": model.labels_, "inertia": model.inertia_},
        {"n_clusters": float(k)})

X_pca = rng.normal(0, 1, (25, 4)) @ np.array([[2, 0.5, 0, 0], [0, 1, 0.3, 0], [0, 0, 0.5, 0.1], [0.2, 0, 0, 0.2]])
for n_components in [None, 2]:
    model = PCA(n_components=n_components).fit(X_pca)
    add(f"pca/{n_components}", {"X": X_pca},
        {"components": model.components_, "explained_variance": model.explained_variance_,
         "explained_variance_ratio": model.explained_variance_ratio_, "singular_values": model.singular_values_,
         "mean": model.mean_, "transform": model.transform(X_pca[:5])},
        {"n_components": float(n_components or 0), "rtol": 1e-9})

# Trees: depth-limited so that no two features tie for a split (the order scikit-learn tries
# features in is its own random stream; ties are then the only place it matters).
X_tree = rng.normal(0, 1, (80, 4))
y_tree = ((X_tree[:, 0] > 0.2).astype(int) + (X_tree[:, 1] + 0.5 * X_tree[:, 2] > 0.5).astype(int)).astype(float)
X_tree_new = rng.normal(0, 1, (10, 4))
def assert_no_ties(make, X, y, sample_weight=None):
    """Trees grown with 20 different feature orders agree: no tie between splits is met."""
    trees = [make(seed).fit(X, y, sample_weight=sample_weight) for seed in range(20)]
    for tree in trees[1:]:
        assert np.array_equal(tree.tree_.feature, trees[0].tree_.feature), "a tie between splits"
        assert np.array_equal(tree.tree_.threshold, trees[0].tree_.threshold), "a tie between splits"


for criterion, depth in [("gini", 3), ("entropy", 3), ("gini", 2)]:
    assert_no_ties(lambda s: DecisionTreeClassifier(criterion=criterion, max_depth=depth, random_state=s), X_tree, y_tree)
    model = DecisionTreeClassifier(criterion=criterion, max_depth=depth, random_state=0).fit(X_tree, y_tree)
    add(f"decisionTree/{criterion}-depth{depth}", {"X": X_tree, "y": y_tree, "Xnew": X_tree_new},
        {"proba": model.predict_proba(X_tree_new), "feature_importances": model.feature_importances_,
         "n_leaves": float(model.get_n_leaves())}, {"criterion": criterion, "max_depth": float(depth)})
model = DecisionTreeClassifier(random_state=0).fit(X_tree, y_tree)
add("decisionTree/full-depth", {"X": X_tree, "y": y_tree}, {"train_accuracy": model.score(X_tree, y_tree)},
    {"criterion": "gini"})
for counts_parent, children in [([6, 4], [[5, 1], [1, 3]]), ([10, 10, 5], [[8, 2, 0], [2, 8, 5]]),
                                ([3, 3], [[3, 0], [0, 3]])]:
    parent = np.array(counts_parent, float)
    gini_parent = 1 - np.sum((parent / parent.sum()) ** 2)
    gini_children = [1 - np.sum((np.array(c) / np.sum(c)) ** 2) for c in children]
    entropy_children = [scipy_entropy(c, base=2) for c in children]
    weights = [np.sum(c) / parent.sum() for c in children]
    add(f"impurity/{counts_parent}", {"parent": parent, "children": np.array(children, float)},
        {"gini": gini_parent, "entropy": scipy_entropy(parent, base=2),
         "gain_entropy": scipy_entropy(parent, base=2) - np.dot(weights, entropy_children),
         "gain_gini": gini_parent - np.dot(weights, gini_children)})

# A random forest with all features tried at each split, so that given its bootstrap samples
# (scikit-learn's own, read back from its trees' seeds) each tree is determined.
# Depth 2: at depth 3 some of these trees meet equally good splits on different features.
forest = RandomForestClassifier(n_estimators=6, max_depth=2, max_features=None, random_state=3).fit(X_tree, y_tree)
indices = np.array([_generate_sample_indices(t.random_state, len(X_tree), len(X_tree), None) for t in forest.estimators_])
for r in indices:
    assert_no_ties(lambda s: DecisionTreeClassifier(max_depth=2, random_state=s),
                   X_tree, y_tree, np.bincount(r, minlength=len(X_tree)).astype(float))
add("randomForest/given-bootstraps", {"X": X_tree, "y": y_tree, "Xnew": X_tree_new, "bootstrap_indices": indices},
    {"proba": forest.predict_proba(X_tree_new), "feature_importances": forest.feature_importances_},
    {"max_depth": 2.0})

# LinearSVC (liblinear) to a tight tolerance on both sides: the optimum is unique. (At tol 1e-12
# liblinear's hinge-loss solver stops at max_iter without converging, at a point that depends on
# its random visiting order; 1e-8 converges.)
for name, y, loss in [("squared-hinge", y_bin, "squared_hinge"), ("hinge", y_bin, "hinge"),
                      ("ovr-squared-hinge", y_three, "squared_hinge")]:
    model = LinearSVC(loss=loss, tol=1e-8, max_iter=1000000, random_state=0).fit(X_cls, y)
    add(f"linearSVC/{name}", {"X": X_cls, "y": y, "Xnew": X_cls_new},
        {"coef": model.coef_, "intercept": model.intercept_, "predict": model.predict(X_cls_new)},
        {"loss": loss, "tol": 1e-8, "rtol": 1e-6})

# Folds and cross-validation (no shuffling: deterministic).
for n, k in [(11, 3), (20, 5)]:
    folds = list(KFold(n_splits=k).split(np.zeros((n, 1))))
    add(f"kFold/{n}-{k}", {}, {f"test{i}": test for i, (_, test) in enumerate(folds)}, {"n": float(n), "n_splits": float(k)})
strat_y = np.array([2, 0, 1, 0, 0, 2, 1, 0, 0, 1, 0, 2, 0, 1, 0, 0, 1, 0], float)
for k in [3, 4]:
    folds = list(StratifiedKFold(n_splits=k).split(np.zeros((len(strat_y), 1)), strat_y))
    add(f"stratifiedKFold/{k}", {"y": strat_y}, {f"test{i}": test for i, (_, test) in enumerate(folds)},
        {"n_splits": float(k)})
add("crossValScore/linearRegression-5", {"X": X_reg, "y": y_reg},
    {"scores": cross_val_score(LinearRegression(), X_reg, y_reg, cv=5)}, {"cv": 5.0})
add("crossValScore/gaussianNB-3", {"X": X_cls, "y": y_three},
    {"scores": cross_val_score(GaussianNB(), X_cls, y_three, cv=3)}, {"cv": 3.0})

# Bias-variance decomposition (mlxtend's definitions) on given bootstrap samples.
X_bv_train, y_bv_train, X_bv_test, y_bv_test = X_reg[:20], y_reg[:20], X_reg[20:], y_reg[20:]
rounds = rng.randint(0, 20, size=(25, 20))
preds = np.array([LinearRegression().fit(X_bv_train[r], y_bv_train[r]).predict(X_bv_test) for r in rounds])
main = preds.mean(axis=0)
add("biasVariance/mse-linearRegression",
    {"X_train": X_bv_train, "y_train": y_bv_train, "X_test": X_bv_test, "y_test": y_bv_test, "indices": rounds},
    {"expected_loss": ((preds - y_bv_test) ** 2).mean(), "bias": ((main - y_bv_test) ** 2).mean(),
     "variance": ((preds - main) ** 2).mean()}, {"loss": "mse"})
X_bc_train, y_bc_train, X_bc_test, y_bc_test = X_tree[:60], y_tree[:60], X_tree[60:], y_tree[60:]
rounds = rng.randint(0, 60, size=(25, 60))
preds = np.array([DecisionTreeClassifier(max_depth=1, random_state=0).fit(X_bc_train[r], y_bc_train[r]).predict(X_bc_test)
                  for r in rounds]).astype(int)
main = np.array([np.argmax(np.bincount(column)) for column in preds.T])
add("biasVariance/0-1-stump",
    {"X_train": X_bc_train, "y_train": y_bc_train, "X_test": X_bc_test, "y_test": y_bc_test, "indices": rounds},
    {"expected_loss": (preds != y_bc_test).mean(), "bias": (main != y_bc_test).mean(),
     "variance": (preds != main).mean()}, {"loss": "0-1_loss", "max_depth": 1.0})

out = {"generator": "reference/sklearn_scipy.py",
       "versions": {"scipy": scipy.__version__, "scikit-learn": sklearn.__version__,
                    "statsmodels": statsmodels.__version__, "numpy": np.__version__},
       "cases": cases}
path = pathlib.Path(__file__).parent / "cases" / "sklearn_scipy.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {len(cases)} cases to {path}")

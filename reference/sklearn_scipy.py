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

ML_CASES = pathlib.Path(__file__).with_name("sklearn_cases.py")
if ML_CASES.exists():
    exec(ML_CASES.read_text())

out = {"generator": "reference/sklearn_scipy.py",
       "versions": {"scipy": scipy.__version__, "scikit-learn": sklearn.__version__,
                    "statsmodels": statsmodels.__version__, "numpy": np.__version__},
       "cases": cases}
path = pathlib.Path(__file__).parent / "cases" / "sklearn_scipy.json"
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {len(cases)} cases to {path}")

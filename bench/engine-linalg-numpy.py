"""The numpy side of bench/engine-linalg.sh: solve, inv, svd, eigh and cholesky on the same kinds
of matrices (numpy.linalg, float64, LAPACK through numpy's OpenBLAS). Prints JSON timings in
seconds (fastest of several repeats)."""
import json
import sys

import numpy as np

from timing import fastest


sizes = [int(s) for s in sys.argv[1].split(",")] if len(sys.argv) > 1 else [64, 256, 512]
rng = np.random.default_rng(0)
results = {}
for n in sizes:
    inner = max(1, 4_000_000 // n ** 3)
    a = rng.standard_normal((n, n))
    well_conditioned = a + n * np.eye(n)
    symmetric = (a + a.T) / 2
    positive_definite = a @ a.T + n * np.eye(n)
    b = rng.standard_normal(n)
    results[f"solve_{n}"] = fastest(5, inner, lambda: np.linalg.solve(well_conditioned, b))
    results[f"inv_{n}"] = fastest(5, inner, lambda: np.linalg.inv(well_conditioned))
    results[f"svd_{n}"] = fastest(5, inner, lambda: np.linalg.svd(a))
    results[f"eigh_{n}"] = fastest(5, inner, lambda: np.linalg.eigh(symmetric))
    results[f"cholesky_{n}"] = fastest(5, inner, lambda: np.linalg.cholesky(positive_definite))
print(json.dumps(results))

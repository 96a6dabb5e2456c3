#!/usr/bin/env bash
# TallyEngine's linear algebra (LAPACK through Debian's LAPACKE and OpenBLAS) against numpy.linalg
# on this machine: solve, inv, svd, eigh and cholesky at n = 64, 256, 512. Prints time ratios
# (engine / numpy; below 1 means the engine is faster). Each side runs ROUNDS times, alternating,
# and keeps its fastest time per workload, so a burst of load on the shared machine hits both alike.
# Usage: bench/engine-linalg.sh [comma-separated sizes]
set -euo pipefail
source "$(dirname "$0")/engine-versus-numpy.sh"
SIZES=${1:-64,256,512}
engine_versus_numpy tally-bench-linalg bench/engine-linalg-numpy.py "$SIZES"

"$PYTHON" - "$SIZES" "${ENGINE[@]}" "${NUMPY[@]}" <<'PY'
import sys
sys.path.insert(0, "bench")
from timing import engine_and_numpy
sizes, engine, numpy = engine_and_numpy(sys.argv[1:])
print(f"{'workload':<20}{'engine µs':>12}{'numpy µs':>12}{'ratio':>8}")
for operation in ["solve", "inv", "svd", "eigh", "cholesky"]:
    for n in sizes:
        e, p = engine[f"{operation}_{n}"], numpy[f"{operation}_{n}"]
        print(f"{operation + ' n=' + n:<20}{e * 1e6:12.1f}{p * 1e6:12.1f}{e / p:8.2f}")
PY

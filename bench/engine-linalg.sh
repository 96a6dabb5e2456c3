#!/usr/bin/env bash
# TallyEngine's linear algebra (LAPACK through Debian's LAPACKE and OpenBLAS) against numpy.linalg
# on this machine: solve, inv, svd, eigh and cholesky at n = 64, 256, 512. Prints time ratios
# (engine / numpy; below 1 means the engine is faster). Each side runs ROUNDS times, alternating,
# and keeps its fastest time per workload, so a burst of load on the shared machine hits both alike.
# Usage: bench/engine-linalg.sh [comma-separated sizes]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-${TALLY_PYTHON:-$( [ -x .venv/bin/python3 ] && echo .venv/bin/python3 || echo python3 )}}
SIZES=${1:-64,256,512}
ROUNDS=${ROUNDS:-3}

swift build -c release --scratch-path .build-engine --product tally-bench-linalg >&2
ENGINE=() NUMPY=()
for _ in $(seq "$ROUNDS"); do
    ENGINE+=("$(.build-engine/release/tally-bench-linalg "$SIZES")")
    NUMPY+=("$("$PYTHON" bench/engine-linalg-numpy.py "$SIZES")")
done

"$PYTHON" - "$SIZES" "${ENGINE[@]}" "${NUMPY[@]}" <<'PY'
import json, sys
sizes, runs = sys.argv[1].split(","), [json.loads(r) for r in sys.argv[2:]]
half = len(runs) // 2
def fastest(side):
    return {key: min(run[key] for run in side) for key in side[0]}
engine, numpy = fastest(runs[:half]), fastest(runs[half:])
print(f"{'workload':<20}{'engine µs':>12}{'numpy µs':>12}{'ratio':>8}")
for operation in ["solve", "inv", "svd", "eigh", "cholesky"]:
    for n in sizes:
        e, p = engine[f"{operation}_{n}"], numpy[f"{operation}_{n}"]
        print(f"{operation + ' n=' + n:<20}{e * 1e6:12.1f}{p * 1e6:12.1f}{e / p:8.2f}")
PY

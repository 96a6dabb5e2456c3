#!/usr/bin/env bash
# TallyEngine against numpy on this machine: matmul at n = 4…1024 and one epoch of a
# 784-128-10 MLP (batch 64, forward + backward + Adam). Prints time ratios (engine / numpy;
# below 1 means the engine is faster). Each side runs ROUNDS times, alternating, and keeps its
# fastest time per workload, so a burst of load on the shared machine hits both sides alike.
# Usage: bench/engine-matmul.sh [comma-separated sizes]
set -euo pipefail
source "$(dirname "$0")/engine-versus-numpy.sh"
SIZES=${1:-4,16,64,256,512,1024}
engine_versus_numpy tally-bench-engine bench/engine-matmul-numpy.py "$SIZES"

"$PYTHON" - "$SIZES" "${ENGINE[@]}" "${NUMPY[@]}" <<'PY'
import sys
sys.path.insert(0, "bench")
from timing import engine_and_numpy
sizes, engine, numpy = engine_and_numpy(sys.argv[1:])
def us(s): return f"{s * 1e6:12.1f}"
print(f"{'workload':<26}{'engine µs':>12}{'numpy µs':>12}{'ratio':>8}   {'Swift loops µs':>14}{'BLAS µs':>12}")
for n in sizes:
    e, p = engine[f"matmul_{n}"], numpy[f"matmul_{n}"]
    swift = us(engine[f"matmul_{n}_swift"]) if f"matmul_{n}_swift" in engine else f"{'—':>12}"
    print(f"{'matmul n=' + n:<26}{us(e)}{us(p)}{e / p:8.2f}   {swift:>14}{us(engine[f'matmul_{n}_blas'])}")
e, p = engine["mlp_epoch"], numpy["mlp_epoch"]
print(f"{'MLP epoch (%d samples)' % engine['mlp_samples']:<26}{us(e)}{us(p)}{e / p:8.2f}")
PY

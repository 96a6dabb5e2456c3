#!/usr/bin/env bash
# TallyEngine against numpy on this machine: matmul at n = 4…1024 and one epoch of a
# 784-128-10 MLP (batch 64, forward + backward + Adam). Prints time ratios (engine / numpy;
# below 1 means the engine is faster). Each side runs ROUNDS times, alternating, and keeps its
# fastest time per workload, so a burst of load on the shared machine hits both sides alike.
# Usage: bench/engine-matmul.sh [comma-separated sizes]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-${TALLY_PYTHON:-$( [ -x .venv/bin/python3 ] && echo .venv/bin/python3 || echo python3 )}}
SIZES=${1:-4,16,64,256,512,1024}
ROUNDS=${ROUNDS:-3}

swift build -c release --scratch-path .build-engine --product tally-bench-engine >&2
ENGINE=() NUMPY=()
for _ in $(seq "$ROUNDS"); do
    ENGINE+=("$(.build-engine/release/tally-bench-engine "$SIZES")")
    NUMPY+=("$("$PYTHON" bench/engine-matmul-numpy.py "$SIZES")")
done

"$PYTHON" - "$SIZES" "${ENGINE[@]}" "${NUMPY[@]}" <<'PY'
import json, sys
sizes, runs = sys.argv[1].split(","), [json.loads(r) for r in sys.argv[2:]]
half = len(runs) // 2
def fastest(side):
    return {key: min(run[key] for run in side) for key in side[0]}
engine, numpy = fastest(runs[:half]), fastest(runs[half:])
def us(s): return f"{s * 1e6:12.1f}"
print(f"{'workload':<26}{'engine µs':>12}{'numpy µs':>12}{'ratio':>8}   {'Swift loops µs':>14}{'BLAS µs':>12}")
for n in sizes:
    e, p = engine[f"matmul_{n}"], numpy[f"matmul_{n}"]
    swift = us(engine[f"matmul_{n}_swift"]) if f"matmul_{n}_swift" in engine else f"{'—':>12}"
    print(f"{'matmul n=' + n:<26}{us(e)}{us(p)}{e / p:8.2f}   {swift:>14}{us(engine[f'matmul_{n}_blas'])}")
e, p = engine["mlp_epoch"], numpy["mlp_epoch"]
print(f"{'MLP epoch (%d samples)' % engine['mlp_samples']:<26}{us(e)}{us(p)}{e / p:8.2f}")
PY

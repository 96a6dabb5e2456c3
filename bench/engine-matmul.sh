#!/usr/bin/env bash
# TallyEngine against numpy on this machine: matmul at n = 4…1024 and one epoch of a
# 784-128-10 MLP (batch 64, forward + backward + Adam). Prints time ratios (engine / numpy;
# below 1 means the engine is faster). Timings are the fastest of several repeats.
# Usage: bench/engine-matmul.sh [comma-separated sizes]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-${TALLY_PYTHON:-$( [ -x .venv/bin/python3 ] && echo .venv/bin/python3 || echo python3 )}}
SIZES=${1:-4,16,64,256,512,1024}

swift build -c release --scratch-path .build-engine --product tally-bench-engine >&2
ENGINE=$(.build-engine/release/tally-bench-engine "$SIZES")
NUMPY=$("$PYTHON" bench/engine-matmul-numpy.py "$SIZES")

"$PYTHON" - "$ENGINE" "$NUMPY" "$SIZES" <<'PY'
import json, sys
engine, numpy, sizes = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3].split(",")
def us(s): return f"{s * 1e6:12.1f}"
print(f"{'workload':<22}{'engine µs':>12}{'numpy µs':>12}{'ratio':>8}   {'swift loops µs':>14}{'BLAS µs':>12}")
for n in sizes:
    e, p = engine[f"matmul_{n}"], numpy[f"matmul_{n}"]
    swift = engine.get(f"matmul_{n}_swift")
    print(f"{'matmul n=' + n:<22}{us(e)}{us(p)}{e / p:8.2f}   {us(swift) if swift else ' ' * 12 + '—':>14}{us(engine[f'matmul_{n}_blas'])}")
e, p = engine["mlp_epoch"], numpy["mlp_epoch"]
print(f"{'MLP epoch (%d samples)' % engine['mlp_samples']:<22}{us(e)}{us(p)}{e / p:8.2f}")
PY

#!/usr/bin/env bash
# TallyEngine against PyTorch on this machine: an LSTM over a sequence and multi-head
# self-attention, forward and forward + backward, both in float64 on the CPU and both held to one
# thread (OPENBLAS_NUM_THREADS=1, torch.set_num_threads(1)) so the shared machine's load hits
# them alike. Prints time ratios (engine / torch; below 1 means the engine is faster). Each side
# runs ROUNDS times, alternating, and keeps its fastest time per workload.
# Needs torch: TORCH_PYTHON (default /work/refvenv/bin/python, else python3 with torch).
# Usage: bench/engine-sequence.sh
set -euo pipefail
cd "$(dirname "$0")/.."
TORCH_PYTHON=${TORCH_PYTHON:-$( [ -x /work/refvenv/bin/python ] && echo /work/refvenv/bin/python || echo python3 )}
ROUNDS=${ROUNDS:-3}
SIZES=(repeats=5 lstm_steps=32 lstm_batch=16 lstm_input=64 lstm_hidden=128
       mha_batch=8 mha_tokens=64 mha_embed=128 mha_heads=8)
if ! "$TORCH_PYTHON" -c "import torch" 2>/dev/null; then
    echo "engine-sequence: no torch in $TORCH_PYTHON (set TORCH_PYTHON); nothing to compare against" >&2
    exit 1
fi

swift build -c release --scratch-path .build-engine --product tally-bench-sequence >&2
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
ENGINE=() TORCH=()
for _ in $(seq "$ROUNDS"); do
    ENGINE+=("$(.build-engine/release/tally-bench-sequence "${SIZES[@]}")")
    TORCH+=("$("$TORCH_PYTHON" -c 'import torch; torch.set_num_threads(1); import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name="__main__")' bench/engine-sequence-torch.py "${SIZES[@]}")")
done

"$TORCH_PYTHON" - "${SIZES[*]}" "${ENGINE[@]}" "${TORCH[@]}" <<'PY'
import json, sys
sizes, runs = dict(a.split("=") for a in sys.argv[1].split()), [json.loads(r) for r in sys.argv[2:]]
half = len(runs) // 2
def fastest(side):
    return {key: min(run[key] for run in side) for key in side[0]}
engine, torch = fastest(runs[:half]), fastest(runs[half:])
print(f"LSTM: {sizes['lstm_steps']} steps, batch {sizes['lstm_batch']}, {sizes['lstm_input']} → {sizes['lstm_hidden']}; "
      f"attention: batch {sizes['mha_batch']}, {sizes['mha_tokens']} tokens, embed {sizes['mha_embed']}, {sizes['mha_heads']} heads")
print(f"{'workload':<28}{'engine ms':>12}{'torch ms':>12}{'ratio':>8}")
for key, label in [("lstm_forward", "LSTM forward"), ("lstm_forward_backward", "LSTM forward+backward"),
                   ("mha_forward", "attention forward"), ("mha_forward_backward", "attention forward+backward")]:
    e, t = engine[key], torch[key]
    print(f"{label:<28}{e * 1e3:12.2f}{t * 1e3:12.2f}{e / t:8.2f}")
PY

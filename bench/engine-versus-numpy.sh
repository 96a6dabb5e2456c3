# Sourced by bench/engine-matmul.sh and bench/engine-linalg.sh: builds the engine's bench PRODUCT,
# then runs it and NUMPY_SCRIPT ROUNDS times each, alternating, and fills ENGINE and NUMPY with their
# JSON timings. The caller's Python then reads them with bench/timing.py's engine_and_numpy.
#   engine_versus_numpy PRODUCT NUMPY_SCRIPT SIZES
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-${TALLY_PYTHON:-$( [ -x .venv/bin/python3 ] && echo .venv/bin/python3 || echo python3 )}}
ROUNDS=${ROUNDS:-3}
engine_versus_numpy() {
    swift build -c release --scratch-path .build-engine --product "$1" >&2
    ENGINE=() NUMPY=()
    for _ in $(seq "$ROUNDS"); do
        ENGINE+=("$(.build-engine/release/"$1" "$3")")
        NUMPY+=("$("$PYTHON" "$2" "$3")")
    done
}

#!/usr/bin/env bash
# What running notebook programs under bwrap (with the open-file log preloaded) costs, against the
# same check without the sandbox. Not a test: it prints the ratio.
#
#   bench/sandbox-overhead.sh [FOLDER]     (default notebooks/)
#
# sandboxed = `tally check --no-cache FOLDER`
# plain     = `tally check --no-cache --no-sandbox FOLDER`
# Each is timed 3 times, alternating, and the fastest kept (the machine is shared). Target: ≤ 1.05.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/.build/release}
tally=$build/tally
[[ -x $tally && -e $build/libTallyEngine.so ]] || { echo "build first: swift build -c release" >&2; exit 2; }
folder=${1:-$root/notebooks}

seconds() {
    local start end
    start=$(date +%s.%N)
    "$tally" check --no-cache "$@" "$folder" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

best_sandboxed=999999; best_plain=999999
for _ in 1 2 3; do
    s=$(seconds); p=$(seconds --no-sandbox)
    best_sandboxed=$(echo "if ($s < $best_sandboxed) $s else $best_sandboxed" | bc)
    best_plain=$(echo "if ($p < $best_plain) $p else $best_plain" | bc)
done
printf 'sandboxed %.2f s, plain %.2f s: sandboxed/plain = %.3f\n' "$best_sandboxed" "$best_plain" \
    "$(echo "$best_sandboxed / $best_plain" | bc -l)"

#!/usr/bin/env bash
# What typesetting math at build time costs and gives. Not a test: it prints ratios.
#
#   bench/site-math.sh [FOLDER]     (default notebooks/)
#
# build time  = `tally build FOLDER --no-deck` with a warm evaluation cache and every page rendered
#               again (the kept pages, cache/site, removed first), math typeset by KaTeX under Node
#               (the default) with KaTeX's answers kept from the last build (a rebuild: no Node) and
#               without (cache/katex-answers.bin removed too), against the same build with Node hidden
#               (TALLY_NODE names nothing: pages then load KaTeX's script and typeset in the browser)
# page weight = bytes of the HTML pages, raw and gzip -9, for both; plus katex.min.js, which only the
#               browser-typeset pages load
# Each build is timed 5 times (fastest kept) since the machine is shared.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/.build/release}
tally=$build/tally
[[ -x $tally ]] || { echo "build first: swift build -c release" >&2; exit 2; }
folder=${1:-$root/notebooks}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fastest() {  # fastest of 5 wall-clock runs of "$@", in seconds
    local best=
    for _ in 1 2 3 4 5; do
        local start end
        start=$(date +%s.%N)
        "$@" > /dev/null 2>&1
        end=$(date +%s.%N)
        best=$(python3 -c "import sys; a=float(sys.argv[1]); b=sys.argv[2]; print(a if b=='' else min(a, float(b)))" "$(echo "$end - $start" | bc)" "$best")
    done
    echo "$best"
}

"$tally" build "$folder" -o "$work/warm" --no-deck --cache "$work/cache" > /dev/null 2>&1 || true
katex=$(fastest sh -c 'rm -rf "$1/cache/katex-answers.bin" "$1/cache/site"; exec "$2" build "$3" -o "$1/katex" --no-deck --cache "$1/cache"' - "$work" "$tally" "$folder")
cached=$(fastest sh -c 'rm -rf "$1/cache/site"; exec "$2" build "$3" -o "$1/katex" --no-deck --cache "$1/cache"' - "$work" "$tally" "$folder")
browser=$(fastest sh -c 'rm -rf "$1/cache/site"; exec env TALLY_NODE=/nonexistent "$2" build "$3" -o "$1/browser" --no-deck --cache "$1/cache"' - "$work" "$tally" "$folder")
formulas=$(cat "$work"/katex/site/*.html | grep -o 'class="katex"' | wc -l)
bytes() { cat "$1"/*.html | wc -c; }
gz() { cat "$1"/*.html | gzip -9 | wc -c; }
python3 - "$katex" "$cached" "$browser" "$formulas" "$(bytes "$work/katex/site")" "$(gz "$work/katex/site")" \
    "$(bytes "$work/browser/site")" "$(gz "$work/browser/site")" "$(gzip -9 < "$work/browser/site/assets/katex/katex.min.js" | wc -c)" <<'PY'
import sys
katex, cached, browser = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
formulas, kb, kgz, bb, bgz, js = map(int, sys.argv[4:])
print(f"build, math typeset by KaTeX at build time: {katex:.2f} s ({formulas} typeset formulas on the pages)")
print(f"rebuild, KaTeX's answers from the cache:    {cached:.2f} s")
print(f"build, math left to the browser:            {browser:.2f} s")
print(f"ratio build-time/browser: {katex / browser:.2f} (+{katex - browser:.2f} s per build), "
      f"cached/browser: {cached / browser:.2f} (+{cached - browser:.2f} s)")
print(f"HTML pages: {kb / 1e6:.2f} MB ({kgz / 1e3:.0f} kB gzip) typeset, {bb / 1e6:.2f} MB ({bgz / 1e3:.0f} kB gzip) browser-typeset"
      f" + katex.min.js {js / 1e3:.0f} kB gzip; ratio {kgz / (bgz + js):.2f} gzip")
PY

#!/usr/bin/env bash
# How much `tally check` adds to compiling and running a collection's cells by hand, and how
# little a warm check (nothing changed) costs. Not a test: it prints ratios.
#
#   bench/check-overhead.sh [FOLDER]     (default notebooks/; sample notebooks if it has no cells)
#
# cold  = `tally check FOLDER` with an empty cache
# hand  = the same runnable cells concatenated per notebook (plus the two imports), compiled as a
#         person would, `swiftc -Onone` with only the flags that find the engine, and run, notebooks
#         in parallel like tally does
# warm  = `tally check FOLDER` again
# Each is timed 3 times (fastest kept) since the machine is shared. Targets: cold/hand ≤ 1.15,
# warm/cold ≤ 0.05. Also times a cold check with -O (`--optimize`) to compare against -Onone.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/.build/release}
tally=$build/tally
[[ -x $tally && -e $build/libTallyEngine.so ]] || { echo "build first: swift build -c release" >&2; exit 2; }
folder=${1:-$root/notebooks}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! grep -rlq '^```swift' --include='*.md' "$folder" 2>/dev/null; then
    folder=$work/notebooks
    mkdir -p "$folder"
    for i in 1 2 3 4 5 6; do
        cat > "$folder/sample-$i.md" <<NOTEBOOK
# Sample $i

\`\`\`swift
let x = Tensor([[1.0, 2.0], [3.0, $i.0]])
let y = matmul(x, x)
print(y)
\`\`\`

\`\`\`swift
var total = 0.0
for k in 1...100_000 { total += sigmoid(Double(k % 7) - 3) }
show(total)
\`\`\`

\`\`\`swift
let m = mean([1, 2, 3, Double($i)])
\`\`\`

The mean is \`{swift %.2f} m\`.
NOTEBOOK
    done
    echo "($root/notebooks has no cells: using 6 sample notebooks)"
fi

flags=(-Onone -I "$build/Modules" -I "$root/Sources/CBLAS" -I "$root/Sources/CLAPACK" -L "$build" -lTallyEngine -Xlinker -rpath -Xlinker "$build")
by_hand() {
    rm -rf "$work/hand"
    mkdir -p "$work/hand"
    local n=0
    while IFS= read -r -d '' file; do
        n=$((n + 1))
        mkdir -p "$work/hand/$n"
        { echo "import Foundation"; echo "import TallyEngine"
          awk '/^```swift/ { keep = ($0 !~ /no-run|expect-error/); inside = 1; next }
               /^```/ && inside { inside = 0; next }
               inside && keep' "$file"; } > "$work/hand/$n/main.swift"
    done < <(find "$folder" -name '*.md' -print0)
    ls "$work/hand" | xargs -P "$(nproc)" -I{} sh -c \
        'cd "$0/{}" && swiftc "$@" main.swift -o program 2>/dev/null && ./program >/dev/null 2>&1 || true' "$work/hand" "${flags[@]}"
}

seconds() { local start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; echo "$(date +%s.%N) - $start" | bc; }
fastest() { printf '%s\n' "$@" | sort -g | head -1; }

hand=() cold=() warm=() optimized=()
for round in 1 2 3; do
    hand+=("$(seconds by_hand)")
    rm -rf "$work/cache"
    cold+=("$(seconds "$tally" check --cache "$work/cache" "$folder")")
    warm+=("$(seconds "$tally" check --cache "$work/cache" "$folder")")
    rm -rf "$work/cache-O"
    optimized+=("$(seconds "$tally" check --optimize --cache "$work/cache-O" "$folder")")
done
h=$(fastest "${hand[@]}") c=$(fastest "${cold[@]}") w=$(fastest "${warm[@]}") o=$(fastest "${optimized[@]}")
echo "notebooks: $(find "$folder" -name '*.md' | wc -l) in $folder"
printf 'by hand (swiftc + run):  %6.2f s\n' "$h"
printf 'cold tally check:        %6.2f s\n' "$c"
printf 'cold tally check -O:     %6.2f s\n' "$o"
printf 'warm tally check:        %6.3f s\n' "$w"
printf 'overhead ratio cold/hand: %.2f (target ≤ 1.15)\n' "$(echo "$c / $h" | bc -l)"
printf 'warm/cold ratio:          %.3f (target ≤ 0.05)\n' "$(echo "$w / $c" | bc -l)"

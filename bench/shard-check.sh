#!/usr/bin/env bash
# Does `tally check --shard K/N` divide the work evenly? Not a test: it prints times and ratios.
#
#   COPIES=4 bench/shard-check.sh        (COPIES=1 for a quick run; BUILD_DIR to use another build)
#
# The corpus is COPIES copies of notebooks/*.md (25 notebooks, all with cells), every cell given a
# comment line naming its copy so that no two copies share a cached result. Then, every check cold
# (no cached results) with the default --jobs:
#   1 shard    `tally check notebooks`
#   round 1    no cache: `--shard 1/4` … `4/4` one after another, costs estimated from the sources
#   round 2    no cached results, but the cost records of round 1 (.tally-cache/costs): the same 4 shards
# Each shard starts from the same cache, as CI jobs restoring one cache do (a shard must not see the
# costs another shard of its round just recorded), and their caches are merged by copying files.
# For each round: each shard's wall time and notebook count, max/mean of the shard times (1.00 is an
# even split; the slowest shard is what a CI matrix waits for), and the sum of the shards over 1 shard;
# then both rounds' shards weighed by the costs recorded in round 1 (the split as the partition sees it;
# wall times on a shared machine add their noise, printed as how far apart the copies of one notebook
# were measured).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${BUILD_DIR:-$root/.build/release}" 2>/dev/null && pwd) || { echo "no build folder: swift build -c release (or set BUILD_DIR)" >&2; exit 2; }
tally=$build/tally
[[ -x $tally && -e $build/libTallyEngine.so ]] || { echo "build first: swift build -c release (or set BUILD_DIR)" >&2; exit 2; }
copies=${COPIES:-4}
shards=4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

corpus=$work/corpus
mkdir -p "$corpus/.git" "$corpus/notebooks"   # .git: the corpus is the project, its cache is corpus/.tally-cache
for ((c = 1; c <= copies; c++)); do
    mkdir -p "$corpus/notebooks/copy-$c"
    for file in "$root"/notebooks/*.md; do
        awk -v copy="$c" '{ print } /^```swift/ { print "// corpus copy " copy }' "$file" > "$corpus/notebooks/copy-$c/$(basename "$file")"
    done
done
count=$(find "$corpus/notebooks" -name '*.md' | wc -l)
echo "corpus: $count notebooks ($copies copies of notebooks/), $(grep -rh '^```swift' "$corpus/notebooks" | wc -l) cells; build: $build"

# Seconds of one check, its output kept for the notebook count.
check() {
    local start end
    start=$(date +%s.%N)
    (cd "$corpus" && "$tally" check notebooks "$@" > "$work/out" 2>&1) || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
checked() { grep -o 'checked [0-9]* notebook' "$work/out" | grep -o '[0-9]*' || echo '?'; }

rm -rf "$corpus/.tally-cache"
one=$(check)
printf '1 shard: %.1f s, %s notebooks\n' "$one" "$(checked)"

# The shards of a round run one after another, but each as a CI job would: from the same cache
# ($work/restored), its own cache then merged into $work/merged by copying files.
round_number=0
round() {
    local name=$1 times=() t k
    round_number=$((round_number + 1))
    rm -rf "$work/merged"
    mkdir -p "$work/merged"
    for ((k = 1; k <= shards; k++)); do
        rm -rf "$corpus/.tally-cache"
        cp -r "$work/restored" "$corpus/.tally-cache"
        t=$(check --shard "$k/$shards" --junit "$work/junit-$round_number-$k.xml")
        times+=("$t")
        printf '  shard %d/%d: %6.1f s, %s notebooks\n' "$k" "$shards" "$t" "$(checked)"
        cp -r "$corpus/.tally-cache/." "$work/merged/"
    done
    printf '%s\n' "${times[@]}" | awk -v name="$name" -v one="$one" '
        { sum += $1; if ($1 > max) max = $1 }
        END { printf "%s: max/mean %.2f, slowest shard %.1f s, sum of shards / 1 shard %.2f\n", name, max / (sum / NR), max, sum / one }'
}

rm -rf "$work/restored"
mkdir -p "$work/restored"
round "round 1 (no cost records: estimated from the sources)"
rm -rf "$work/restored"
mkdir -p "$work/restored"
cp -r "$work/merged/costs" "$work/restored/costs"   # results forgotten, costs kept
echo "cost records after round 1: $(ls "$work/restored/costs" | wc -l)"
round "round 2 (costs recorded in round 1)"

# The same shards weighed by the costs recorded in round 1 (less noisy than wall times on a shared
# machine): what each round's split looks like to the partition.
python3 - "$work" "$shards" <<'PYTHON'
import glob, json, re, sys
work, shards = sys.argv[1], int(sys.argv[2])
costs = {}
for name in glob.glob(f"{work}/restored/costs/*.json"):
    record = json.load(open(name))
    costs[record["path"]] = record["milliseconds"]
known = sorted(costs.values())
print(f"recorded costs: {len(known)} notebooks, min {known[0] / 1000:.1f} s, median {known[len(known) // 2] / 1000:.1f} s, "
      f"max {known[-1] / 1000:.1f} s, total {sum(known) / 1000:.1f} s")
# The copies of one notebook did the same work: how far apart their records are is the noise of the
# machine the costs were measured on.
spread = {}
for path, ms in costs.items():
    spread.setdefault(path.split("/", 2)[-1], []).append(ms)
ratios = sorted(max(v) / max(1, min(v)) for v in spread.values() if len(v) > 1)
if ratios:
    print(f"noise: copies of the same notebook recorded costs max/min median {ratios[len(ratios) // 2]:.2f}, worst {ratios[-1]:.2f}")
for round in (1, 2):
    loads = []
    for k in range(1, shards + 1):
        paths = re.findall(r'<testsuite name="([^"]*)"', open(f"{work}/junit-{round}-{k}.xml").read())
        loads.append(sum(costs.get(p, 0) for p in paths) / 1000)
    mean = sum(loads) / len(loads)
    print(f"round {round} by recorded cost: " + ", ".join(f"{x:.1f} s" for x in loads) + f"; max/mean {max(loads) / mean:.2f}")
PYTHON

#!/usr/bin/env bash
# Speed at scale (issue "Speed at scale"): whole processes on the user's five seeds imported and copied
# COPIES times (default 20: 100 notebooks), against cmark-gfm and pandoc measured in the same run.
# Not a test: it prints ratios (fastest of ROUNDS runs each, default 5; the full build, cmark-gfm and pandoc
# in turn within each round) and never fails on a number.
#
#   bench/site-build.sh [SEEDS_FOLDER]        (default ../shared/seeds beside the checkout)
#
# full         = tally build CORPUS --no-deck from scratch: no output, no cache (cells: the seeds have none);
#                removing the last round's output and cache is not timed
# (every timed round is one process, as cmark-gfm's and pandoc's are)
# cmark-gfm    = cmark-gfm -e table -e strikethrough -e autolink -e tasklist on the corpus concatenated
# pandoc       = pandoc -f gfm -t html on the same text
# incremental  = tally build again after appending a line to one notebook (the cache kept by earlier builds;
#                the edit itself is not timed)
# serve        = tally serve: from appending a line to one notebook until the page served has it (a second
#                after the previous save), as an open page sees it: its live-reload event, then the page
# adversarial  = tally build from scratch of 270 KB of escaped backticks and of a 300-column table with 300 rows
#                (../shared/cases/markdown/gen-17-18.sh 90000 300), each against the full corpus; and the same at
#                4 times the input (360000 1200), against the first
# memory       = peak resident set (GNU time's %M) of the full and of the incremental build
# scaling      = full and incremental builds, memory and site bytes at SCALE copies (default "20 60 200":
#                100, 300 and 1,000 notebooks); SCALE="" skips it
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/.build/release}
tally=$build/tally
[[ -x $tally ]] || { echo "build first: swift build -c release" >&2; exit 2; }
seeds=${1:-$root/../shared/seeds}
copies=${COPIES:-20}
rounds=${ROUNDS:-5}
for tool in cmark-gfm pandoc; do
    command -v $tool >/dev/null || { echo "needs $tool (Debian package $tool; make bench installs it)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# set_aside PATH...: moves the last round's output and cache out of the way (removed when the bench ends)
# rather than deleting them. On ext4 without a journal (this machine's disk), creating a file within
# a minute of deleting thousands costs up to 0.4 ms (the allocator skips inodes freed in the last minute,
# `recently_deleted`), which a first build in a fresh checkout does not meet and cmark-gfm, writing no
# file, never does.
set_aside() {
    mkdir -p "$work/set-aside"
    for path in "$@"; do [[ -e $path ]] && mv "$path" "$(mktemp -d "$work/set-aside/XXXXXX")/"; done
    return 0
}

# The corpus: the seeds imported once, then copied with card ids and file names made unique per copy.
"$tally" import "$seeds"/* -o "$work/imported" >/dev/null 2>&1 || true
make_corpus() {  # make_corpus FOLDER COPIES
    set_aside "$1" && mkdir -p "$1"
    for i in $(seq 1 "$2"); do
        for f in "$work"/imported/*.md; do
            stem=$(basename "$f" .md)
            sed -E "s/\{#([^ }]+)/{#\1-copy$i/" "$f" > "$1/$stem-$i.md"
        done
    done
}
make_corpus "$work/corpus" "$copies"
cat "$work"/corpus/*.md > "$work/all.md"
notebooks=$(ls "$work"/corpus/*.md | wc -l)
bytes=$(wc -c < "$work/all.md")

# time_once NAME COMMAND...: runs the command once and keeps its wall time in best[NAME] if it is the
# fastest so far. With SETUP set (a shell command), it runs first, untimed: what a round measures is the
# build, not removing the last one's output or making the edit.
declare -A best
time_once() {
    local name=$1; shift
    if [[ -n ${SETUP:-} ]]; then bash -c "$SETUP" >/dev/null 2>&1 || true; fi
    local start=$EPOCHREALTIME  # bash's clock: no process started around the one timed
    "$@" >/dev/null 2>&1 || true
    local t=$(echo "$EPOCHREALTIME - $start" | bc -l)
    if [[ -z ${best[$name]:-} ]] || (( $(echo "$t < ${best[$name]}" | bc -l) )); then best[$name]=$t; fi
}
# fastest NAME COMMAND...: the fastest of ROUNDS runs.
fastest() {
    local name=$1; shift
    for _ in $(seq 1 "$rounds"); do time_once "$name" "$@"; done
}
ratio() { printf "%.2f" "$(echo "$1 / $2" | bc -l)"; }

cd "$work"  # tally runs as the peers do, one process started here (no shell around it)
# The full build and its peers take turns, round by round, so that a slower or faster spell of the machine
# falls on all three rather than on one of them.
for _ in $(seq 1 "$rounds"); do
    SETUP="$(declare -f set_aside); work='$work'; set_aside '$work/out' '$work/corpus/.tally-cache'" time_once full "$tally" build corpus --no-deck -o out
    time_once cmark cmark-gfm -e table -e strikethrough -e autolink -e tasklist "$work/all.md"
    time_once pandoc pandoc -f gfm -t html "$work/all.md"
done

# Incremental: a build with one notebook edited since the last build.
(cd "$work" && "$tally" build corpus --no-deck -o out >/dev/null 2>&1 || true)
edit_one() { echo "Edited at $(date +%s.%N)." >> "$(ls "$1"/*.md | head -1)"; }
SETUP="$(declare -f edit_one); edit_one '$work/corpus'" fastest incremental "$tally" build corpus --no-deck -o out

# Serve: save → the new page served.
port=$((20000 + RANDOM % 20000))
(cd "$work" && exec "$tally" serve corpus --port $port -o served >/dev/null 2>&1 &)
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
first=$(basename "$(ls "$work"/corpus/*.md | head -1)" .md)
serve_min=""
for r in $(seq 1 "$rounds"); do
    sleep 1  # the previous save's rebuild (and its deck, written after the page) is over, as between a user's saves
    marker="served-marker-$r-$RANDOM"
    # As an open page learns of the rebuild: its live-reload event stream (the generation it was served at is
    # in its reload script), then one request for the page. Polling the page instead would add its own interval.
    generation=$(curl -sf "http://127.0.0.1:$port/$first.html" | grep -o 'since=[0-9]*' | head -1 | cut -d= -f2)
    exec {events}< <(exec curl -sN "http://127.0.0.1:$port/__tally/reload?since=${generation:-0}")
    events_pid=$!
    read -r -t 5 -u "$events" _ || true  # the stream is open (its first line, `retry:`, has come)
    start=$EPOCHREALTIME
    echo "$marker" >> "$work/corpus/$first.md"
    while read -r -t 30 -u "$events" line && [[ $line != *reload* ]]; do :; done
    evented=$EPOCHREALTIME
    # Then the page's request, timed by curl itself (starting curl is the bench's cost, not the server's).
    fetch=$(curl -sf -o "$work/served-page" -w '%{time_total}' "http://127.0.0.1:$port/$first.html" || echo 0)
    t=$(echo "$evented - $start + $fetch" | bc -l)
    for _ in $(seq 1 3000); do  # the page has the edit once the event has come; polled only if not
        grep -q "$marker" "$work/served-page" && break
        sleep 0.01
        curl -sf -o "$work/served-page" "http://127.0.0.1:$port/$first.html" || true
        t=$(echo "$EPOCHREALTIME - $start" | bc -l)
    done
    kill "$events_pid" 2>/dev/null || true
    exec {events}<&-
    if [[ -z $serve_min ]] || (( $(echo "$t < $serve_min" | bc -l) )); then serve_min=$t; fi
done
best[serve]=$serve_min
pkill -f "serve corpus --port $port" 2>/dev/null || true

# Adversarial inputs, each alone, built from scratch (no output, no cache), at two sizes: the second 4 times the first.
mkdir -p "$work/hostile" && (cd "$work/hostile" && bash "$root/../shared/cases/markdown/gen-17-18.sh" 90000 300 \
    && bash "$root/../shared/cases/markdown/gen-17-18.sh" 360000 1200)
for f in "$work"/hostile/*.md; do
    stem=$(basename "$f" .md)
    name=adversarial-${stem%%-*}-${stem##*-}
    mkdir -p "$work/$name" && cp "$f" "$work/$name/"
    SETUP="$(declare -f set_aside); work='$work'; set_aside '$work/out-$name' '$work/$name/.tally-cache'" \
        fastest "$name" "$tally" build $name --no-deck -o out-$name
done

# peak FOLDER SETUP: peak resident KiB of one build of FOLDER after running SETUP.
peak() {
    /usr/bin/time -f %M -o "$work/peak-kib" bash -c "$(declare -f edit_one); $2; cd '$work' && '$tally' build $1 --no-deck -o out-$1" >/dev/null 2>&1 || true
    tail -1 "$work/peak-kib"
}
memory=$(peak corpus "rm -rf '$work/out-corpus' '$work/corpus/.tally-cache'")
memory_incremental=$(peak corpus "edit_one '$work/corpus'")
site_bytes=$(du -sb "$work/out-corpus/site" | cut -f1)

# Scaling: the same measures at several sizes.
scaling=()
for n in ${SCALE-20 60 200}; do
    make_corpus "$work/scale" "$n"
    count=$(ls "$work"/scale/*.md | wc -l)
    SETUP="$(declare -f set_aside); work='$work'; set_aside '$work/out-scale' '$work/scale/.tally-cache'" fastest "full-$n" "$tally" build scale --no-deck -o out-scale
    SETUP="$(declare -f edit_one); edit_one '$work/scale'" fastest "incremental-$n" "$tally" build scale --no-deck -o out-scale
    full_kib=$(peak scale "rm -rf '$work/out-scale' '$work/scale/.tally-cache'")
    incremental_kib=$(peak scale "edit_one '$work/scale'")
    scale_bytes=$(du -sb "$work/out-scale/site" | cut -f1)
    scaling+=("$(printf "%5d notebooks: full %6.3f s, incremental %6.3f s (%s of full); peak %d / %d MiB; site %d bytes (%d per notebook)" \
        "$count" "${best[full-$n]}" "${best[incremental-$n]}" "$(ratio "${best[incremental-$n]}" "${best[full-$n]}")" \
        $((full_kib / 1024)) $((incremental_kib / 1024)) "$scale_bytes" $((scale_bytes / count)))")
done

echo "corpus: $notebooks notebooks, $bytes bytes of Markdown; fastest of $rounds; work folder on $(stat -f -c %T "$work")"
printf "full build           %6.3f s\n" "${best[full]}"
printf "cmark-gfm            %6.3f s   full / cmark-gfm = %s (goal ≤ 3)\n" "${best[cmark]}" "$(ratio "${best[full]}" "${best[cmark]}")"
printf "pandoc               %6.3f s   full / pandoc    = %s\n" "${best[pandoc]}" "$(ratio "${best[full]}" "${best[pandoc]}")"
printf "incremental rebuild  %6.3f s   incremental / full = %s (goal ≤ 0.15)\n" "${best[incremental]}" "$(ratio "${best[incremental]}" "${best[full]}")"
printf "serve save → page    %6.3f s   serve / full = %s (goal ≤ 0.2)\n" "${best[serve]}" "$(ratio "${best[serve]}" "${best[full]}")"
for k in "${!best[@]}"; do
    if [[ $k == adversarial-* ]]; then
        printf "%-22s %6.3f s   / full = %s (goal ≤ 1)\n" "$k" "${best[$k]}" "$(ratio "${best[$k]}" "${best[full]}")"
    fi
done | sort
printf "4 times the input     escaped backticks %s times the time, table %s (goal about 4)\n" \
    "$(ratio "${best[adversarial-17-360000]}" "${best[adversarial-17-90000]}")" "$(ratio "${best[adversarial-18-1200]}" "${best[adversarial-18-300]}")"

echo "peak memory: full build $((memory / 1024)) MiB, incremental $((memory_incremental / 1024)) MiB; site: $site_bytes bytes ($((site_bytes / notebooks)) per notebook)"
for line in "${scaling[@]}"; do echo "$line"; done

#!/usr/bin/env bash
# Files a build creates and reads (issue "Speed at scale"): on ext4 every file created after recent
# deletions costs ~0.4 ms of kernel time, so what a build keeps between runs is one file per kind
# (RecordFile) where it need not be a file per notebook. Not a test: prints counts and times, and the
# ratio to a PEER tally (e.g. an older build) measured in the same run when PEER is set.
#
#   bench/cache-files.sh CORPUS_FOLDER         (e.g. the 100 notebooks bench/site-build.sh makes)
#
# created   = files opened with O_CREAT by a build from scratch (strace), and by a rebuild after
#             appending a line to one notebook
# read      = files under .tally-cache opened for reading by that rebuild
# full      = wall, user and system seconds of a build from scratch (output and cache deleted first,
#             as a clean build does), fastest of ROUNDS (default 5), in a folder on TMPDIR's disk
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tally=${BUILD_DIR:-$root/.build/release}/tally
[[ -x $tally ]] || { echo "build first: swift build -c release" >&2; exit 2; }
corpus=${1:?usage: bench/cache-files.sh CORPUS_FOLDER}
rounds=${ROUNDS:-5}
command -v strace >/dev/null || { echo "needs strace" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {  # measure NAME TALLY
    local name=$1 bin=$2 dir=$work/$1
    rm -rf "$dir" && mkdir -p "$dir" && cp -r "$corpus" "$dir/corpus" && rm -rf "$dir/corpus/.tally-cache"
    cd "$dir"
    strace -f -qq -e trace=openat -o "$dir/full.st" "$bin" build corpus --no-deck -o out >/dev/null 2>&1 || true
    local first; first=$(ls corpus/*.md | head -1)
    echo "Edited." >> "$first"
    strace -f -qq -e trace=openat -o "$dir/incr.st" "$bin" build corpus --no-deck -o out >/dev/null 2>&1 || true
    local created incremental read
    created=$(grep -c O_CREAT "$dir/full.st" || true)
    incremental=$(grep -c O_CREAT "$dir/incr.st" || true)
    read=$(grep -v O_CREAT "$dir/incr.st" | grep '\.tally-cache/' | grep O_RDONLY | grep -v -e O_DIRECTORY -e '= -1' | wc -l)
    local best="" line
    for _ in $(seq 1 "$rounds"); do
        rm -rf out corpus/.tally-cache
        /usr/bin/time -o "$dir/time" -f "%e %U %S" "$bin" build corpus --no-deck -o out >/dev/null 2>&1 || true
        line=$(tail -1 "$dir/time")
        if [[ -z $best ]] || (( $(echo "${line%% *} < ${best%% *}" | bc -l) )); then best=$line; fi
    done
    printf '%-6s created %4d (rebuild %3d)  cache files read by rebuild %4d  full build wall/user/sys %s\n' \
        "$name" "$created" "$incremental" "$read" "$best"
    eval "${name}_created=$created ${name}_wall=${best%% *} ${name}_sys=${best##* }"
    cd - >/dev/null
}

measure tally "$tally"
if [[ -n ${PEER:-} ]]; then
    measure peer "$PEER"
    printf 'created %.2f× the peer, full build wall %.2f×, system time %.2f×\n' \
        "$(echo "$tally_created / $peer_created" | bc -l)" "$(echo "$tally_wall / $peer_wall" | bc -l)" \
        "$(echo "$tally_sys / $peer_sys" | bc -l)"
fi

#!/usr/bin/env bash
# Output that grows linearly (issue "Speed at scale", item 5): the size of the site `tally build --no-deck`
# writes for 100 and for 1,000 small notebooks. Each page loads the list of notebooks from one shared
# nav.js instead of carrying it, so bytes per notebook stay flat and a notebook's page keeps its size.
# Not a test: it prints sizes (bytes, as `wc -c` counts them) and never fails on a number.
#
#   bench/site-size.sh            (SIZES="100 1000" by default; BUILD_DIR defaults to .build/release)
#
# total      = every file under the site, KaTeX's files included
# pages      = everything but assets/ (the same for every site): the HTML pages, nav.js, search-index.js and
#              each notebook's cards/PAGE.js and search/PAGE.js
# per nb     = pages / notebooks
# one page   = the page of the second notebook (the same notebook, with the same neighbours, at every size)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${BUILD_DIR:-$root/.build/release}" 2>/dev/null && pwd) || { echo "no build folder ${BUILD_DIR:-$root/.build/release}: swift build -c release" >&2; exit 2; }
tally=$build/tally
[[ -x $tally ]] || { echo "build first: swift build -c release (or BUILD_DIR=.build/debug)" >&2; exit 2; }
sizes=${SIZES:-100 1000}
per=()
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A small notebook: a title, three sections, a formula, a code block, a list and two cards.
notebook() {
    local n=$1
    cat <<MD
# Notebook $n

A short introduction to topic $n, with a formula \$x_{$n} = \\frac{1}{2}\\sum_i w_i\$.

## Definition

Topic $n is defined by its inputs and outputs; see the next section.

## Example

\`\`\`text
input  -> output
MD
    printf '%s\n' '```' ''
    cat <<MD
## Summary

- first point of $n
- second point of $n

::: card {#topic-$n-what}
What is topic $n about?
---
Its inputs and outputs.
:::

::: card {#topic-$n-formula}
Which formula does topic $n use?
---
\$x_{$n} = \\frac{1}{2}\\sum_i w_i\$
:::
MD
}

bytes() { find "$@" -type f -print0 | xargs -0 cat | wc -c; }

printf "%-10s %12s %12s %10s %10s %10s\n" notebooks "total" "pages" "per nb" "one page" "nav.js"
for n in $sizes; do
    dir=$work/n$n
    mkdir -p "$dir/notes"
    for i in $(seq 0 $((n - 1))); do
        id=$(printf %04d "$i")
        notebook "$id" > "$dir/notes/nb$id.md"
    done
    (cd "$dir" && "$tally" build notes --no-deck -o out >"$dir/log" 2>&1) || { tail -5 "$dir/log" >&2; echo "tally build failed for $n notebooks" >&2; exit 1; }
    site=$dir/out/site
    total=$(bytes "$site")
    pages=$(find "$site" -type f ! -path "$site/assets/*" -print0 | xargs -0 cat | wc -c)
    page=$(wc -c < "$site/nb0001.html")
    nav=$( [[ -f $site/nav.js ]] && wc -c < "$site/nav.js" || echo "-")
    printf "%-10s %12d %12d %10d %10d %10s\n" "$n" "$total" "$pages" $((pages / n)) "$page" "$nav"
    per+=("$n:$((pages / n))")
done
# Flat means 1.00: the site grows linearly with the number of notebooks.
first=${per[0]} last=${per[${#per[@]}-1]}
printf "bytes per notebook at %s / at %s: %.2f\n" "${last%%:*}" "${first%%:*}" "$(echo "${last##*:} / ${first##*:}" | bc -l)"

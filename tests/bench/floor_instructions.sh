#!/bin/sh
# The floor ratio of tests/bench/floor.sh counted in instructions instead of
# CPU time: the same pages, libxml2's bare parse (bench_parse) against
# `lede extract --batch` less its start-up (the same command over an empty
# list), each run once under valgrind's callgrind. Instruction counts do not
# move with machine load, so two builds compare exactly on a busy 2-core
# machine where CPU times drift by 20%; they weigh a cache miss like an add,
# so the CPU-time ratio of floor.sh stays the figure of record.
# Usage: floor_instructions.sh BUILD_DIR SHARED_DIR [MAX_PAGES]
set -eu
build=$1 shared=$2 max=${3:-0}
command -v valgrind >/dev/null || { echo "floor_instructions: needs valgrind" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ls "$shared"/data/extraction/scrapinghub/*.html \
  "$shared"/data/extraction/readability/*/source.html > "$tmp/all"
if [ "$max" -gt 0 ]; then head -n "$max" "$tmp/all" > "$tmp/pages"; else cp "$tmp/all" "$tmp/pages"; fi
mkdir -p "$tmp/out"
n=0
while read -r page; do
  n=$((n + 1))
  printf '%s\t%s/out/%d.json\n' "$page" "$tmp" "$n"
done < "$tmp/pages" > "$tmp/list"
: > "$tmp/empty"

# Instructions of one command (callgrind's total for the process).
count() {
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$@" \
    > /dev/null 2> "$tmp/cg.err" || { cat "$tmp/cg.err" >&2; exit 1; }
  sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$tmp/cg.err"
}

# shellcheck disable=SC2046 # one argument per page path
parse=$(count "$build/bench_parse" $(cat "$tmp/pages"))
full=$(count "$build/lede" extract --batch "$tmp/list")
start=$(count "$build/lede" extract --batch "$tmp/empty")
python3 - "$n" "$parse" "$full" "$start" <<'PY'
import sys
n, parse, full, start = (int(x) for x in sys.argv[1:5])
lede = full - start
print("%d pages: parse %.2fM instr/page, lede %.2fM instr/page (start-up %.1fM), "
      "lede / parse = %.3f (instructions)" % (n, parse / n / 1e6, lede / n / 1e6,
                                              start / 1e6, lede / parse))
PY

#!/bin/sh
# Extraction speed of two builds, measured alternately in one go on the same
# machine (noisy machines shift both alike), with the ratio of their medians.
# Usage: scripts/bench-extract-ab.sh BUILD_A BUILD_B SHARED_DIR [ROUNDS] [REPS]
# Example: a checkout of an older commit built in /tmp/old/build against build/.
set -eu
a=$1 b=$2 shared=$3 rounds=${4:-3} reps=${5:-3}
run() { taskset -c 0 "$1/bench_extract" "$shared" "$reps" 2>/dev/null ||
          "$1/bench_extract" "$shared" "$reps"; }
median_of() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
: >/tmp/extract_ab.$$.a
: >/tmp/extract_ab.$$.b
trap 'rm -f /tmp/extract_ab.$$.a /tmp/extract_ab.$$.b' EXIT
i=0
while [ "$i" -lt "$rounds" ]; do
  run "$a" | awk '/^ms\/page/ { sub("median=", "", $2); print $2 }' >>/tmp/extract_ab.$$.a
  run "$b" | awk '/^ms\/page/ { sub("median=", "", $2); print $2 }' >>/tmp/extract_ab.$$.b
  i=$((i + 1))
done
ma=$(median_of </tmp/extract_ab.$$.a)
mb=$(median_of </tmp/extract_ab.$$.b)
echo "A $a: median ms/page per round: $(tr '\n' ' ' </tmp/extract_ab.$$.a)-> $ma"
echo "B $b: median ms/page per round: $(tr '\n' ' ' </tmp/extract_ab.$$.b)-> $mb"
awk -v a="$ma" -v b="$mb" 'BEGIN { printf "B/A = %.2f\n", b / a }'

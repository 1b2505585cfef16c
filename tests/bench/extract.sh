#!/bin/sh
# Extraction speed and memory: pages/s, MB/s and ms/page (median, p90) for
# parse + metadata + content on one core over every development page, then
# the peak RSS of `lede extract` on the largest development page.
# Usage: extract.sh BUILD_DIR SHARED_DIR [REPS]
set -eu
build=$1 shared=$2 reps=${3:-5}
echo "== bench_extract (parse + meta + content, NLP off, one core)"
taskset -c 0 "$build/bench_extract" "$shared" "$reps" 2>/dev/null ||
  "$build/bench_extract" "$shared" "$reps"
largest=$(ls -S "$shared"/data/extraction/scrapinghub/*.html \
  "$shared"/data/extraction/readability/*/source.html | head -n 1)
echo "== peak RSS of lede extract on the largest page ($(wc -c <"$largest") bytes)"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v "$build/lede" extract "$largest" 2>&1 >/dev/null |
    awk '/Maximum resident/ { printf "peak RSS: %.1f MiB\n", $NF / 1024 }'
else
  echo "peak RSS: /usr/bin/time not installed (apt-get install time)"
fi

#!/bin/sh
# The cost of the whole pipeline against its floor, libxml2's bare parse of
# the same pages (issue "the whole pipeline at the cost of one HTML parse").
# On one core, over every development page, three passes interleaved:
#   parse   bench_parse: htmlReadMemory + xmlFreeDoc per page (CPU ms of the
#           parses alone);
#   lede    `lede extract --batch` (everything: parse, metadata, content,
#           entities, quotes, numbers, JSON written to files), CPU ms of the
#           process less that of the same command over an empty list (start-up:
#           models and word lists loaded once per process).
# Prints each pass and the medians with their ratio.
# Usage: floor.sh BUILD_DIR SHARED_DIR
set -eu
build=$1 shared=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ls "$shared"/data/extraction/scrapinghub/*.html \
  "$shared"/data/extraction/readability/*/source.html > "$tmp/pages"
n=0
while read -r page; do
  n=$((n + 1))
  printf '%s\t%s/out/%d.json\n' "$page" "$tmp" "$n"
done < "$tmp/pages" > "$tmp/list"
: > "$tmp/empty"
mkdir -p "$tmp/out"
core="taskset -c 0"
$core true 2>/dev/null || core=""
python3 - "$build" "$tmp" "$core" <<'PY'
import resource, statistics, subprocess, sys
build, tmp, core = sys.argv[1], sys.argv[2], sys.argv[3].split()
pages = open(tmp + "/pages").read().split()

def child_cpu_ms(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(core + cmd, check=True, capture_output=True, text=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1e3
    return cpu, out

lede = [build + "/lede", "extract", "--batch"]
parse, full = [], []
for p in range(3):
    ms = float(child_cpu_ms([build + "/bench_parse"] + pages)[1])
    total, _ = child_cpu_ms(lede + [tmp + "/list"])
    start, _ = child_cpu_ms(lede + [tmp + "/empty"])
    parse.append(ms)
    full.append(total - start)
    print("pass %d: parse %.1f ms, lede %.1f ms (start-up %.1f ms), ratio %.3f"
          % (p + 1, ms, total - start, start, (total - start) / ms))
mp, mf = statistics.median(parse), statistics.median(full)
print("%d pages: parse %.3f ms/page, lede %.3f ms/page, lede / parse = %.3f (median of 3)"
      % (len(pages), mp / len(pages), mf / len(pages), mf / mp))
PY

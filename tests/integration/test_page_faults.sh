#!/bin/sh
# A batch reuses the memory one page freed for the next (cli_tune_allocator
# in server/cli_util.c): `lede extract --batch` over the development pages
# may fault in at most MAX_FAULTS_PER_PAGE new memory pages per page, less its
# start-up (the same command over an empty list). glibc's defaults give
# about 38 a page on these pages, the tuned allocator about 6.
# Arguments: the release lede binary, the shared data directory.
set -eu
lede=$1 shared=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ls "$shared"/data/extraction/scrapinghub/*.html \
  "$shared"/data/extraction/readability/*/source.html > "$tmp/pages" 2>/dev/null || true
if [ ! -s "$tmp/pages" ]; then
  echo "test_page_faults: FAIL: no development pages under $shared" >&2
  exit 1
fi
n=0
while read -r page; do
  n=$((n + 1))
  printf '%s\t%s/%d.json\n' "$page" "$tmp" "$n"
done < "$tmp/pages" > "$tmp/list"
: > "$tmp/empty"
python3 - "$lede" "$tmp" "$n" <<'PY'
import resource, subprocess, sys
MAX_FAULTS_PER_PAGE = 15
lede, tmp, n = sys.argv[1], sys.argv[2], int(sys.argv[3])

def faults(listfile):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt
    subprocess.run([lede, "extract", "--batch", listfile], check=True)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt - before

per_page = (faults(tmp + "/list") - faults(tmp + "/empty")) / n
print("test_page_faults: %.1f page faults per page (at most %d)" % (per_page, MAX_FAULTS_PER_PAGE))
sys.exit(0 if per_page <= MAX_FAULTS_PER_PAGE else 1)
PY

#!/bin/sh
# Article extraction quality: runs `lede extract --batch` over the development
# pages in SHARED/data/extraction (scrapinghub/*.html, readability/*/source.html)
# and prints the table of SHARED/eval/score_extraction.py.
# Usage: extraction.sh LEDE SHARED [--keep DIR] [scorer options, e.g. --json, --per-page 10]
set -eu
lede=$1 shared=$2
shift 2
data="$shared/data/extraction"
pred=$(mktemp -d)
keep=""
if [ "${1:-}" = "--keep" ]; then
  keep=$2
  shift 2
fi
trap 'rm -rf "$pred"' EXIT
mkdir -p "$pred/scrapinghub" "$pred/readability"
list="$pred/list.tsv"
for f in "$data"/scrapinghub/*.html; do
  id=$(basename "$f" .html)
  printf '%s\t%s\n' "$f" "$pred/scrapinghub/$id.json"
done >"$list"
for f in "$data"/readability/*/source.html; do
  name=$(basename "$(dirname "$f")")
  printf '%s\t%s\n' "$f" "$pred/readability/$name.json"
done >>"$list"
"$lede" extract --batch "$list" || echo "extraction.sh: some pages failed (see above)" >&2
if [ -n "$keep" ]; then
  mkdir -p "$keep"
  cp -r "$pred/scrapinghub" "$pred/readability" "$keep/"
fi
python3 "$shared/eval/score_extraction.py" "$pred" "$data" "$@"

#!/bin/sh
# Runs `lede numbers` over the Recognizers-Text numeric development set
# (../shared/data/numeric/*.jsonl, .extra included) and prints the scorer's
# table for all of DEV, then for two fixed halves of it:
#   half A (development): the cases whose id hashes to an even number,
#   half B (held out):    the cases whose id hashes to an odd number,
# where the hash is the first byte of the MD5 digest of the case id
# ("CurrencyModel-0002"), so the split is fixed, independent of the order of
# the files and of the cases' content. Develop looking only at half A's
# failures (`--errors N` prints them for half A only); half B tells whether
# a rule generalises. Then the real-news set (tests/eval/news_numbers.tsv),
# when its texts are present.
# Usage: tests/eval/numeric.sh LEDE_BINARY SHARED_DIR [--errors N]
set -eu
lede=$1
shared=$2
shift 2
data="$shared/data/numeric"
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$data"/*.jsonl > "$tmp/all.jsonl"
"$lede" numbers --jsonl "$tmp/all.jsonl" > "$tmp/pred.jsonl"
python3 "$here/numeric_split.py" "$data" "$tmp/A" "$tmp/B"
echo "== DEV (all cases)"
python3 "$shared/eval/score_numeric.py" "$data" --extra --pred "$tmp/pred.jsonl"
echo "== DEV half A (development)"
python3 "$shared/eval/score_numeric.py" "$tmp/A" --extra --pred "$tmp/pred.jsonl" "$@"
echo "== DEV half B (held out: do not read its errors)"
python3 "$shared/eval/score_numeric.py" "$tmp/B" --extra --pred "$tmp/pred.jsonl"
echo "== Real-news numbers (tests/eval/news_numbers.tsv; half B held out)"
python3 "$here/news_numbers.py" "$lede" "$shared"
for set in batch3 batch4 batch5 batch6 batch7 batch8 batch9 batch10 batch11 batch12 batch13 batch14; do
  echo "== Real-news numbers, $set (tests/eval/news_numbers_$set.tsv)"
  python3 "$here/news_numbers.py" "$lede" "$shared" --set "$here/news_numbers_$set.tsv"
done

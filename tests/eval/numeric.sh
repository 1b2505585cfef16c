#!/bin/sh
# Runs `lede numbers` over the Recognizers-Text numeric development set
# (../shared/data/numeric/*.jsonl, .extra included) and prints the scorer's
# table. Usage: tests/eval/numeric.sh LEDE_BINARY SHARED_DIR [--errors N]
set -eu
lede=$1
shared=$2
shift 2
data="$shared/data/numeric"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$data"/*.jsonl > "$tmp/all.jsonl"
"$lede" numbers --jsonl "$tmp/all.jsonl" > "$tmp/pred.jsonl"
python3 "$shared/eval/score_numeric.py" "$data" --extra --pred "$tmp/pred.jsonl" "$@"

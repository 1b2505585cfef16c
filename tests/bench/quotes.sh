#!/bin/sh
# Quote extraction speed over the PolNeAR dev texts (read at run time).
# Usage: quotes.sh BUILD_DIR SHARED_DIR
set -eu
build=$1 shared=$2
data="$shared/data/quotes/polnear_dev.jsonl"
[ -x "$build/bench_quotes" ] || { echo "quotes bench: no $build/bench_quotes" >&2; exit 1; }
[ -r "$data" ] || { echo "quotes bench: no $data" >&2; exit 1; }
"$build/bench_quotes" "$data" "${ROUNDS:-5}"

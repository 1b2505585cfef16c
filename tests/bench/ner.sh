#!/bin/sh
# Entity tagger benchmark (not a test): load time, tokens/s over CoNLL dev on
# one core, peak RSS, and NLP time of a ~1,000-word article.
# Usage: tests/bench/ner.sh BUILD_DIR SHARED
set -eu
build=$1
shared=$2
repo=$(cd "$(dirname "$0")/../.." && pwd)
echo "== ner benchmark"
echo "model file: $(wc -c < "$repo/core/data/ner.model") bytes (core/data/ner.model)"
# One core: pin to the first CPU the process may use when taskset exists.
pin=
command -v taskset >/dev/null 2>&1 && pin="taskset -c $(taskset -pc $$ | sed 's/.*: *//; s/[,-].*//')"
$pin "$build/bench_ner" "$repo/core/data" "$shared/data/ner/conll2003/dev.conll" \
    "$repo/tests/bench/ner_article.txt"

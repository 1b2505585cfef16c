#!/bin/sh
# Entity tagger quality: tags every dev.conll under SHARED/data/ner/ with
# `lede tag --conll` and scores it with SHARED/eval/score_ner.py.
# Usage: tests/eval/ner.sh LEDE SHARED [OUTDIR]
# Prints one table per corpus; with OUTDIR, also writes <corpus>.json scores.
set -eu
lede=$1
shared=$2
out=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dev in "$shared"/data/ner/*/dev.conll; do
    corpus=$(basename "$(dirname "$dev")")
    # UNER has no MISC: score only the types it annotates.
    types=
    [ "$corpus" = uner_en_ewt ] && types="--types PER,ORG,LOC"
    "$lede" tag --conll "$dev" > "$tmp/$corpus.conll"
    echo "== $corpus"
    # shellcheck disable=SC2086
    python3 "$shared/eval/score_ner.py" "$dev" "$tmp/$corpus.conll" $types
    if [ -n "$out" ]; then
        mkdir -p "$out"
        # shellcheck disable=SC2086
        python3 "$shared/eval/score_ner.py" "$dev" "$tmp/$corpus.conll" $types --json \
            > "$out/$corpus.json"
    fi
done

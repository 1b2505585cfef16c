#!/bin/sh
# Trains the entity model shipped in core/data/ner.model.
# Usage: scripts/train-ner.sh LEDE SHARED [OUT]   (used by `make train-ner`)
# Deterministic: the same data, gazetteers and seed give the same file.
set -eu
lede=$1
shared=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${3:-$repo/core/data/ner.model}
ner="$shared/data/ner"
# re3d annotates mentions with titles ("Iraqi President Fuad Masum"): its
# person spans are trimmed to the name, and it counts half as much.
exec "$lede" train-ner --data-dir "$repo/core/data" --out "$out" \
    --epochs "${NER_EPOCHS:-12}" --bits "${NER_BITS:-20}" --seed 20031 \
    --dev "$ner/conll2003/dev.conll" \
    --train "$ner/conll2003/train.conll" \
    --train "$ner/wikigold/train.conll" \
    --train "$ner/re3d/train.conll:0.5:trim"

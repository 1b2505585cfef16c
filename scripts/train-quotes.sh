#!/bin/sh
# Trains the quote attribution model shipped in core/data/quotes.model.
# Usage: scripts/train-quotes.sh LEDE SHARED [OUT]   (used by `make train-quotes`)
# Deterministic: the same data, entity model and seed give the same file.
set -eu
lede=$1
shared=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${3:-$repo/core/data/quotes.model}
# The entity model in core/data gives the mention features; train it first
# when both change (make train-ner).
exec "$lede" train-quotes --data-dir "$repo/core/data" --out "$out" \
    --epochs "${QUOTES_EPOCHS:-8}" --bits "${QUOTES_BITS:-18}" --seed 20181 \
    --train "$shared/data/quotes/polnear_train.jsonl"

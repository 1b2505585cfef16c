#!/bin/sh
# Quality floors of the entity tagger: fails when an F1 on a dev set drops
# below the floor recorded here. Floors are the scores measured for the
# shipped model (core/data/README.md), rounded down by about half a point so
# that retraining noise does not trip them but a real regression does.
# Usage: tests/eval/check_ner.sh LEDE SHARED
set -eu
lede=$1
shared=$2
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
sh "$here/ner.sh" "$lede" "$shared" "$out" > "$out/report.txt"
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
FLOORS = [
    ("conll2003", "overall", 0.927),
    ("conll2003", "PER", 0.950),
    ("conll2003", "LOC", 0.950),
    ("conll2003", "ORG", 0.880),
    ("conll2003", "MISC", 0.893),
    ("uner_en_ewt", "overall", 0.636),
    ("wikigold", "overall", 0.622),
    ("re3d", "overall", 0.615),
]
failed = 0
for corpus, kind, floor in FLOORS:
    with open(f"{out}/{corpus}.json") as f:
        scores = json.load(f)
    f1 = scores["overall"]["f1"] if kind == "overall" else scores["per_type"][kind]["f1"]
    ok = f1 >= floor
    failed += not ok
    print(f"check_ner: {corpus} {kind} F1 {f1:.4f} (floor {floor:.3f}) {'ok' if ok else 'FAILED'}")
sys.exit(1 if failed else 0)
PY

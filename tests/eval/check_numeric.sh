#!/bin/sh
# Quality floors of the numbers stage on the Recognizers-Text numeric
# development set: fails when span F1 or value accuracy on the main files, or
# the case pass rate on the .extra files, drops below the floors below.
# Usage: tests/eval/check_numeric.sh LEDE_BINARY SHARED_DIR
#
# Floors are the scores measured when they were recorded, rounded down a
# little (measured 2026-12-07: F1 0.987, value accuracy 0.996, .extra pass
# 0.933). Floors move up, not down.
set -eu
lede=$1
shared=$2
F1_FLOOR=0.980
VALUE_FLOOR=0.985
EXTRA_PASS_FLOOR=0.920
data="$shared/data/numeric"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat "$data"/*.jsonl > "$tmp/all.jsonl"
"$lede" numbers --jsonl "$tmp/all.jsonl" > "$tmp/pred.jsonl"
python3 "$shared/eval/score_numeric.py" "$data" --extra --pred "$tmp/pred.jsonl" \
    --json "$tmp/scores.json" > "$tmp/table.txt"
cat "$tmp/table.txt"
python3 - "$tmp/scores.json" "$F1_FLOOR" "$VALUE_FLOOR" "$EXTRA_PASS_FLOOR" <<'PY'
import json, sys
scores = json.load(open(sys.argv[1]))["models"]
f1_floor, value_floor, pass_floor = map(float, sys.argv[2:5])
main, extra = scores["TOTAL"], scores["TOTAL.extra"]
checks = [("main span F1", main["f1"], f1_floor),
          ("main value accuracy", main["value_acc"], value_floor),
          (".extra case pass rate", extra["case_pass"], pass_floor)]
bad = 0
for name, got, floor in checks:
    ok = got is not None and got >= floor
    bad += not ok
    print("%-24s %.3f (floor %.3f) %s" % (name, got or 0.0, floor, "ok" if ok else "BELOW FLOOR"))
sys.exit(1 if bad else 0)
PY

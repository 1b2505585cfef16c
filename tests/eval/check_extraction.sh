#!/bin/sh
# Quality floor of article extraction: fails when the body F1 on a development
# set drops below the floor recorded here (measured score, rounded down a
# little). Floors move up, not down. Usage: check_extraction.sh LEDE SHARED
set -eu
lede=$1 shared=$2
# Measured 2026-11-28 with tests/eval/extraction.sh (see the commit log).
FLOOR_SCRAPINGHUB=0.980
FLOOR_READABILITY=0.960
here=$(dirname "$0")
out=$(sh "$here/extraction.sh" "$lede" "$shared" --json)
echo "$out" | python3 -c '
import json, sys
floors = {"scrapinghub": float(sys.argv[1]), "readability": float(sys.argv[2])}
res = json.load(sys.stdin)
res = res if isinstance(res, list) else [res]
failed = False
for r in res:
    floor = floors.get(r["dataset"])
    if floor is None:
        continue
    ok = r["f1"] >= floor
    failed |= not ok
    verdict = "ok" if ok else "BELOW FLOOR"
    print("%s: body F1 %.3f (floor %.3f) %s" % (r["dataset"], r["f1"], floor, verdict))
sys.exit(1 if failed else 0)
' "$FLOOR_SCRAPINGHUB" "$FLOOR_READABILITY"

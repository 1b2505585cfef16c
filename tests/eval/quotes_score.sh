#!/bin/sh
# Shared by quotes.sh and check_quotes.sh: runs `lede quotes` over the PolNeAR
# dev set and scores it twice with ../shared/eval/score_quotes.py:
#   all   every attribution (direct, mixed, indirect) against every prediction;
#   direct  gold direct quotes against the predictions lede types "direct";
# then the named-speaker precision of the predictions (quotes_speakers.py).
# Usage: quotes_score.sh LEDE SHARED OUTDIR
#   (writes OUTDIR/{all,direct,speakers}.{txt,json})
set -eu
lede=$1 shared=$2 out=$3
gold="$shared/data/quotes/polnear_dev.jsonl"
scorer="$shared/eval/score_quotes.py"
[ -r "$gold" ] || { echo "quotes: no $gold" >&2; exit 1; }
"$lede" quotes --jsonl "$gold" > "$out/pred.jsonl"
python3 - "$out/pred.jsonl" "$out/pred_direct.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w") as f:
    for line in open(sys.argv[1], encoding="utf-8"):
        r = json.loads(line)
        r["quotes"] = [q for q in r["quotes"] if q["type"] == "direct"]
        f.write(json.dumps(r) + "\n")
PY
python3 "$scorer" "$gold" --pred "$out/pred.jsonl" --json "$out/all.json" > "$out/all.txt"
python3 "$scorer" "$gold" --pred "$out/pred_direct.jsonl" --gold-types direct \
  --json "$out/direct.json" > "$out/direct.txt"
python3 "$(dirname "$0")/quotes_speakers.py" "$scorer" "$gold" "$out/pred.jsonl" \
  --json "$out/speakers.json" > "$out/speakers.txt"

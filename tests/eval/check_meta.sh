#!/bin/sh
# Headline and byline quality floors on the extraction development sets.
# Runs `lede extract` over ../shared/data/extraction/{readability,scrapinghub},
# writes predictions as shared/eval/score_extraction.py expects them, scores
# them and fails when a contains-rate on the readability pages drops below its
# floor (the measured rate, rounded down a little; floors only move up).
# Then runs tests/eval/metaset.py (other projects' test pages with asserted
# titles, authors and dates, tests/eval/metaset/README.md) and fails when the
# authors F1 or the same-day rates of that set (and the readability pages'
# published same-day rate) drop below their floors.
# Usage: check_meta.sh LEDE_BINARY SHARED_DIR [PRED_DIR]
set -eu
lede=$1 shared=$2
pred=${3:-$(mktemp -d)}
[ -n "${3:-}" ] || trap 'rm -rf "$pred"' EXIT

# Floors for the readability pages (contains-rate), measured with this script.
HEADLINE_FLOOR=${HEADLINE_FLOOR:-0.99}
BYLINE_FLOOR=${BYLINE_FLOOR:-0.88}
# Floors for the metaset pages, measured with tests/eval/metaset.py.
METASET_AUTHORS_F1_FLOOR=${METASET_AUTHORS_F1_FLOOR:-0.94}
METASET_PUBLISHED_FLOOR=${METASET_PUBLISHED_FLOOR:-0.95}
METASET_LATEST_FLOOR=${METASET_LATEST_FLOOR:-0.84}
# Published same-day on the readability pages (expected-metadata.json), same script.
READABILITY_PUBLISHED_FLOOR=${READABILITY_PUBLISHED_FLOOR:-0.95}

python3 - "$lede" "$shared/data/extraction" "$pred" <<'PY'
import json, subprocess, sys
from pathlib import Path
lede, data, pred = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])

def run(page, url, out):
    cmd = [lede, "extract"] + (["--url", url] if url else []) + [str(page)]
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=60)
        d = json.loads(r.stdout) if r.returncode == 0 else {}
    except (subprocess.TimeoutExpired, ValueError):
        d = {}
    p = {k: d.get(k) or "" for k in ("text", "headline", "byline")}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(p, ensure_ascii=False), encoding="utf-8")

for d in sorted((data / "readability").iterdir()):
    if (d / "source.html").exists():
        run(d / "source.html", None, pred / "readability" / (d.name + ".json"))
for h in sorted((data / "scrapinghub").glob("*.html")):
    gt = h.with_suffix(".json")
    url = json.loads(gt.read_text(encoding="utf-8")).get("url") if gt.exists() else None
    run(h, url, pred / "scrapinghub" / (h.stem + ".json"))
PY

python3 "$shared/eval/score_extraction.py" "$pred" "$shared/data/extraction"
python3 "$shared/eval/score_extraction.py" "$pred/readability" \
    "$shared/data/extraction/readability" --json > "$pred/readability.score.json"
python3 - "$pred/readability.score.json" "$HEADLINE_FLOOR" "$BYLINE_FLOOR" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))
floors = {"headline": float(sys.argv[2]), "byline": float(sys.argv[3])}
ok = True
for field, floor in floors.items():
    got = res[field]["contains"] or 0.0
    status = "ok" if got >= floor else "BELOW FLOOR"
    print(f"check_meta: readability {field} contains={got:.3f} exact={res[field]['exact']:.3f} floor={floor:.2f} {status}")
    ok &= got >= floor
sys.exit(0 if ok else 1)
PY

python3 "$(dirname "$0")/metaset.py" "$lede" "$shared" --json "$pred/metaset.score.json"
python3 - "$pred/metaset.score.json" "$METASET_AUTHORS_F1_FLOOR" "$METASET_PUBLISHED_FLOOR" \
    "$METASET_LATEST_FLOOR" "$READABILITY_PUBLISHED_FLOOR" <<'PY'
import json, sys
scores = json.load(open(sys.argv[1]))
res, rdb = scores["metaset"]["all"], scores["readability"]["all"]
checks = [("metaset authors F1", res["authors"]["f1"], float(sys.argv[2])),
          ("metaset published same-day", res["published"]["same_day"], float(sys.argv[3])),
          ("metaset latest same-day", res["latest"]["same_day"], float(sys.argv[4])),
          ("readability published same-day", rdb["published"]["same_day"], float(sys.argv[5]))]
ok = True
for name, got, floor in checks:
    got = got or 0.0
    status = "ok" if got >= floor else "BELOW FLOOR"
    print(f"check_meta: {name}={got:.3f} floor={floor:.2f} {status}")
    ok &= got >= floor
sys.exit(0 if ok else 1)
PY

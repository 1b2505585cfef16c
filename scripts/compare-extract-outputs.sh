#!/bin/sh
# Do two builds extract the same? Runs `lede extract` of both over every
# development page (scrapinghub pages with their URL, readability pages) and
# diffs the JSON with timings_ms removed; extra arguments (e.g. --html) go to
# both. Exits 1 when any page differs.
# Usage: scripts/compare-extract-outputs.sh LEDE_A LEDE_B SHARED_DIR [ARGS...]
set -eu
a=$1 b=$2 shared=$3
shift 3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for side in a b; do
  eval "bin=\$$side"
  python3 - "$bin" "$shared/data/extraction" "$out/$side" "$@" <<'PY'
import json, subprocess, sys
from pathlib import Path
lede, data, out, args = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:]
out.mkdir(parents=True)
pages = [(d / "source.html", None, "readability-" + d.name)
         for d in sorted((data / "readability").iterdir()) if (d / "source.html").exists()]
for h in sorted((data / "scrapinghub").glob("*.html")):
    url = json.loads(h.with_suffix(".json").read_text(encoding="utf-8")).get("url")
    pages.append((h, url, "scrapinghub-" + h.stem))
for page, url, name in pages:
    r = subprocess.run([lede, "extract"] + args + (["--url", url] if url else []) + [str(page)],
                       capture_output=True)
    try:
        d = json.loads(r.stdout)
        d.pop("timings_ms", None)
    except ValueError:
        d = {"exit": r.returncode, "stderr": r.stderr.decode(errors="replace")}
    (out / (name + ".json")).write_text(json.dumps(d, ensure_ascii=False, indent=1, sort_keys=True))
print(f"{lede}: {len(pages)} pages")
PY
done
if diff -r "$out/a" "$out/b"; then
  echo "identical"
else
  echo "outputs differ" >&2
  exit 1
fi

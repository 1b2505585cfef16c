#!/usr/bin/env python3
"""Precision audit of the entity output on hand-judged DEV pages.

Runs `lede extract` on every page named in tests/eval/ner_audit.tsv and looks
each output entity up among the judgements: an entity is judged when one of
its mentions has the offsets and the type of a judged entity's mention on that
page. Prints precision and PERSON precision over the judged entities, how many
output entities had no judgement (new output: judge them and add lines), and
the same figures for entities at or above a few confidence thresholds.

Usage: tests/eval/ner_audit.py LEDE SHARED [--min PRECISION --min-person P]
Exits 1 when a --min floor is given and not reached.
"""
import argparse
import json
import subprocess
from pathlib import Path

ap = argparse.ArgumentParser()
ap.add_argument("lede")
ap.add_argument("shared")
ap.add_argument("--min", type=float, default=None)
ap.add_argument("--min-person", type=float, default=None)
args = ap.parse_args()

here = Path(__file__).resolve().parent
judged = {}  # (page, type, start, end) -> verdict
pages = []
for line in (here / "ner_audit.tsv").read_text(encoding="utf-8").splitlines():
    if line.startswith("#") or line.startswith("page\t") or not line.strip():
        continue
    page, mentions, typ, verdict = line.split("\t")
    if page not in pages:
        pages.append(page)
    for m in mentions.split(","):
        s, e = m.split("-")
        judged[(page, typ, int(s), int(e))] = int(verdict)

rows = []  # (type, confidence, verdict or None)
for page in pages:
    html = Path(args.shared) / "data/extraction/scrapinghub" / (page + ".html")
    url = json.loads(html.with_suffix(".json").read_text(encoding="utf-8"))["url"]
    out = subprocess.run([args.lede, "extract", "--url", url, str(html)],
                         capture_output=True, check=True).stdout
    for e in json.loads(out).get("entities") or []:
        v = None
        for m in e["mentions"]:
            v = judged.get((page, e["type"], m["start"], m["end"]))
            if v is not None:
                break
        rows.append((e["type"], e["confidence"], v))


def report(label, rs):
    j = [r for r in rs if r[2] is not None]
    per = [r for r in j if r[0] == "PERSON"]
    p = sum(r[2] for r in j) / len(j) if j else float("nan")
    pp = sum(r[2] for r in per) / len(per) if per else float("nan")
    print(f"{label}: entities {len(rs)}, judged {len(j)}, unjudged {len(rs) - len(j)}; "
          f"precision {p:.3f}; PERSON precision {pp:.3f} ({len(per)} judged)")
    return p, pp


p, pp = report("all", rows)
for th in (0.5, 0.7, 0.9):
    report(f"confidence >= {th}", [r for r in rows if r[1] >= th])
failed = (args.min is not None and not p >= args.min) or \
    (args.min_person is not None and not pp >= args.min_person)
raise SystemExit(1 if failed else 0)

#!/usr/bin/env python3
"""Metadata quality per set: headline, authors, published and latest dates.

Runs `lede extract --batch` over two sets and scores its metadata:
  metaset      tests/eval/metaset/cases.txt: other projects' test pages with
               the values their authors assert (see metaset/README.md)
  readability  SHARED/data/extraction/readability/*: Readability.js's
               expected-metadata.json (title, byline, publishedTime)

Each set is also split in two halves by a hash of the page's id (A and B), so
that a rule developed on one half can be checked on the other.

Rates, per set and half:
  headline   exact: equal after case/space/edge-punctuation folding;
             contains: either contains the other (as shared/eval/score_extraction.py)
  authors    set precision/recall/F1 over names, summed over pages (metaset;
             a page asserting no author counts every predicted name as false)
  byline     contains-rate of the byline string (readability)
  published  same calendar day as the asserted original date
  latest     the page's most recent date (htmldate's default answer): lede's
             modified date, or its published date where it gives none

Usage: metaset.py LEDE SHARED [--json FILE] [--per-case SET] [--keep DIR]
"""
import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "metaset" / "cases.txt"
NONE = "(none)"
FIELDS = ("title", "authors", "published", "latest")


def parse_cases(path):
    """-> [{"id", "src", "title", "authors", "published", "latest", "html"}]"""
    cases, cur, in_html = [], None, False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("== id: "):
            if cur:
                cases.append(cur)
            cur, in_html = {"id": line[7:].strip(), "html": ""}, False
        elif cur is None:
            continue
        elif in_html:
            cur["html"] += line
        elif line.startswith("#"):
            continue
        elif line.strip() == "html:":
            in_html = True
        else:
            key, _, value = line.partition(":")
            cur[key.strip()] = value.strip()
    if cur:
        cases.append(cur)
    for c in cases:
        # A comment line between cases belongs to no page.
        c["html"] = re.sub(r"(?m)^#.*\n?\Z", "", c["html"]).rstrip("\n")
    ids = [c["id"] for c in cases]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        sys.exit(f"metaset: duplicate case ids {sorted(dup)}")
    return cases


def readability_cases(shared):
    cases = []
    for d in sorted((shared / "data" / "extraction" / "readability").iterdir()):
        meta_path = d / "expected-metadata.json"
        if not (d / "source.html").exists() or not meta_path.exists():
            continue
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        cases.append({"id": d.name, "page": d / "source.html",
                      "title": meta.get("title") or None,
                      "byline": meta.get("byline") or None,
                      "published": meta.get("publishedTime") or None})
    return cases


def half(case_id):
    """'A' or 'B', fixed by the id alone."""
    return "AB"[hashlib.sha1(case_id.encode("utf-8")).digest()[0] & 1]


def norm(s):
    s = unicodedata.normalize("NFKC", s or "").replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"\s+", " ", s.casefold()).strip()
    strip = lambda c: c.isspace() or unicodedata.category(c)[0] in "PS"
    while s and strip(s[0]):
        s = s[1:]
    while s and strip(s[-1]):
        s = s[:-1]
    return s


def day(value):
    m = re.match(r"\d{4}-\d{2}-\d{2}", value or "")
    return m.group(0) if m else None


def run_lede(lede, cases, work):
    """Extracts every case; -> {id: Article dict or {}}."""
    pages, out, lines = work / "pages", work / "out", []
    pages.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    for i, c in enumerate(cases):
        page = c.get("page")
        if page is None:
            page = pages / f"{i:04d}.html"
            page.write_text(c["html"], encoding="utf-8")
        lines.append(f"{page}\t{out / f'{i:04d}.json'}\n")
    batch = work / "batch.tsv"
    batch.write_text("".join(lines), encoding="utf-8")
    subprocess.run([lede, "extract", "--batch", str(batch)], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=1800)
    preds = {}
    for i, c in enumerate(cases):
        try:
            preds[c["id"]] = json.loads((out / f"{i:04d}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            preds[c["id"]] = {}
    return preds


def score_case(c, p):
    """-> per-field results of one page."""
    r = {"id": c["id"], "half": half(c["id"])}
    title = c.get("title")
    if title:
        got = p.get("headline") or ""
        if title == NONE:
            r["title_spurious"] = bool(got)
        else:
            gn, pn = norm(title), norm(got)
            r["title"] = {"exact": gn == pn, "contains": bool(pn) and (gn in pn or pn in gn),
                          "want": title, "got": got}
    if c.get("authors"):
        want = set() if c["authors"] == NONE else {norm(a) for a in c["authors"].split(";")}
        got = {norm(a) for a in (p.get("authors") or []) if norm(a)}
        r["authors"] = {"tp": len(want & got), "fp": len(got - want), "fn": len(want - got),
                        "want": sorted(want), "got": sorted(got)}
    if c.get("byline"):
        gn, pn = norm(c["byline"]), norm(p.get("byline"))
        r["byline"] = {"contains": bool(pn) and (gn in pn or pn in gn),
                       "want": c["byline"], "got": p.get("byline")}
    for field, got in (("published", p.get("published")),
                       ("latest", p.get("modified") or p.get("published"))):
        want = c.get(field)
        if want and want != NONE and day(want):
            r[field] = {"ok": day(got) == day(want), "want": day(want), "got": got}
    return r


def rate(xs, key):
    return (sum(x[key] for x in xs) / len(xs)) if xs else None


def summarise(rows):
    s = {"pages": len(rows)}
    t = [r["title"] for r in rows if "title" in r]
    s["headline"] = {"n": len(t), "exact": rate(t, "exact"), "contains": rate(t, "contains"),
                     "spurious": sum(1 for r in rows if r.get("title_spurious"))}
    a = [r["authors"] for r in rows if "authors" in r]
    tp, fp, fn = (sum(x[k] for x in a) for k in ("tp", "fp", "fn"))
    p = tp / (tp + fp) if tp + fp else None
    rc = tp / (tp + fn) if tp + fn else None
    f1 = 2 * p * rc / (p + rc) if p and rc else (0.0 if a and tp == 0 and (fp or fn) else None)
    s["authors"] = {"n": len(a), "precision": p, "recall": rc, "f1": f1,
                    "pages_exact": rate([{"ok": x["fp"] == 0 and x["fn"] == 0} for x in a], "ok")}
    b = [r["byline"] for r in rows if "byline" in r]
    s["byline"] = {"n": len(b), "contains": rate(b, "contains")}
    for f in ("published", "latest"):
        d = [r[f] for r in rows if f in r]
        s[f] = {"n": len(d), "same_day": rate(d, "ok")}
    return s


def fmt(x):
    return "   -" if x is None else f"{x:.3f}"


def report(name, summ):
    for part in ("all", "A", "B"):
        s = summ[part]
        h, a, b, pu, la = s["headline"], s["authors"], s["byline"], s["published"], s["latest"]
        line = (f"{name:<12} {part:<3} pages={s['pages']:<4} "
                f"headline exact={fmt(h['exact'])} contains={fmt(h['contains'])} (n={h['n']}, spurious={h['spurious']})  ")
        if a["n"]:
            line += (f"authors P={fmt(a['precision'])} R={fmt(a['recall'])} F1={fmt(a['f1'])} (n={a['n']})  ")
        if b["n"]:
            line += f"byline contains={fmt(b['contains'])} (n={b['n']})  "
        line += f"published same-day={fmt(pu['same_day'])} (n={pu['n']})"
        if la["n"]:
            line += f"  latest same-day={fmt(la['same_day'])} (n={la['n']})"
        print(line)


def per_case(rows):
    for r in rows:
        bad = []
        if "title" in r and not r["title"]["exact"]:
            bad.append(f"title want={r['title']['want']!r} got={r['title']['got']!r}")
        if r.get("title_spurious"):
            bad.append("title spurious")
        if "authors" in r and (r["authors"]["fp"] or r["authors"]["fn"]):
            bad.append(f"authors want={r['authors']['want']} got={r['authors']['got']}")
        if "byline" in r and not r["byline"]["contains"]:
            bad.append(f"byline want={r['byline']['want']!r} got={r['byline']['got']!r}")
        for f in ("published", "latest"):
            if f in r and not r[f]["ok"]:
                bad.append(f"{f} want={r[f]['want']} got={r[f]['got']}")
        if bad:
            print(f"  {r['half']} {r['id']}: " + "; ".join(bad))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("lede")
    ap.add_argument("shared", type=Path)
    ap.add_argument("--json", type=Path, help="write the summaries here")
    ap.add_argument("--per-case", choices=("metaset", "readability"), action="append", default=[],
                    help="list the pages of this set that miss a field")
    ap.add_argument("--half", choices=("A", "B"), help="with --per-case: only this half")
    ap.add_argument("--keep", type=Path, help="keep predictions under this folder")
    args = ap.parse_args()
    sets = {"metaset": parse_cases(CASES), "readability": readability_cases(args.shared)}
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, cases in sets.items():
            work = (args.keep / name) if args.keep else Path(tmp) / name
            preds = run_lede(args.lede, cases, work)
            rows = [score_case(c, preds[c["id"]]) for c in cases]
            result[name] = {"all": summarise(rows),
                            "A": summarise([r for r in rows if r["half"] == "A"]),
                            "B": summarise([r for r in rows if r["half"] == "B"])}
            report(name, result[name])
            if name in args.per_case:
                per_case([r for r in rows if not args.half or r["half"] == args.half])
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

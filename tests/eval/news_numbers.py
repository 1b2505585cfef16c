#!/usr/bin/env python3
"""Scores lede's numeric claims on the hand-judged real-news set.

Usage: news_numbers.py LEDE SHARED [--set TSV] [--half A|B|all] [--errors N] [--json OUT]
       [--min-precision P] [--min-value V] [--min-qualifier Q] [--min-recall R]
       [--min-subject S] [--min-claimant C]

Runs `LEDE numbers --article` (the API's default numeric_claims) over the
articles of tests/eval/news_numbers.tsv, whose texts are read from SHARED
(news_numbers_texts.py), and compares what lede reports inside the sampled
sentences with the judgements:
  precision        reported numbers judged claims / all reported numbers
                   (a number nobody judged counts against it: extend the set)
  non-claims       the rest, by reason (years, ordinals, identifiers, ...)
  recall           judged claims that lede reports / all judged claims
  kind, value,     on the claims lede reports: its kind, value (relative
  qualifier acc.   tolerance 1e-3) and qualifier among the accepted answers
  subject acc.     on the reported claims whose subject was judged: right when
                   both are none, or when the last word of lede's subject is
                   the judged head word ("Ohio voters" for head "voters")
  claimant acc.    on the same claims: right when both are none (the article's
                   own voice), or when the last word of either name is a word
                   of the other ("Clinton" and "Hillary Clinton"); a claim in a
                   quote whose speaker lede does not name is never right
A report is matched to the judged number it overlaps most, one to one.
Half A (md5 of the article id even) is for development, half B is held out.
With --min-* it exits 1 when a figure of the chosen half is below its floor;
when the texts are missing it prints so and exits 0.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from news_numbers_texts import half, load_texts  # noqa: E402

TSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "news_numbers.tsv")
VALUE_REL_TOL = 1e-3  # values are compared as printed, with rounding slack


def load_set(path):
    sentences, items = [], []
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            p = line.rstrip("\n").split("\t")
            if p[0] == "sentence":
                sentences.append((p[1], int(p[2]), int(p[3])))
            elif p[0] == "item":
                items.append({"doc": p[1], "start": int(p[2]), "end": int(p[3]),
                              "verdict": p[4], "kinds": p[5].split("|"),
                              "values": [] if p[6] == "-" else [float(v) for v in p[6].split("|")],
                              "qualifiers": p[7].split("|"),
                              # subject head and claimant, when judged
                              "subject": None if len(p) < 11 or p[8] == "-"
                              else (int(p[8]), int(p[9])),
                              "claimant": None if len(p) < 11 or p[10] == "-" else p[10],
                              "roles_judged": len(p) >= 11})
    return sentences, items


def run_lede(lede, texts, docs):
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "in.jsonl")
        with open(inp, "w") as f:
            for d in docs:
                f.write(json.dumps({"id": d, "input": texts[d]}) + "\n")
        out = subprocess.run([lede, "numbers", "--article", "--jsonl", inp],
                             check=True, capture_output=True, text=True).stdout
    return {d["id"]: d["found"] for d in map(json.loads, out.splitlines())}


def words(s):
    return re.findall(r"[a-z0-9&]+", (s or "").lower())


def same_subject(got, head):
    """lede's subject (a phrase or None) against the judged head word."""
    if head is None or got is None:
        return head is None and got is None
    w = words(got)
    return bool(w) and w[-1] == "".join(words(head))


def claimant_name(cl):
    """The speaker of lede's claimant; UNNAMED for a quote with no speaker
    (lede says someone claims it, but not who), None for the article's voice."""
    if not cl:
        return None
    return cl.get("speaker") or UNNAMED


UNNAMED = "(unnamed)"


def same_claimant(got, want):
    """lede's speaker name (or None) against the judged claimant."""
    if got == UNNAMED:
        return False
    if want is None or got is None:
        return want is None and got is None
    g, w = words(got), words(want)
    return bool(g and w) and (g[-1] in w or w[-1] in g)


def same_value(a, b):
    return abs(a - b) <= VALUE_REL_TOL * max(1.0, abs(b))


def score(sentences, items, found, texts, errors):
    c = Counter()
    reasons = Counter()
    shown = []
    by_sent = {}
    for it in items:
        by_sent.setdefault(it["doc"], []).append(it)
    for doc, s, e in sentences:
        gold = [it for it in by_sent.get(doc, []) if s <= it["start"] < e]
        claims = [g for g in gold if g["verdict"] == "claim"]
        c["gold_claims"] += len(claims)
        taken = set()
        for r in (r for r in found.get(doc, []) if s <= r["start"] < e):
            c["reported"] += 1
            best, best_ov = None, 0
            for i, g in enumerate(gold):
                ov = min(r["end"], g["end"]) - max(r["start"], g["start"])
                if ov > best_ov and i not in taken:
                    best, best_ov = i, ov
            if best is None:
                reasons["unjudged"] += 1
                shown.append(("unjudged", doc, r, None))
                continue
            taken.add(best)
            g = gold[best]
            if g["verdict"] != "claim":
                reasons[g["verdict"][4:]] += 1
                shown.append(("not a claim: " + g["verdict"][4:], doc, r, g))
                continue
            c["claims_reported"] += 1
            kind_ok = r["kind"] in g["kinds"]
            value_ok = not g["values"] or any(same_value(r["value"], v) for v in g["values"]
                                              if r["value"] is not None)
            qual_ok = (r["qualifier"] or "none") in g["qualifiers"]
            c["kind_ok"] += kind_ok
            c["value_ok"] += value_ok
            c["qualifier_ok"] += qual_ok
            checks = [(kind_ok, "kind"), (value_ok, "value"), (qual_ok, "qualifier")]
            if g["roles_judged"]:
                head = texts[doc][g["subject"][0]:g["subject"][1]] if g["subject"] else None
                who = claimant_name(r.get("claimant"))
                subj_ok = same_subject(r.get("subject"), head)
                cl_ok = same_claimant(who, g["claimant"])
                c["roles_judged"] += 1
                c["subject_ok"] += subj_ok
                c["claimant_ok"] += cl_ok
                c["claimant_gold"] += g["claimant"] is not None
                c["claimant_found"] += g["claimant"] is not None and cl_ok
                checks += [(subj_ok, "subject"), (cl_ok, "claimant")]
                g = dict(g, subject_text=head)
            for ok, what in checks:
                if not ok:
                    shown.append(("wrong " + what, doc, r, g))
        for i, g in enumerate(gold):
            if g["verdict"] == "claim" and i not in taken:
                shown.append(("missed", doc, None, g))
    c["recalled"] = c["claims_reported"]
    n = c["reported"] or 1
    m = c["claims_reported"] or 1
    fig = {
        "sentences": len(sentences), "gold_claims": c["gold_claims"], "reported": c["reported"],
        "precision": c["claims_reported"] / n,
        "non_claim_share": 1 - c["claims_reported"] / n,
        "non_claims": dict(reasons),
        "recall": c["recalled"] / (c["gold_claims"] or 1),
        "kind_acc": c["kind_ok"] / m, "value_acc": c["value_ok"] / m,
        "qualifier_acc": c["qualifier_ok"] / m,
        # None when the set judges no subjects and claimants (the later batches)
        "subject_acc": c["subject_ok"] / c["roles_judged"] if c["roles_judged"] else None,
        "claimant_acc": c["claimant_ok"] / c["roles_judged"] if c["roles_judged"] else None,
        # of the judged attributed claims, the share lede gives to the right speaker
        "claimant_recall": c["claimant_found"] / (c["claimant_gold"] or 1),
    }
    if errors:
        for what, doc, r, g in shown[:errors]:
            t = texts[doc]
            a = min(x["start"] for x in (r, g) if x)
            b = max(x["end"] for x in (r, g) if x)
            ctx = t[max(0, a - 50):b + 30].replace("\n", " ")
            got = ("%s %s %s q=%s s=%s c=%s" % (
                r["text"], r["kind"], r["value"], r["qualifier"], r.get("subject"),
                claimant_name(r.get("claimant")))) if r else "-"
            want = ("%s %s q=%s s=%s c=%s" % (
                "|".join(g["kinds"]), "|".join("%g" % v for v in g["values"]),
                "|".join(g["qualifiers"]), g.get("subject_text"),
                g["claimant"])) if g and g["verdict"] == "claim" else "-"
            print("%-22s got [%s] want [%s]\n    ...%s..." % (what, got, want, ctx))
    return fig


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lede")
    ap.add_argument("shared")
    ap.add_argument("--half", default="all", choices=["A", "B", "all"])
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--set", default=TSV,
                    help="judged set (default news_numbers.tsv; news_numbers_batch3.tsv to "
                         "news_numbers_batch5.tsv are the later batches)")
    ap.add_argument("--json")
    for name in ("precision", "value", "qualifier", "recall", "subject", "claimant"):
        ap.add_argument("--min-" + name, type=float)
    a = ap.parse_args()
    sentences, items = load_set(a.set)
    texts = load_texts(a.shared)
    docs = sorted({d for d, _, _ in sentences})
    if any(d not in texts for d in docs):
        print("news_numbers: texts missing under %s, not scored" % a.shared)
        return 0
    found = run_lede(a.lede, texts, docs)
    halves = ["A", "B"] if a.half == "all" else [a.half]
    results = {}
    for h in ["all"] + halves if a.half == "all" else halves:
        keep = (lambda d: True) if h == "all" else (lambda d, h=h: half(d) == h)
        ss = [x for x in sentences if keep(x[0])]
        its = [x for x in items if keep(x["doc"])]
        # errors are shown for the development half only, never for B
        show = a.errors if h in ("A",) or (h == a.half and h != "B") else 0
        results[h] = score(ss, its, found, texts, show)
    def opt(v):
        return "     -" if v is None else "%6.3f" % v
    print("%-5s %5s %6s %8s %9s %6s %6s %6s %6s %6s %6s  non-claims" %
          ("half", "sents", "claims", "reported", "precision", "recall", "kind", "value", "qual",
           "subj", "claim."))
    for h, f in results.items():
        print("%-5s %5d %6d %8d %9.3f %6.3f %6.3f %6.3f %6.3f %s %s  %s" %
              (h, f["sentences"], f["gold_claims"], f["reported"], f["precision"], f["recall"],
               f["kind_acc"], f["value_acc"], f["qualifier_acc"], opt(f["subject_acc"]),
               opt(f["claimant_acc"]),
               ", ".join("%s %d" % kv for kv in sorted(f["non_claims"].items(), key=lambda kv: -kv[1]))))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)
    main_fig = results["all" if a.half == "all" else a.half]
    bad = 0
    for name, key in (("precision", "precision"), ("value", "value_acc"),
                      ("qualifier", "qualifier_acc"), ("recall", "recall"),
                      ("subject", "subject_acc"), ("claimant", "claimant_acc")):
        floor = getattr(a, "min_" + name)
        if floor is not None:
            ok = main_fig[key] is not None and main_fig[key] >= floor
            bad += not ok
            print("%-10s %s (floor %.3f) %s" % (name, opt(main_fig[key]).strip(), floor,
                                                 "ok" if ok else "BELOW FLOOR"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Quote extraction figures on the two fixed halves of PolNeAR DEV.

Reads the predictions quotes_score.sh left in OUTDIR (pred.jsonl; lede is not
run again) and scores the whole of DEV and each half with
SHARED/eval/score_quotes.py and tests/eval/quotes_speakers.py, the same way
quotes_score.sh does. Half A (development) holds the articles whose id hashes
to an even number (int(sha1(id)) mod 2 == 0), half B (held out) the others:
the split depends only on the id, not on the order of the file.

Usage: quotes_halves.py OUTDIR SHARED [--json OUT]
  e.g. sh tests/eval/quotes_score.sh build/lede ../shared /tmp/q &&
       python3 tests/eval/quotes_halves.py /tmp/q ../shared
Prints one line per part (all, A, B): all-attribution P/R/F1, speaker and cue
accuracy on matched quotes, direct F1 and direct speaker accuracy, and the
named-speaker precision.
"""
import argparse
import hashlib
import importlib.util
import json
import sys
from pathlib import Path


def load_module(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def half(article_id):
    """'A' or 'B': the parity of the article id's sha1 as a number."""
    return "AB"[int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % 2]


def only_direct(preds):
    return {k: [q for q in v if q.get("type") == "direct"] for k, v in preds.items()}


def figures(sc, sp, gold, preds):
    all_ = sc.score(gold, preds)
    direct = sc.score(gold, only_direct(preds), gold_types={"direct"})
    named = sp.count(sc, gold, preds)
    return {
        "articles": len(gold),
        "gold": all_["gold"],
        "precision": all_["precision"],
        "recall": all_["recall"],
        "f1": all_["f1"],
        "speaker_acc": all_["speaker_acc"],
        "cue_acc": all_["cue_acc"],
        "recall_indirect": all_["recall_by_gold_type"].get("indirect", {}).get("recall"),
        "direct_f1": direct["f1"],
        "direct_speaker_acc": direct["speaker_acc"],
        "named_precision": named["named_precision"],
    }


def fmt(x):
    return "  -  " if x is None else "%.3f" % x


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("shared")
    ap.add_argument("--json")
    a = ap.parse_args()
    sc = load_module("score_quotes", Path(a.shared) / "eval/score_quotes.py")
    sp = load_module("quotes_speakers", Path(__file__).with_name("quotes_speakers.py"))
    gold = sc.load(Path(a.shared) / "data/quotes/polnear_dev.jsonl")
    preds = {}
    for r in sc.load(Path(a.outdir) / "pred.jsonl"):
        preds.setdefault(r["id"], []).extend(r.get("quotes") or [])
    parts = [("all", gold)] + [("half " + h, [d for d in gold if half(d["id"]) == h])
                               for h in "AB"]
    res = {}
    for name, docs in parts:
        f = figures(sc, sp, docs, preds)
        res[name] = f
        print("%-6s (%2d art, %4d gold): P %s R %s F1 %s  spk %s cue %s  ind-R %s | "
              "direct F1 %s spk %s | named P %s" % (
                  name, f["articles"], f["gold"], fmt(f["precision"]), fmt(f["recall"]),
                  fmt(f["f1"]), fmt(f["speaker_acc"]), fmt(f["cue_acc"]),
                  fmt(f["recall_indirect"]), fmt(f["direct_f1"]),
                  fmt(f["direct_speaker_acc"]), fmt(f["named_precision"])))
    if a.json:
        with open(a.json, "w") as out:
            json.dump(res, out, indent=1)


if __name__ == "__main__":
    sys.exit(main())

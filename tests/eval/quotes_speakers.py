#!/usr/bin/env python3
"""Named-speaker precision of quote predictions (PolNeAR-style gold).

Of the predicted quotes that match a gold quote (the scorer's own one-to-one
matching, overlap >= 0.5) and name a speaker, how many name the right one:
  - gold without a source: wrong (a speaker was invented);
  - gold source written as a name ("Sen. Tim Kaine", "the Clinton campaign"):
    right when the names agree by the scorer's name rule (case, punctuation,
    titles and possessives dropped; one a subset of the other);
  - gold source without a capitalised word ("he", "the spokesman"): right only
    when the predicted mention overlaps it and the predicted name occurs in the
    article before the quote; the name itself cannot be checked against
    PolNeAR, which has no coreference, so these are also counted apart.
Usage: quotes_speakers.py SCORER GOLD PRED [--json OUT]
"""
import importlib.util
import json
import re
import sys


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def matched_pairs(sc, doc, pq):
    gsets = [sc.charset(q) for q in doc["quotes"]]
    psets = [sc.charset(p) for p in pq]
    cands = []
    for i, g in enumerate(gsets):
        for j, p in enumerate(psets):
            if g and p:
                ov = len(g & p) / max(len(g), len(p))
                if ov >= 0.5:
                    cands.append((-ov, i, j))
    cands.sort()
    gm, pm = {}, {}
    for _, i, j in cands:
        if i not in gm and j not in pm:
            gm[i], pm[j] = j, i
    return [(doc["quotes"][i], pq[j]) for i, j in gm.items()]


def has_name(sc, s):
    """A source written with a name, not a pronoun or a description."""
    toks = sc.norm_tokens(s)
    return bool(re.search(r"\b[A-Z][a-z]", s or "")) and not set(toks) <= sc.PRONOUNS


HEAD_END = re.compile(r",| --| \(| who | whose | which ")


def head(s):
    """A source's head: what comes before an appositive or relative clause."""
    return HEAD_END.split(s or "", 1)[0]


def acronym_of(short, name):
    """'The IMF' ~ 'International Monetary Fund'."""
    letters = "".join(w[0] for w in re.findall(r"[A-Z][A-Za-z]*", name or ""))
    words = [w for w in re.findall(r"[A-Za-z.]+", short or "") if w.lower() != "the"]
    return len(words) == 1 and len(letters) > 1 and words[0].replace(".", "") == letters


def judge(sc, text, g, p):
    """'right', 'wrong' or None (no named speaker predicted)."""
    if not p.get("speaker"):
        return None
    if not g.get("speaker"):
        return "wrong"
    names_only = {k: v for k, v in p.items() if k not in ("speaker_start", "speaker_end")}
    if has_name(sc, g["speaker"]):
        g_head = dict(g, speaker=head(g["speaker"]))
        ok = (sc.speaker_ok(g, names_only) or sc.speaker_ok(g_head, names_only)
              or acronym_of(g["speaker"], p["speaker"]))
        return "right" if ok else "wrong"
    gs, ge = g.get("speaker_start"), g.get("speaker_end")
    ps, pe = p.get("speaker_start"), p.get("speaker_end")
    overlap = None not in (gs, ge, ps, pe) and min(ge, pe) > max(gs, ps)
    seen = p["speaker"] in text[: p.get("start", 0)] or p["speaker"] in text
    return "right" if overlap and seen else "wrong"


def count(sc, gold, preds):
    """Counts of named-speaker judgements over the gold articles; preds maps
    an article id to its predicted quotes."""
    st = dict(named=0, right=0, wrong=0, unverified=0, unverified_right=0, predicted=0,
              predicted_named=0)
    for doc in gold:
        pq = preds.get(doc["id"], [])
        st["predicted"] += len(pq)
        st["predicted_named"] += sum(1 for p in pq if p.get("speaker"))
        for g, p in matched_pairs(sc, doc, pq):
            v = judge(sc, doc["text"], g, p)
            if v is None:
                continue
            st["named"] += 1
            st[v] += 1
            if g.get("speaker") and not has_name(sc, g["speaker"]):
                st["unverified"] += 1
                st["unverified_right"] += v == "right"
    verified = st["named"] - st["unverified"]
    st["named_precision"] = (st["right"] - st["unverified_right"]) / verified if verified else None
    st["named_precision_all"] = st["right"] / st["named"] if st["named"] else None
    return st


def main():
    scorer, gold_path, pred_path = sys.argv[1:4]
    out = sys.argv[5] if len(sys.argv) > 5 and sys.argv[4] == "--json" else None
    sc = load_scorer(scorer)
    gold = sc.load(gold_path)
    preds = {d["id"]: d.get("quotes", []) for d in sc.load(pred_path)}
    st = count(sc, gold, preds)
    verified = st["named"] - st["unverified"]
    print("named-speaker precision %.3f (%d of %d matched quotes whose gold source is a name)"
          "   with pronoun/description sources %.3f (n=%d)   named share of predictions %.3f"
          % (st["named_precision"] or 0, st["right"] - st["unverified_right"], verified,
             st["named_precision_all"] or 0, st["named"],
             st["predicted_named"] / st["predicted"] if st["predicted"] else 0))
    if out:
        with open(out, "w") as f:
            json.dump(st, f)


if __name__ == "__main__":
    main()

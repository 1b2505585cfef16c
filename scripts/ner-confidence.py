#!/usr/bin/env python3
"""Calibration of the tagger's span confidence on a CoNLL file.

Reads the output of `lede tag --conll FILE --confidence` (gold tag in the
second-to-last column before the predicted tag, posterior last), takes each
predicted span's confidence as the least posterior of its tokens, and marks it
right when the gold file has the same span with the same type. Prints log loss,
expected calibration error and precision above a few thresholds. With --fit,
fits the Platt map p = sigmoid(a * logit(c) + b) on the first half of the
documents and reports the second half with it.

Usage: lede tag --conll dev.conll --confidence | scripts/ner-confidence.py [--fit]
"""
import math
import sys


def spans(tags):
    out, i = set(), 0
    while i < len(tags):
        t = tags[i]
        if t == "O" or t.startswith("I-") and (i == 0 or tags[i - 1][2:] != t[2:]):
            if t == "O":
                i += 1
                continue
        ty = t[2:]
        j = i + 1
        while j < len(tags) and tags[j] == "I-" + ty:
            j += 1
        out.add((i, j, ty))
        i = j
    return out


def read_docs(lines):
    docs, cur, sent = [], [], []
    for line in lines:
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            if sent:
                cur.append(sent)
                sent = []
            if cur:
                docs.append(cur)
            cur = []
            continue
        if not line.strip():
            if sent:
                cur.append(sent)
            sent = []
            continue
        cols = line.split()
        sent.append((cols[-3], cols[-2], float(cols[-1])))
    if sent:
        cur.append(sent)
    if cur:
        docs.append(cur)
    return docs


def items(docs):
    out = []
    for d in docs:
        for s in d:
            gold = spans([g for g, _, _ in s])
            for (b, e, ty) in spans([p for _, p, _ in s]):
                c = min(x for _, _, x in s[b:e])
                out.append((c, (b, e, ty) in gold))
    return out


def logit(c):
    c = min(max(c, 1e-6), 1 - 1e-6)
    return math.log(c / (1 - c))


def report(name, pairs):
    n = len(pairs)
    if not n:
        return
    ll = -sum(math.log(max(1e-9, p if y else 1 - p)) for p, y in pairs) / n
    bins = [[] for _ in range(10)]
    for p, y in pairs:
        bins[min(9, int(p * 10))].append((p, y))
    ece = sum(abs(sum(p for p, _ in b) - sum(y for _, y in b)) for b in bins) / n
    print(f"{name}: spans {n}, precision {sum(y for _, y in pairs) / n:.4f}, "
          f"log loss {ll:.4f}, ECE {ece:.4f}")
    for th in (0.3, 0.5, 0.7, 0.9):
        kept = [y for p, y in pairs if p >= th]
        if kept:
            print(f"  conf >= {th}: kept {len(kept) / n:.3f}, precision "
                  f"{sum(kept) / len(kept):.4f}")


def fit(pairs):
    a, b = 1.0, 0.0
    xs = [(logit(c), y) for c, y in pairs]
    for _ in range(2000):
        ga = gb = 0.0
        for x, y in xs:
            p = 1 / (1 + math.exp(-(a * x + b)))
            ga += (p - y) * x
            gb += p - y
        a -= 0.5 * ga / len(xs)
        b -= 0.5 * gb / len(xs)
    return a, b


def main():
    docs = read_docs(sys.stdin)
    if "--fit" not in sys.argv:
        report("all", items(docs))
        return
    half = len(docs) // 2
    a_items, b_items = items(docs[:half]), items(docs[half:])
    a, b = fit(a_items)
    print(f"fitted on the first {half} documents: a = {a:.4f}, b = {b:.4f}")
    report("fitting half, raw", a_items)
    report("held-out half, raw", b_items)
    cal = [(1 / (1 + math.exp(-(a * logit(c) + b))), y) for c, y in b_items]
    report("held-out half, calibrated", cal)


main()

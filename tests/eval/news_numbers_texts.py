#!/usr/bin/env python3
"""The article texts of the real-news numbers set, read from ../shared.

The set (tests/eval/news_numbers.tsv) stores only article ids, character
offsets and judgements; the texts stay where their licences keep them:
  polnear:<id>      "text" of ../shared/data/quotes/polnear_train.jsonl
                    (PolNeAR, no licence for its data: internal evaluation only)
  scrapinghub:<id>  "articleBody" of ../shared/data/extraction/scrapinghub/<id>.json
                    (scrapinghub article-extraction-benchmark, MIT)
  readability:<name> expected.txt of ../shared/data/extraction/readability/<name>/
                    (Mozilla Readability test pages, Apache-2.0)
Offsets are Unicode code points of these texts, end exclusive.
"""
import glob
import hashlib
import json
import os
import re


def half(doc_id):
    """'A' (development) or 'B' (held out), fixed by the md5 of the article id."""
    return "A" if hashlib.md5(doc_id.encode()).digest()[0] % 2 == 0 else "B"


def load_texts(shared):
    texts = {}
    path = os.path.join(shared, "data", "quotes", "polnear_train.jsonl")
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                d = json.loads(line)
                texts["polnear:" + d["id"]] = d["text"]
    for path in sorted(glob.glob(os.path.join(shared, "data", "extraction", "scrapinghub", "*.json"))):
        with open(path) as f:
            body = json.load(f).get("articleBody") or ""
        texts["scrapinghub:" + os.path.basename(path)[:-5]] = body
    for path in sorted(glob.glob(os.path.join(shared, "data", "extraction", "readability", "*",
                                              "expected.txt"))):
        with open(path) as f:
            texts["readability:" + os.path.basename(os.path.dirname(path))] = f.read()
    return texts


# A sentence ends at . ! or ? (and a closing quote), before white space and
# an upper-case letter, a digit or an opening quote; a paragraph break always
# ends one. Abbreviations that usually precede a name or a number do not.
_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z0-9\"“‘(])|\n\s*\n")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|No|vs|Inc|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.$")


def sentences(text):
    """(start, end) of each sentence of text, white space trimmed."""
    out, b = [], 0
    for m in _END.finditer(text):
        if text[m.start()] in ".!?" and _ABBREV.search(text[b:m.start() + 1]):
            continue
        seg = text[b:m.end()]
        s = b + (len(seg) - len(seg.lstrip()))
        t = b + len(seg.rstrip())
        if t > s:
            out.append((s, t))
        b = m.end()
    seg = text[b:]
    if seg.strip():
        s = b + (len(seg) - len(seg.lstrip()))
        out.append((s, b + len(seg.rstrip())))
    return out

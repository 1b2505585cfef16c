#!/usr/bin/env python3
"""Word clusters for the entity tagger, from the unlabeled text at hand.

Reads the words of the training corpora (CoNLL-2003, wikigold and re3d train:
first column) and the article texts of the PolNeAR train split, counts each
word's left and right neighbours among the most frequent words, and splits the
vocabulary top-down on those (log-scaled, unit-length) context
vectors: a word's cluster is its path of left/right choices, a bit string up to
MAX_DEPTH long, so path prefixes give coarser and finer classes like Brown
clusters do. Deterministic: no randomness, ties broken by frequency rank.

The output holds no words: each line is the tagger's 64-bit hash of a word's
lower-case form (ner_hash_bytes in core/nlp/ner_hash.h) and its bit path,
because the text the clusters come from may not be redistributed (see
core/data/README.md).

Usage: scripts/ner-clusters.py SHARED OUT   (about a minute on one core)
"""
import json
import math
import re
import sys
from collections import Counter

MIN_COUNT = 3        # rarer words get no cluster
MAX_WORDS = 30000    # most frequent words clustered
CONTEXT_WORDS = 400  # neighbours counted: the most frequent words
MAX_DEPTH = 16       # longest bit path
MIN_SPLIT = 4        # clusters smaller than this are not split further
ITERATIONS = 3       # power-iteration rounds per split

MASK = (1 << 64) - 1
TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-'.&][A-Za-z0-9]+)*\.?|[^\sA-Za-z0-9]")


def mix(x):
    x ^= x >> 30
    x = (x * 0xBF58476D1CE4E5B9) & MASK
    x ^= x >> 27
    x = (x * 0x94D049BB133111EB) & MASK
    x ^= x >> 31
    return x


def tagger_hash(word):
    """ner_hash_bytes(s, n, lower=1): FNV-1a over ASCII-folded bytes, mixed."""
    h = 0xCBF29CE484222325
    data = word.encode("utf-8")
    for c in data:
        if 65 <= c <= 90:
            c += 32
        h = ((h ^ c) * 0x100000001B3) & MASK
    return mix(h ^ len(data))


def fold(word):
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in word)


def conll_sentences(path):
    sent = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if not cols or cols[0] == "-DOCSTART-":
                if sent:
                    yield sent
                sent = []
            else:
                sent.append(cols[0])
    if sent:
        yield sent


def text_sentences(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text") or ""
            text = text.replace("\u2019", "'").replace("\u2018", "'")
            text = text.replace("\u201c", '"').replace("\u201d", '"')
            for para in text.split("\n"):
                words = []
                for w in TOKEN.findall(para):
                    if w.lower().endswith("'s") and len(w) > 2:
                        words += [w[:-2], "'s"]
                    else:
                        words.append(w)
                if words:
                    yield words


def main():
    shared, out = sys.argv[1], sys.argv[2]
    sources = [conll_sentences(f"{shared}/data/ner/{c}/train.conll")
               for c in ("conll2003", "wikigold", "re3d")]
    sources.append(text_sentences(f"{shared}/data/quotes/polnear_train.jsonl"))
    sents = [[fold(w) for w in s] for src in sources for s in src]
    counts = Counter(w for s in sents for w in s)
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    vocab = [w for w in ranked if counts[w] >= MIN_COUNT and re.search("[a-z]", w)]
    vocab = vocab[:MAX_WORDS]
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(ranked[:CONTEXT_WORDS])}
    pad = len(ctx)
    raw = [Counter() for _ in vocab]
    for s in sents:
        for i, w in enumerate(s):
            k = index.get(w)
            if k is None:
                continue
            left = ctx.get(s[i - 1], pad) if i else pad + 1
            right = ctx.get(s[i + 1], pad) if i + 1 < len(s) else pad + 1
            raw[k][left] += 1
            raw[k][CONTEXT_WORDS + 2 + right] += 1
    vecs = []
    for c in raw:
        v = {d: math.log1p(n) for d, n in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({d: x / norm for d, x in v.items()})
    print(f"ner-clusters: {sum(len(s) for s in sents)} tokens, {len(vocab)} words clustered",
          file=sys.stderr)

    def dot(v, c):
        return sum(x * c.get(d, 0.0) for d, x in v.items())

    def mean(items):
        c = Counter()
        for i in items:
            for d, x in vecs[i].items():
                c[d] += x
        return {d: x / len(items) for d, x in c.items()}

    paths = [""] * len(vocab)
    todo = [(list(range(len(vocab))), "")]
    while todo:
        items, path = todo.pop()
        for i in items:
            paths[i] = path
        if len(items) < MIN_SPLIT or len(path) >= MAX_DEPTH:
            continue
        # The main direction of the words' spread (power iteration from the
        # most frequent word), split at the median projection.
        c = mean(items)
        v = {d: x - c.get(d, 0.0) for d, x in vecs[items[0]].items()}
        for _ in range(ITERATIONS):
            acc = Counter()
            total = 0.0
            for i in items:
                si = dot(vecs[i], v) - dot(c, v)
                total += si
                for d, x in vecs[i].items():
                    acc[d] += si * x
            for d, x in c.items():
                acc[d] -= total * x
            norm = math.sqrt(sum(x * x for x in acc.values())) or 1.0
            v = {d: x / norm for d, x in acc.items()}
        cv = dot(c, v)
        proj = sorted(items, key=lambda i: (dot(vecs[i], v) - cv, i))
        left, right = sorted(proj[:len(proj) // 2]), sorted(proj[len(proj) // 2:])
        todo.append((right, path + "1"))
        todo.append((left, path + "0"))

    lines = sorted((tagger_hash(w), p) for w, p in zip(vocab, paths) if p)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Word clusters for the entity tagger (scripts/ner-clusters.py): the\n"
                "# tagger's hash of a lower-case word, then its bit path. No words are\n"
                "# stored; see core/data/README.md for the sources.\n")
        for h, p in lines:
            f.write(f"{h:016x}\t{p}\n")
    print(f"ner-clusters: {len(lines)} words written to {out}", file=sys.stderr)


main()

#!/usr/bin/env python3
"""Entity tagger quality on the two halves of every DEV set.

Tags each SHARED/data/ner/*/dev.conll whole with `lede tag --conll` (a
document's tags depend on the rest of the document), then splits gold and
tags by document: half A (development) holds the documents whose first words
hash (sha1) to an even first byte, half B (held out) the others. The split
depends only on the text of each document, not on its place in the file.
Both halves are scored with SHARED/eval/score_ner.py (UNER on PER, ORG and
LOC only, as in tests/eval/ner.sh).

Usage: tests/eval/ner_halves.py LEDE SHARED [--types-detail]
Prints one line per corpus and half: F1, precision and recall, and with
--types-detail the F1 of each type.
"""
import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

# Words of a document's start that name its half.
KEY_WORDS = 30


def documents(lines):
    """Lines split at -DOCSTART- lines; each document keeps its own lines."""
    docs, cur = [], []
    for line in lines:
        if line.startswith("-DOCSTART-"):
            if any(x.strip() for x in cur):
                docs.append(cur)
            cur = []
        else:
            cur.append(line)
    if any(x.strip() for x in cur):
        docs.append(cur)
    return docs


def half(doc):
    words = [x.split()[0] for x in doc if x.strip()][:KEY_WORDS]
    return "AB"[hashlib.sha1(" ".join(words).encode("utf-8")).digest()[0] & 1]


def write(path, docs):
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write("-DOCSTART-\tO\n\n")
            body = "\n".join(d).strip("\n")
            f.write(body + "\n\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lede")
    ap.add_argument("shared")
    ap.add_argument("--types-detail", action="store_true")
    args = ap.parse_args()
    scorer = Path(args.shared) / "eval/score_ner.py"
    with tempfile.TemporaryDirectory() as tmp:
        for dev in sorted(Path(args.shared, "data/ner").glob("*/dev.conll")):
            corpus = dev.parent.name
            pred = subprocess.run([args.lede, "tag", "--conll", str(dev)],
                                  capture_output=True, check=True, text=True).stdout
            gold_docs = documents(dev.read_text(encoding="utf-8").splitlines())
            pred_docs = documents(pred.splitlines())
            if len(gold_docs) != len(pred_docs):
                sys.exit(f"{corpus}: {len(gold_docs)} gold documents, {len(pred_docs)} tagged")
            types = ["--types", "PER,ORG,LOC"] if corpus == "uner_en_ewt" else []
            for h in "AB":
                idx = [i for i, d in enumerate(gold_docs) if half(d) == h]
                g, p = Path(tmp, f"{corpus}.{h}.gold"), Path(tmp, f"{corpus}.{h}.pred")
                write(g, [gold_docs[i] for i in idx])
                write(p, [pred_docs[i] for i in idx])
                out = subprocess.run([sys.executable, str(scorer), str(g), str(p), "--json"] +
                                     types, capture_output=True, check=True, text=True).stdout
                s = json.loads(out)
                o = s["overall"]
                line = (f"{corpus:12s} half {h} ({len(idx):3d} docs): F1 {o['f1']:.4f}  "
                        f"P {o['precision']:.4f}  R {o['recall']:.4f}")
                if args.types_detail:
                    line += "  " + " ".join(f"{t} {v['f1']:.3f}"
                                            for t, v in sorted(s["per_type"].items()))
                print(line)


if __name__ == "__main__":
    main()

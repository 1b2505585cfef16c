#!/usr/bin/env python3
"""`lede tag --conll`: every input line comes back in order with the predicted
tag appended; -DOCSTART- and blank lines pass through; the output is what
shared/eval/score_ner.py scores. Sentences written for this test."""
import argparse
import os
import subprocess
import sys
import tempfile

DOC = """-DOCSTART-\tO

Angela\tB-PER
Merkel\tI-PER
visited\tO
Paris\tB-LOC
.\tO

Shares\tO
of\tO
Microsoft\tB-ORG
rose\tO
.\tO
-DOCSTART-\tO

The\tO
weather\tO
was\tO
cold\tO
.\tO
"""

TAGS = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lede", required=True)
    ap.add_argument("--shared", required=True)
    a = ap.parse_args()
    failures = 0

    def check(cond, what):
        nonlocal failures
        print(("ok   " if cond else "FAIL ") + what)
        failures += not cond

    with tempfile.TemporaryDirectory() as tmp:
        gold = os.path.join(tmp, "gold.conll")
        with open(gold, "w", encoding="utf-8") as f:
            f.write(DOC)
        out = subprocess.run([a.lede, "tag", "--conll", gold], capture_output=True,
                             text=True, check=False)
        check(out.returncode == 0, "lede tag exits 0")
        src = DOC.splitlines()
        got = out.stdout.splitlines()
        check(len(got) == len(src), "one output line per input line")
        for s, g in zip(src, got):
            if not s.strip() or s.startswith("-DOCSTART-"):
                check(g == s, f"passed through: {s!r}")
            else:
                check(g.startswith(s + "\t") and g.rsplit("\t", 1)[1] in TAGS,
                      f"tag appended: {g!r}")
        pred_tags = [g.rsplit("\t", 1)[1] for s, g in zip(src, got)
                     if s.strip() and not s.startswith("-DOCSTART-")]
        check(pred_tags[:5] == ["B-PER", "I-PER", "O", "B-LOC", "O"], "tags a person and a place")
        check(pred_tags[-5:] == ["O"] * 5, "no entity in a sentence without names")
        pred = os.path.join(tmp, "pred.conll")
        with open(pred, "w", encoding="utf-8") as f:
            f.write(out.stdout)
        score = subprocess.run([sys.executable, os.path.join(a.shared, "eval", "score_ner.py"),
                                gold, pred], capture_output=True, text=True, check=False)
        check(score.returncode == 0, "score_ner.py accepts the output")
        bad = subprocess.run([a.lede, "tag", "--conll", os.path.join(tmp, "missing.conll")],
                             capture_output=True, text=True, check=False)
        check(bad.returncode == 1 and bad.stderr, "a missing file is an error")
        usage = subprocess.run([a.lede, "tag"], capture_output=True, text=True, check=False)
        check(usage.returncode == 2, "no --conll is a usage error")
    print(f"tag_conll: {'all passed' if not failures else str(failures) + ' failed'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

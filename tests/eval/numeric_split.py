#!/usr/bin/env python3
"""Split the numeric DEV cases into two fixed halves by case id.

Usage: numeric_split.py DATA_DIR OUT_A OUT_B
Every DATA_DIR/*.jsonl file is written to OUT_A and OUT_B under the same
name, each case going to A when the first byte of md5(id) is even and to B
otherwise. The split depends only on the id, so adding cases never moves an
existing one from one half to the other.
"""
import glob
import hashlib
import json
import os
import sys


def half(case_id):
    return "A" if hashlib.md5(case_id.encode()).digest()[0] % 2 == 0 else "B"


def main():
    data, out_a, out_b = sys.argv[1:4]
    outs = {"A": out_a, "B": out_b}
    for d in outs.values():
        os.makedirs(d, exist_ok=True)
    for path in sorted(glob.glob(os.path.join(data, "*.jsonl"))):
        name = os.path.basename(path)
        files = {k: open(os.path.join(d, name), "w") for k, d in outs.items()}
        with open(path) as f:
            for line in f:
                if line.strip():
                    files[half(json.loads(line)["id"])].write(line)
        for fh in files.values():
            fh.close()


if __name__ == "__main__":
    main()

#!/bin/sh
# Floors of the hand-judged entity precision audit (tests/eval/ner_audit.tsv):
# fails when precision or PERSON precision over the judged entities of the 10
# audited DEV pages drops below the figures last measured (0.949 and 1.000 on
# branch ner, issue 14), less about a point.
# Usage: tests/eval/check_ner_audit.sh LEDE SHARED
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python3 "$here/ner_audit.py" "$1" "$2" --min 0.94 --min-person 0.99

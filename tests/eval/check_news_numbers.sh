#!/bin/sh
# Floors of the hand-judged real-news numbers set (tests/eval/news_numbers.tsv):
# fails when the precision of the reported claims, their value or qualifier
# accuracy, the recall of the judged claims, or the accuracy of their subject
# and claimant drops below the figures measured when the floors were last
# raised, less about a point (see the commit that set them; recall 0.972, subject 0.928 and
# claimant 0.764 measured 2026-12-07). Floors move up, not down.
# Usage: tests/eval/check_news_numbers.sh LEDE SHARED
set -eu
here=$(cd "$(dirname "$0")" && pwd)
python3 "$here/news_numbers.py" "$1" "$2" --min-precision 0.94 --min-value 0.99 \
    --min-qualifier 0.99 --min-recall 0.96 --min-subject 0.91 --min-claimant 0.75
# The fresh batch (news_numbers_fresh.tsv): precision 0.806 when first scored,
# 1.000 after the rules for set scores, street-first addresses and bracketed
# ranks (no longer held out since); its recall 0.967.
python3 "$here/news_numbers.py" "$1" "$2" --set "$here/news_numbers_fresh.tsv" \
    --min-precision 0.96 --min-value 0.99 --min-qualifier 0.99 --min-recall 0.95

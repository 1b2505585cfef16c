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
# The later batches, each scored once before rules were written from it:
# batch 3 precision 0.806 at first (1.000 after the rules for set scores,
# street-first house numbers and bracketed ranks), batch 4 0.909 at first
# (1.000 after the rules for numbers inside titles, nouns named by a number
# and unnamed cents), batch 5 0.933 at first (0.977 after the rules for
# "six-figure" magnitudes and verse spans; its recall 0.933), batch 6 0.978
# at first with value 0.956 (1.000 and 1.000 after the rules for fractions of
# a scale word, sentence dashes between sums and quoted nicknames), batch 7
# 0.941 at first (1.000 after the rules for ratios to one, "one-" compounds
# of kind, places in a race and firsts ever), batch 8 0.970 at first (1.000
# after the rule for ordinals in time adverbials), batch 11 0.886 at first
# (0.975 after the rules for clock spans, "every single one", "or two" after a
# noun and ratios to one without a cue), batch 12 0.978 at first with value
# 0.977 (value 1.000 after the rule for "plus or minus"). None is held out any
# more.
for set in batch3 batch4 batch5 batch6 batch7 batch8 batch11 batch12; do
  python3 "$here/news_numbers.py" "$1" "$2" --set "$here/news_numbers_$set.tsv" \
      --min-precision 0.96 --min-value 0.99 --min-qualifier 0.96 --min-recall 0.92
done
# Batch 9, web pages other than political news (Readability test pages):
# precision 0.842 at first (1.000 after the rules for "#" numbers, ungrouped
# ticket numbers, releases after "in", group pronouns, "150+", "two-hundred",
# "as one of" and "the first step to"; its recall 0.917).
python3 "$here/news_numbers.py" "$1" "$2" --set "$here/news_numbers_batch9.tsv" \
    --min-precision 0.98 --min-value 0.99 --min-qualifier 0.99 --min-recall 0.90
# Batch 10, 21 more Readability pages: precision 0.816 at first (1.000 after
# the rules for footnote marks, settings, code nouns and versions; recall 0.886).
python3 "$here/news_numbers.py" "$1" "$2" --set "$here/news_numbers_batch10.tsv" \
    --min-precision 0.98 --min-value 0.99 --min-qualifier 0.99 --min-recall 0.90
# Batch 13, 2 more sentences of 43 of those pages: precision 0.627 at first
# (22 non-claims of 59, 11 of them one program listing; 0.950 after the rules
# for lists of bare numbers, drawn tables, footnotes after punctuation,
# leading zeros, releases of one series and "10x"; recall 0.902, then 0.927).
python3 "$here/news_numbers.py" "$1" "$2" --set "$here/news_numbers_batch13.tsv" \
    --min-precision 0.94 --min-value 0.99 --min-qualifier 0.99 --min-recall 0.92
# Batch 14, 20 more PolNeAR articles: precision 0.816 at first, recall 0.969,
# qualifier 0.968 (0.889 / 1.000 / 1.000 after the rules for alternatives
# with one unit, sections of a law, "over" after a determiner, quoted titles
# and coordinated firsts).
python3 "$here/news_numbers.py" "$1" "$2" --set "$here/news_numbers_batch14.tsv" \
    --min-precision 0.88 --min-value 0.99 --min-qualifier 0.99 --min-recall 0.99

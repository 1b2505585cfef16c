#!/usr/bin/env python3
"""Draws the sentences of the real-news numbers set (news_numbers.tsv).

Usage: news_numbers_sample.py SHARED > sentences.tsv
Prints "batch DOC START END" for each sampled sentence, as the set was drawn:
articles in the order of sha1("news-sample:" + DOC); from each article with
enough sentences holding a number (a digit or a number word, under 600
characters), a fixed random choice of 3 (PolNeAR) or 2 (scrapinghub). Batch 1:
the first 50 PolNeAR and 36 scrapinghub articles; batch 2: the next 60 and 30,
scrapinghub pages in English only; batches 3 to 5 (news_numbers_batch3.tsv, _batch4.tsv, _batch5.tsv): the
next 12 and 8 each, the same way; batch 6 (_batch6.tsv): the next 16 and 10
(only 4 English scrapinghub pages were left); batch 7 (_batch7.tsv): the
next 20 PolNeAR articles; batch 8 (_batch8.tsv): the 20 after them; batch 9 (_batch9.tsv):
25 English Readability test pages (../shared/data/extraction/readability), 2
sentences each, in the order of the same key; batch 10 (_batch10.tsv): the
next 25 such pages, drawn after the rules written from batch 9; batch 11
(_batch11.tsv): the next 20 PolNeAR articles after batch 8's; batch 12
(_batch12.tsv): the next 20 PolNeAR articles, drawn after the rules written
from batch 11; batch 13 (_batch13.tsv): 2 more sentences from each English
Readability page, other than those batches 9 and 10 took, drawn after the
rules written from batch 12 (key sha1("news-sample-2:" + DOC)); batch 14
(_batch14.tsv): the next 20 PolNeAR articles after batch 12's, drawn after
the rules written from batch 13. Used to extend the set with new batches.
"""
import hashlib
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from news_numbers_texts import load_texts, sentences  # noqa: E402

NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen "
                "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty "
                "fifty sixty seventy eighty ninety hundred thousand million billion trillion "
                "dozen dozens half third quarter first second fourth fifth sixth seventh eighth "
                "ninth tenth twice thirds hundreds thousands millions billions").split()
NUMBER = re.compile(r"\d+(?:[.,]\d+)*|\b(?:%s)\b" % "|".join(NUMBER_WORDS), re.I)
ENGLISH = re.compile(r"\b(the|and|of|to|is|was|that|with)\b")
MAX_SENTENCE = 600


def key(doc):
    return hashlib.sha1(("news-sample:" + doc).encode()).hexdigest()


def english(text):
    return len(ENGLISH.findall(text)) > 0.04 * len(text.split())


def take(texts, docs, n_docs, per, used):
    picked, got = [], 0
    for d in docs:
        if got >= n_docs:
            break
        if d in used:
            continue
        x = texts[d]
        cands = [(s, e) for s, e in sentences(x) if NUMBER.search(x[s:e]) and e - s < MAX_SENTENCE]
        if len(cands) < per:
            continue
        picked.extend((d, s, e) for s, e in sorted(random.Random(key(d)).sample(cands, per)))
        used.add(d)
        got += 1
    return picked


def take_again(texts, docs, per, drawn):
    """Another `per` sentences of each article in docs, none already drawn."""
    picked = []
    for d in docs:
        x = texts[d]
        cands = [(s, e) for s, e in sentences(x) if NUMBER.search(x[s:e]) and
                 e - s < MAX_SENTENCE and (d, s, e) not in drawn]
        if len(cands) < per:
            continue
        rnd = random.Random(hashlib.sha1(("news-sample-2:" + d).encode()).hexdigest())
        picked.extend((d, s, e) for s, e in sorted(rnd.sample(cands, per)))
    return picked


def main():
    texts = load_texts(sys.argv[1])
    pol = sorted((d for d in texts if d.startswith("polnear:")), key=key)
    sh = sorted((d for d in texts if d.startswith("scrapinghub:")), key=key)
    used = set()
    batch1 = take(texts, pol, 50, 3, used) + take(texts, sh, 36, 2, used)
    batch2 = take(texts, pol, 60, 3, used) + \
        take(texts, [d for d in sh if english(texts[d])], 30, 2, used)
    # batch 3 was drawn after the rules of batches 1 and 2 were written: a
    # fresh held-out set, scored apart (news_numbers_batch3.tsv)
    batch3 = take(texts, pol, 12, 3, used) + \
        take(texts, [d for d in sh if english(texts[d])], 8, 2, used)
    # batch 4 (news_numbers_batch4.tsv), drawn after the rules written from batch 3
    batch4 = take(texts, pol, 12, 3, used) + \
        take(texts, [d for d in sh if english(texts[d])], 8, 2, used)
    # batch 5 (news_numbers_batch5.tsv), drawn after the rules written from batch 4
    batch5 = take(texts, pol, 12, 3, used) + \
        take(texts, [d for d in sh if english(texts[d])], 8, 2, used)
    # batch 6 (news_numbers_batch6.tsv), drawn after the rules written from
    # batch 5, larger (16 and 10 articles) for a tighter held-out figure
    batch6 = take(texts, pol, 16, 3, used) + \
        take(texts, [d for d in sh if english(texts[d])], 10, 2, used)
    # batch 7 (news_numbers_batch7.tsv), drawn after the rules written from
    # batch 6; PolNeAR only, as batch 6 took the last English scrapinghub pages
    batch7 = take(texts, pol, 20, 3, used)
    # batch 8 (news_numbers_batch8.tsv), drawn after the rules written from batch 7
    batch8 = take(texts, pol, 20, 3, used)
    # batch 11 (news_numbers_batch11.tsv): the next 20 PolNeAR articles, drawn
    # after the rules written from batch 10
    batch11 = take(texts, pol, 20, 3, used)
    # batch 12 (news_numbers_batch12.tsv): the next 20 PolNeAR articles, drawn
    # after the rules written from batch 11
    batch12 = take(texts, pol, 20, 3, used)
    # batch 14 (news_numbers_batch14.tsv): the next 20, drawn after the rules
    # written from batch 13
    batch14 = take(texts, pol, 20, 3, used)
    # batch 9 (news_numbers_batch9.tsv): web pages of other kinds than
    # political news, the Readability test pages in English, 2 sentences each
    rd = sorted((d for d in texts if d.startswith("readability:") and english(texts[d])), key=key)
    batch9 = take(texts, rd, 25, 2, used)
    # batch 10 (news_numbers_batch10.tsv): the next Readability pages, drawn
    # after the rules written from batch 9
    batch10 = take(texts, rd, 25, 2, used)
    # batch 13 (news_numbers_batch13.tsv): 2 more sentences of each page of
    # batches 9 and 10, drawn after the rules written from batch 12
    batch13 = take_again(texts, list(dict.fromkeys(d for d, _, _ in batch9 + batch10)),
                         2, set(batch9 + batch10))
    for b, rows in ((1, batch1), (2, batch2), (3, batch3), (4, batch4), (5, batch5),
                    (6, batch6), (7, batch7), (8, batch8), (9, batch9),
                    (10, batch10), (11, batch11), (12, batch12),
                    (13, batch13), (14, batch14)):
        for d, s, e in rows:
            print("%d\t%s\t%d\t%d" % (b, d, s, e))


if __name__ == "__main__":
    main()

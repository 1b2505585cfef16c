/*
 * num_mention — quantity words that stand without a number: a unit or a
 * currency named on its own ("convert 10 celsius to fahrenheit", "a
 * multibillion-dollar deal", "the % of increase") and relative ordinals, which
 * place an item against the end of a sequence or the current one ("the last
 * but one", "the penultimate", "turn to the next page"). None of these is a
 * claim: the numbers stage never reports them. They are found for the callers
 * that score against recognisers which do (lede numbers, Recognizers-Text).
 *
 * A unit is named on its own only when its word has no everyday sense besides
 * the unit ("foot", "yard", "ton", "bit" do), is spelt out rather than
 * abbreviated or coded, and is not a unit of time. A relative ordinal is a
 * determiner: it stands before a noun, a number or "one", never before a noun
 * of time ("next week" is a date) and never in "at last".
 */
#ifndef LEDE_NLP_NUM_MENTION_H
#define LEDE_NLP_NUM_MENTION_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    NUM_MENTION_CURRENCY = 1,
    NUM_MENTION_DIMENSION, /* a unit of measure other than temperature */
    NUM_MENTION_TEMPERATURE,
    NUM_MENTION_PERCENT,     /* "%", "percentage", "per cent" */
    NUM_MENTION_REL_ORDINAL, /* "last", "next", "penultimate" */
} num_mention_kind;

typedef struct {
    size_t start, end; /* bytes of text, end exclusive */
    num_mention_kind kind;
    /* Units: the canonical unit ("t", "°F") or the currency's English name
     * ("Dollar"); NULL for percentages and ordinals. */
    const char *unit;
    /* Relative ordinals: what they count from ("end" or "current") and the
     * offset ("the last but one": end, -1). */
    const char *relative_to;
    int offset;
} num_mention;

/* Finds the mentions in text[0, len), in text order, writing at most cap of
 * them to out; returns how many there are (which may exceed cap). */
size_t num_mention_find(const char *text, size_t len, num_mention *out, size_t cap);

#endif

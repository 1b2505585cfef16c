/*
 * num_hedge — what a hedge word before a number means. Today: whether "over"
 * before a number is the comparative ("over 500 people": more than 500) or a
 * particle / preposition of time ("handed over 500 files", "20 goals over two
 * spells"), decided from the words around it.
 */
#ifndef LEDE_NLP_NUM_HEDGE_H
#define LEDE_NLP_NUM_HEDGE_H

#include <stdbool.h>
#include <stddef.h>

/* Is `w` (n bytes) a form of a verb whose "over" is a particle or its own
 * preposition ("take over", "hand over", "win over", "argue over")? */
bool num_hedge_over_verb(const char *w, size_t n);

/* Is `w` a noun of a stretch of time or of occasions ("years", "spells",
 * "seasons", "games") — "over" before "N <noun>" is then "during"? */
bool num_hedge_span_noun(const char *w, size_t n);

/* Is `w` a word after which "over N <span>" still compares ("for over ten
 * years", "in over a decade", "is over 30 years")? */
bool num_hedge_compares_after(const char *w, size_t n);

/* "over" at the start of "[prev] over N [noun]": is it a comparative (more
 * than)? prev and noun may be NULL (sentence start / no noun after). */
bool num_hedge_over_compares(const char *prev, size_t prev_n, const char *noun,
                             size_t noun_n);

#endif

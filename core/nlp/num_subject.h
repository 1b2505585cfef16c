/*
 * num_subject — what a claim counts or measures, when the words right after
 * its number do not already say so. The numbers stage names the counted noun
 * of "100,000 troops" and the noun phrase of "30% of voters"; this stage reads
 * the noun phrases English puts around other quantities:
 * - a count before modifiers and its noun: "two lobbying firms", "three
 *   high-ranking insurgents", "nearly 300 pledged delegates" (the first word
 *   that looks plural is the head);
 * - a measure, a share or an amount used as a modifier, after a determiner
 *   or as a hyphenated compound: "a four-day trip", "a 30-minute shooting
 *   spree", "the 15% tariffs", "a 6.5 percent growth rate", "a 60-page
 *   ruling" (the last word of the noun phrase is the head);
 * - money "in" or "worth of" what it is paid in: "$36,000 in fees", "$125
 *   billion worth of Chinese goods";
 * - a noun whose amount the number gives: "a crowd of 1,300", "a budget of
 *   $449,000" (not the nouns that name the form of a number: "a range of",
 *   "a total of", "an average of").
 * It reads only the shared tokens and the claims' offsets, and never replaces
 * a subject the numbers stage found.
 */
#ifndef LEDE_NLP_NUM_SUBJECT_H
#define LEDE_NLP_NUM_SUBJECT_H

#include "../arena.h"
#include "lede/lede.h"
#include "tok.h"

/* The subject of claim c of text t as [*start, *end) token indices (the noun
 * phrase up to its head), or false when the text names none. */
bool num_subject_find(const nlp_text *t, const lede_claim *c, size_t *start, size_t *end);

/* Sets the subject of every claim that has none and names one (strings from
 * the arena). */
lede_status num_subject_fill(lede_arena *a, const nlp_text *t, lede_claim *claims,
                             size_t n);

#endif

/*
 * num_role — which numbers the numbers stage found are claims. A number is
 * not a claim when the words around it show it is a pronoun or a determiner
 * ("one of the", "the one that", "One delegate said"), a sequence ordinal
 * ("the sixth debate", "the first time") rather than a rank ("finished
 * second", "the third-largest", "the first woman to ..."), part of a name
 * ("Fight for Fifteen"), an identifier (a tweet id, a ten-digit code) or a
 * piece of a date or a clock time ("2016-06-28", "on 9/11", "in '16", "Sept
 * 14-16", "at 3 in the morning"), a reference's volume and pages ("28:
 * 685-690"), a name read from its context ("his 757 was", "the Super Bowl 50
 * show", "the 50 yard freestyle", "a .45 caliber pistol"), a vote tally
 * ("voted 52 to 48") or an idiom ("two sides of the same coin", "24/7",
 * "one-on-one", "one foot in front of the other"). A four-digit number after a
 * determiner and before a noun ("the 2004 changes") is a year. It reads only
 * the shared tokens and the claims' offsets, so it runs after every claim is
 * parsed, and it removes nothing: the caller decides what to print.
 */
#ifndef LEDE_NLP_NUM_ROLE_H
#define LEDE_NLP_NUM_ROLE_H

#include "lede/lede.h"
#include "tok.h"

/* Why claim c of text t is not a claim ("pronoun", "sequence", "name",
 * "identifier", "date", "score", "idiom"), or NULL when it is one. */
const char *num_role_non_claim(const nlp_text *t, const lede_claim *c);

/* Is claim c a year used as a modifier ("the 2004 changes", "his 1996 book")? */
bool num_role_attributive_year(const nlp_text *t, const lede_claim *c);

/* Sets non_claim on every claim, and the kind of attributive years to
 * LEDE_CLAIM_YEAR. */
void num_role_mark(const nlp_text *t, lede_claim *claims, size_t n);

#endif

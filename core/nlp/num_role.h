/*
 * num_role — which numbers the numbers stage found are claims. A number is
 * not a claim when the words around it show it is a pronoun or a determiner
 * ("one of the", "the one that", "One delegate said"), a sequence ordinal
 * ("the sixth debate", "the first time") rather than a rank ("finished
 * second", "the third-largest", "the first woman to ..."), part of a name
 * ("Fight for Fifteen"), an identifier (a tweet id, a ten-digit code) or a
 * piece of an ISO date ("2016-06-28"). A four-digit number after a
 * determiner and before a noun ("the 2004 changes") is a year. It reads only
 * the shared tokens and the claims' offsets, so it runs after every claim is
 * parsed, and it removes nothing: the caller decides what to print.
 */
#ifndef LEDE_NLP_NUM_ROLE_H
#define LEDE_NLP_NUM_ROLE_H

#include "lede/lede.h"
#include "tok.h"

/* Why claim c of text t is not a claim ("pronoun", "sequence", "name",
 * "identifier", "date"), or NULL when it is one. */
const char *num_role_non_claim(const nlp_text *t, const lede_claim *c);

/* Is claim c a year used as a modifier ("the 2004 changes", "his 1996 book")? */
bool num_role_attributive_year(const nlp_text *t, const lede_claim *c);

/* Sets non_claim on every claim, and the kind of attributive years to
 * LEDE_CLAIM_YEAR. */
void num_role_mark(const nlp_text *t, lede_claim *claims, size_t n);

#endif

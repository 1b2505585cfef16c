/*
 * num_claim — who makes a numeric claim: a claim whose words lie inside a
 * quote's content (and not in its unquoted interruption) is the quote's
 * speaker's; otherwise the article's own. Uses only the public quote fields
 * (start, end, gap_start, gap_end), so it runs after the quotes stage.
 */
#ifndef LEDE_NLP_NUM_CLAIM_H
#define LEDE_NLP_NUM_CLAIM_H

#include "lede/lede.h"

/* The index of the quote holding code points [start, end), or -1. */
long num_claim_quote_of(const lede_quote *q, size_t n_quotes, size_t start, size_t end);

/* Sets claims[i].quote for every claim of res. */
void num_claim_attribute(lede_result *res);

#endif

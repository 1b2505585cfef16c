/* num_claim — the quote a numeric claim stands in (see num_claim.h). */
#include "num_claim.h"

long num_claim_quote_of(const lede_quote *q, size_t n_quotes, size_t start, size_t end) {
    for (size_t i = 0; i < n_quotes; i++) {
        if (start < q[i].start || end > q[i].end)
            continue;
        /* '"We spent $5m," he said, "on 300 beds."': the interruption is
         * the reporter's */
        if (q[i].gap_start >= 0 && (long)end > q[i].gap_start &&
            (long)start < q[i].gap_end)
            continue;
        return (long)i;
    }
    return -1;
}

void num_claim_attribute(lede_result *res) {
    for (size_t i = 0; i < res->n_claims; i++)
        res->claims[i].quote = num_claim_quote_of(
            res->quotes, res->n_quotes, res->claims[i].start, res->claims[i].end);
}

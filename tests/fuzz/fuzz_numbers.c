/*
 * fuzz_numbers — libFuzzer target for the numbers stage.
 *
 * The input is made valid UTF-8, tokenised and run through the numbers
 * stage; every claim must have ordered spans inside the text
 * (start <= qty_start <= num_start < num_end <= qty_end <= end <= length in
 * code points), a non-empty text and a sentence.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/arena.h"
#include "../../core/job.h"
#include "../../core/nlp/numbers.h"
#include "../../core/nlp/tok.h"
#include "../../core/utf8.h"

#define FUZZ_CHECK(c)                                                                    \
    do {                                                                                 \
        if (!(c))                                                                        \
            abort();                                                                     \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    lede_arena *a = arena_new(0);
    size_t len = 0;
    const char *text = utf8_sanitize(a, (const char *)data, size, &len);
    FUZZ_CHECK(text != NULL);
    lede_result res;
    memset(&res, 0, sizeof res);
    lede_job job;
    memset(&job, 0, sizeof job);
    job.arena = a;
    job.res = &res;
    FUZZ_CHECK(nlp_tokenize(a, text, len, &job.nlp) == LEDE_OK);
    FUZZ_CHECK(nlp_numbers_extract(&job) == LEDE_OK);
    size_t n_cp = utf8_count(text, len);
    for (size_t i = 0; i < res.n_claims; i++) {
        const lede_claim *c = &res.claims[i];
        FUZZ_CHECK(c->text && c->text[0] && c->sentence);
        FUZZ_CHECK(c->start <= c->qty_start && c->qty_start <= c->num_start);
        FUZZ_CHECK(c->num_start < c->num_end && c->num_end <= c->qty_end);
        FUZZ_CHECK(c->qty_end <= c->end && c->end <= n_cp);
        FUZZ_CHECK(utf8_count(c->text, strlen(c->text)) == c->end - c->start);
        if (c->has_range && c->num2_end)
            FUZZ_CHECK(c->num2_start < c->num2_end && c->num2_end <= c->end);
    }
    arena_free(a);
    return 0;
}

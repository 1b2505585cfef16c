/*
 * fuzz_ner — libFuzzer target for the entity model parser and the tagging
 * pipeline over arbitrary text.
 *
 * The first input byte picks the mode. Mode 0 parses the rest as a model file:
 * it must be accepted or refused with LEDE_ERR_MODEL, never crash. Mode 1 runs
 * the language stages with the shipped model over the rest (made valid UTF-8)
 * and checks that every entity mention's code-point offsets slice the text to
 * the mention.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/job.h"
#include "../../core/nlp/ner_model.h"
#include "../../core/utf8.h"

#define FUZZ_CHECK(c)                                                                    \
    do {                                                                                 \
        if (!(c))                                                                        \
            abort();                                                                     \
    } while (0)

static lede_ctx *ctx;

static void check_offsets(const lede_result *r) {
    for (size_t i = 0; i < r->n_entities; i++)
        FUZZ_CHECK(r->entities[i].confidence >= 0 && r->entities[i].confidence <= 1);
    for (size_t i = 0; i < r->n_entities; i++)
        for (size_t k = 0; k < r->entities[i].n_mentions; k++) {
            const lede_mention *m = &r->entities[i].mentions[k];
            size_t cp = 0, b = 0, bs = SIZE_MAX, be = SIZE_MAX;
            for (;;) {
                if (cp == m->start)
                    bs = b;
                if (cp == m->end) {
                    be = b;
                    break;
                }
                if (b >= r->text_len)
                    break;
                uint32_t c;
                b += utf8_decode(r->text + b, r->text_len - b, &c);
                cp++;
            }
            FUZZ_CHECK(bs != SIZE_MAX && be != SIZE_MAX && be > bs);
            FUZZ_CHECK(be - bs == strlen(m->text));
            FUZZ_CHECK(!memcmp(r->text + bs, m->text, be - bs));
        }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!size)
        return 0;
    if (data[0] & 1) {
        ner_model *m = NULL;
        lede_status st = ner_model_parse(data + 1, size - 1, &m, NULL, 0);
        FUZZ_CHECK(st == LEDE_OK || st == LEDE_ERR_MODEL || st == LEDE_ERR_NOMEM);
        ner_model_free(m);
        return 0;
    }
    if (!ctx) {
        lede_ctx_config cfg = {.data_dir = LEDE_SOURCE_DIR "/core/data"};
        FUZZ_CHECK(lede_ctx_new(&cfg, &ctx, NULL, 0) == LEDE_OK);
    }
    lede_result *r = NULL;
    lede_status st = lede_analyze_text(ctx, (const char *)data + 1, size - 1, NULL, &r);
    if (st == LEDE_OK) {
        check_offsets(r);
        lede_result_free(r);
    }
    return 0;
}

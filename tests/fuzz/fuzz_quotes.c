/*
 * fuzz_quotes — libFuzzer target for quote extraction.
 *
 * Runs lede_analyze_text with the quote stage over arbitrary bytes and checks
 * the invariants of every quote: its span lies inside the text and its text is
 * exactly that span; speaker, cue and the gap of an interrupted quote are
 * ordered spans inside the text (the gap inside the quote); a speaker entity
 * indexes res->entities; the confidence lies in [0, 1] and the speaker mention
 * is its span's text. The context (with the attribution model) is loaded once
 * from the source tree.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/utf8.h"
#include "lede/lede.h"

#define FUZZ_CHECK(c)                                                                    \
    do {                                                                                 \
        if (!(c))                                                                        \
            abort();                                                                     \
    } while (0)

static lede_ctx *ctx;

static void check_span(long b, long e, size_t n_cps) {
    FUZZ_CHECK((b < 0) == (e < 0));
    FUZZ_CHECK(b < 0 || (b < e && (size_t)e <= n_cps));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!ctx) {
        lede_ctx_config cfg = {.data_dir = LEDE_SOURCE_DIR "/core/data"};
        FUZZ_CHECK(lede_ctx_new(&cfg, &ctx, NULL, 0) == LEDE_OK);
    }
    lede_options opt;
    lede_options_init(&opt);
    opt.stages = LEDE_FIELD_QUOTES;
    lede_result *r = NULL;
    lede_status st = lede_analyze_text(ctx, (const char *)data, size, &opt, &r);
    if (st != LEDE_OK)
        return 0;
    size_t n_cps = utf8_count(r->text, r->text_len);
    for (size_t i = 0; i < r->n_quotes; i++) {
        const lede_quote *q = &r->quotes[i];
        FUZZ_CHECK(q->start < q->end && q->end <= n_cps);
        FUZZ_CHECK(q->text && utf8_count(q->text, strlen(q->text)) == q->end - q->start);
        check_span(q->speaker_start, q->speaker_end, n_cps);
        check_span(q->cue_start, q->cue_end, n_cps);
        check_span(q->gap_start, q->gap_end, n_cps);
        FUZZ_CHECK(q->gap_start < 0 ||
                   ((size_t)q->gap_start >= q->start && (size_t)q->gap_end <= q->end));
        FUZZ_CHECK(q->speaker_entity < 0 || (size_t)q->speaker_entity < r->n_entities);
        FUZZ_CHECK(q->cue == NULL || q->cue_start >= 0);
        FUZZ_CHECK(q->confidence >= 0 && q->confidence <= 1);
        FUZZ_CHECK(q->speaker_mention == NULL || q->speaker_start >= 0);
        FUZZ_CHECK(q->speaker_mention == NULL ||
                   utf8_count(q->speaker_mention, strlen(q->speaker_mention)) ==
                       (size_t)(q->speaker_end - q->speaker_start));
    }
    lede_result_free(r);
    return 0;
}

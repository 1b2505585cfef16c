/* libFuzzer target for the content stage: any bytes as a page, with cleaned
 * markup on, small limits so the depth and text caps are exercised too; the
 * result is rendered as Markdown and text (core/format) as well.
 * Built by `make fuzz` (clang): build-fuzz/fuzz_content [corpus]. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lede/lede.h"

/* Small caps so that the limits are reached often. */
#define FUZZ_MAX_DEPTH 24
#define FUZZ_MAX_TEXT 512

static lede_ctx *ctx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!ctx) {
        lede_ctx_config cfg = {.data_dir = LEDE_SOURCE_DIR "/core/data"};
        if (lede_ctx_new(&cfg, &ctx, NULL, 0) != LEDE_OK)
            abort();
    }
    lede_options opt;
    lede_options_init(&opt);
    opt.stages = LEDE_FIELD_META | LEDE_FIELD_TEXT;
    opt.include_html = size % 2 == 0;
    if (size % 3 == 0) {
        opt.max_dom_depth = FUZZ_MAX_DEPTH;
        opt.max_text_len = FUZZ_MAX_TEXT;
    }
    lede_result *res = NULL;
    lede_status st = lede_extract(ctx, (const char *)data, size,
                                  "https://fuzz.example/a/b.html", &opt, &res);
    if (st == LEDE_OK) {
        if (!res->text || strlen(res->text) != res->text_len ||
            res->text_len > opt.max_text_len)
            abort();
        lede_format fmt = size % 5 == 0 ? LEDE_FORMAT_TEXT : LEDE_FORMAT_MARKDOWN;
        char *out = NULL;
        size_t out_len = 0;
        if (lede_result_render(res, fmt, &out, &out_len) == LEDE_OK &&
            strlen(out) != out_len)
            abort();
        free(out);
        lede_result_free(res);
    }
    return 0;
}

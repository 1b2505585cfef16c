/* libFuzzer target: lede_extract() on arbitrary bytes. The first byte picks
 * the HTTP Content-Type from a small table so that every decoder (UTF-8,
 * UTF-16, the legacy single- and multi-byte encodings, unknown labels) sees
 * fuzzed input; the rest is the page. Any crash, sanitizer report, invalid
 * UTF-8 in the JSON or leak is a bug. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lede/lede.h"

static const char *const content_types[] = {
    NULL,
    "text/html",
    "text/html; charset=utf-8",
    "text/html; charset=windows-1252",
    "text/html; charset=gbk",
    "text/html; charset=shift_jis",
    "text/html; charset=euc-kr",
    "text/html; charset=big5",
    "text/html; charset=utf-16le",
    "text/html; charset=iso-2022-jp",
    "text/html; charset=x-no-such-label",
    "text/html; charset=\"",
};
#define N_CONTENT_TYPES (sizeof content_types / sizeof content_types[0])

static lede_ctx *ctx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!ctx) {
        lede_ctx_config cfg = {.data_dir = LEDE_SOURCE_DIR "/core/data"};
        if (lede_ctx_new(&cfg, &ctx, NULL, 0) != LEDE_OK)
            abort();
    }
    if (size == 0)
        return 0;
    lede_options opt;
    lede_options_init(&opt);
    opt.content_type = content_types[data[0] % N_CONTENT_TYPES];
    opt.fetch_time = 1700000000; /* deterministic date checks */
    lede_result *res = NULL;
    lede_status st = lede_extract(ctx, (const char *)data + 1, size - 1,
                                  "https://example.com/a/1.html", &opt, &res);
    if (st == LEDE_OK) {
        json_t *j = lede_result_to_json(res, 0);
        if (!j)
            abort();
        /* jansson refuses invalid UTF-8 when dumping: a NULL here means a
         * stage let bad bytes through. */
        char *text = json_dumps(j, JSON_COMPACT);
        if (!text)
            abort();
        free(text);
        json_decref(j);
        lede_result_free(res);
    } else if (res) {
        abort(); /* errors must not hand out a result */
    }
    return 0;
}

/* The public API: options, limits, error codes and the JSON shape. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lede/lede.h"

static lede_ctx *ctx;

static void setup(void) {
    lede_ctx_config cfg = {.data_dir = LEDE_SOURCE_DIR "/core/data"};
    cr_assert_eq(lede_ctx_new(&cfg, &ctx, NULL, 0), LEDE_OK);
}

static void teardown(void) { lede_ctx_free(ctx); }

static const char page[] = "<html lang=en><head><title>T</title></head><body><article>"
                           "<p>One paragraph of text that is long enough to count.</p>"
                           "<p>Another paragraph follows the first one here.</p>"
                           "</article></body></html>";

TestSuite(api, .init = setup, .fini = teardown);

Test(api, input_over_the_limit_is_refused) {
    lede_options opt;
    lede_options_init(&opt);
    opt.max_input_bytes = sizeof page - 2;
    lede_result *res = (lede_result *)1;
    cr_assert_eq(lede_extract(ctx, page, sizeof page - 1, NULL, &opt, &res),
                 LEDE_ERR_TOO_LARGE);
    cr_assert_null(res);
    opt.max_input_bytes = sizeof page - 1;
    cr_assert_eq(lede_extract(ctx, page, sizeof page - 1, NULL, &opt, &res), LEDE_OK,
                 "exactly at the limit is fine");
    lede_result_free(res);
}

Test(api, node_limit_is_enforced) {
    lede_options opt;
    lede_options_init(&opt);
    opt.max_nodes = 5;
    lede_result *res;
    cr_assert_eq(lede_extract(ctx, page, sizeof page - 1, NULL, &opt, &res),
                 LEDE_ERR_LIMIT);
}

Test(api, arena_cap_turns_into_nomem_not_a_crash) {
    lede_options opt;
    lede_options_init(&opt);
    opt.max_arena_bytes = 1024;
    lede_result *res;
    cr_assert_eq(lede_extract(ctx, page, sizeof page - 1, NULL, &opt, &res),
                 LEDE_ERR_NOMEM);
}

Test(api, null_arguments_are_invalid) {
    lede_result *res;
    cr_assert_eq(lede_extract(NULL, page, 3, NULL, NULL, &res), LEDE_ERR_INVALID);
    cr_assert_eq(lede_extract(ctx, NULL, 3, NULL, NULL, &res), LEDE_ERR_INVALID);
}

Test(api, json_has_every_contract_field) {
    lede_result *res;
    cr_assert_eq(
        lede_extract(ctx, page, sizeof page - 1, "https://example.com/a", NULL, &res),
        LEDE_OK);
    json_t *j = lede_result_to_json(res, 0);
    static const char *const keys[] = {
        "url",        "canonical_url", "headline",    "byline",
        "authors",    "dateline",      "published",   "modified",
        "site_name",  "language",      "description", "text",
        "word_count", "entities",      "quotes",      "numeric_claims",
        "timings_ms"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        cr_assert_not_null(json_object_get(j, keys[i]), "missing %s", keys[i]);
    cr_assert_str_eq(json_string_value(json_object_get(j, "url")),
                     "https://example.com/a");
    cr_assert(json_is_array(json_object_get(j, "entities")));
    json_decref(j);
    j = lede_result_to_json(res, LEDE_FIELD_TEXT);
    cr_assert_null(json_object_get(j, "headline"), "fields mask drops metadata");
    cr_assert_not_null(json_object_get(j, "text"));
    json_decref(j);
    lede_result_free(res);
}

Test(api, invalid_utf8_never_reaches_json) {
    static const char bad[] = "<html><head><meta charset=utf-8><title>Bad \xFF\xFE title"
                              "</title></head><body><p>Text \xC3 with \xED\xA0\x80 junk "
                              "bytes in it, long enough.</p></body></html>";
    lede_result *res;
    cr_assert_eq(lede_extract(ctx, bad, sizeof bad - 1, "http://x/\xFF", NULL, &res),
                 LEDE_OK);
    json_t *j = lede_result_to_json(res, 0);
    char *dump = json_dumps(j, 0);
    cr_assert_not_null(dump, "a document with only valid strings dumps");
    cr_assert_not_null(strstr(dump, "\"url\": \"http://x/\xEF\xBF\xBD\""));
    free(dump);
    json_decref(j);
    lede_result_free(res);
}

static void *extract_many(void *arg) {
    (void)arg;
    for (int i = 0; i < 50; i++) {
        lede_result *res;
        if (lede_extract(ctx, page, sizeof page - 1, NULL, NULL, &res) != LEDE_OK)
            return (void *)1;
        if (!strstr(res->text, "Another paragraph"))
            return (void *)1;
        lede_result_free(res);
    }
    return NULL;
}

Test(api, threads_share_one_context) {
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, extract_many, NULL);
    for (int i = 0; i < 4; i++) {
        void *rc;
        pthread_join(t[i], &rc);
        cr_assert_null(rc);
    }
}

Test(api, strerror_covers_every_status) {
    for (int s = LEDE_ERR_EMPTY; s <= LEDE_OK; s++)
        cr_assert_str_neq(lede_strerror((lede_status)s), "unknown error");
}

/* The direct Article JSON writer: byte for byte what jansson prints of the
 * tree lede_result_to_json() builds, on real pages and on awkward values. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dev_pages.h"
#include "http_req.h"
#include "lede/lede.h"

static lede_ctx *ctx;

static void setup(void) {
    lede_ctx_config cfg = {.data_dir = LEDE_SOURCE_DIR "/core/data"};
    cr_assert_eq(lede_ctx_new(&cfg, &ctx, NULL, 0), LEDE_OK);
}

static void teardown(void) { lede_ctx_free(ctx); }

TestSuite(json_write, .init = setup, .fini = teardown);

/* The writer's text against json_dumps() of the tree, compact and indented. */
static void same_as_tree(const lede_result *r, unsigned fields, const char *what) {
    for (int indent = 0; indent <= 1; indent++) {
        json_t *j = lede_result_to_json(r, fields);
        cr_assert_not_null(j);
        char *want =
            json_dumps(j, JSON_PRESERVE_ORDER | (indent ? JSON_INDENT(2) : JSON_COMPACT));
        json_decref(j);
        cr_assert_not_null(want);
        char *got = NULL;
        size_t len = 0;
        cr_assert_eq(lede_result_json_text(r, fields, indent ? LEDE_JSON_INDENT : 0, NULL,
                                           NULL, &got, &len),
                     LEDE_OK);
        cr_assert_str_eq(got, want, "%s (indent %d)", what, indent);
        cr_assert_eq(len, strlen(want));
        free(got);
        free(want);
    }
}

static void check_page(const char *path, const char *html, size_t len) {
    lede_options opt;
    lede_options_init(&opt);
    opt.include_html = true;
    lede_result *res;
    if (lede_extract(ctx, html, len, "https://example.com/a?b=\"c\"", &opt, &res) !=
        LEDE_OK)
        return;
    same_as_tree(res, 0, path);
    same_as_tree(res, LEDE_FIELD_TEXT | LEDE_FIELD_NUMBERS, path);
    lede_result_free(res);
}

Test(json_write, golden_pages_render_as_the_tree_does) {
    int pages = for_each_page(LEDE_SOURCE_DIR "/tests/fixtures", "page.html", check_page);
    cr_assert_gt(pages, 5, "the golden fixtures are there");
}

/* Every byte a string may hold that needs care: controls, quotes, a
 * backslash, a slash and DEL (kept), two-, three- and four-byte characters. */
static const char awkward[] = "\x01\x08\x09\x0A\x0C\x0D\x1F \"q\" back\\slash /path \x7F"
                              " caf\xC3\xA9 \xE2\x80\x9C"
                              "dash\xE2\x80\x9D \xF0\x9F\x98\x80";

/* Byte strings jansson refuses, so the tree holds null for them: an overlong
 * NUL, a surrogate, a cut-off sequence, a byte no sequence starts with. */
static const char *const invalid[] = {"a\xC0\x80", "b\xED\xA0\x80", "c\xE2\x80",
                                      "d\xF5\x80\x80\x80", "\xFF"};

Test(json_write, awkward_values_render_as_the_tree_does) {
    lede_mention mentions[] = {{.start = 0, .end = 3, .text = awkward},
                               {.start = 7, .end = 9, .text = invalid[0]}};
    lede_entity entities[] = {
        {.name = awkward,
         .type = LEDE_ENT_PERSON,
         .mentions = mentions,
         .n_mentions = 2,
         .confidence = 0.7,
         .iso3166 = "FR",
         .iso3166_2 = invalid[1],
         .geonames = 2988507},
        {.name = "Dropped", .type = LEDE_ENT_ORG, .confidence = NAN},
        {.name = NULL, .type = (lede_entity_type)42, .confidence = 1.0},
    };
    lede_quote quotes[] = {
        {.text = awkward,
         .type = LEDE_QUOTE_PARTIAL,
         .speaker = invalid[2],
         .speaker_entity = 0,
         .cue = "said",
         .start = 4,
         .end = 40,
         .speaker_start = 1,
         .speaker_end = 3,
         .speaker_mention = "he",
         .confidence = 1e-7},
        {.text = "skipped", .confidence = INFINITY, .speaker_entity = -1},
        {.text = "q", .speaker_entity = -1, .speaker_start = -1, .confidence = 0.0},
    };
    lede_claim claims[] = {
        {.text = "1e20", .value = 1e20, .unit = "%", .start = 1, .end = 2},
        {.text = "range",
         .kind = LEDE_CLAIM_RANGE,
         .value = 0.1,
         .has_range = true,
         .low = -0.0,
         .high = 9007199254740992.0,
         .currency = "USD",
         .change = "increase",
         .qualifier = LEDE_QUAL_AT_LEAST,
         .quote = 0,
         .subject = awkward},
        {.text = "nan", .value = NAN, .quote = 7, .qualifier = (lede_qualifier)99},
        {.text = "big", .value = -123456789012.0, .quote = 2, .sentence = invalid[3]},
    };
    const char *authors[] = {"A. Writer", invalid[4]};
    lede_result r = {
        .url = "https://example.com/x",
        .headline = awkward,
        .byline = invalid[0],
        .authors = authors,
        .n_authors = 2,
        .language = "en",
        .text = awkward,
        .word_count = 12,
        .html = "<p>\"hi\"</p>",
        .entities = entities,
        .n_entities = 3,
        .quotes = quotes,
        .n_quotes = 3,
        .claims = claims,
        .n_claims = 4,
        .provenance = {.headline = "h1", .text = invalid[1]},
        .timings = {.parse = 0.1234,
                    .content = 12.0,
                    .meta = 1e-5,
                    .nlp = 2.5e-300,
                    .total = 123456.789},
    };
    same_as_tree(&r, 0, "awkward values");
    same_as_tree(&r, LEDE_FIELD_ENTITIES, "entities only");
    r.timings.total = NAN; /* the tree has no timings then */
    same_as_tree(&r, 0, "timings not finite");
    lede_result empty = {0};
    same_as_tree(&empty, 0, "empty result");
}

/* Plain text is copied eight bytes at a time: every byte that needs care,
 * at every place in and around a word of long plain text, must still be
 * escaped, copied as a character or turn the string to null as the tree
 * does. */
Test(json_write, special_bytes_anywhere_in_long_text_render_as_the_tree_does) {
    static const char *const specials[] = {"\"",       "\\",           "\x01",
                                           "\x1F",     "\n",           "\x7F",
                                           "\xC3\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80",
                                           "\xC3",     "\xFF"};
    char text[64];
    for (size_t k = 0; k < sizeof specials / sizeof specials[0]; k++)
        for (size_t at = 0; at < 26; at++) {
            size_t n = strlen(specials[k]);
            memset(text, 'a', sizeof text);
            memcpy(text + at, specials[k], n);
            text[40] = '\0';
            lede_result r = {.text = text, .headline = text + at};
            char what[64];
            snprintf(what, sizeof what, "special %zu at %zu", k, at);
            same_as_tree(&r, 0, what);
        }
}

Test(json_write, key_filter_keeps_what_the_tree_filter_keeps) {
    static const char page[] = "<html><head><title>T</title></head><body><article>"
                               "<p>Paris said on Monday that 40 people came.</p>"
                               "</article></body></html>";
    lede_result *res;
    cr_assert_eq(lede_extract(ctx, page, sizeof page - 1, NULL, NULL, &res), LEDE_OK);
    http_options o = {0};
    char err[128];
    cr_assert_eq(http_fields_parse("text,entities,timings_ms", &o, err, sizeof err), 0);
    json_t *j = lede_result_to_json(res, 0);
    http_fields_filter(j, &o);
    char *want = json_dumps(j, JSON_PRESERVE_ORDER | JSON_COMPACT);
    json_decref(j);
    char *got;
    size_t len;
    cr_assert_eq(lede_result_json_text(res, 0, LEDE_JSON_NEWLINE, http_fields_keep, &o,
                                       &got, &len),
                 LEDE_OK);
    cr_assert_eq(len, strlen(want) + 1);
    cr_assert_eq(got[len - 1], '\n', "LEDE_JSON_NEWLINE ends the text with one");
    got[len - 1] = '\0';
    cr_assert_str_eq(got, want);
    cr_assert_null(strstr(got, "\"headline\""));
    free(got);
    free(want);
    lede_result_free(res);
}

Test(json_write, bad_arguments_are_invalid) {
    char *out = (char *)1;
    cr_assert_eq(lede_result_json_text(NULL, 0, 0, NULL, NULL, &out, NULL),
                 LEDE_ERR_INVALID);
    lede_result r = {0};
    cr_assert_eq(lede_result_json_text(&r, 0, 0, NULL, NULL, NULL, NULL),
                 LEDE_ERR_INVALID);
}

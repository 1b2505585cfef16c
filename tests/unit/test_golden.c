/*
 * Golden cases: every tests/fixtures/<case>/ holds page.html and expected.json.
 * expected.json lists only the fields the case is about; each must match the
 * extraction exactly, except these checks on the text:
 *   "text_contains": [...]  every string appears in "text"
 *   "text_excludes": [...]  no string appears in "text"
 * An optional "_input" object gives {"url", "content_type"} for the page.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede/lede.h"
#include "read_file.h"

#define FIXTURES LEDE_SOURCE_DIR "/tests/fixtures"
#define MAX_PAGE (10u << 20)

static int check_strings(const char *name, const char *text, json_t *list, bool want) {
    int failures = 0;
    size_t i;
    json_t *s;
    json_array_foreach(list, i, s) {
        const char *needle = json_string_value(s);
        bool found = needle && text && strstr(text, needle);
        if (found != want) {
            cr_log_error("%s: text %s \"%s\"", name, want ? "lacks" : "contains", needle);
            failures++;
        }
    }
    return failures;
}

static int run_case(const lede_ctx *ctx, const char *name) {
    char path[1024];
    size_t len = 0, exp_len = 0;
    snprintf(path, sizeof path, "%s/%s/page.html", FIXTURES, name);
    char *page = read_file(path, MAX_PAGE, &len);
    snprintf(path, sizeof path, "%s/%s/expected.json", FIXTURES, name);
    char *exp_text = read_file(path, MAX_PAGE, &exp_len);
    if (!page || !exp_text) {
        cr_log_error("%s: page.html or expected.json missing", name);
        free(page);
        free(exp_text);
        return 1;
    }
    json_error_t jerr;
    json_t *expected = json_loads(exp_text, 0, &jerr);
    free(exp_text);
    if (!expected) {
        cr_log_error("%s: expected.json: %s", name, jerr.text);
        free(page);
        return 1;
    }
    json_t *input = json_object_get(expected, "_input");
    lede_options opt;
    lede_options_init(&opt);
    opt.content_type = json_string_value(json_object_get(input, "content_type"));
    opt.fetch_time = json_integer_value(json_object_get(input, "fetch_time"));
    lede_result *res = NULL;
    lede_status st = lede_extract(
        ctx, page, len, json_string_value(json_object_get(input, "url")), &opt, &res);
    free(page);
    if (st != LEDE_OK) {
        cr_log_error("%s: lede_extract: %s", name, lede_strerror(st));
        json_decref(expected);
        return 1;
    }
    json_t *got = lede_result_to_json(res, 0);
    const char *text = json_string_value(json_object_get(got, "text"));
    int failures = 0;
    const char *key;
    json_t *want;
    json_object_foreach(expected, key, want) {
        if (!strcmp(key, "_input"))
            continue;
        if (!strcmp(key, "text_contains") || !strcmp(key, "text_excludes")) {
            failures += check_strings(name, text, want, key[5] == 'c');
            continue;
        }
        json_t *have = json_object_get(got, key);
        if (!json_equal(want, have)) {
            char *w = json_dumps(want, JSON_ENCODE_ANY);
            char *h = have ? json_dumps(have, JSON_ENCODE_ANY) : NULL;
            cr_log_error("%s: %s: want %s, got %s", name, key, w, h ? h : "(absent)");
            free(w);
            free(h);
            failures++;
        }
    }
    json_decref(got);
    json_decref(expected);
    lede_result_free(res);
    return failures;
}

Test(golden, every_fixture_matches) {
    lede_ctx *ctx = NULL;
    lede_ctx_config cfg = {.data_dir = LEDE_SOURCE_DIR "/core/data"};
    cr_assert_eq(lede_ctx_new(&cfg, &ctx, NULL, 0), LEDE_OK);
    DIR *d = opendir(FIXTURES);
    cr_assert_not_null(d, "tests/fixtures is missing");
    int cases = 0, failed = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        cases++;
        if (run_case(ctx, e->d_name)) {
            failed++;
            cr_log_error("golden case %s FAILED", e->d_name);
        }
    }
    closedir(d);
    lede_ctx_free(ctx);
    cr_assert_gt(cases, 0, "no golden cases found");
    cr_assert_eq(failed, 0, "%d of %d golden cases failed", failed, cases);
}

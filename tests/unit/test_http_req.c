/* Unit tests for server/http_req: media types, JSON requests, options, NDJSON. */
#include <criterion/criterion.h>
#include <string.h>

#include "http_req.h"
#include "lede/lede.h"

Test(http_req, body_kinds) {
    cr_expect_eq(http_body_kind_of(NULL), HTTP_BODY_NONE);
    cr_expect_eq(http_body_kind_of("text/html"), HTTP_BODY_HTML);
    cr_expect_eq(http_body_kind_of("Text/HTML; charset=gbk"), HTTP_BODY_HTML);
    cr_expect_eq(http_body_kind_of("application/json;charset=utf-8"), HTTP_BODY_JSON);
    cr_expect_eq(http_body_kind_of("application/x-ndjson"), HTTP_BODY_NDJSON);
    cr_expect_eq(http_body_kind_of("application/jsonx"), HTTP_BODY_OTHER);
    cr_expect_eq(http_body_kind_of("text/plain"), HTTP_BODY_OTHER);
    cr_expect_eq(http_body_kind_of(""), HTTP_BODY_OTHER);
}

Test(http_req, charset_parameter) {
    cr_expect(http_has_charset("text/html; charset=gbk"));
    cr_expect(http_has_charset("text/html;CHARSET = utf-8"));
    cr_expect(!http_has_charset("text/html"));
    cr_expect(!http_has_charset("text/html; boundary=x"));
    cr_expect(!http_has_charset(NULL));
}

Test(http_req, json_request) {
    http_extract_req r;
    char err[256];
    const char *body = "{\"html\":\"<p>a\\u0000b</p>\",\"url\":\"http://x/\"}";
    cr_assert_eq(http_extract_req_parse(body, strlen(body), &r, err, sizeof err), 0, "%s",
                 err);
    cr_expect_eq(r.html_len, 10); /* the embedded NUL counts */
    cr_expect_str_eq(r.url, "http://x/");
    http_extract_req_clear(&r);
    const char *only_url = "{\"url\":\"http://x/\"}";
    cr_expect_eq(http_extract_req_parse(only_url, strlen(only_url), &r, err, sizeof err),
                 0);
    cr_expect_null(r.html);
    http_extract_req_clear(&r);
}

Test(http_req, json_request_errors) {
    static const char *const bad[] = {
        "",
        "{",
        "[]",
        "\"x\"",
        "{}",
        "{\"url\":\"\"}",
        "{\"html\":5}",
        "{\"url\":[1]}",
        "{\"html\":\"a\",\"html\":\"b\"}",
        "{\"content_type\":1,\"html\":\"a\"}",
        "{\"url\":\"http://a.example/\\u0000x\"}",
        "{\"html\":\"a\",\"content_type\":\"text/html\\u0000\"}"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        http_extract_req r;
        char err[256] = "";
        cr_expect_eq(http_extract_req_parse(bad[i], strlen(bad[i]), &r, err, sizeof err),
                     -1, "accepted: %s", bad[i]);
        cr_expect(err[0], "no message for %s", bad[i]);
        cr_expect_null(r.root);
    }
}

Test(http_req, fields) {
    http_options o = {0};
    char err[160];
    cr_assert_eq(http_fields_parse("headline, entities", &o, err, sizeof err), 0, "%s",
                 err);
    cr_expect_eq(o.stages, LEDE_FIELD_META | LEDE_FIELD_ENTITIES);
    json_t *a = json_pack("{s:s,s:s,s:[],s:[],s:i}", "url", "u", "headline", "h",
                          "entities", "quotes", "some_future_key", 1);
    http_fields_filter(a, &o);
    cr_expect_eq(json_object_size(a), 2);
    cr_expect_not_null(json_object_get(a, "headline"));
    cr_expect_not_null(json_object_get(a, "entities"));
    json_decref(a);
    cr_expect_eq(http_fields_parse("headline,nope", &o, err, sizeof err), -1);
    cr_expect(strstr(err, "nope") != NULL);
    cr_expect_eq(http_fields_parse("", &o, err, sizeof err), -1);
    cr_expect_eq(http_fields_parse("headline,", &o, err, sizeof err), -1);
    cr_expect_eq(http_fields_parse("headlines", &o, err, sizeof err), -1);
}

Test(http_req, flags) {
    bool v = false;
    cr_expect_eq(http_flag_parse("1", &v), 0);
    cr_expect(v);
    cr_expect_eq(http_flag_parse("false", &v), 0);
    cr_expect(!v);
    cr_expect_eq(http_flag_parse("yes", &v), -1);
    cr_expect_eq(http_flag_parse(NULL, &v), -1);
}

Test(http_req, include_list) {
    http_options o = {0};
    char err[160] = "";
    cr_expect_eq(http_include_parse("dates", &o, err, sizeof err), 0);
    cr_expect(o.include_dates);
    cr_expect_eq(http_include_parse("dates,dates", &o, err, sizeof err), 0);
    cr_expect_eq(http_include_parse("dates,times", &o, err, sizeof err), -1);
    cr_expect(strstr(err, "times") != NULL);
    cr_expect_eq(http_include_parse("", &o, err, sizeof err), -1);
    cr_expect_eq(http_include_parse(NULL, &o, err, sizeof err), -1);
}

Test(http_req, confidence_thresholds) {
    double v = -1;
    cr_expect_eq(http_confidence_parse("0.5", &v), 0);
    cr_expect_float_eq(v, 0.5, 1e-12);
    cr_expect_eq(http_confidence_parse("1", &v), 0);
    cr_expect_float_eq(v, 1.0, 1e-12);
    cr_expect_eq(http_confidence_parse(".75", &v), 0);
    cr_expect_float_eq(v, 0.75, 1e-12);
    cr_expect_eq(http_confidence_parse("0", &v), 0);
    cr_expect_float_eq(v, 0.0, 1e-12);
    const char *bad[] = {"",      "-0.1", "1.5", "nan",  "inf", "1e-1",
                         "0.5.1", ".",    "0,5", " 0.5", "0.5x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_expect_eq(http_confidence_parse(bad[i], &v), -1, "'%s' accepted", bad[i]);
    cr_expect_eq(http_confidence_parse(NULL, &v), -1);
}

Test(http_req, answer_formats) {
    http_format f = HTTP_FORMAT_TEXT;
    cr_expect_eq(http_format_parse("json", &f), 0);
    cr_expect_eq(f, HTTP_FORMAT_JSON);
    cr_expect_eq(http_format_parse("markdown", &f), 0);
    cr_expect_eq(f, HTTP_FORMAT_MARKDOWN);
    cr_expect_eq(http_format_parse("text", &f), 0);
    cr_expect_eq(f, HTTP_FORMAT_TEXT);
    cr_expect_eq(http_format_parse("Markdown", &f), -1);
    cr_expect_eq(http_format_parse("", &f), -1);
    cr_expect_eq(http_format_parse(NULL, &f), -1);
    cr_expect_eq(f, HTTP_FORMAT_TEXT, "a bad value leaves the format as it was");
    cr_expect_str_eq(http_format_content_type(HTTP_FORMAT_JSON),
                     "application/json; charset=utf-8");
    cr_expect_str_eq(http_format_content_type(HTTP_FORMAT_MARKDOWN),
                     "text/markdown; charset=utf-8");
    cr_expect_str_eq(http_format_content_type(HTTP_FORMAT_TEXT),
                     "text/plain; charset=utf-8");
}

Test(http_req, request_ids) {
    cr_expect(http_request_id_ok("abc-123_x.y:z"));
    cr_expect(!http_request_id_ok(""));
    cr_expect(!http_request_id_ok(NULL));
    cr_expect(!http_request_id_ok("a b"));
    cr_expect(!http_request_id_ok("a\"b"));
    char id[HTTP_REQUEST_ID_MAX + 2];
    memset(id, 'a', sizeof id - 1);
    id[HTTP_REQUEST_ID_MAX] = '\0';
    cr_expect(http_request_id_ok(id));
    id[HTTP_REQUEST_ID_MAX] = 'a';
    id[HTTP_REQUEST_ID_MAX + 1] = '\0';
    cr_expect(!http_request_id_ok(id));
}

Test(http_req, ndjson_lines) {
    const char *buf = "a\r\n\n  \nbb\nccc";
    size_t pos = 0, lineno = 0, len;
    const char *line;
    cr_assert(http_ndjson_next(buf, strlen(buf), &pos, &line, &len, &lineno));
    cr_expect_eq(len, 1);
    cr_expect_eq(lineno, 1);
    cr_assert(http_ndjson_next(buf, strlen(buf), &pos, &line, &len, &lineno));
    cr_expect_eq(len, 2);
    cr_expect_eq(lineno, 4);
    cr_assert(http_ndjson_next(buf, strlen(buf), &pos, &line, &len, &lineno));
    cr_expect(!strncmp(line, "ccc", 3));
    cr_expect_eq(lineno, 5);
    cr_expect(!http_ndjson_next(buf, strlen(buf), &pos, &line, &len, &lineno));
}

Test(http_req, error_json) {
    char *s = http_error_json("too_large", "over \"10\" bytes", 0);
    cr_expect_str_eq(s,
                     "{\"error\":{\"code\":\"too_large\",\"message\":\"over \\\"10\\\" "
                     "bytes\"}}");
    free(s);
    s = http_error_json("bad_request", "x", 3);
    cr_expect(strstr(s, "\"line\":3") != NULL);
    free(s);
    s = http_error_json("bad_request", "\xff\xfe", 0); /* not UTF-8 */
    cr_expect_not_null(s);
    free(s);
}

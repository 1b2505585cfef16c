/*
 * http_req — the parts of an HTTP request lede must understand, as pure
 * functions with no sockets: body media types, the JSON extract request, query
 * options (fields, include_html), NDJSON line splitting, request ids, the error
 * body and the field filter applied to an Article.
 *
 * Everything here takes untrusted bytes and is covered by tests/unit/test_http_req.c
 * and the libFuzzer target tests/fuzz/fuzz_request.c.
 */
#ifndef LEDE_SERVER_HTTP_REQ_H
#define LEDE_SERVER_HTTP_REQ_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    HTTP_BODY_NONE = 0, /* no Content-Type header */
    HTTP_BODY_HTML,     /* text/html, application/xhtml+xml */
    HTTP_BODY_JSON,     /* application/json */
    HTTP_BODY_NDJSON,   /* application/x-ndjson, application/jsonl */
    HTTP_BODY_OTHER
} http_body_kind;

/* Classifies a Content-Type header value (NULL = none); parameters are ignored. */
http_body_kind http_body_kind_of(const char *content_type);

/* True when the Content-Type value carries a charset parameter. */
bool http_has_charset(const char *content_type);

/* One extract request decoded from a JSON object: `html`, `url`, and an optional
 * `content_type` (the page's HTTP Content-Type, for its charset). The strings
 * point into `root`, released by http_extract_req_clear(). */
typedef struct {
    json_t *root;
    const char *html;
    size_t html_len;
    const char *url;
    const char *content_type;
} http_extract_req;

/* Parses a JSON request body (or one NDJSON line). Returns 0, or -1 with a
 * message for a 400 bad_request in err: malformed JSON, not an object, a wrong
 * type, or neither html nor url. */
int http_extract_req_parse(const char *body, size_t len, http_extract_req *out, char *err,
                           size_t err_len);
void http_extract_req_clear(http_extract_req *r);

/* Output options from the query string. `keys` is a bitmask over the Article's
 * top-level keys (0 = all), `stages` the matching LEDE_FIELD_* work mask. */
/* What /v1/extract answers with (`format=`): the Article JSON, or the article
 * rendered by lede_result_render. */
typedef enum {
    HTTP_FORMAT_JSON = 0,
    HTTP_FORMAT_MARKDOWN, /* text/markdown */
    HTTP_FORMAT_TEXT,     /* text/plain */
} http_format;

typedef struct {
    uint32_t keys;
    unsigned stages;
    bool include_html;
    bool include_dates;    /* include=dates: years kept in numeric_claims */
    double min_confidence; /* entities below it are dropped; 0 keeps all */
    http_format format;
} http_options;

/* Parses `fields=headline,entities`: every name must be a top-level Article
 * key. Returns 0, or -1 with a message naming the bad field. */
int http_fields_parse(const char *list, http_options *opt, char *err, size_t err_len);

/* Parses `include=dates`: a comma-separated list of things left out of the
 * output by default (for now only "dates"). Returns 0, or -1 with a message
 * naming the unknown item. */
int http_include_parse(const char *list, http_options *opt, char *err, size_t err_len);

/* Parses a boolean query value ("1", "0", "true", "false"). */
int http_flag_parse(const char *value, bool *out);

/* Parses a confidence threshold: a decimal number from 0 to 1 ("0.5", "1",
 * ".75"). Returns 0, or -1 for anything else (empty, out of range, "nan"). */
int http_confidence_parse(const char *value, double *out);

/* Parses `format=json|markdown|text`. Returns 0, or -1 for anything else. */
int http_format_parse(const char *value, http_format *out);

/* The Content-Type of an answer in that format. */
const char *http_format_content_type(http_format f);

/* Keeps only the keys selected in opt->keys (no-op when 0). */
void http_fields_filter(json_t *article, const http_options *opt);

/* Whether the Article key is selected by opt (an http_options *): the
 * lede_json_key_filter of lede_result_json_text() that http_fields_filter()
 * applies to a tree. */
bool http_fields_keep(const char *key, void *opt);

/* Request ids: a client's X-Request-Id is honoured when it is 1-64 characters of
 * [A-Za-z0-9._:-]; otherwise the server makes one. */
#define HTTP_REQUEST_ID_MAX 64
bool http_request_id_ok(const char *id);

/* The next line of an NDJSON body from *pos: skips blank lines, strips "\r".
 * Returns false at the end. *lineno counts physical lines (1-based). */
bool http_ndjson_next(const char *buf, size_t len, size_t *pos, const char **line,
                      size_t *line_len, size_t *lineno);

/* The contract's error document `{"error":{"code","message"}}`, compact, as a
 * malloc'd string (NULL on no memory). `line` > 0 adds a "line" member (batch). */
char *http_error_json(const char *code, const char *message, size_t line);

#endif

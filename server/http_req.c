/* Request parsing for the HTTP front end: pure functions over untrusted bytes. */
#include "http_req.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "lede/lede.h"

/* Media types by body kind; matched case-insensitively, parameters ignored. */
static const struct {
    const char *type;
    http_body_kind kind;
} media_types[] = {
    {"text/html", HTTP_BODY_HTML},
    {"application/xhtml+xml", HTTP_BODY_HTML},
    {"application/json", HTTP_BODY_JSON},
    {"application/x-ndjson", HTTP_BODY_NDJSON},
    {"application/ndjson", HTTP_BODY_NDJSON},
    {"application/jsonl", HTTP_BODY_NDJSON},
};

http_body_kind http_body_kind_of(const char *ct) {
    if (!ct)
        return HTTP_BODY_NONE;
    while (*ct == ' ' || *ct == '\t')
        ct++;
    size_t n = strcspn(ct, "; \t");
    for (size_t i = 0; i < sizeof media_types / sizeof media_types[0]; i++)
        if (strlen(media_types[i].type) == n && !strncasecmp(ct, media_types[i].type, n))
            return media_types[i].kind;
    return HTTP_BODY_OTHER;
}

bool http_has_charset(const char *ct) {
    if (!ct)
        return false;
    for (const char *p = strchr(ct, ';'); p; p = strchr(p + 1, ';')) {
        const char *q = p + 1;
        while (*q == ' ' || *q == '\t')
            q++;
        if (!strncasecmp(q, "charset", 7)) {
            q += 7;
            while (*q == ' ' || *q == '\t')
                q++;
            if (*q == '=')
                return true;
        }
    }
    return false;
}

/* A member that must be a string when present. */
static int opt_string(json_t *root, const char *key, const char **out, size_t *len,
                      char *err, size_t err_len) {
    json_t *v = json_object_get(root, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v)) {
        snprintf(err, err_len, "'%s' must be a string", key);
        return -1;
    }
    *out = json_string_value(v);
    if (len)
        *len = json_string_length(v);
    else if (strlen(*out) != json_string_length(v)) {
        /* Only html is passed on with its length: in any other member a
         * \u0000 would cut the value short (a URL fetched is not the one
         * sent), so it is refused. */
        snprintf(err, err_len, "'%s' must not contain NUL characters", key);
        *out = NULL;
        return -1;
    }
    return 0;
}

int http_extract_req_parse(const char *body, size_t len, http_extract_req *out, char *err,
                           size_t err_len) {
    memset(out, 0, sizeof *out);
    json_error_t jerr;
    /* JSON_REJECT_DUPLICATES: {"url": a, "url": b} is ambiguous, so refused.
     * JSON_ALLOW_NUL: html is passed on with its length, NULs and all. */
    json_t *root = json_loadb(body, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
    if (!root) {
        snprintf(err, err_len, "malformed JSON at line %d column %d: %s", jerr.line,
                 jerr.column, jerr.text);
        return -1;
    }
    out->root = root;
    if (!json_is_object(root)) {
        snprintf(err, err_len, "the request must be a JSON object");
        goto fail;
    }
    if (opt_string(root, "html", &out->html, &out->html_len, err, err_len) ||
        opt_string(root, "url", &out->url, NULL, err, err_len) ||
        opt_string(root, "content_type", &out->content_type, NULL, err, err_len))
        goto fail;
    if (out->url && !*out->url)
        out->url = NULL;
    if (!out->html && !out->url) {
        snprintf(err, err_len, "the request needs 'html' or 'url'");
        goto fail;
    }
    return 0;
fail:
    http_extract_req_clear(out);
    return -1;
}

void http_extract_req_clear(http_extract_req *r) {
    json_decref(r->root);
    memset(r, 0, sizeof *r);
}

/* The Article's top-level keys (see core/json.c) and the work each needs. */
static const struct {
    const char *key;
    unsigned stages;
} article_keys[] = {
    {"url", LEDE_FIELD_META},         {"canonical_url", LEDE_FIELD_META},
    {"headline", LEDE_FIELD_META},    {"byline", LEDE_FIELD_META},
    {"authors", LEDE_FIELD_META},     {"dateline", LEDE_FIELD_META},
    {"published", LEDE_FIELD_META},   {"modified", LEDE_FIELD_META},
    {"site_name", LEDE_FIELD_META},   {"language", LEDE_FIELD_META},
    {"description", LEDE_FIELD_META}, {"image", LEDE_FIELD_META},
    {"section", LEDE_FIELD_META},     {"tags", LEDE_FIELD_META},
    {"text", LEDE_FIELD_TEXT},        {"word_count", LEDE_FIELD_TEXT},
    {"html", LEDE_FIELD_TEXT},        {"entities", LEDE_FIELD_ENTITIES},
    {"quotes", LEDE_FIELD_QUOTES},    {"numeric_claims", LEDE_FIELD_NUMBERS},
    {"warnings", LEDE_FIELD_META},    {"provenance", LEDE_FIELD_META},
    {"timings_ms", LEDE_FIELD_META},
};
#define N_ARTICLE_KEYS (sizeof article_keys / sizeof article_keys[0])

/* Field lists longer than every key spelled once are not a real request. */
#define FIELDS_MAX_LEN 1024

int http_fields_parse(const char *list, http_options *opt, char *err, size_t err_len) {
    size_t total = strlen(list);
    if (total > FIELDS_MAX_LEN) {
        snprintf(err, err_len, "'fields' is longer than %d characters", FIELDS_MAX_LEN);
        return -1;
    }
    uint32_t keys = 0;
    unsigned stages = 0;
    const char *p = list;
    for (;;) {
        size_t n = strcspn(p, ",");
        const char *name = p;
        size_t name_len = n;
        while (name_len && isspace((unsigned char)*name)) {
            name++;
            name_len--;
        }
        while (name_len && isspace((unsigned char)name[name_len - 1]))
            name_len--;
        size_t i = 0;
        while (i < N_ARTICLE_KEYS && (strlen(article_keys[i].key) != name_len ||
                                      strncmp(article_keys[i].key, name, name_len)))
            i++;
        if (i == N_ARTICLE_KEYS) {
            snprintf(err, err_len, "unknown field '%.*s' in 'fields'",
                     (int)(name_len > 40 ? 40 : name_len), name);
            return -1;
        }
        keys |= 1u << i;
        stages |= article_keys[i].stages;
        if (!p[n])
            break;
        p += n + 1;
    }
    opt->keys = keys;
    opt->stages = stages;
    return 0;
}

int http_include_parse(const char *list, http_options *opt, char *err, size_t err_len) {
    const char *p = list ? list : "";
    for (;;) {
        const char *q = strchr(p, ',');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        if (n == 5 && !strncmp(p, "dates", 5)) {
            opt->include_dates = true;
        } else {
            snprintf(err, err_len, "include: unknown item '%.*s' (known: dates)",
                     (int)(n > 32 ? 32 : n), p);
            return -1;
        }
        if (!q)
            return 0;
        p = q + 1;
    }
}

int http_flag_parse(const char *value, bool *out) {
    static const struct {
        const char *word;
        bool value;
    } words[] = {{"1", true}, {"true", true}, {"0", false}, {"false", false}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (value && !strcmp(value, words[i].word)) {
            *out = words[i].value;
            return 0;
        }
    return -1;
}

static const struct {
    const char *name, *content_type;
} answer_formats[] = {
    [HTTP_FORMAT_JSON] = {"json", "application/json; charset=utf-8"},
    [HTTP_FORMAT_MARKDOWN] = {"markdown", "text/markdown; charset=utf-8"},
    [HTTP_FORMAT_TEXT] = {"text", "text/plain; charset=utf-8"},
};

int http_format_parse(const char *value, http_format *out) {
    for (size_t i = 0; value && i < sizeof answer_formats / sizeof *answer_formats; i++)
        if (!strcmp(value, answer_formats[i].name)) {
            *out = (http_format)i;
            return 0;
        }
    return -1;
}

const char *http_format_content_type(http_format f) {
    return answer_formats[f <= HTTP_FORMAT_TEXT ? f : HTTP_FORMAT_JSON].content_type;
}

int http_confidence_parse(const char *value, double *out) {
    if (!value || !*value)
        return -1;
    /* Digits and at most one point only: no sign, exponent, "inf" or "nan". */
    size_t points = 0, digits = 0;
    for (const char *p = value; *p; p++) {
        if (*p == '.')
            points++;
        else if (*p >= '0' && *p <= '9')
            digits++;
        else
            return -1;
    }
    if (points > 1 || !digits || strlen(value) > 16)
        return -1;
    double v = strtod(value, NULL);
    if (!(v >= 0.0 && v <= 1.0))
        return -1;
    *out = v;
    return 0;
}

bool http_fields_keep(const char *key, void *opt) {
    const http_options *o = opt;
    if (!o->keys)
        return true;
    /* Keys the table does not know are dropped too: only what was asked for. */
    size_t i = 0;
    while (i < N_ARTICLE_KEYS && strcmp(article_keys[i].key, key))
        i++;
    return i < N_ARTICLE_KEYS && (o->keys & (1u << i));
}

void http_fields_filter(json_t *article, const http_options *opt) {
    if (!opt->keys || !json_is_object(article))
        return;
    const char *key;
    json_t *value;
    void *tmp;
    json_object_foreach_safe(article, tmp, key, value) {
        if (!http_fields_keep(key, (void *)opt))
            json_object_del(article, key);
    }
}

bool http_request_id_ok(const char *id) {
    if (!id)
        return false;
    size_t n = 0;
    for (; id[n]; n++) {
        unsigned char c = (unsigned char)id[n];
        if (n >= HTTP_REQUEST_ID_MAX ||
            !(isalnum(c) || c == '.' || c == '_' || c == ':' || c == '-'))
            return false;
    }
    return n > 0;
}

static bool blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]))
            return false;
    return true;
}

bool http_ndjson_next(const char *buf, size_t len, size_t *pos, const char **line,
                      size_t *line_len, size_t *lineno) {
    while (*pos < len) {
        const char *start = buf + *pos;
        const char *nl = memchr(start, '\n', len - *pos);
        size_t n = nl ? (size_t)(nl - start) : len - *pos;
        *pos += n + (nl ? 1 : 0);
        (*lineno)++;
        if (n && start[n - 1] == '\r')
            n--;
        if (blank(start, n))
            continue;
        *line = start;
        *line_len = n;
        return true;
    }
    return false;
}

char *http_error_json(const char *code, const char *message, size_t line) {
    json_t *e = json_object();
    json_t *o = json_object();
    if (!e || !o) {
        json_decref(e);
        json_decref(o);
        return NULL;
    }
    json_object_set_new(e, "code", json_string(code));
    /* Messages may quote client bytes; invalid UTF-8 would make json_string fail. */
    json_t *m = json_string(message);
    json_object_set_new(e, "message", m ? m : json_string("(message not valid UTF-8)"));
    json_object_set_new(o, "error", e);
    if (line)
        json_object_set_new(o, "line", json_integer((json_int_t)line));
    char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    return s;
}

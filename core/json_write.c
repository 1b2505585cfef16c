/*
 * lede_result -> the contract's Article JSON as text, written directly.
 *
 * The same document lede_result_to_json() builds, byte for byte what
 * json_dumps() prints of it with JSON_PRESERVE_ORDER and either JSON_COMPACT
 * or JSON_INDENT(2), without building the tree first: no node, key or string
 * copy is allocated, and the strings are checked and escaped in the one pass
 * that copies them. The batch, the CLI and the server write every page this
 * way; lede_result_to_json() stays for callers that want a tree.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "job.h"
#include "utf8.h"

/* No result renders near this: the input limit bounds the text, and a hard
 * cap keeps a runaway rendering an error instead of a realloc storm. */
#define JSONW_CAP ((size_t)1 << 30)
/* First buffer: the article text plus room for the fields around it. */
#define JSONW_FIRST_SLACK 4096u
/* Deepest nesting the Article has: article, entity, mention list, mention. */
#define JSONW_MAX_DEPTH 8
/* An escaped surrogate pair, the longest escape of one code point. */
#define JSONW_ESCAPE_MAX 12
/* Doubles print with 17 significant digits, as jansson's default precision:
 * enough to read back the same double. */
#define JSONW_REAL_DIGITS 17

typedef struct {
    char *data;
    size_t len, size;
    bool failed; /* out of memory or over the cap: the text is dropped */
    bool indent;
    int depth;
    bool has_items[JSONW_MAX_DEPTH]; /* at each open level */
    lede_json_key_filter keep;       /* top-level keys, NULL = all */
    void *keep_data;
} jsonw;

/* Makes room for `more` bytes after len. */
static bool reserve(jsonw *w, size_t more) {
    if (w->failed)
        return false;
    if (more <= w->size - w->len)
        return true;
    if (more > JSONW_CAP - w->len) {
        w->failed = true;
        return false;
    }
    size_t size = w->size ? w->size : JSONW_FIRST_SLACK;
    while (size - w->len < more)
        size = size > JSONW_CAP / 2 ? JSONW_CAP : size * 2;
    char *p = realloc(w->data, size);
    if (!p) {
        w->failed = true;
        return false;
    }
    w->data = p;
    w->size = size;
    return true;
}

static void put(jsonw *w, const char *s, size_t n) {
    if (reserve(w, n)) {
        memcpy(w->data + w->len, s, n);
        w->len += n;
    }
}

static void put_lit(jsonw *w, const char *s) { put(w, s, strlen(s)); }

/* A newline and two spaces per level, as JSON_INDENT(2) does. */
static void newline(jsonw *w, int depth) {
    if (!w->indent || !reserve(w, 1 + 2 * (size_t)depth))
        return;
    w->data[w->len++] = '\n';
    memset(w->data + w->len, ' ', 2 * (size_t)depth);
    w->len += 2 * (size_t)depth;
}

static void open_level(jsonw *w, char c) {
    put(w, &c, 1);
    if (w->depth + 1 < JSONW_MAX_DEPTH)
        w->has_items[++w->depth] = false;
    else
        w->failed = true;
}

static void close_level(jsonw *w, char c) {
    if (w->has_items[w->depth])
        newline(w, w->depth - 1);
    w->depth--;
    put(w, &c, 1);
}

/* The separator before the next member or element of the open level. */
static void next_item(jsonw *w) {
    if (w->has_items[w->depth])
        put(w, ",", 1);
    w->has_items[w->depth] = true;
    newline(w, w->depth);
}

/* Starts the member `key` (plain ASCII, nothing to escape). */
static void key(jsonw *w, const char *k) {
    next_item(w);
    put(w, "\"", 1);
    put_lit(w, k);
    put_lit(w, w->indent ? "\": " : "\":");
}

/* Bytes copied as they are; the rest are escaped or, at 0x80 and up, checked
 * as UTF-8. */
static bool plain_byte(unsigned char c) {
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/* Are the eight bytes at s all plain_byte()? A lane is flagged when it is
 * 0x80 or above, below 0x20, '"' or '\\' (the zero-lane test on the
 * byte's difference from each); a flagged word is then read byte by byte. */
static bool plain_word(const char *s) {
    uint64_t w;
    memcpy(&w, s, sizeof w);
    const uint64_t quote = w ^ (UTF8_LANE_ONES * '"'),
                   slash = w ^ (UTF8_LANE_ONES * '\\');
    uint64_t flags = ((w - UTF8_LANE_ONES * 0x20) & ~w) |
                     ((quote - UTF8_LANE_ONES) & ~quote) |
                     ((slash - UTF8_LANE_ONES) & ~slash) | w;
    return !(flags & UTF8_LANE_HIGH);
}

/* The escape of an ASCII byte that needs one; its length. */
static size_t escape_ascii(unsigned char c, char *out) {
    static const char short_escapes[][2] = {
        {'\b', 'b'}, {'\f', 'f'}, {'\n', 'n'},  {'\r', 'r'},
        {'\t', 't'}, {'"', '"'},  {'\\', '\\'},
    };
    for (size_t i = 0; i < sizeof short_escapes / sizeof short_escapes[0]; i++)
        if (short_escapes[i][0] == (char)c) {
            out[0] = '\\';
            out[1] = short_escapes[i][1];
            return 2;
        }
    static const char hex[] = "0123456789ABCDEF";
    memcpy(out, "\\u00", 4);
    out[4] = hex[c >> 4];
    out[5] = hex[c & 15];
    return 6;
}

/* A JSON string of s, or null for NULL and for bytes that are not UTF-8 (as
 * json_string() refuses them). Non-ASCII characters are written as they are. */
static void put_str(jsonw *w, const char *s) {
    if (!s) {
        put(w, "null", 4);
        return;
    }
    size_t n = strlen(s), start = w->len;
    if (!reserve(w, n + 2))
        return;
    w->data[w->len++] = '"';
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (run + sizeof(uint64_t) <= n && plain_word(s + run))
            run += sizeof(uint64_t);
        while (run < n && plain_byte((unsigned char)s[run]))
            run++;
        memcpy(w->data + w->len, s + i, run - i);
        w->len += run - i;
        i = run;
        if (i >= n)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            uint32_t cp;
            size_t len = utf8_decode(s + i, n - i, &cp);
            if (len == 1) {
                w->len = start;
                put(w, "null", 4);
                return;
            }
            memcpy(w->data + w->len, s + i, len);
            w->len += len;
            i += len;
            continue;
        }
        /* Room for this escape and every byte still to copy. */
        if (!reserve(w, JSONW_ESCAPE_MAX + (n - i) + 1))
            return;
        w->len += escape_ascii(c, w->data + w->len);
        i++;
    }
    w->data[w->len++] = '"';
}

static void put_int(jsonw *w, long long v) {
    char buf[24];
    char *p = buf + sizeof buf;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    put(w, p, (size_t)(buf + sizeof buf - p));
}

/* A finite double as jansson prints a real: 17 significant digits, ".0" when
 * the digits alone would read as an integer, the exponent without '+' or
 * leading zeros ("1e20", "1e-5"). */
static void put_real(jsonw *w, double v) {
    char buf[40];
    int n = snprintf(buf, sizeof buf, "%.*g", JSONW_REAL_DIGITS, v);
    if (n <= 0 || (size_t)n >= sizeof buf - 2) {
        w->failed = true;
        return;
    }
    if (!strchr(buf, '.') && !strchr(buf, 'e')) {
        memcpy(buf + n, ".0", 3);
        n += 2;
    }
    char *e = strchr(buf, 'e');
    if (e) {
        char *digits = e + 1, *from = digits;
        if (*digits == '-')
            digits++, from++;
        if (*from == '+')
            from++;
        while (*from == '0' && from[1])
            from++;
        memmove(digits, from, strlen(from) + 1);
        n = (int)strlen(buf);
    }
    put(w, buf, (size_t)n);
}

/* A claim's number: an integer when whole and exact, else a real, null when
 * not finite (as the tree's jnum()). */
static void put_num(jsonw *w, double v) {
    if (!isfinite(v))
        put(w, "null", 4);
    else if (fabs(v) < 9007199254740992.0 && v == (double)(long long)v)
        put_int(w, (long long)v);
    else
        put_real(w, v);
}

static void put_str_array(jsonw *w, const char *const *v, size_t n) {
    open_level(w, '[');
    for (size_t i = 0; i < n; i++) {
        next_item(w);
        put_str(w, v[i]);
    }
    close_level(w, ']');
}

/* A top-level member, when the key filter keeps it. */
static bool top_key(jsonw *w, const char *k) {
    if (w->keep && !w->keep(k, w->keep_data))
        return false;
    key(w, k);
    return true;
}

static void meta_fields(jsonw *w, const lede_result *r) {
    const struct {
        const char *key, *value;
    } before_authors[] =
        {
            {"canonical_url", r->canonical_url},
            {"headline", r->headline},
            {"byline", r->byline},
        },
      after_authors[] = {
          {"dateline", r->dateline}, {"published", r->published},
          {"modified", r->modified}, {"site_name", r->site_name},
          {"language", r->language}, {"description", r->description},
          {"image", r->image},       {"section", r->section},
      };
    for (size_t i = 0; i < sizeof before_authors / sizeof before_authors[0]; i++)
        if (top_key(w, before_authors[i].key))
            put_str(w, before_authors[i].value);
    if (top_key(w, "authors"))
        put_str_array(w, r->authors, r->n_authors);
    for (size_t i = 0; i < sizeof after_authors / sizeof after_authors[0]; i++)
        if (top_key(w, after_authors[i].key))
            put_str(w, after_authors[i].value);
    if (top_key(w, "tags"))
        put_str_array(w, r->tags, r->n_tags);
}

/* {"start":..,"end":..,"text":..}, a mention in the text. */
static void span(jsonw *w, long long start, long long end, const char *text) {
    open_level(w, '{');
    key(w, "start");
    put_int(w, start);
    key(w, "end");
    put_int(w, end);
    key(w, "text");
    put_str(w, text);
    close_level(w, '}');
}

/* A string member only when s is valid UTF-8, as json_object_set_new() of a
 * json_string() that refused it sets nothing. */
static void optional_str(jsonw *w, const char *k, const char *s) {
    if (!s || !utf8_valid(s, strlen(s)))
        return;
    key(w, k);
    put_str(w, s);
}

static void entities(jsonw *w, const lede_result *r) {
    open_level(w, '[');
    for (size_t i = 0; i < r->n_entities; i++) {
        const lede_entity *e = &r->entities[i];
        /* Confidence rounded to a multiple of 1/1024: exact in binary, so it
         * prints in at most ten decimals without rounding noise. */
        double conf = round(e->confidence * 1024.0) / 1024.0;
        if (!isfinite(conf)) /* json_real() refuses it: no entity in the tree */
            continue;
        next_item(w);
        open_level(w, '{');
        key(w, "name");
        put_str(w, e->name);
        key(w, "type");
        put_str(w, lede_entity_type_name(e->type));
        key(w, "count");
        put_int(w, (long long)e->n_mentions);
        key(w, "confidence");
        put_real(w, conf);
        key(w, "ids");
        open_level(w, '{');
        optional_str(w, "iso3166", e->iso3166);
        optional_str(w, "iso3166_2", e->iso3166_2);
        if (e->geonames) {
            key(w, "geonames");
            put_int(w, (long long)e->geonames);
        }
        close_level(w, '}');
        key(w, "mentions");
        open_level(w, '[');
        for (size_t m = 0; m < e->n_mentions; m++) {
            next_item(w);
            span(w, (long long)e->mentions[m].start, (long long)e->mentions[m].end,
                 e->mentions[m].text);
        }
        close_level(w, ']');
        close_level(w, '}');
    }
    close_level(w, ']');
}

static void quotes(jsonw *w, const lede_result *r) {
    open_level(w, '[');
    for (size_t i = 0; i < r->n_quotes; i++) {
        const lede_quote *q = &r->quotes[i];
        if (!isfinite(q->confidence))
            continue;
        next_item(w);
        open_level(w, '{');
        key(w, "text");
        put_str(w, q->text);
        key(w, "type");
        put_str(w, lede_quote_type_name(q->type));
        key(w, "speaker");
        put_str(w, q->speaker);
        key(w, "speaker_entity");
        if (q->speaker_entity >= 0)
            put_int(w, q->speaker_entity);
        else
            put(w, "null", 4);
        key(w, "speaker_mention");
        if (q->speaker_mention && q->speaker_start >= 0)
            span(w, q->speaker_start, q->speaker_end, q->speaker_mention);
        else
            put(w, "null", 4);
        key(w, "cue");
        put_str(w, q->cue);
        key(w, "start");
        put_int(w, (long long)q->start);
        key(w, "end");
        put_int(w, (long long)q->end);
        key(w, "confidence");
        put_real(w, q->confidence);
        close_level(w, '}');
    }
    close_level(w, ']');
}

static void claimant(jsonw *w, const lede_result *r, const lede_claim *c) {
    if (c->quote < 0 || (size_t)c->quote >= r->n_quotes) {
        put(w, "null", 4);
        return;
    }
    const lede_quote *q = &r->quotes[c->quote];
    open_level(w, '{');
    key(w, "quote");
    put_int(w, c->quote);
    key(w, "speaker");
    put_str(w, q->speaker);
    key(w, "speaker_entity");
    if (q->speaker_entity >= 0)
        put_int(w, q->speaker_entity);
    else
        put(w, "null", 4);
    close_level(w, '}');
}

static void claims(jsonw *w, const lede_result *r) {
    open_level(w, '[');
    for (size_t i = 0; i < r->n_claims; i++) {
        const lede_claim *c = &r->claims[i];
        next_item(w);
        open_level(w, '{');
        key(w, "text");
        put_str(w, c->text);
        key(w, "value");
        put_num(w, c->value);
        key(w, "unit");
        put_str(w, c->unit);
        key(w, "kind");
        put_str(w, lede_claim_kind_name(c->kind));
        key(w, "qualifier");
        put_str(w, lede_qualifier_name(c->qualifier));
        key(w, "start");
        put_int(w, (long long)c->start);
        key(w, "end");
        put_int(w, (long long)c->end);
        key(w, "sentence");
        put_str(w, c->sentence);
        if (c->currency) {
            key(w, "currency");
            put_str(w, c->currency);
        }
        if (c->has_range) {
            key(w, "low");
            put_num(w, c->low);
            key(w, "high");
            put_num(w, c->high);
        }
        if (c->change) {
            key(w, "change");
            put_str(w, c->change);
        }
        key(w, "subject");
        put_str(w, c->subject);
        key(w, "claimant");
        claimant(w, r, c);
        close_level(w, '}');
    }
    close_level(w, ']');
}

static void provenance(jsonw *w, const lede_provenance *p) {
    lede_named_str fields[LEDE_PROVENANCE_FIELDS];
    lede_provenance_fields(p, fields);
    open_level(w, '{');
    for (size_t i = 0; i < LEDE_PROVENANCE_FIELDS; i++)
        if (fields[i].value) {
            key(w, fields[i].key);
            put_str(w, fields[i].value);
        }
    close_level(w, '}');
}

static void timings(jsonw *w, const lede_timings *t) {
    const struct {
        const char *key;
        double ms;
    } stages[] = {
        {"parse", t->parse}, {"content", t->content}, {"meta", t->meta},
        {"nlp", t->nlp},     {"total", t->total},
    };
    for (size_t i = 0; i < sizeof stages / sizeof stages[0]; i++)
        if (!isfinite(stages[i].ms)) /* json_real() refuses it: no member */
            return;
    if (!top_key(w, "timings_ms"))
        return;
    open_level(w, '{');
    for (size_t i = 0; i < sizeof stages / sizeof stages[0]; i++) {
        key(w, stages[i].key);
        put_real(w, stages[i].ms);
    }
    close_level(w, '}');
}

static void article(jsonw *w, const lede_result *r, unsigned fields) {
    open_level(w, '{');
    if (top_key(w, "url"))
        put_str(w, r->url);
    if (fields & LEDE_FIELD_META)
        meta_fields(w, r);
    if (fields & LEDE_FIELD_TEXT) {
        if (top_key(w, "text"))
            put_str(w, r->text);
        if (top_key(w, "word_count"))
            put_int(w, (long long)r->word_count);
        if (r->html && top_key(w, "html"))
            put_str(w, r->html);
    }
    if ((fields & LEDE_FIELD_ENTITIES) && top_key(w, "entities"))
        entities(w, r);
    if ((fields & LEDE_FIELD_QUOTES) && top_key(w, "quotes"))
        quotes(w, r);
    if ((fields & LEDE_FIELD_NUMBERS) && top_key(w, "numeric_claims"))
        claims(w, r);
    if (top_key(w, "warnings"))
        put_str_array(w, r->warnings, r->n_warnings);
    if ((fields & LEDE_FIELD_META) && top_key(w, "provenance"))
        provenance(w, &r->provenance);
    timings(w, &r->timings);
    close_level(w, '}');
}

lede_status lede_result_json_text(const lede_result *r, unsigned fields, unsigned flags,
                                  lede_json_key_filter keep, void *keep_data, char **out,
                                  size_t *out_len) {
    if (!r || !out)
        return LEDE_ERR_INVALID;
    *out = NULL;
    if (!fields)
        fields = LEDE_FIELD_ALL;
    jsonw w = {
        .indent = (flags & LEDE_JSON_INDENT) != 0, .keep = keep, .keep_data = keep_data};
    size_t text_len = r->text ? strlen(r->text) : 0;
    if (text_len < JSONW_CAP - JSONW_FIRST_SLACK)
        reserve(&w, text_len + JSONW_FIRST_SLACK);
    article(&w, r, fields);
    if (flags & LEDE_JSON_NEWLINE)
        put(&w, "\n", 1);
    put(&w, "", 1); /* the NUL, not counted */
    if (w.failed) {
        free(w.data);
        return LEDE_ERR_NOMEM;
    }
    *out = w.data;
    if (out_len)
        *out_len = w.len - 1;
    return LEDE_OK;
}

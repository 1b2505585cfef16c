/*
 * lede — turn a news web page into structured, checkable facts.
 *
 * This header is the whole public API of the extraction library. A caller loads
 * the models once into a shared, read-only context (lede_ctx_new), then calls
 * lede_extract() from any number of threads; each call returns a lede_result
 * whose memory all lives in one arena and goes with one lede_result_free().
 * The library does no networking and keeps no global mutable state.
 */
#ifndef LEDE_LEDE_H
#define LEDE_LEDE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Every fallible function returns one of these: 0 is success, negatives are errors. */
typedef enum {
    LEDE_OK = 0,
    LEDE_ERR_NOMEM = -1,     /* an allocation failed or an arena cap was reached */
    LEDE_ERR_INVALID = -2,   /* a bad argument or option */
    LEDE_ERR_TOO_LARGE = -3, /* input over max_input_bytes */
    LEDE_ERR_PARSE = -4,     /* the bytes could not be parsed as HTML at all */
    LEDE_ERR_LIMIT = -5,     /* a structural limit (DOM depth, node count, text length) */
    LEDE_ERR_IO = -6,        /* a file could not be read (context loading) */
    LEDE_ERR_MODEL = -7,     /* a model or word-list file is malformed */
    LEDE_ERR_EMPTY = -8,     /* the input holds no content at all */
} lede_status;

/* A static, human-readable description of a status. */
const char *lede_strerror(lede_status status);

/* ---------------------------------------------------------------- context */

/* Models and word lists, loaded once and shared read-only by all threads. */
typedef struct lede_ctx lede_ctx;

typedef struct {
    /* Directory holding the model and word lists (core/data in the source tree).
     * NULL means the compiled-in default (LEDE_DATA_DIR), then $LEDE_DATA_DIR. */
    const char *data_dir;
} lede_ctx_config;

/* Loads everything under cfg->data_dir. On failure *out is NULL and, when err is
 * not NULL, a description of the problem is written into err (err_len bytes). */
lede_status lede_ctx_new(const lede_ctx_config *cfg, lede_ctx **out, char *err,
                         size_t err_len);
void lede_ctx_free(lede_ctx *ctx);

/* ---------------------------------------------------------------- options */

/* Output fields; a result renders only those asked for (0 = all). */
enum {
    LEDE_FIELD_META = 1u << 0,     /* url, headline, byline, authors, dates, site, ... */
    LEDE_FIELD_TEXT = 1u << 1,     /* text, word_count */
    LEDE_FIELD_ENTITIES = 1u << 2, /* entities */
    LEDE_FIELD_QUOTES = 1u << 3,   /* quotes (needs entities internally) */
    LEDE_FIELD_NUMBERS = 1u << 4,  /* numeric_claims */
    LEDE_FIELD_ALL = 0x1fu,
};

typedef struct {
    size_t max_input_bytes; /* raw page bytes; default 10 MiB */
    unsigned max_dom_depth; /* deeper elements are not walked; default 256 */
    size_t max_nodes;       /* DOM nodes; default 1,000,000 */
    size_t max_text_len;    /* article text bytes; default 2 MiB */
    size_t max_arena_bytes; /* per-request memory cap, DOM included; default 256 MiB */
    /* HTTP Content-Type of the page when known ("text/html; charset=gbk"), else NULL. */
    const char *content_type;
    /* Seconds since the epoch when the page was fetched; dates after it are
     * rejected. 0 means "now". */
    int64_t fetch_time;
    bool include_html;  /* also produce cleaned article markup (result->html) */
    bool include_dates; /* keep years ("in 2019") in numeric_claims; default off */
    /* keep numbers that are not claims ("one of the", "the sixth debate", ids)
     * in numeric_claims, marked by lede_claim.non_claim; for evaluating the
     * number grammar alone; default off */
    bool include_non_claims;
    unsigned stages;       /* LEDE_FIELD_* bitmask of work to do; 0 = all */
    double min_confidence; /* entities below this confidence are dropped; default 0 */
} lede_options;

/* Fills *opt with the defaults above. */
void lede_options_init(lede_options *opt);

/* ---------------------------------------------------------------- result */

typedef enum {
    LEDE_ENT_PERSON = 0,
    LEDE_ENT_ORG,
    LEDE_ENT_LOC,
    LEDE_ENT_MISC,
} lede_entity_type;

/* Offsets count Unicode code points in result->text, end exclusive. */
typedef struct {
    size_t start, end;
    const char *text;
} lede_mention;

typedef struct {
    const char *name; /* fullest form seen in the text */
    lede_entity_type type;
    lede_mention *mentions;
    size_t n_mentions;     /* also the entity's count */
    double confidence;     /* [0, 1]: the tagger's belief in the name and its type */
    const char *iso3166;   /* a country's ISO 3166-1 alpha-2 code ("FR"), else NULL */
    const char *iso3166_2; /* a subdivision's ISO 3166-2 code ("US-CA"), else NULL */
    uint32_t geonames;     /* a city's or town's GeoNames id (2988507: Paris), else 0 */
} lede_entity;

typedef enum {
    LEDE_QUOTE_DIRECT = 0,
    LEDE_QUOTE_PARTIAL,
    LEDE_QUOTE_INDIRECT,
} lede_quote_type;

typedef struct {
    const char *text; /* the quoted content */
    lede_quote_type type;
    const char *speaker; /* resolved name, or NULL */
    long speaker_entity; /* index into entities, or -1 */
    const char *cue;     /* the cue verb or phrase, or NULL */
    size_t start, end;   /* content offsets, code points */
    /* Code points in text of the speaker as written there (a name, a pronoun,
     * "the spokesman") and of the cue; -1 when absent. */
    long speaker_start, speaker_end;
    long cue_start, cue_end;
    /* In a quote interrupted by its attribution ('"We are ready," he said, "to
     * act."'), code points of the unquoted interruption inside [start, end);
     * -1 when the quote is not interrupted. */
    long gap_start, gap_end;
    /* The speaker as written ("he", "the spokesman", "Putin"), or NULL. */
    const char *speaker_mention;
    /* How sure the attribution is, in [0, 1]: the tagger's margins over the
     * content and cue, lowered when the speaker was resolved from a pronoun
     * or a description. */
    double confidence;
} lede_quote;

typedef enum {
    LEDE_CLAIM_COUNT = 0,
    LEDE_CLAIM_MONEY,
    LEDE_CLAIM_PERCENT,
    LEDE_CLAIM_MEASURE,
    LEDE_CLAIM_ORDINAL,
    LEDE_CLAIM_RANGE,
    LEDE_CLAIM_YEAR,
    LEDE_CLAIM_DURATION,
    LEDE_CLAIM_RATE,
} lede_claim_kind;

typedef enum {
    LEDE_QUAL_NONE = 0,
    LEDE_QUAL_APPROXIMATELY,
    LEDE_QUAL_AT_LEAST,
    LEDE_QUAL_AT_MOST,
    LEDE_QUAL_MORE_THAN,
    LEDE_QUAL_LESS_THAN,
    LEDE_QUAL_UP_TO,
    LEDE_QUAL_JUST_UNDER, /* "nearly", "almost", "just under" */
    LEDE_QUAL_EXACTLY,    /* "exactly", "precisely" */
} lede_qualifier;

typedef struct {
    const char *text; /* the claim as written: "nearly 100,000 troops" */
    lede_claim_kind kind;
    double value;
    bool has_range; /* ranges carry low and high */
    double low, high;
    const char *unit;     /* "troops", "km", "%" ... or NULL */
    const char *currency; /* ISO 4217 for money, else NULL */
    lede_qualifier qualifier;
    const char *change; /* "increase", "decrease" or NULL */
    size_t start, end;  /* code points in text */
    const char *sentence;
    /* The parts of the claim, in code points of text (start <= qty_start <=
     * num_start < num_end <= qty_end <= end): the quantity without qualifier,
     * change words or counted noun ("$60 million" in "more than $60 million of
     * aid"), and the number alone ("60 million"). A range also gives its second
     * number (num2_*; both 0 otherwise). */
    size_t qty_start, qty_end;
    size_t num_start, num_end;
    size_t num2_start, num2_end;
    /* What a measure measures: "length", "mass", "area", "volume", "speed",
     * "temperature", "data", "energy", "power", "angle", "time", "age",
     * "frequency", "resolution",
     * "currency", or NULL (counts, percents, ordinals, years). */
    const char *dimension;
    /* What is counted or measured ("troops", "school districts"), or NULL. */
    const char *subject;
    /* The quote the claim stands in (index into quotes), or -1 when the claim
     * is in the article's own voice. */
    long quote;
    /* Why this number is not a claim ("pronoun", "sequence", "name",
     * "identifier", "date", "score", "idiom"; see core/nlp/num_role.h), or NULL
     * for a claim.
     * Non-claims reach the result only with include_non_claims. */
    const char *non_claim;
} lede_claim;

/* Which source won each metadata field ("json-ld", "og:title", "h1", ...).
 * Static strings or arena strings: never pointers into the DOM. */
typedef struct {
    const char *headline, *byline, *published, *modified, *site_name, *language,
        *canonical_url, *description, *image, *text;
    /* Every source whose value agrees with the chosen one, the winner first,
     * comma-separated ("json-ld,og:title,h1"); NULL when the field is unset. */
    const char *headline_sources, *byline_sources, *published_sources, *modified_sources;
} lede_provenance;

typedef struct {
    double parse, content, meta, nlp, total; /* milliseconds */
} lede_timings;

typedef struct lede_result {
    const char *url; /* as given by the caller (final URL after redirects) */
    const char *canonical_url;
    const char *headline;
    const char *byline;
    const char **authors;
    size_t n_authors;
    const char *dateline;
    const char *published; /* ISO 8601 */
    const char *modified;
    const char *site_name;
    const char *language;
    const char *description;
    const char *image;
    const char *section;
    const char **tags;
    size_t n_tags;

    const char *text; /* paragraphs separated by "\n\n", valid UTF-8 */
    size_t text_len;  /* bytes */
    size_t word_count;
    const char *html; /* cleaned article markup when include_html, else NULL */

    lede_entity *entities;
    size_t n_entities;
    lede_quote *quotes;
    size_t n_quotes;
    lede_claim *claims;
    size_t n_claims;

    const char **warnings; /* "no_article_body", "not_an_article", ... */
    size_t n_warnings;
    lede_provenance provenance;
    lede_timings timings;

    struct lede_arena *arena; /* owns every byte above */
} lede_result;

/* Extracts one page. `bytes` is the raw page (any charset), `url` its address or
 * NULL, `opt` may be NULL for defaults. On LEDE_OK *out holds a result to free
 * with lede_result_free(); on error *out is NULL. Thread-safe for a shared ctx. */
lede_status lede_extract(const lede_ctx *ctx, const char *bytes, size_t len,
                         const char *url, const lede_options *opt, lede_result **out);

/* Runs only the language stages (entities, quotes, numbers) over plain UTF-8
 * text, as if it were an article's text. Used by the evaluation commands. */
lede_status lede_analyze_text(const lede_ctx *ctx, const char *text, size_t len,
                              const lede_options *opt, lede_result **out);

/* Tags pre-split tokens with the entity model: tags_out[i] receives a static
 * BIO string ("B-PER", "I-ORG", "O"). An empty token ("") ends a sentence, so a
 * whole document can be passed at once and tagged with its context; its tag is
 * "O". Used by `lede tag --conll`. */
lede_status lede_tag_tokens(const lede_ctx *ctx, const char *const *tokens,
                            size_t n_tokens, const char **tags_out);

/* The same, and conf_out[i] (when not NULL) receives the model's posterior
 * probability of token i's tag, in [0, 1]. */
lede_status lede_tag_tokens_conf(const lede_ctx *ctx, const char *const *tokens,
                                 size_t n_tokens, const char **tags_out, float *conf_out);

/* Renders the contract's Article JSON. `fields` is a LEDE_FIELD_* mask (0 = all).
 * Returns a new reference (the caller json_decref()s it) or NULL on no memory. */
json_t *lede_result_to_json(const lede_result *r, unsigned fields);

/* Flags of lede_result_json_text(). */
enum {
    LEDE_JSON_INDENT = 1u << 0,  /* two spaces a level; else compact */
    LEDE_JSON_NEWLINE = 1u << 1, /* end the text with "\n" */
};

/* Says whether a top-level Article key ("text", "entities", ...) is written. */
typedef bool (*lede_json_key_filter)(const char *key, void *data);

/* Writes the Article JSON as text without building a tree: exactly what
 * json_dumps() prints of lede_result_to_json(r, fields) with
 * JSON_PRESERVE_ORDER and JSON_COMPACT (JSON_INDENT(2) with LEDE_JSON_INDENT),
 * less the top-level keys `keep` (when not NULL) refuses. *out gets a new
 * NUL-terminated string (the caller free()s it), *out_len (when not NULL) its
 * length. Returns LEDE_OK, LEDE_ERR_INVALID, or LEDE_ERR_NOMEM. */
lede_status lede_result_json_text(const lede_result *r, unsigned fields, unsigned flags,
                                  lede_json_key_filter keep, void *keep_data, char **out,
                                  size_t *out_len);

/* Article renderings other than JSON. */
typedef enum {
    LEDE_FORMAT_TEXT = 0, /* headline, a blank line, then result->text */
    /* Markdown: "# headline", the byline in italics, then the article. From
     * result->html when present (extract with include_html): subheadings,
     * lists, tables, links, images, quotes, code; from result->text otherwise
     * (paragraphs only). Text is escaped so it never reads as markup. */
    LEDE_FORMAT_MARKDOWN,
} lede_format;

/* Renders the article in `fmt` as a new NUL-terminated UTF-8 string in *out
 * (the caller free()s it), its length in *out_len when not NULL. Returns
 * LEDE_OK, LEDE_ERR_INVALID for a bad argument, LEDE_ERR_NOMEM. */
lede_status lede_result_render(const lede_result *r, lede_format fmt, char **out,
                               size_t *out_len);

/* Frees a result and everything it points to. NULL is fine. */
void lede_result_free(lede_result *r);

/* Type names as the contract spells them. */
const char *lede_entity_type_name(lede_entity_type t);
const char *lede_quote_type_name(lede_quote_type t);
const char *lede_claim_kind_name(lede_claim_kind k);
const char *lede_qualifier_name(lede_qualifier q); /* NULL for LEDE_QUAL_NONE */

#ifdef __cplusplus
}
#endif
#endif

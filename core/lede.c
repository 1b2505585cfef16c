/* The pipeline: context loading, options, and lede_extract() running each
 * stage in turn over one job. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content/content.h"
#include "html/html.h"
#include "job.h"
#include "meta/meta.h"
#include "nlp/entities.h"
#include "nlp/ner.h"
#include "nlp/num_tables.h"
#include "nlp/numbers.h"
#include "nlp/quotes.h"
#include "utf8.h"

#ifndef LEDE_DATA_DIR
#define LEDE_DATA_DIR "core/data"
#endif

const char *lede_strerror(lede_status status) {
    switch (status) {
    case LEDE_OK: return "ok";
    case LEDE_ERR_NOMEM: return "out of memory or over the per-request memory cap";
    case LEDE_ERR_INVALID: return "invalid argument";
    case LEDE_ERR_TOO_LARGE: return "input larger than the configured maximum";
    case LEDE_ERR_PARSE: return "input could not be parsed as HTML";
    case LEDE_ERR_LIMIT: return "document exceeds a structural limit";
    case LEDE_ERR_IO: return "a data file could not be read";
    case LEDE_ERR_MODEL: return "a model or word-list file is malformed";
    case LEDE_ERR_EMPTY: return "input is empty";
    }
    return "unknown error";
}

void lede_options_init(lede_options *opt) {
    memset(opt, 0, sizeof *opt);
    opt->max_input_bytes = 10u << 20;
    opt->max_dom_depth = 256;
    opt->max_nodes = 1000000;
    opt->max_text_len = 2u << 20;
    opt->max_arena_bytes = 256u << 20;
}

lede_status lede_ctx_new(const lede_ctx_config *cfg, lede_ctx **out, char *err,
                         size_t err_len) {
    *out = NULL;
    lede_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return LEDE_ERR_NOMEM;
    const char *dir = cfg && cfg->data_dir ? cfg->data_dir : getenv("LEDE_DATA_DIR");
    ctx->data_dir = strdup(dir ? dir : LEDE_DATA_DIR);
    if (!ctx->data_dir) {
        free(ctx);
        return LEDE_ERR_NOMEM;
    }
    /* libxml2's global state (its dictionary's random seed and mutexes) must
     * be set up once before threads parse at the same time: lazily, two
     * threads' first parses can deadlock inside xmlDictCreate. */
    xmlInitParser();
    /* The number words, units, stop words, byline markers and the class-word
     * and cue indexes are built here, at start-up, not on the first request. */
    num_lex_init();
    meta_init();
    content_init();
    nlp_quotes_init();
    lede_status st = nlp_ner_load(ctx, ctx->data_dir, err, err_len);
    if (st == LEDE_OK)
        st = nlp_quotes_load(ctx, ctx->data_dir, err, err_len);
    if (st != LEDE_OK) {
        lede_ctx_free(ctx);
        return st;
    }
    *out = ctx;
    return LEDE_OK;
}

void lede_ctx_free(lede_ctx *ctx) {
    if (!ctx)
        return;
    nlp_ner_unload(ctx);
    nlp_quotes_unload(ctx);
    free(ctx->data_dir);
    free(ctx);
}

/* A result and its arena, ready for a job. */
static lede_status job_begin(lede_job *job, const lede_ctx *ctx,
                             const lede_options *opt) {
    memset(job, 0, sizeof *job);
    job->ctx = ctx;
    job->opt = opt;
    job->now = opt->fetch_time ? opt->fetch_time : (int64_t)time(NULL);
    job->arena = arena_new(opt->max_arena_bytes);
    if (!job->arena)
        return LEDE_ERR_NOMEM;
    job->res = arena_calloc(job->arena, 1, sizeof *job->res);
    if (!job->res) {
        arena_free(job->arena);
        return LEDE_ERR_NOMEM;
    }
    job->res->arena = job->arena;
    return LEDE_OK;
}

/* Frees what the job owns outside its arena; the arena itself goes with the
 * result, or here when the job failed. */
static void job_end(lede_job *job, lede_status st, lede_result **out) {
    if (job->doc)
        html_doc_free(job->doc);
    json_decref(job->jsonld);
    if (st == LEDE_OK) {
        *out = job->res;
    } else {
        arena_free(job->arena);
        *out = NULL;
    }
}

static size_t count_words(const char *s, size_t n) {
    size_t words = 0;
    bool in_word = false;
    for (size_t i = 0; i < n; i++) {
        bool space = s[i] == ' ' || s[i] == '\n' || s[i] == '\t';
        if (!space && !in_word)
            words++;
        in_word = !space;
    }
    return words;
}

/* The language stages, over res->text. */
static lede_status run_nlp(lede_job *job) {
    unsigned stages = job->opt->stages ? job->opt->stages : LEDE_FIELD_ALL;
    if (!(stages & (LEDE_FIELD_ENTITIES | LEDE_FIELD_QUOTES | LEDE_FIELD_NUMBERS)))
        return LEDE_OK;
    lede_result *res = job->res;
    lede_status st = nlp_tokenize(job->arena, res->text, res->text_len, &job->nlp);
    if (st == LEDE_OK && (stages & (LEDE_FIELD_ENTITIES | LEDE_FIELD_QUOTES)))
        st = nlp_ner_run(job);
    if (st == LEDE_OK && (stages & (LEDE_FIELD_ENTITIES | LEDE_FIELD_QUOTES)))
        st = nlp_entities_merge(job);
    /* quotes first: a claim inside a quote is the speaker's (num_claim) */
    if (st == LEDE_OK && (stages & LEDE_FIELD_QUOTES))
        st = nlp_quotes_extract(job);
    if (st == LEDE_OK && (stages & LEDE_FIELD_NUMBERS))
        st = nlp_numbers_extract(job);
    return st;
}

static lede_status run_page(lede_job *job, const char *bytes, size_t len,
                            const char *url) {
    const lede_options *opt = job->opt;
    lede_result *res = job->res;
    if (len > opt->max_input_bytes)
        return LEDE_ERR_TOO_LARGE;
    if (url && !(res->url = utf8_sanitize_str(job->arena, url)))
        return LEDE_ERR_NOMEM;

    double t0 = job_clock_ms();
    char *html;
    size_t html_len;
    lede_status st =
        html_decode(job->arena, bytes, len, opt->content_type, &html, &html_len, NULL);
    if (st == LEDE_OK) {
        html_moved_attrs moved = {.arena = job->arena};
        html_len = html_prefilter_moving(html, html_len, opt->include_html, &moved);
        st = html_parse_moved(job->arena, html, html_len, url, opt, &moved, &job->doc);
    }
    double t1 = job_clock_ms();
    res->timings.parse = t1 - t0;
    if (st != LEDE_OK)
        return st;

    st = meta_extract(job);
    double t2 = job_clock_ms();
    if (st == LEDE_OK)
        st = content_extract(job);
    double t3 = job_clock_ms();
    if (st == LEDE_OK)
        st = meta_finalize(job);
    double t4 = job_clock_ms();
    res->timings.meta = (t2 - t1) + (t4 - t3);
    res->timings.content = t3 - t2;
    if (st != LEDE_OK)
        return st;
    res->word_count = count_words(res->text, res->text_len);

    st = run_nlp(job);
    double t5 = job_clock_ms();
    res->timings.nlp = t5 - t4;
    res->timings.total = t5 - t0;
    return st;
}

/* The plain-text entry point: the text is the article, only NLP runs. */
static lede_status run_text(lede_job *job, const char *text, size_t len) {
    double t0 = job_clock_ms();
    lede_result *res = job->res;
    res->text = utf8_sanitize(job->arena, text, len, &res->text_len);
    if (!res->text)
        return LEDE_ERR_NOMEM;
    if (res->text_len > job->opt->max_text_len)
        return LEDE_ERR_TOO_LARGE;
    res->word_count = count_words(res->text, res->text_len);
    lede_status st = run_nlp(job);
    res->timings.nlp = res->timings.total = job_clock_ms() - t0;
    return st;
}

/* Runs one job over bytes[0..len) with page or text semantics. */
static lede_status run_job(const lede_ctx *ctx, const char *bytes, size_t len,
                           const char *url, const lede_options *opt, bool is_page,
                           lede_result **out) {
    *out = NULL;
    if (!ctx || (!bytes && len))
        return LEDE_ERR_INVALID;
    lede_options defaults;
    if (!opt) {
        lede_options_init(&defaults);
        opt = &defaults;
    }
    lede_job job;
    lede_status st = job_begin(&job, ctx, opt);
    if (st != LEDE_OK)
        return st;
    bytes = bytes ? bytes : "";
    st = is_page ? run_page(&job, bytes, len, url) : run_text(&job, bytes, len);
    job_end(&job, st, out);
    return st;
}

lede_status lede_extract(const lede_ctx *ctx, const char *bytes, size_t len,
                         const char *url, const lede_options *opt, lede_result **out) {
    return run_job(ctx, bytes, len, url, opt, true, out);
}

lede_status job_run_text(const lede_ctx *ctx, const char *text, size_t len,
                         const lede_options *opt, lede_job *job) {
    lede_status st = job_begin(job, ctx, opt);
    if (st != LEDE_OK)
        return st;
    st = run_text(job, text, len);
    if (st != LEDE_OK)
        job_discard(job);
    return st;
}

void job_discard(lede_job *job) {
    if (job->arena)
        arena_free(job->arena);
    job->arena = NULL;
}

lede_status lede_analyze_text(const lede_ctx *ctx, const char *text, size_t len,
                              const lede_options *opt, lede_result **out) {
    return run_job(ctx, text, len, NULL, opt, false, out);
}

void lede_result_free(lede_result *r) {
    if (r)
        arena_free(r->arena);
}

const char *lede_entity_type_name(lede_entity_type t) {
    static const char *const names[] = {"PERSON", "ORG", "LOC", "MISC"};
    return (unsigned)t < 4 ? names[t] : "MISC";
}

const char *lede_quote_type_name(lede_quote_type t) {
    static const char *const names[] = {"direct", "partial", "indirect"};
    return (unsigned)t < 3 ? names[t] : "direct";
}

const char *lede_claim_kind_name(lede_claim_kind k) {
    static const char *const names[] = {"count",   "money",    "percent",
                                        "measure", "ordinal",  "range",
                                        "year",    "duration", "rate"};
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "count";
}

const char *lede_qualifier_name(lede_qualifier q) {
    static const char *const names[] = {NULL,      "approximately", "at_least",
                                        "at_most", "more_than",     "less_than",
                                        "up_to",   "just_under",    "exactly"};
    return (unsigned)q < sizeof names / sizeof names[0] ? names[q] : NULL;
}

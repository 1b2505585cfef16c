/* The content stage: up to two scoring attempts (the second keeps what the
 * first dropped as "unlikely", for pages whose markup misleads the class
 * words), the rendering of the best one, JSON-LD articleBody as evidence,
 * and the warnings about what the page is. */
#include "content.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "../html/dom.h"
#include "content_int.h"

/* An article shorter than this (weighted chars) earns a second attempt. */
#define RETRY_MIN_CHARS 500
/* Scoring attempts: strict (unlikely elements dropped), then lenient. */
#define N_ATTEMPTS 2
/* JSON-LD articleBody wins when the DOM text has less than this share of it
 * (the page renders its body with script, or the scorer went astray). */
#define JSONLD_MIN_SHARE 0.5f
/* JSON-LD bodies shorter than this are teasers, not evidence. */
#define JSONLD_MIN_CHARS 200
/* Index pages: many link-heavy blocks, little prose, and no long article. */
#define NOT_ARTICLE_MIN_LINK_BLOCKS 15
#define NOT_ARTICLE_LINK_RATIO 2
#define NOT_ARTICLE_MAX_CHARS 1500
/* An article, however short, has a couple of real paragraphs. */
#define NOT_ARTICLE_MAX_LONG_PARAS 2

/* Entities that turn up in articleBody strings, decoded to text. */
static const struct {
    const char *name, *text;
} jsonld_entities[] = {
    {"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"},  {"&apos;", "'"},
    {"&lt;", "<"},  {"&gt;", ">"},    {"&nbsp;", " "},
};

/* Tags after which an articleBody written as HTML starts a new paragraph. */
static bool jsonld_block_tag(const char *tag) {
    static const char *const blocks[] = {"p",  "br", "div", "li",
                                         "h2", "h3", "h4",  "blockquote"};
    const char *t = tag + (tag[1] == '/' ? 2 : 1);
    for (size_t i = 0; i < sizeof blocks / sizeof *blocks; i++) {
        size_t n = strlen(blocks[i]);
        if (!strncasecmp(t, blocks[i], n) && !isalnum((unsigned char)t[n]))
            return true;
    }
    return false;
}

/* articleBody as paragraphs: runs of newlines (and block tags, when the
 * site wrote HTML into it) end a paragraph, other whitespace and tags collapse
 * to one space, common entities are decoded. */
static char *jsonld_paragraphs(lede_arena *a, const char *body, size_t cap, size_t *len) {
    strbuf b;
    strbuf_init(&b, a, cap);
    bool space = false, newline = false;
    for (const char *p = body; *p; p++) {
        unsigned char c = (unsigned char)*p;
        const char *emit = NULL;
        if (c == '<' && (isalpha((unsigned char)p[1]) || p[1] == '/') && strchr(p, '>')) {
            if (jsonld_block_tag(p))
                newline = true;
            else
                space = true;
            p = strchr(p, '>');
            continue;
        }
        if (c == '&')
            for (size_t i = 0; i < sizeof jsonld_entities / sizeof *jsonld_entities;
                 i++) {
                size_t n = strlen(jsonld_entities[i].name);
                if (!strncmp(p, jsonld_entities[i].name, n)) {
                    emit = jsonld_entities[i].text;
                    p += n - 1;
                    break;
                }
            }
        if (c == '\n' || c == '\r') {
            newline = true;
            continue;
        }
        if (c == ' ' || c == '\t' || (emit && *emit == ' ')) {
            space = true;
            continue;
        }
        if (b.len && (newline || space) && strbuf_puts(&b, newline ? "\n\n" : " "))
            break;
        newline = space = false;
        if (emit ? strbuf_puts(&b, emit) : strbuf_putc(&b, (char)c))
            break;
    }
    *len = b.len;
    return arena_strndup(a, strbuf_peek(&b), b.len);
}

/* Does the page look like an index (front page, section, search results)? */
static bool looks_like_index(const cscore *s, const crender *r) {
    return s->n_link_blocks >= NOT_ARTICLE_MIN_LINK_BLOCKS &&
           s->n_link_blocks > NOT_ARTICLE_LINK_RATIO * s->n_text_blocks &&
           r->chars < NOT_ARTICLE_MAX_CHARS &&
           r->n_long_paras < NOT_ARTICLE_MAX_LONG_PARAS;
}

void content_init(void) { rules_init(); }

lede_status content_extract(lede_job *job) {
    rules_init();
    lede_result *res = job->res;
    xmlNode *root = job->doc ? xmlDocGetRootElement(job->doc) : NULL;
    crender best = {"", 0, 0, 0, 0, NULL, false};
    cscore best_s;
    memset(&best_s, 0, sizeof best_s);
    for (int attempt = 0; root && attempt < N_ATTEMPTS; attempt++) {
        cscore s;
        memset(&s, 0, sizeof s);
        s.job = job;
        s.gen = (uint8_t)(attempt + 1);
        s.strip_unlikely = attempt == 0;
        crender r = {"", 0, 0, 0, 0, NULL, false};
        lede_status st = content_score(&s, root);
        if (st == LEDE_OK)
            st = content_select(&s);
        if (st == LEDE_OK && s.top)
            st = content_render(&s, &r);
        if (st != LEDE_OK)
            return st;
        if (!s.top)
            break;
        if (attempt == 0 || r.chars > best.chars) {
            best = r;
            best_s = s;
        }
        if (r.chars >= RETRY_MIN_CHARS)
            break;
    }
    const char *prov = best.text_len ? "dom" : NULL;
    if (job->jsonld_body && *job->jsonld_body) {
        rule_measure m = {0, 0};
        rules_measure(job->jsonld_body, &m);
        if (m.chars >= JSONLD_MIN_CHARS &&
            (float)best.chars < JSONLD_MIN_SHARE * m.chars) {
            size_t len;
            char *t = jsonld_paragraphs(job->arena, job->jsonld_body,
                                        job->opt->max_text_len, &len);
            if (!t)
                return LEDE_ERR_NOMEM;
            best.text = t;
            best.text_len = len;
            best.html = NULL;
            prov = "json-ld";
        }
    }
    res->text = best.text_len ? arena_strndup(job->arena, best.text, best.text_len) : "";
    if (!res->text)
        return LEDE_ERR_NOMEM;
    res->text_len = best.text_len;
    res->html = best.html;
    res->provenance.text = prov;
    if (best_s.top)
        job->article_root = best_s.top->node;
    if (!best.text_len)
        job_warn(job, "no_article_body");
    if (best_s.top && looks_like_index(&best_s, &best))
        job_warn(job, "not_an_article");
    if (best.truncated && prov && !strcmp(prov, "dom"))
        job_warn(job, "text_truncated");
    return LEDE_OK;
}

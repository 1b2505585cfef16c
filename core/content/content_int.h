/*
 * content internals — what the scorer (score.c) hands the renderer (render.c).
 *
 * The scorer walks the DOM once and hangs a cnode on every element it visits
 * (element->_private): the element's visible text length, link text, clause
 * marks, its own paragraph text, class/id evidence and the score its
 * paragraphs gave it. It then picks the element that holds the story and the
 * siblings that belong with it. The renderer walks only those subtrees and
 * writes clean text (and markup) while pruning boilerplate.
 */
#ifndef LEDE_CONTENT_INT_H
#define LEDE_CONTENT_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "../job.h"
#include "rules.h"

enum {
    CN_SKIP = 1u << 0,       /* never text: hidden, script, unlikely, ... */
    CN_IN_LINK = 1u << 1,    /* inside an <a> */
    CN_CAND = 1u << 2,       /* received paragraph score: a candidate */
    CN_ROOT = 1u << 3,       /* one of the subtrees rendered as the article */
    CN_PROSE_LIST = 1u << 4, /* render: a list of sentences with links in them */
};

typedef struct cnode {
    xmlNode *node;
    struct cnode *blk; /* nearest block element (itself when it is one) */
    const rule_tag *tag;
    float score;         /* paragraph evidence given to this element */
    float final;         /* candidate score, link density applied */
    float mass;          /* undiluted paragraph score of the whole subtree */
    uint32_t text, link; /* weighted chars in the subtree, and inside links */
    uint32_t commas;     /* clause marks in the subtree */
    uint32_t n_links;    /* <a> elements in the subtree */
    uint32_t own, own_link, own_commas; /* text whose nearest block is this one */
    int16_t weight;                     /* tag and class/id evidence */
    uint16_t flags;                     /* CN_* */
    uint8_t gen;        /* the attempt that made it (stale nodes are ignored) */
    uint32_t html_mark; /* render: markup length before this element opened */
    uint32_t paras_in;  /* render: paragraphs kept before this element opened */
} cnode;

/* One attempt at finding the article. */
typedef struct {
    lede_job *job;
    uint8_t gen;
    bool strip_unlikely; /* drop unlikely elements before scoring */
    bool oom;
    cnode **cands;
    size_t n_cands, cap_cands;
    uint32_t n_link_blocks; /* blocks whose text is mostly links (menus, teasers) */
    uint32_t n_text_blocks; /* blocks of real prose */
    cnode *body;
    cnode *top;
    xmlNode **roots; /* top and the siblings merged with it, in document order */
    size_t n_roots;
} cscore;

/* The cnode of n for this attempt, or NULL. */
static inline cnode *cn_of(const cscore *s, const xmlNode *n) {
    if (!n || n->type != XML_ELEMENT_NODE || !n->_private)
        return NULL;
    cnode *c = n->_private;
    return c->gen == s->gen ? c : NULL;
}

/* Pass 1: measures every element under root and scores the candidates. */
lede_status content_score(cscore *s, xmlNode *root);

/* Picks the top candidate and merges its siblings into s->roots. */
lede_status content_select(cscore *s);

/* What rendering produced. */
typedef struct {
    const char *text;
    size_t text_len;
    uint32_t chars; /* weighted chars of the text */
    size_t n_paras;
    size_t n_long_paras; /* paragraphs of real prose (LONG_PARA_CHARS) */
    const char *html;    /* NULL unless asked */
    bool truncated;      /* max_text_len was reached */
} crender;

/* Renders s->roots as text paragraphs (and markup when include_html). */
lede_status content_render(cscore *s, crender *out);

#endif

/* Pass 1 of content detection: one walk that measures every element and
 * spreads each paragraph's score over its ancestors (Readability's idea),
 * with jusText-style link density and clause counts per block, then the
 * choice of the top candidate and the siblings that belong with it. */
#include <string.h>

#include "../html/dom.h"
#include "content_int.h"

/* A block needs this many weighted characters to count as a paragraph. */
#define MIN_PARA_CHARS 25
/* One point of paragraph score per this many characters... */
#define PARA_CHARS_PER_POINT 100
/* ...up to this many points, so one huge block cannot outweigh many. */
#define PARA_MAX_LEN_POINTS 3
/* Paragraph score reaches this many ancestors (parent = level 0). */
#define MAX_ANCESTOR_LEVELS 5
/* Ancestors at level >= 2 receive score / (level * this). */
#define ANCESTOR_DIVIDER 3
/* A block this long with little link text is prose (for page statistics). */
#define TEXT_BLOCK_CHARS 100
/* Top candidates compared when looking for a shared ancestor. */
#define N_TOP 5
/* An alternative candidate this close to the top counts as its rival... */
#define ALT_RATIO 0.75f
/* ...and this many rivals under one ancestor make that ancestor the top. */
#define MIN_ALTS 3
/* Climbing stops when a parent scores below top / this. */
#define CLIMB_DIVIDER 3.0f
/* Siblings scoring this share of the top (or this much at least) join it. */
#define SIBLING_RATIO 0.2f
#define SIBLING_MIN_SCORE 10.0f
/* A sibling paragraph this long with link density under the limit joins. */
#define SIBLING_PARA_CHARS 80
#define SIBLING_PARA_MAX_LD 0.25f
/* A short sibling is read this far when looking for a sentence end. */
#define SENTENCE_PROBE_BYTES 4096
/* A sibling holding this share of the top's paragraph mass is more of the
 * story (an article split into sections around asides). */
#define SIBLING_MASS_RATIO 0.25f

static void push_cand(cscore *s, cnode *c) {
    if (s->n_cands == s->cap_cands) {
        size_t cap = s->cap_cands ? s->cap_cands * 2 : 64;
        cnode **grown =
            arena_realloc(s->job->arena, s->cands, s->cap_cands * sizeof *s->cands,
                          cap * sizeof *grown);
        if (!grown) {
            s->oom = true;
            return;
        }
        s->cands = grown;
        s->cap_cands = cap;
    }
    s->cands[s->n_cands++] = c;
    c->flags |= CN_CAND;
}

static void add_score(cscore *s, cnode *c, float v) {
    if (!(c->flags & CN_CAND))
        push_cand(s, c);
    c->score += v;
}

static bool score_enter(void *ud, xmlNode *el, unsigned depth) {
    (void)depth;
    cscore *s = ud;
    cnode *p = cn_of(s, el->parent);
    cnode *c = arena_calloc(s->job->arena, 1, sizeof *c);
    if (!c) {
        s->oom = true;
        return false;
    }
    c->node = el;
    c->gen = s->gen;
    c->tag = rules_tag(el);
    el->_private = c;
    if (c->tag->kind == RK_SKIP) {
        c->flags |= CN_SKIP;
        return false;
    }
    c->weight = c->tag->weight;
    if (el->properties) {
        rule_class rc;
        rules_classify(el, &rc);
        bool always = (c->tag->flags & RF_ALWAYS) || c->tag->kind == RK_LINK;
        if (rc.hidden || (s->strip_unlikely && rc.unlikely && !always)) {
            c->flags |= CN_SKIP;
            return false;
        }
        c->weight = (int16_t)(c->weight + rc.weight);
    }
    bool block = c->tag->kind == RK_BLOCK || c->tag->kind == RK_CELL;
    c->blk = block || !p ? c : p->blk;
    if (c->tag->kind == RK_LINK || (p && (p->flags & CN_IN_LINK)))
        c->flags |= CN_IN_LINK;
    if (c->tag->kind == RK_LINK)
        c->n_links = 1;
    if ((c->tag->flags & RF_ALWAYS) && !strcmp(c->tag->name, "body"))
        s->body = c;
    return true;
}

static void score_text(void *ud, xmlNode *t) {
    cscore *s = ud;
    cnode *c = cn_of(s, t->parent);
    if (!c || !t->content)
        return;
    rule_measure m = {0, 0};
    rules_measure((const char *)t->content, &m);
    if (!m.chars)
        return;
    c->text += m.chars;
    c->commas += m.commas;
    cnode *b = c->blk;
    b->own += m.chars;
    b->own_commas += m.commas;
    if (c->flags & CN_IN_LINK) {
        c->link += m.chars;
        b->own_link += m.chars;
    }
}

/* Gives a paragraph's score to the block (when it can hold an article by
 * itself, e.g. a div of <br>-separated text) and to its ancestors. */
static void score_paragraph(cscore *s, cnode *c) {
    float ld = (float)c->own_link / (float)c->own;
    float len_points = (float)c->own / PARA_CHARS_PER_POINT;
    if (len_points > PARA_MAX_LEN_POINTS)
        len_points = PARA_MAX_LEN_POINTS;
    float v = (1.0f + (float)c->own_commas + len_points) * (1.0f - ld);
    if (v <= 0)
        return;
    c->mass += v;
    if (c->tag->flags & RF_CONTAINER)
        add_score(s, c, v);
    xmlNode *n = c->node->parent;
    for (int level = 0; level < MAX_ANCESTOR_LEVELS; level++, n = n->parent) {
        cnode *a = cn_of(s, n);
        if (!a)
            break;
        float div = level == 0   ? 1.0f
                    : level == 1 ? 2.0f
                                 : (float)(level * ANCESTOR_DIVIDER);
        add_score(s, a, v / div);
    }
}

static void score_leave(void *ud, xmlNode *el) {
    cscore *s = ud;
    cnode *c = cn_of(s, el);
    if (!c)
        return;
    if (c->blk == c && c->own) {
        if (c->own_link * 2 > c->own)
            s->n_link_blocks++;
        else if (c->own >= TEXT_BLOCK_CHARS && c->own_link * 4 < c->own)
            s->n_text_blocks++;
        if (c->own >= MIN_PARA_CHARS)
            score_paragraph(s, c);
    }
    cnode *p = cn_of(s, el->parent);
    if (p) {
        p->text += c->text;
        p->link += c->link;
        p->commas += c->commas;
        p->n_links += c->n_links;
        p->mass += c->mass;
    }
}

static float link_density(const cnode *c) {
    return c->text ? (float)c->link / (float)c->text : 0.0f;
}

lede_status content_score(cscore *s, xmlNode *root) {
    dom_visitor v = {score_enter, score_leave, score_text, s};
    dom_walk(root, dom_depth(root), s->job->opt->max_dom_depth, &v);
    if (s->oom)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < s->n_cands; i++) {
        cnode *c = s->cands[i];
        c->final = (c->score + (float)c->tag->init + (float)c->weight) *
                   (1.0f - link_density(c));
    }
    return LEDE_OK;
}

/* ------------------------------------------------------------ selection */

static bool is_ancestor(const xmlNode *a, const xmlNode *n) {
    for (n = n ? n->parent : NULL; n; n = n->parent)
        if (n == a)
            return true;
    return false;
}

static bool is_page_root(const cnode *c) {
    return !c || dom_is(c->node, "body") || dom_is(c->node, "html");
}

/* The best N_TOP candidates, best first. */
static size_t top_candidates(const cscore *s, cnode *best[N_TOP]) {
    size_t n = 0;
    for (size_t i = 0; i < s->n_cands; i++) {
        cnode *c = s->cands[i];
        if (c->final <= 0)
            continue;
        size_t k = n < N_TOP ? n++ : N_TOP;
        if (k == N_TOP && c->final <= best[N_TOP - 1]->final)
            continue;
        if (k == N_TOP)
            k = N_TOP - 1;
        while (k > 0 && best[k - 1]->final < c->final) {
            best[k] = best[k - 1];
            k--;
        }
        best[k] = c;
    }
    return n;
}

/* When several strong candidates sit under one ancestor of the top (the
 * article split in several blocks), that ancestor is the article. */
static cnode *shared_ancestor(cscore *s, cnode *top, cnode *const best[], size_t n) {
    for (xmlNode *a = top->node->parent; a && !is_page_root(cn_of(s, a)); a = a->parent) {
        size_t under = 0;
        for (size_t i = 1; i < n; i++)
            if (best[i]->final >= top->final * ALT_RATIO && is_ancestor(a, best[i]->node))
                under++;
        if (under >= MIN_ALTS)
            return cn_of(s, a) ? cn_of(s, a) : top;
    }
    return top;
}

/* Climbs to a parent that scores better than the top (the story's paragraphs
 * split over several children), as long as the scores stay high enough. */
static cnode *climb(cscore *s, cnode *top) {
    float last = top->final, threshold = top->final / CLIMB_DIVIDER;
    for (xmlNode *n = top->node->parent; n; n = n->parent) {
        cnode *p = cn_of(s, n);
        if (is_page_root(p))
            break;
        if (!(p->flags & CN_CAND))
            continue;
        if (p->final < threshold)
            break;
        if (p->final > last)
            return p;
        last = p->final;
    }
    return top;
}

static size_t element_children(const xmlNode *n) {
    size_t k = 0;
    for (const xmlNode *c = n->children; c; c = c->next)
        k += c->type == XML_ELEMENT_NODE;
    return k;
}

/* Does the element's text contain a sentence end (". " or a final "."). */
static bool has_sentence_end(cscore *s, const xmlNode *n) {
    char *t = dom_text(s->job->arena, n, SENTENCE_PROBE_BYTES);
    if (!t)
        return false;
    size_t len = strlen(t);
    return strstr(t, ". ") || (len && t[len - 1] == '.');
}

static bool same_class(const xmlNode *a, const xmlNode *b) {
    const char *ca = dom_attr(a, "class"), *cb = dom_attr(b, "class");
    return ca && cb && *ca && !strcmp(ca, cb);
}

static bool sibling_belongs(cscore *s, const cnode *top, cnode *c) {
    if (!c || (c->flags & CN_SKIP))
        return false;
    float threshold = top->final * SIBLING_RATIO;
    if (threshold < SIBLING_MIN_SCORE)
        threshold = SIBLING_MIN_SCORE;
    float bonus = same_class(top->node, c->node) ? top->final * SIBLING_RATIO : 0.0f;
    if ((c->flags & CN_CAND) && c->final + bonus >= threshold)
        return true;
    float ld = link_density(c);
    if (c->weight >= 0 && c->mass >= top->mass * SIBLING_MASS_RATIO &&
        ld < SIBLING_PARA_MAX_LD)
        return true;
    if (!(c->tag->flags & RF_PARA))
        return false;
    if (c->text > SIBLING_PARA_CHARS)
        return ld < SIBLING_PARA_MAX_LD;
    return c->text > 0 && ld == 0 && has_sentence_end(s, c->node);
}

lede_status content_select(cscore *s) {
    cnode *best[N_TOP];
    size_t n = top_candidates(s, best);
    cnode *top = n ? best[0] : s->body;
    if (!top)
        return LEDE_OK;
    if (n) {
        top = shared_ancestor(s, top, best, n);
        top = climb(s, top);
        while (!is_page_root(top) && top->node->parent &&
               element_children(top->node->parent) == 1 &&
               !is_page_root(cn_of(s, top->node->parent)) && cn_of(s, top->node->parent))
            top = cn_of(s, top->node->parent);
    }
    s->top = top;
    xmlNode *parent = top->node->parent;
    size_t cap = parent && !is_page_root(top) ? element_children(parent) : 1;
    s->roots = arena_alloc(s->job->arena, cap * sizeof *s->roots);
    if (!s->roots)
        return LEDE_ERR_NOMEM;
    if (cap == 1) {
        s->roots[s->n_roots++] = top->node;
        return LEDE_OK;
    }
    for (xmlNode *c = parent->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (c == top->node || sibling_belongs(s, top, cn_of(s, c)))
            s->roots[s->n_roots++] = c;
    }
    return LEDE_OK;
}

/*
 * quotes_decode — from the attribution tagger's tags to attributions.
 *
 * The tags give three kinds of span: sources, cues and contents. A content
 * belongs to the nearest cue of its own sentence, else of the sentence just
 * before or after it in the paragraph; a cue to the nearest source of its
 * sentence, before it rather than after. The contents of one cue are one
 * attribution, their interruption ('"We are ready," he said, "to act."') kept
 * as its gap. A quoted content with no cue continues the speaker before it, as
 * the rules' continued quotes do.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "quotes_model.h"

/* Extra distance for a cue in the sentence beside the content's. */
#define QD_NEXT_SENTENCE 1000
/* Longest quoted term that may be a scare quote rather than speech. */
#define SCARE_QUOTE_MAX_WORDS 4
/* Least confidence of the tagger's attributions that are kept. On PolNeAR
 * DEV, about half of the readings between 0.5 and 0.6 are attributions and a
 * quarter of those below 0.5; at 0.6 precision stays above what the rules
 * alone had (0.81) while recall gains (precision first). */
#define MIN_MODEL_CONF 0.6f
/* Least confidence of a reading kept with a cue of the cue table and a
 * source (unsure: not named unless the rules read its cue with a source).
 * On PolNeAR TRAIN, of such readings between 0.55 and 0.6 three in four are
 * attributions; between 0.5 and 0.55 fewer than two in three. */
#define MIN_SOURCED_CONF 0.55f
/* Confidence of an attribution that only the rules found. */
#define RULE_ONLY_CONF 0.5f
/* Largest distance, in tokens, between a cue and a source before it, and one
 * after it ('..., said Smith'). */
#define QD_SOURCE_BEFORE_MAX 30
#define QD_SOURCE_AFTER_MAX 4

typedef struct {
    uint32_t b, e;  /* tokens [b, e) */
    uint8_t kind;   /* QM_B_SRC, QM_B_CUE or QM_B_CON */
    int32_t owner;  /* content: its cue; cue: its source (indices into the span list) */
    int32_t sb, se; /* cue: a source the decoder found itself (tokens), or -1 */
    float margin;   /* mean tag margin over the span */
} qd_span;

static lede_status collect(lede_arena *a, const qtext *q, const uint8_t *tags,
                           const float *margin, qd_span **out, size_t *n_out) {
    size_t n = 0;
    for (size_t i = 0; i < q->n; i++)
        n += tags[i] == QM_B_SRC || tags[i] == QM_B_CUE || tags[i] == QM_B_CON;
    qd_span *v = arena_alloc(a, (n ? n : 1) * sizeof *v);
    if (!v)
        return LEDE_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < q->n;) {
        uint8_t t = tags[i];
        if (t != QM_B_SRC && t != QM_B_CUE && t != QM_B_CON) {
            i++;
            continue;
        }
        size_t e = i + 1;
        float sum = margin[i];
        bool word = q->t[i].kind == QT_WORD;
        while (e < q->n && tags[e] == t + 1 && q->t[e].para == q->t[i].para) {
            word |= q->t[e].kind == QT_WORD;
            sum += margin[e++];
        }
        if (t != QM_B_SRC || word) /* a source of marks alone is none */
            v[k++] =
                (qd_span){(uint32_t)i, (uint32_t)e, t, -1, -1, -1, sum / (float)(e - i)};
        i = e;
    }
    *out = v;
    *n_out = k;
    return LEDE_OK;
}

/* For every span, the nearest span of `kind` at or before it (prev) and at
 * or after it (next), -1 when none: one pass each way. */
static lede_status nearest(lede_arena *a, const qd_span *v, size_t n, uint8_t kind,
                           int32_t **prev, int32_t **next) {
    *prev = arena_alloc(a, (n + 1) * sizeof **prev);
    *next = arena_alloc(a, (n + 1) * sizeof **next);
    if (!*prev || !*next)
        return LEDE_ERR_NOMEM;
    int32_t last = -1;
    for (size_t i = 0; i < n; i++)
        (*prev)[i] = last = v[i].kind == kind ? (int32_t)i : last;
    last = -1;
    for (size_t i = n; i > 0; i--)
        (*next)[i - 1] = last = v[i - 1].kind == kind ? (int32_t)(i - 1) : last;
    return LEDE_OK;
}

static long gap(const qd_span *x, const qd_span *y) {
    if (x->e <= y->b)
        return (long)(y->b - x->e);
    if (y->e <= x->b)
        return (long)(x->b - y->e);
    return 0;
}

/* Distance from content c to cue k, or -1 when k cannot be its cue. */
static long cue_distance(const qtext *q, const qd_span *c, const qd_span *k) {
    uint32_t s0 = q->t[c->b].sent, s1 = q->t[c->e - 1].sent, sk = q->t[k->b].sent;
    if (q->t[k->b].para != q->t[c->b].para && q->t[k->b].para != q->t[c->e - 1].para)
        return -1;
    if (sk >= s0 && sk <= s1)
        return gap(c, k);
    if (sk + 1 == s0 || sk == s1 + 1)
        return QD_NEXT_SENTENCE + gap(c, k);
    return -1;
}

/* Each content to the nearer of the cues just before and just after it. */
static void link_contents(const qtext *q, qd_span *v, size_t n, const int32_t *prev,
                          const int32_t *next) {
    for (size_t i = 0; i < n; i++) {
        if (v[i].kind != QM_B_CON)
            continue;
        long best = -1;
        int32_t cand[2] = {prev[i], next[i]};
        for (int c = 0; c < 2; c++) {
            if (cand[c] < 0)
                continue;
            long d = cue_distance(q, &v[i], &v[cand[c]]);
            if (d >= 0 && (best < 0 || d < best)) {
                best = d;
                v[i].owner = cand[c];
            }
        }
    }
}

static bool comma_at(const qtext *q, size_t i) {
    return i < q->n && q->t[i].kind == QT_PUNCT && q->text[q->t[i].b] == ',';
}

static bool same_sentence(const qtext *q, const qd_span *a, const qd_span *b) {
    return q->t[a->b].sent == q->t[b->b].sent;
}

/* Longest description before ", who" taken as the subject. */
#define QD_DESCRIPTION_MAX_WORDS 5

/* Tokens [b, e) up to their first comma are a name or a noun phrase
 * ("Donna Rawlings", "The head of the agency"), no clause with a verb. */
static bool noun_phrase_head(const qtext *q, size_t b, size_t e) {
    static const qword glue[] = {W("the"), W("a"), W("an"), W("of"), W("and")};
    static const qword determiners[] = {W("the"), W("a"),   W("an"),
                                        W("his"), W("her"), W("their")};
    /* "The official", "a senior aide": a determiner and a few words */
    bool described = quotes_tok_in(q, b, determiners, N_OF(determiners));
    size_t words = 0;
    for (size_t i = b; i < e && !comma_at(q, i); i++, words++)
        if (q->t[i].kind != QT_WORD || !((q->t[i].flags & QF_CAP) || described ||
                                         quotes_tok_in(q, i, glue, N_OF(glue))))
            return false;
    return !described || words <= QD_DESCRIPTION_MAX_WORDS;
}

/* "Donna Rawlings, 59, of Ashton, who watched on a screen on the Mall,
 * said": a source inside a relative clause that ends right before the cue,
 * or the relative pronoun itself, is no subject; the subject is what comes
 * before ", who", from the sentence's start (quotes_speaker.c takes its
 * head), a name or a short description ("The official, who spoke ..."). */
static void relative_subject(const qtext *q, qd_span *cue, const qd_span *src) {
    static const qword relatives[] = {W("who"), W("which")};
    size_t first = q->sent_begin[q->t[cue->b].sent];
    if (cue->b < 2 || !comma_at(q, cue->b - 1) || src->b <= first + 2)
        return;
    for (size_t w = src->b + 1; w > first + 1; w--)
        if (quotes_tok_in(q, w - 1, relatives, N_OF(relatives)) && comma_at(q, w - 2)) {
            size_t b = first;
            while (b < w - 2 && q->t[b].kind != QT_WORD)
                b++;
            if (b < w - 2 && noun_phrase_head(q, b, w - 2)) {
                cue->sb = (int32_t)b;
                cue->se = (int32_t)(w - 2);
            }
            return;
        }
}

/* The source of each cue: the nearest source span before it in its sentence,
 * unless that span sits in an appositive of an earlier one ("Trump, speaking
 * to a veterans group in Virginia, said": the subject, not the group) - only
 * a source set off by commas right before its cue is such an interruption;
 * else the nearest one just after it ('..., said Smith'). */
static void link_sources(const qtext *q, qd_span *v, size_t n, const int32_t *prev,
                         const int32_t *next) {
    for (size_t k = 0; k < n; k++) {
        if (v[k].kind != QM_B_CUE)
            continue;
        long before = -1, after = -1;
        int32_t p = prev[k], x = next[k];
        if (p >= 0 && same_sentence(q, &v[p], &v[k]) &&
            gap(&v[p], &v[k]) <= QD_SOURCE_BEFORE_MAX)
            before = p;
        if (x >= 0 && same_sentence(q, &v[x], &v[k]) &&
            gap(&v[x], &v[k]) <= QD_SOURCE_AFTER_MAX)
            after = x;
        if (before >= 0 && (comma_at(q, v[before].e) || comma_at(q, v[before].e - 1))) {
            /* sources within reach lie within QD_SOURCE_BEFORE_MAX tokens, so
             * this walk is short */
            long first = before;
            for (long s = before > 0 ? prev[before - 1] : -1;
                 s >= 0 && same_sentence(q, &v[s], &v[k]) &&
                 gap(&v[s], &v[k]) <= QD_SOURCE_BEFORE_MAX;
                 s = s > 0 ? prev[s - 1] : -1)
                if (comma_at(q, v[s].e))
                    first = s;
            before = first;
        }
        v[k].owner = (int32_t)(before >= 0 ? before : after);
        if (before >= 0)
            relative_subject(q, &v[k], &v[before]);
    }
}

/* Longest noun phrase taken after "according to". */
#define QD_ACCORDING_MAX_TOKENS 10

/* "..., according to the Associated Press": the source of "according to" is
 * what follows "to", never a name before the cue (the subject of the
 * reported clause is not its source). The tagger's source there when it
 * marked one, else the words after "to" up to the next punctuation. */
static void according_to_source(const qtext *q, qd_span *cue, const qd_span *v,
                                int32_t next) {
    size_t c = cue->b;
    if (!quotes_tok_is(q, c, "according") || c + 1 >= q->n ||
        !quotes_tok_is(q, c + 1, "to"))
        return;
    size_t b = c + 2, e = b;
    if (next >= 0 && v[next].b >= b && v[next].b <= b + 2 &&
        q->t[v[next].b].sent == q->t[c].sent) {
        cue->sb = (int32_t)v[next].b;
        cue->se = (int32_t)v[next].e;
        return;
    }
    while (e < q->n && e < b + QD_ACCORDING_MAX_TOKENS && q->t[e].kind == QT_WORD &&
           q->t[e].sent == q->t[c].sent)
        e++;
    if (e > b) {
        cue->sb = (int32_t)b;
        cue->se = (int32_t)e;
    }
}

/* Most tokens searched back from a coordinated cue for the comma that
 * opens the clause set off before it. */
#define QD_CLAUSE_MAX_TOKENS 20

/* "Mr. Hale backed farmers at the paper, which fired him in 2012, and said
 * ...": a cue joined by "and"/"but" after a comma shares the subject of its
 * sentence's clause; a source inside the clause set off just before the
 * comma ("which") is not it. The sentence's subject takes its place. */
static void coordinated_subject(const qtext *q, qd_span *cue, const qd_span *src) {
    static const qword joins[] = {W("and"), W("but")};
    size_t c = cue->b, first = q->sent_begin[q->t[c].sent];
    if (c < first + 3 || !quotes_tok_in(q, c - 1, joins, N_OF(joins)) ||
        !comma_at(q, c - 2))
        return;
    size_t open = c - 2;
    for (size_t i = c - 2, n = 0; i > first && n < QD_CLAUSE_MAX_TOKENS; i--, n++)
        if (comma_at(q, i - 1)) {
            open = i - 1;
            break;
        }
    size_t b, e;
    if (open == c - 2 || src->b <= open || !quotes_clause_subject(q, c, &b, &e) ||
        e > open)
        return;
    cue->sb = (int32_t)b;
    cue->se = (int32_t)e;
}

/* "Republicans want lower taxes (they want ...)": a subject pronoun right
 * before the cue, an auxiliary or adverb allowed between, is its subject,
 * whatever source the tagger marked further away. */
static void pronoun_subject(const qm_input *in, qd_span *cue, const qd_span *src) {
    static const qword subject_pronouns[] = {W("he"), W("she"), W("they"), W("i"),
                                             W("we")};
    static const qword between[] = {W("has"),   W("have"),  W("had"),  W("also"),
                                    W("will"),  W("would"), W("did"),  W("then"),
                                    W("still"), W("later"), W("again")};
    const qtext *q = in->q;
    size_t c = cue->b, first = q->sent_begin[q->t[c].sent];
    size_t p = c;
    for (int k = 0; k < 2 && p > first && quotes_tok_in(q, p - 1, between, N_OF(between));
         k++)
        p--;
    if (p <= first || in->inq[p - 1] ||
        !quotes_tok_in(q, p - 1, subject_pronouns, N_OF(subject_pronouns)))
        return;
    if (src && src->b <= p - 1 && src->e >= p)
        return; /* the tagger's source holds it */
    cue->sb = (int32_t)(p - 1);
    cue->se = (int32_t)p;
}

/* Direct when every word of the content is quoted, partial when some are. */
static lede_quote_type type_of(const qm_input *in, size_t b, size_t e, uint32_t gap_cb,
                               uint32_t gap_ce) {
    size_t words = 0, quoted = 0;
    for (size_t i = b; i < e; i++) {
        const qtok *t = &in->q->t[i];
        if (t->kind != QT_WORD || (gap_ce > gap_cb && t->cb >= gap_cb && t->ce <= gap_ce))
            continue;
        words++;
        quoted += in->inq[i] != 0;
    }
    if (words && quoted == words)
        return LEDE_QUOTE_DIRECT;
    return quoted ? LEDE_QUOTE_PARTIAL : LEDE_QUOTE_INDIRECT;
}

static float logistic(float x) { return 1.0f / (1.0f + expf(-x)); }

/* Token maps of the rules' attributions: any_at[i] is one whose content
 * covers token i, direct_at[i] one of their direct quotes; -1 when none. */
typedef struct {
    int32_t *any_at, *direct_at;
} qd_rule_map;

static lede_status map_rules(lede_arena *a, const qtext *q, const qfound_list *rules,
                             qd_rule_map *m) {
    m->any_at = arena_alloc(a, (q->n + 1) * sizeof *m->any_at);
    m->direct_at = arena_alloc(a, (q->n + 1) * sizeof *m->direct_at);
    if (!m->any_at || !m->direct_at)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i <= q->n; i++)
        m->any_at[i] = m->direct_at[i] = -1;
    for (size_t k = 0; rules && k < rules->n; k++) {
        const qfound *r = &rules->v[k];
        for (size_t i = quotes_tok_at(q, r->b); i < q->n && q->t[i].b < r->e; i++) {
            if (m->any_at[i] < 0)
                m->any_at[i] = (int32_t)k;
            if (r->type == LEDE_QUOTE_DIRECT && m->direct_at[i] < 0)
                m->direct_at[i] = (int32_t)k;
        }
    }
    return LEDE_OK;
}

/* A rules' attribution over tokens [b, e), or NULL. */
static const qfound *rule_over(const qfound_list *rules, const qd_rule_map *m, size_t b,
                               size_t e) {
    for (size_t i = b; i < e; i++)
        if (m->any_at[i] >= 0)
            return &rules->v[m->any_at[i]];
    return NULL;
}

/* A content that is a whole quoted sentence: it opens a sentence and its
 * closing mark ends one ("'Then the roads.'"), unlike a quoted term. */
static bool quoted_sentence(const qtext *q, const qd_span *c) {
    size_t last = c->e - 1;
    bool starts = c->b == 0 || q->t[c->b].sent != q->t[c->b - 1].sent;
    bool ends = c->e >= q->n || q->t[c->e].sent != q->t[last].sent;
    return starts && ends;
}

/* The contents of one attribution: the first two, the last, their number
 * and the sum of their margins. */
typedef struct {
    int32_t first, second, last, n;
    float sum;
} qd_group;

/* One attribution for the contents g, of cue k (k < 0: none). */
/* Most words between "to" and "that" in a hearer ("to reporters that"). */
#define QD_HEARER_MAX_WORDS 4

/* A content that opens with its hearer, "to reporters that the bridge ...",
 * starts at "that": who heard is not what was said. */
static size_t after_hearer(const qm_input *in, size_t b, size_t e) {
    const qtext *q = in->q;
    if (!quotes_tok_is(q, b, "to") || in->inq[b] || !quotes_hearer_opens(q, b + 1))
        return b;
    for (size_t k = b + 1; k < e && k <= b + 1 + QD_HEARER_MAX_WORDS; k++) {
        if (quotes_tok_is(q, k, "that"))
            return k > b + 1 && k + 1 < e ? k : b;
        if (q->t[k].kind != QT_WORD || in->inq[k])
            return b;
    }
    return b;
}

static lede_status emit(const qm_input *in, const qd_span *v, const qd_group *g, long k,
                        float margin_scale, qfound_list *out) {
    const qtext *q = in->q;
    if (g->n == 0)
        return LEDE_OK;
    float sum = g->sum;
    long sb = -1, se = -1, cb = -1, ce = -1;
    if (k >= 0) {
        cb = v[k].b;
        ce = v[k].e;
        sum += v[k].margin;
        if (v[k].sb >= 0) {
            sb = v[k].sb;
            se = v[k].se;
        } else if (v[k].owner >= 0) {
            sb = v[v[k].owner].b;
            se = v[v[k].owner].e;
        }
    }
    const qd_span *first = &v[g->first], *last = &v[g->last];
    uint32_t gap_cb = 0, gap_ce = 0;
    if (g->second >= 0) { /* from the token after the first part to the token
                             before the second: ", Lopez said," */
        gap_cb = q->t[first->e].cb;
        gap_ce = q->t[v[g->second].b - 1].ce;
    }
    size_t cb0 = after_hearer(in, first->b, last->e);
    /* The complementizer is not what was said: "said that the bridge ..." */
    if (cb0 + 1 < last->e && quotes_tok_is(q, cb0, "that") && !in->inq[cb0])
        cb0++;
    lede_quote_type type = type_of(in, cb0, last->e, gap_cb, gap_ce);
    lede_status st = quotes_found_add(out, q, cb0, last->e, type, sb, se, cb, ce);
    if (st != LEDE_OK)
        return st;
    qfound *f = &out->v[out->n - 1];
    f->gap_cb = gap_cb;
    f->gap_ce = gap_ce;
    f->conf = logistic(sum / (float)(g->n + (k >= 0)) / margin_scale);
    return LEDE_OK;
}

static void group_add(qd_group *g, const qd_span *v, size_t i) {
    if (g->n == 0)
        g->first = (int32_t)i;
    else if (g->second < 0)
        g->second = (int32_t)i;
    g->last = (int32_t)i;
    g->n++;
    g->sum += v[i].margin;
}

/* Every cue's attribution, in one pass over its contents. */
static lede_status emit_cues(const qm_input *in, const qd_span *v, size_t n,
                             float margin_scale, qfound_list *out) {
    qd_group *groups = arena_alloc(out->a, (n + 1) * sizeof *groups);
    if (!groups)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        groups[i] = (qd_group){-1, -1, -1, 0, 0};
    for (size_t i = 0; i < n; i++)
        if (v[i].kind == QM_B_CON && v[i].owner >= 0)
            group_add(&groups[v[i].owner], v, i);
    lede_status st = LEDE_OK;
    for (size_t k = 0; st == LEDE_OK && k < n; k++)
        if (v[k].kind == QM_B_CUE)
            st = emit(in, v, &groups[k], (long)k, margin_scale, out);
    return st;
}

/* Quoted contents without a cue: a quote continued from the paragraph
 * before, or one the rules attributed; quoted terms are left out. */
static lede_status emit_lone(const qm_input *in, const qd_span *v, size_t n,
                             const qfound_list *rules, const qd_rule_map *m,
                             float margin_scale, qfound_list *out) {
    const qtext *q = in->q;
    for (size_t i = 0; i < n; i++) {
        if (v[i].kind != QM_B_CON || v[i].owner >= 0 ||
            type_of(in, v[i].b, v[i].e, 0, 0) != LEDE_QUOTE_DIRECT)
            continue;
        const qfound *r = rule_over(rules, m, v[i].b, v[i].e);
        if (!r && !quoted_sentence(q, &v[i]))
            continue; /* scare quotes, titles, terms */
        qd_group g = {-1, -1, -1, 0, 0};
        group_add(&g, v, i);
        lede_status st = emit(in, v, &g, -1, margin_scale, out);
        if (st != LEDE_OK)
            return st;
        qfound *f = &out->v[out->n - 1];
        if (r && (r->spk_b >= 0 || r->cue_b >= 0)) {
            f->spk_b = r->spk_b;
            f->spk_e = r->spk_e;
            f->cue_b = r->cue_b;
            f->cue_e = r->cue_e;
        } else {
            f->inherit = -2;
        }
    }
    return LEDE_OK;
}

/* f becomes the rules' attribution r; a speaker r inherits is taken as its
 * mention, since indexes into the rules' list mean nothing in out. */
static void take_rule(qfound *f, const qfound *r, const qfound_list *rules) {
    *f = *r;
    if (r->inherit >= 0) {
        const qfound *from = &rules->v[r->inherit];
        f->spk_b = from->spk_b;
        f->spk_e = from->spk_e;
        f->inherit = -1;
    }
}

static lede_status add_rule(const qtext *q, const qfound_list *rules, size_t k,
                            float conf, qfound_list *out) {
    lede_status st = quotes_found_add(out, q, 0, 1, rules->v[k].type, -1, -1, -1, -1);
    if (st == LEDE_OK) {
        take_rule(&out->v[out->n - 1], &rules->v[k], rules);
        out->v[out->n - 1].conf = conf;
    }
    return st;
}

/* For each token, the index in out of the joined direct reading it lies in
 * ('"A," Price, a state delegate, told the crowd. "B."' read as one quote
 * with the attribution as its gap), or -1. */
static int32_t *joined_readings(const qtext *q, const qfound_list *out) {
    int32_t *at = arena_alloc(out->a, (q->n + 1) * sizeof *at);
    if (!at)
        return NULL;
    for (size_t t = 0; t <= q->n; t++)
        at[t] = -1;
    for (size_t i = 0; i < out->n; i++) {
        const qfound *f = &out->v[i];
        if (f->type != LEDE_QUOTE_DIRECT || f->gap_cb == f->gap_ce)
            continue;
        for (size_t t = quotes_tok_at(q, f->b); t < q->n && q->t[t].b < f->e; t++)
            at[t] = (int32_t)i;
    }
    return at;
}

/* A quote of the rules that is one piece of a joined reading is in already:
 * the reading takes its attribution when it has none of its own. */
static bool absorbed(const qtext *q, const int32_t *joined, const qfound_list *rules,
                     const qfound *r, qfound_list *out) {
    size_t tb = quotes_tok_at(q, r->b), te = quotes_tok_at(q, r->e);
    if (te <= tb || joined[tb] < 0 || joined[te - 1] != joined[tb])
        return false;
    qfound *f = &out->v[joined[tb]];
    qfound taken;
    take_rule(&taken, r, rules);
    if (f->spk_b < 0 && f->inherit < 0 && taken.spk_b >= 0) {
        f->spk_b = taken.spk_b;
        f->spk_e = taken.spk_e;
    }
    return true;
}

/* Quoted speech is where the rules are surest (the marks fix the content,
 * paragraphs reopened by a mark included; the attribution beside them is
 * short): a direct quote of the rules takes the place of every reading of the
 * tagger that lies mostly inside it, and takes its best confidence. */
static lede_status prefer_rules_direct(const qtext *q, const qfound_list *rules,
                                       const qd_rule_map *m, qfound_list *out) {
    if (!rules || !rules->n)
        return LEDE_OK;
    float *conf = arena_calloc(out->a, rules->n, sizeof *conf);
    if (!conf)
        return LEDE_ERR_NOMEM;
    size_t kept = 0;
    for (size_t i = 0; i < out->n; i++) {
        const qfound *f = &out->v[i];
        size_t tb = quotes_tok_at(q, f->b), te = quotes_tok_at(q, f->e), inside = 0;
        int32_t r = -1;
        for (size_t t = tb; t < te; t++) {
            if (m->direct_at[t] >= 0 && r < 0)
                r = m->direct_at[t];
            inside += r >= 0 && m->direct_at[t] == r;
        }
        if (r >= 0 && 2 * inside > te - tb) {
            conf[r] = f->conf > conf[r] ? f->conf : conf[r];
            continue;
        }
        out->v[kept++] = *f;
    }
    out->n = kept;
    int32_t *joined = joined_readings(q, out);
    if (!joined)
        return LEDE_ERR_NOMEM;
    lede_status st = LEDE_OK;
    for (size_t k = 0; st == LEDE_OK && k < rules->n; k++) {
        const qfound *r = &rules->v[k];
        if (r->type != LEDE_QUOTE_DIRECT)
            continue;
        if (conf[k] <= 0 && absorbed(q, joined, rules, r, out))
            continue;
        st = add_rule(q, rules, k, conf[k] > 0 ? conf[k] : RULE_ONLY_CONF, out);
    }
    return st;
}

/* "According to the family's lawyers, the police said they had no plans
 * ...", "Police have said ..., according to attorneys for the family": an
 * "according to" reports the whole clause it stands beside, attributions
 * inside it included; it is read beside them, not instead of them. */
static bool nests_others(const qtext *q, const qfound *r) {
    return r->cue_b >= 0 && (size_t)r->cue_b + 1 < q->n &&
           quotes_tok_is(q, (size_t)r->cue_b, "according") &&
           quotes_tok_is(q, (size_t)r->cue_b + 1, "to");
}

/* Whether a reading of out already has r's cue. A reading of "according
 * to" that took what follows "to" for its content, with no other source
 * ("..., according to [attorneys for the family]"), read the source as the
 * content:
 * the rules' reading r of the same cue takes its place. */
static bool cue_taken(const qtext *q, qfound_list *out, const qfound *r,
                      const qfound_list *rules) {
    for (size_t i = 0; i < out->n; i++) {
        qfound *f = &out->v[i];
        if (f->cue_b != r->cue_b)
            continue;
        if ((f->spk_b < 0 || f->spk_b == f->cue_e) && f->cue_e >= 0 &&
            quotes_tok_at(q, f->b) == (size_t)f->cue_e && r->spk_b >= 0) {
            float conf = f->conf;
            take_rule(f, r, rules);
            f->conf = conf;
        }
        return true;
    }
    return false;
}

/* What the rules found where the tagger has no sure reading (headline cues
 * "Hale Says ...", labels "Lopez: ...", stance verbs of the cue table, and
 * the readings it was unsure of) is kept, with the rules' own confidence. */
static lede_status add_rules_unseen(const qtext *q, const qfound_list *rules,
                                    qfound_list *out) {
    if (!rules || !rules->n)
        return LEDE_OK;
    uint8_t *covered = arena_calloc(out->a, q->n + 1, 1);
    if (!covered)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < out->n; i++)
        for (size_t t = quotes_tok_at(q, out->v[i].b);
             t < q->n && q->t[t].b < out->v[i].e; t++)
            covered[t] = 1;
    lede_status st = LEDE_OK;
    for (size_t k = 0; st == LEDE_OK && k < rules->n; k++) {
        const qfound *r = &rules->v[k];
        if (r->type == LEDE_QUOTE_DIRECT) /* in already */
            continue;
        bool seen = false;
        for (size_t t = quotes_tok_at(q, r->b); !seen && t < q->n && q->t[t].b < r->e;
             t++)
            seen = covered[t];
        if (!seen || (nests_others(q, r) && !cue_taken(q, out, r, rules)))
            st = add_rule(q, rules, k, RULE_ONLY_CONF, out);
    }
    return st;
}

/* A negation before the cue or inside it ("did not say whether ...",
 * "didn't comment on ..."): no speech is reported. */
static bool cue_negated(const qtext *q, const qfound *f) {
    for (int32_t c = f->cue_b; c <= f->cue_e && c >= 0; c++)
        if ((size_t)c <= q->n && quotes_cue_negated(q, (size_t)c))
            return true;
    return false;
}

/* A short quoted term whose cue is no reporting verb ('the so-called
 * "security assistance"', 'what he dubbed "the plan"') is a scare quote or a
 * name, not speech. */
static bool scare_quote(const qtext *q, const qfound *f) {
    if (f->type != LEDE_QUOTE_DIRECT || f->cue_b < 0)
        return false;
    size_t words = 0;
    for (size_t i = quotes_tok_at(q, f->b);
         i < q->n && q->t[i].b < f->e && words <= SCARE_QUOTE_MAX_WORDS; i++)
        words += q->t[i].kind == QT_WORD;
    if (words > SCARE_QUOTE_MAX_WORDS)
        return false;
    for (int32_t c = f->cue_b; c < f->cue_e; c++)
        if (q->t[c].cue >= 0)
            return false;
    return true;
}

/* A reading that opens with a quote ending a clause of its own ('"It is
 * late,"', '"Why?"') and runs on over the reporter's words after it, with no
 * other quotation mark, stops at the closing mark: those words are the
 * attribution ('"It is late," the mayor's niece, a pastor, told ...'). */
static void trim_run_on(const qm_input *in, qfound_list *out) {
    const qtext *q = in->q;
    for (size_t i = 0; i < out->n; i++) {
        qfound *f = &out->v[i];
        size_t tb = quotes_tok_at(q, f->b), te = quotes_tok_at(q, f->e);
        if (te <= tb + 2 || te > q->n || f->gap_cb != f->gap_ce ||
            (q->t[tb].kind != QT_DQUOTE && q->t[tb].kind != QT_SQUOTE) ||
            !in->inq[tb + 1])
            continue;
        size_t close = tb + 1;
        while (close < te && q->t[close].kind != q->t[tb].kind)
            close++;
        if (close + 1 >= te || q->t[close - 1].kind != QT_PUNCT)
            continue;
        char end = q->text[q->t[close - 1].b];
        if (end != ',' && end != '!' && end != '?')
            continue;
        bool marks = false, words = false;
        for (size_t t = close + 1; t < te && !marks; t++) {
            marks = q->t[t].kind == QT_DQUOTE || q->t[t].kind == QT_SQUOTE;
            words |= q->t[t].kind == QT_WORD;
        }
        if (marks || !words)
            continue;
        f->e = q->t[close].e;
        f->ce = q->t[close].ce;
        f->type = LEDE_QUOTE_DIRECT;
    }
}

/* Whether the cue at token c is an -ing form ("adding", "saying"). */
static bool ing_cue(const qtext *q, size_t c) {
    const qtok *t = &q->t[c];
    return t->e - t->b > 4 && !memcmp(q->text + t->e - 3, "ing", 3);
}

/* The rules' subject r of f's cue stands right before it (two auxiliaries or
 * adverbs may come between: "has also said") or before a comma that sets
 * off what comes between ("Tester, himself up for reelection, said"), not
 * before some other predicate of its own ("Start by dominating ... and
 * write about"). */
static bool subject_next_to_cue(const qtext *q, const qfound *f, const qfound *r) {
    size_t e = (size_t)r->spk_e;
    return e + 2 >= (size_t)f->cue_b || comma_at(q, e) ||
           (e < q->n && q->t[e].kind == QT_PUNCT && q->text[q->t[e].b] == '(');
}

/* The tagger's source of f lies between the rules' subject r of the same
 * finite cue and a comma right before that cue: "Tom Hale, a farmer who met
 * [the mayor] in May, said" - it sits in a description or relative clause
 * set off by commas after the subject, so it is no subject itself. (An -ing
 * cue after a comma has the subject of its own clause, which the rules do
 * not always find: "..., saying".) */
static bool source_in_interruption(const qtext *q, const qfound *f, const qfound *r) {
    size_t c = (size_t)f->cue_b;
    return f->spk_b >= 0 && r->spk_e <= f->spk_b && f->spk_e <= f->cue_b && c > 0 &&
           comma_at(q, c - 1) && (q->t[r->spk_b].flags & QF_CAP) && !ing_cue(q, c);
}

/* The rules' reading with a source at each cue token (-1 where none), from
 * the arena; with own_source only, readings whose source is their own, not
 * inherited from an earlier attribution. NULL when out of memory. */
static int32_t *rules_by_cue(const qtext *q, const qfound_list *rules, lede_arena *a,
                             bool own_source) {
    int32_t *by_cue = arena_alloc(a, (q->n + 1) * sizeof *by_cue);
    if (!by_cue)
        return NULL;
    for (size_t i = 0; i <= q->n; i++)
        by_cue[i] = -1;
    for (size_t k = 0; k < rules->n; k++) {
        const qfound *r = &rules->v[k];
        if (r->cue_b >= 0 && (size_t)r->cue_b < q->n && r->spk_b >= 0 &&
            (!own_source || r->inherit < 0))
            by_cue[r->cue_b] = (int32_t)k;
    }
    return by_cue;
}

/* The tagger's sources checked against the rules' subject of the same cue:
 * - a source that starts where the rules' subject starts and runs on past it
 *   ("[Hale met the families] ... and told") took in the subject's own
 *   predicate: the rules' subject, when it is a name, is the source. (A
 *   lower-case subject of the rules, "an analysis", may be the head of a
 *   longer source, "an analysis by Lily Batchelder".)
 * - a cue the tagger gave no source (and that continues no earlier speaker)
 *   takes the rules' subject next to it: "Tester, himself up for reelection,
 *   said" (subject_next_to_cue).
 * - a source inside an interruption before the cue gives way to the rules'
 *   subject before it (source_in_interruption). */
static lede_status trim_sources(const qtext *q, const qfound_list *rules,
                                qfound_list *out) {
    if (!rules || !rules->n)
        return LEDE_OK;
    int32_t *by_cue = rules_by_cue(q, rules, out->a, false);
    if (!by_cue)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < out->n; i++) {
        qfound *f = &out->v[i];
        if (f->cue_b < 0 || (size_t)f->cue_b >= q->n || by_cue[f->cue_b] < 0)
            continue;
        const qfound *r = &rules->v[by_cue[f->cue_b]];
        if (f->spk_b >= 0 && r->spk_b == f->spk_b && r->spk_e < f->spk_e &&
            (q->t[r->spk_b].flags & QF_CAP)) {
            f->spk_e = r->spk_e;
        } else if ((f->spk_b < 0 && f->inherit == -1 && subject_next_to_cue(q, f, r)) ||
                   source_in_interruption(q, f, r)) {
            f->spk_b = r->spk_b;
            f->spk_e = r->spk_e;
        }
    }
    return LEDE_OK;
}

/* "Clinton was asked about the border", "Obama has been criticized for
 * ...": a verb whose object is the one addressed or judged, in the passive,
 * makes its subject that object, not the source; the source (if any) is
 * unnamed. The cue's verb must be the participle right after a form of
 * "be". */
static void passive_addressee(const qtext *q, qfound_list *out) {
    static const qword be[] = {W("was"),  W("were"),  W("is"), W("are"),
                               W("been"), W("being"), W("be"), W("am")};
    static const qword verbs[] = {
        W("ask"),    W("tell"),      W("criticize"), W("accuse"),
        W("urge"),   W("question"),  W("praise"),    W("blame"),
        W("attack"), W("interview"), W("warn"),      W("press"),
        W("advise"), W("criticise"), W("pressure"),  W("challenge")};
    for (size_t i = 0; i < out->n; i++) {
        qfound *f = &out->v[i];
        if (f->cue_b < 0 || f->spk_b < 0 || f->spk_b >= f->cue_b)
            continue;
        for (int32_t c = f->cue_b; c < f->cue_e && c < f->cue_b + 3; c++) {
            const qtok *t = &q->t[c];
            if (t->cue < 0)
                continue;
            const quotes_cue *k = quotes_cue_get((size_t)t->cue);
            int form = quotes_cue_form(t->cue, q->text + t->b, t->e - t->b);
            bool addressee = false;
            for (size_t v = 0; v < N_OF(verbs) && !addressee; v++)
                addressee = k->lens[0] == verbs[v].n &&
                            !memcmp(k->forms[0], verbs[v].s, verbs[v].n);
            if (addressee && (form == 3 || form == 2) && c > 0 &&
                quotes_tok_in(q, (size_t)c - 1, be, N_OF(be))) {
                f->spk_b = f->spk_e = -1;
                f->inherit = -1;
            }
            break;
        }
    }
}

/* Whether a word of f's cue is in the cue table. */
static bool lexicon_cue(const qtext *q, const qfound *f) {
    for (int32_t c = f->cue_b; c < f->cue_e && (size_t)c < q->n; c++)
        if (q->t[c].cue >= 0)
            return true;
    return false;
}

/* Drops what is not reported speech, and readings the tagger is unsure of:
 * below MIN_MODEL_CONF only a reading with both a cue of the cue table and a
 * source is kept, down to MIN_SOURCED_CONF, and marked unsure: its mention
 * is given, its speaker is not named. */
static void drop_non_speech(const qtext *q, qfound_list *out) {
    size_t kept = 0;
    for (size_t i = 0; i < out->n; i++) {
        qfound *f = &out->v[i];
        bool sure = f->conf >= MIN_MODEL_CONF;
        if (!sure && (f->conf < MIN_SOURCED_CONF || f->spk_b < 0 || f->cue_b < 0 ||
                      !lexicon_cue(q, f)))
            continue;
        if (cue_negated(q, f) || scare_quote(q, f))
            continue;
        f->unsure = !sure;
        out->v[kept++] = *f;
    }
    out->n = kept;
}

/* An unsure reading whose cue the rules read with a source of their own
 * takes that source and is named as the rules' reading would have been (it
 * takes that reading's place, add_rules_unseen leaving it out). */
static lede_status unsure_take_rules_source(const qtext *q, const qfound_list *rules,
                                            qfound_list *out) {
    if (!rules || !rules->n)
        return LEDE_OK;
    int32_t *by_cue = rules_by_cue(q, rules, out->a, true);
    if (!by_cue)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < out->n; i++) {
        qfound *f = &out->v[i];
        if (!f->unsure || f->cue_b < 0 || (size_t)f->cue_b >= q->n ||
            by_cue[f->cue_b] < 0)
            continue;
        const qfound *r = &rules->v[by_cue[f->cue_b]];
        f->spk_b = r->spk_b;
        f->spk_e = r->spk_e;
        f->unsure = false;
    }
    return LEDE_OK;
}

lede_status qm_decode(const qm_input *in, const uint8_t *tags, const float *margin,
                      float margin_scale, const qfound_list *rules, qfound_list *out) {
    const qtext *q = in->q;
    qd_span *v;
    size_t n;
    int32_t *prev_cue, *next_cue, *prev_src, *next_src;
    qd_rule_map m;
    lede_status st = collect(out->a, q, tags, margin, &v, &n);
    if (st == LEDE_OK)
        st = nearest(out->a, v, n, QM_B_CUE, &prev_cue, &next_cue);
    if (st == LEDE_OK)
        st = nearest(out->a, v, n, QM_B_SRC, &prev_src, &next_src);
    if (st == LEDE_OK)
        st = map_rules(out->a, q, rules, &m);
    if (st != LEDE_OK)
        return st;
    link_contents(q, v, n, prev_cue, next_cue);
    link_sources(q, v, n, prev_src, next_src);
    for (size_t k = 0; k < n; k++) {
        if (v[k].kind != QM_B_CUE)
            continue;
        according_to_source(q, &v[k], v, next_src[k]);
        if (v[k].owner >= 0 && v[k].sb < 0)
            coordinated_subject(q, &v[k], &v[v[k].owner]);
        if (v[k].sb < 0)
            pronoun_subject(in, &v[k], v[k].owner >= 0 ? &v[v[k].owner] : NULL);
    }
    st = emit_cues(in, v, n, margin_scale, out);
    if (st == LEDE_OK)
        st = emit_lone(in, v, n, rules, &m, margin_scale, out);
    if (st == LEDE_OK) {
        drop_non_speech(q, out);
        st = unsure_take_rules_source(q, rules, out);
    }
    if (st == LEDE_OK) {
        trim_run_on(in, out);
        st = prefer_rules_direct(q, rules, &m, out);
    }
    if (st == LEDE_OK)
        st = add_rules_unseen(q, rules, out);
    if (st == LEDE_OK)
        trim_run_on(in, out); /* the rules' readings too */
    if (st == LEDE_OK)
        st = trim_sources(q, rules, out);
    if (st == LEDE_OK)
        passive_addressee(q, out);
    if (st == LEDE_OK)
        quotes_found_finish(q, out);
    return st;
}

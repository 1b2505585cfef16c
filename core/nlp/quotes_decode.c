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
/* Confidence of an attribution that only the rules found. */
#define RULE_ONLY_CONF 0.5f
/* Largest distance, in tokens, between a cue and a source before it, and one
 * after it ('..., said Smith'). */
#define QD_SOURCE_BEFORE_MAX 30
#define QD_SOURCE_AFTER_MAX 4

typedef struct {
    uint32_t b, e; /* tokens [b, e) */
    uint8_t kind;  /* QM_B_SRC, QM_B_CUE or QM_B_CON */
    int32_t owner; /* content: its cue; cue: its source (indices into the span list) */
    float margin;  /* mean tag margin over the span */
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
        while (e < q->n && tags[e] == t + 1 && q->t[e].para == q->t[i].para)
            sum += margin[e++];
        v[k++] = (qd_span){(uint32_t)i, (uint32_t)e, t, -1, sum / (float)(e - i)};
        i = e;
    }
    *out = v;
    *n_out = k;
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

static void link_contents(const qtext *q, qd_span *v, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (v[i].kind != QM_B_CON)
            continue;
        long best = -1;
        for (size_t k = 0; k < n; k++) {
            if (v[k].kind != QM_B_CUE)
                continue;
            long d = cue_distance(q, &v[i], &v[k]);
            if (d >= 0 && (best < 0 || d < best)) {
                best = d;
                v[i].owner = (int32_t)k;
            }
        }
    }
}

static bool comma_at(const qtext *q, size_t i) {
    return i < q->n && q->t[i].kind == QT_PUNCT && q->text[q->t[i].b] == ',';
}

/* The source of each cue: the nearest source span before it in its sentence,
 * unless that span sits in an appositive of an earlier one ("Trump, speaking
 * to a veterans group in Virginia, said": the subject, not the group); else
 * the nearest one just after it ('..., said Smith'). */
static void link_sources(const qtext *q, qd_span *v, size_t n) {
    for (size_t k = 0; k < n; k++) {
        if (v[k].kind != QM_B_CUE)
            continue;
        long before = -1, after = -1;
        for (size_t s = 0; s < n; s++) {
            if (v[s].kind != QM_B_SRC || q->t[v[s].b].sent != q->t[v[k].b].sent)
                continue;
            long d = gap(&v[s], &v[k]);
            if (v[s].e <= v[k].b && d <= QD_SOURCE_BEFORE_MAX)
                before = (long)s;
            if (v[s].b >= v[k].e && d <= QD_SOURCE_AFTER_MAX && after < 0)
                after = (long)s;
        }
        /* Only a source set off by commas right before its cue is an
         * interruption ("Trump, speaking to a group in Virginia, said"). */
        if (before > 0 && (comma_at(q, v[before].e) || comma_at(q, v[before].e - 1))) {
            for (long s = 0; s < before; s++)
                if (v[s].kind == QM_B_SRC && q->t[v[s].b].sent == q->t[v[k].b].sent &&
                    comma_at(q, v[s].e) && gap(&v[s], &v[k]) <= QD_SOURCE_BEFORE_MAX) {
                    before = s;
                    break;
                }
        }
        v[k].owner = (int32_t)(before >= 0 ? before : after);
    }
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

/* The rules' attribution whose content overlaps tokens [b, e) the most. */
static const qfound *rule_over(const qtext *q, const qfound_list *rules, size_t b,
                               size_t e) {
    const qfound *best = NULL;
    uint32_t best_len = 0;
    for (size_t k = 0; rules && k < rules->n; k++) {
        const qfound *f = &rules->v[k];
        uint32_t lo = f->b > q->t[b].b ? f->b : q->t[b].b;
        uint32_t hi = f->e < q->t[e - 1].e ? f->e : q->t[e - 1].e;
        if (hi > lo && hi - lo > best_len) {
            best_len = hi - lo;
            best = f;
        }
    }
    return best;
}

/* A content that is a whole quoted sentence: it opens a sentence and its
 * closing mark ends one ("'Then the roads.'"), unlike a quoted term. */
static bool quoted_sentence(const qtext *q, const qd_span *c) {
    size_t last = c->e - 1;
    bool starts = c->b == 0 || q->t[c->b].sent != q->t[c->b - 1].sent;
    bool ends = c->e >= q->n || q->t[c->e].sent != q->t[last].sent;
    return starts && ends;
}

/* One attribution for cue k (or for a lone content when k < 0). */
static lede_status emit(const qm_input *in, const qd_span *v, size_t n, long k,
                        size_t lone, float margin_scale, qfound_list *out) {
    const qtext *q = in->q;
    size_t first = SIZE_MAX, second = SIZE_MAX, last = SIZE_MAX, n_con = 0;
    float sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i].kind != QM_B_CON || (k >= 0 ? v[i].owner != k : i != lone))
            continue;
        if (first == SIZE_MAX)
            first = i;
        else if (second == SIZE_MAX)
            second = i;
        last = i;
        n_con++;
        sum += v[i].margin;
    }
    if (first == SIZE_MAX)
        return LEDE_OK;
    long sb = -1, se = -1, cb = -1, ce = -1;
    if (k >= 0) {
        cb = v[k].b;
        ce = v[k].e;
        sum += v[k].margin;
        if (v[k].owner >= 0) {
            sb = v[v[k].owner].b;
            se = v[v[k].owner].e;
        }
    }
    uint32_t gap_cb = 0, gap_ce = 0;
    if (second != SIZE_MAX) { /* from the token after the first part to the
                                 token before the second: ", Lopez said," */
        gap_cb = q->t[v[first].e].cb;
        gap_ce = q->t[v[second].b - 1].ce;
    }
    size_t cb0 = v[first].b;
    /* The complementizer is not what was said: "said that the bridge ..." */
    if (cb0 + 1 < v[last].e && quotes_tok_is(q, cb0, "that") && !in->inq[cb0])
        cb0++;
    lede_quote_type type = type_of(in, cb0, v[last].e, gap_cb, gap_ce);
    lede_status st = quotes_found_add(out, q, cb0, v[last].e, type, sb, se, cb, ce);
    if (st != LEDE_OK)
        return st;
    qfound *f = &out->v[out->n - 1];
    f->gap_cb = gap_cb;
    f->gap_ce = gap_ce;
    f->conf = logistic(sum / (float)(n_con + (k >= 0)) / margin_scale);
    return LEDE_OK;
}

static uint32_t overlap(const qfound *a, const qfound *b) {
    uint32_t lo = a->b > b->b ? a->b : b->b, hi = a->e < b->e ? a->e : b->e;
    return hi > lo ? hi - lo : 0;
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

/* Quoted speech is where the rules are surest (the marks fix the content,
 * paragraphs reopened by a mark included; the attribution beside them is
 * short): a direct quote of the rules takes the place of every reading of the
 * tagger that lies mostly inside it. */
static lede_status prefer_rules_direct(const qtext *q, const qfound_list *rules,
                                       qfound_list *out) {
    for (size_t k = 0; rules && k < rules->n; k++) {
        const qfound *r = &rules->v[k];
        if (r->type != LEDE_QUOTE_DIRECT)
            continue;
        float conf = 0;
        size_t kept = 0;
        for (size_t i = 0; i < out->n; i++) {
            qfound *f = &out->v[i];
            if (2 * overlap(f, r) > f->e - f->b) {
                conf = f->conf > conf ? f->conf : conf;
                continue;
            }
            out->v[kept++] = *f;
        }
        out->n = kept;
        lede_status st = quotes_found_add(out, q, 0, 1, r->type, -1, -1, -1, -1);
        if (st != LEDE_OK)
            return st;
        take_rule(&out->v[out->n - 1], r, rules);
        out->v[out->n - 1].conf = conf > 0 ? conf : RULE_ONLY_CONF;
    }
    return LEDE_OK;
}

/* Marks the rules' attributions that no kept reading of the tagger touches:
 * seen[k] is false for them. */
static lede_status rules_seen(const qfound_list *rules, const qfound_list *model,
                              lede_arena *a, bool **seen) {
    *seen = arena_calloc(a, (rules ? rules->n : 0) + 1, sizeof **seen);
    if (!*seen)
        return LEDE_ERR_NOMEM;
    for (size_t k = 0; rules && k < rules->n; k++)
        for (size_t i = 0; i < model->n && !(*seen)[k]; i++)
            (*seen)[k] = overlap(&model->v[i], &rules->v[k]) > 0;
    return LEDE_OK;
}

/* What the rules found where the tagger has no sure reading (headline cues
 * "Hale Says ...", labels "Lopez: ...", stance verbs of the cue table, and
 * the readings it was unsure of) is kept, with the rules' own confidence. */
static lede_status add_rules_unseen(const qtext *q, const qfound_list *rules,
                                    const bool *seen, qfound_list *out) {
    for (size_t k = 0; rules && k < rules->n; k++) {
        const qfound *r = &rules->v[k];
        if (seen[k] || r->type == LEDE_QUOTE_DIRECT) /* direct ones are in already */
            continue;
        lede_status st = quotes_found_add(out, q, 0, 1, r->type, -1, -1, -1, -1);
        if (st != LEDE_OK)
            return st;
        take_rule(&out->v[out->n - 1], r, rules);
        out->v[out->n - 1].conf = RULE_ONLY_CONF;
    }
    return LEDE_OK;
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
    for (size_t i = 0; i < q->n && q->t[i].b < f->e; i++)
        words += q->t[i].b >= f->b && q->t[i].kind == QT_WORD;
    if (words > SCARE_QUOTE_MAX_WORDS)
        return false;
    for (int32_t c = f->cue_b; c < f->cue_e; c++)
        if (q->t[c].cue >= 0)
            return false;
    return true;
}

/* Drops what is not reported speech, and readings the tagger is unsure of. */
static void drop_non_speech(const qtext *q, qfound_list *out) {
    size_t kept = 0;
    for (size_t i = 0; i < out->n; i++)
        if (out->v[i].conf >= MIN_MODEL_CONF && !cue_negated(q, &out->v[i]) &&
            !scare_quote(q, &out->v[i]))
            out->v[kept++] = out->v[i];
    out->n = kept;
}

lede_status qm_decode(const qm_input *in, const uint8_t *tags, const float *margin,
                      float margin_scale, const qfound_list *rules, qfound_list *out) {
    const qtext *q = in->q;
    qd_span *v;
    size_t n;
    lede_status st = collect(out->a, q, tags, margin, &v, &n);
    if (st != LEDE_OK)
        return st;
    link_contents(q, v, n);
    link_sources(q, v, n);
    for (size_t k = 0; st == LEDE_OK && k < n; k++)
        if (v[k].kind == QM_B_CUE)
            st = emit(in, v, n, (long)k, 0, margin_scale, out);
    /* Quoted contents without a cue: a quote continued from the paragraph
     * before, or one the rules attributed. */
    for (size_t i = 0; st == LEDE_OK && i < n; i++) {
        if (v[i].kind != QM_B_CON || v[i].owner >= 0 ||
            type_of(in, v[i].b, v[i].e, 0, 0) != LEDE_QUOTE_DIRECT)
            continue;
        const qfound *r = rule_over(q, rules, v[i].b, v[i].e);
        if (!r && !quoted_sentence(q, &v[i]))
            continue; /* scare quotes, titles, terms */
        st = emit(in, v, n, -1, i, margin_scale, out);
        if (st != LEDE_OK)
            break;
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
    if (st == LEDE_OK) {
        drop_non_speech(q, out);
        st = prefer_rules_direct(q, rules, out);
    }
    bool *seen = NULL;
    if (st == LEDE_OK)
        st = rules_seen(rules, out, out->a, &seen);
    if (st == LEDE_OK)
        st = add_rules_unseen(q, rules, seen, out);
    if (st == LEDE_OK)
        quotes_found_finish(q, out);
    return st;
}

/*
 * quotes_model — features, Viterbi tagging and the model file of the learned
 * attribution tagger (see quotes_model.h).
 *
 * File format (little-endian):
 *   "LEDEQM01"            magic, 8 bytes
 *   u32 bits              2^bits feature buckets
 *   u32 n_tags            QM_N_TAGS
 *   f32 scale             weight = int16 * scale
 *   f32 margin_scale      typical tag margin on the training data (confidences)
 *   f32 trans[(n_tags + 1) * n_tags]
 *   u32 n_rows            non-empty buckets, then n_rows times:
 *   u32 bucket, i16 w[n_tags]
 */
#include "quotes_model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../bigmem.h"
#include "ner_hash.h"

static const char QM_MAGIC[8] = {'L', 'E', 'D', 'E', 'Q', 'M', '0', '1'};
/* Largest hash table a model file may ask for (2^24 buckets, 256 MiB). */
#define QM_MAX_BITS 24

struct quotes_model {
    uint32_t bits;
    uint64_t mask;
    int16_t *w; /* (1 << bits) rows of QM_ROW */
    float scale;
    float margin_scale;
    float trans[(QM_N_TAGS + 1) * QM_N_TAGS];
};

/* ------------------------------------------------------------ input */

static void mark_span(uint8_t *tags, long b, long e, int begin_tag) {
    for (long i = b; i < e; i++)
        tags[i] = (uint8_t)(i == b ? begin_tag : begin_tag + 1);
}

/* The rules' attributions as tags: content, then cue and source over it. */
static void rule_tags(const qtext *q, const qfound_list *rules, uint8_t *tags) {
    for (size_t k = 0; rules && k < rules->n; k++) {
        const qfound *f = &rules->v[k];
        size_t tb = quotes_tok_at(q, f->b), te = quotes_tok_at(q, f->e);
        mark_span(tags, (long)tb, (long)te, QM_B_CON);
        if (f->gap_ce > f->gap_cb)
            for (size_t i = tb; i < te; i++)
                if (q->t[i].cb >= f->gap_cb && q->t[i].ce <= f->gap_ce)
                    tags[i] = QM_O;
        if (f->cue_b >= 0)
            mark_span(tags, f->cue_b, f->cue_e, QM_B_CUE);
        if (f->spk_b >= 0)
            mark_span(tags, f->spk_b, f->spk_e, QM_B_SRC);
    }
}

static bool is_mark(const qtext *q, size_t i) {
    return q->t[i].kind == QT_DQUOTE || q->t[i].kind == QT_SQUOTE;
}

static bool punct_is(const qtext *q, size_t i, char c) {
    return q->t[i].kind == QT_PUNCT && q->t[i].e > q->t[i].b && q->text[q->t[i].b] == c;
}

/* Nearest cue on each side within the sentence, and what lies between a
 * token and its left cue. */
static void cue_context(const qtext *q, qm_input *in) {
    int32_t last = -1;
    uint8_t seen = 0;
    for (size_t i = 0; i < q->n; i++) {
        if (q->t[i].flags & QF_SENT || (i > 0 && q->t[i].sent != q->t[i - 1].sent)) {
            last = -1;
            seen = 0;
        }
        in->cue_left[i] = last;
        in->between[i] = seen;
        if (q->t[i].cue >= 0) {
            last = (int32_t)i;
            seen = 0;
        } else if (last >= 0) {
            if (quotes_tok_is(q, i, "that"))
                seen |= 1;
            else if (punct_is(q, i, ','))
                seen |= 2;
            else if (punct_is(q, i, ':'))
                seen |= 4;
        }
    }
    int32_t next = -1;
    for (size_t k = q->n; k > 0; k--) {
        size_t i = k - 1;
        in->cue_right[i] = next;
        if (q->t[i].cue >= 0)
            next = (int32_t)i;
        if (q->t[i].flags & QF_SENT || (i > 0 && q->t[i].sent != q->t[i - 1].sent))
            next = -1;
    }
}

static unsigned shape_of(const qtext *q, size_t i) {
    const qtok *t = &q->t[i];
    return t->kind | (t->flags & QF_CAP ? 8u : 0u) | (t->flags & QF_NUM ? 16u : 0u) |
           (t->flags & QF_ABBREV ? 32u : 0u);
}

static unsigned cue_info(const qtext *q, size_t i) {
    if (q->t[i].cue < 0)
        return 0;
    const quotes_cue *c = quotes_cue_get(q->t[i].cue);
    int form = quotes_cue_form(q->t[i].cue, q->text + q->t[i].b, q->t[i].e - q->t[i].b);
    return (c->flags << 3) | (unsigned)(form + 1);
}

/* May sentence s hold an attribution at all: a cue word, a quotation mark,
 * a colon, "according" or a rule hit? */
static bool sentence_worth(const qm_input *in, size_t s) {
    const qtext *q = in->q;
    for (size_t i = q->sent_begin[s]; i < q->sent_begin[s + 1]; i++)
        if (q->t[i].cue >= 0 || in->rule[i] || is_mark(q, i) || punct_is(q, i, ':') ||
            quotes_tok_is(q, i, "according"))
            return true;
    return false;
}

/* The windows the tagger decodes: runs of sentences of one paragraph that
 * are worth it or stand next to one that is; the rest is outside. */
static lede_status build_windows(lede_arena *a, qm_input *in) {
    const qtext *q = in->q;
    size_t ns = q->n_sents;
    uint8_t *keep = arena_calloc(a, ns + 1, 1);
    if (!keep)
        return LEDE_ERR_NOMEM;
    for (size_t s = 0; s < ns; s++) {
        if (!sentence_worth(in, s))
            continue;
        keep[s] = 1;
    }
    size_t n_pieces = 0; /* windows once cut to QM_MAX_WINDOW tokens */
    for (size_t s = 0; s < ns; s++)
        n_pieces +=
            keep[s] ? 1 + (q->sent_begin[s + 1] - q->sent_begin[s]) / QM_MAX_WINDOW : 0;
    in->win = arena_alloc(a, (n_pieces + 1) * sizeof *in->win);
    if (!in->win)
        return LEDE_ERR_NOMEM;
    in->n_wins = 0;
    for (size_t s = 0; s < ns; s++) {
        uint32_t b = q->sent_begin[s], e = q->sent_begin[s + 1];
        if (!keep[s] || e <= b)
            continue;
        qm_window *w = in->n_wins ? &in->win[in->n_wins - 1] : NULL;
        if (w && w->e == b && q->t[w->b].para == q->t[b].para &&
            e - w->b <= QM_MAX_WINDOW) {
            w->e = e;
            continue;
        }
        for (uint32_t cut = b; cut < e; cut += QM_MAX_WINDOW) /* a huge sentence */
            in->win[in->n_wins++] =
                (qm_window){cut, e - cut > QM_MAX_WINDOW ? cut + QM_MAX_WINDOW : e};
    }
    return LEDE_OK;
}

/* Tokens on either side of a window whose words the features read. */
#define QM_CONTEXT 2

static void token_info(const qtext *q, size_t i, qm_input *out) {
    const char *w = q->text + q->t[i].b;
    size_t len = q->t[i].e - q->t[i].b, suffix_len = len > 3 ? 3 : len;
    out->lw[i] = ner_hash_bytes(w, len, 1);
    out->tok[i] = (qm_tokinfo){ner_hash_bytes(w + len - suffix_len, suffix_len, 1),
                               (uint16_t)cue_info(q, i), (uint8_t)shape_of(q, i)};
}

lede_status qm_input_build(lede_arena *a, const qtext *q, const qspan *spans,
                           size_t n_spans, const qfound_list *rules, const qm_ent *ent,
                           qm_input *out) {
    memset(out, 0, sizeof *out);
    out->q = q;
    size_t n = q->n ? q->n : 1;
    out->rule = arena_calloc(a, n, 1);
    out->inq = arena_calloc(a, n, 1);
    out->between = arena_calloc(a, n, 1);
    out->cue_left = arena_alloc(a, n * sizeof *out->cue_left);
    out->cue_right = arena_alloc(a, n * sizeof *out->cue_right);
    out->ent = ent ? (qm_ent *)ent : arena_calloc(a, n, 1);
    out->lw = arena_alloc(a, n * sizeof *out->lw);
    out->sent_first = arena_alloc(a, n * sizeof *out->sent_first);
    out->sent_last = arena_alloc(a, n * sizeof *out->sent_last);
    size_t n_paras = q->n ? q->t[q->n - 1].para + 1 : 0;
    out->para_begin = arena_alloc(a, (n_paras + 1) * sizeof *out->para_begin);
    if (!out->rule || !out->inq || !out->between || !out->cue_left || !out->cue_right ||
        !out->ent || !out->lw || !out->para_begin || !out->sent_first || !out->sent_last)
        return LEDE_ERR_NOMEM;
    for (size_t s = 0; s < q->n_sents; s++)
        for (uint32_t i = q->sent_begin[s]; i < q->sent_begin[s + 1] && i < q->n; i++) {
            out->sent_first[i] = q->sent_begin[s];
            out->sent_last[i] = q->sent_begin[s + 1] - 1;
        }
    out->tok = arena_alloc(a, n * sizeof *out->tok);
    if (!out->tok)
        return LEDE_ERR_NOMEM;
    for (size_t s = 0; s < n_spans; s++)
        for (size_t i = spans[s].open; i <= spans[s].close && i < q->n; i++)
            out->inq[i] = spans[s].single ? 2 : 1;
    rule_tags(q, rules, out->rule);
    cue_context(q, out);
    size_t p = 0;
    for (size_t i = 0; i < q->n; i++)
        while (p <= q->t[i].para)
            out->para_begin[p++] = (uint32_t)i;
    out->para_begin[n_paras] = (uint32_t)q->n;
    out->n_paras = n_paras;
    lede_status st = build_windows(a, out);
    /* Word hashes only where features read them: the windows and the two
     * tokens on either side. */
    size_t done = 0;
    for (size_t w = 0; st == LEDE_OK && w < out->n_wins; w++) {
        size_t b = out->win[w].b > QM_CONTEXT ? out->win[w].b - QM_CONTEXT : 0;
        size_t e = out->win[w].e + QM_CONTEXT < q->n ? out->win[w].e + QM_CONTEXT : q->n;
        for (size_t i = b > done ? b : done; i < e; i++)
            token_info(q, i, out);
        done = e > done ? e : done;
    }
    return st;
}

/* ---------------------------------------------------------- features */

/* Distances to a cue, in tokens, folded into a few classes. */
static unsigned dist_class(long d) {
    static const long limits[] = {1, 2, 3, 5, 8, 12, 20};
    if (d < 0)
        return 0;
    for (unsigned k = 0; k < N_OF(limits); k++)
        if (d <= limits[k])
            return k + 1;
    return N_OF(limits) + 1;
}

static unsigned mark_kind(const qtext *q, size_t i) {
    if (!is_mark(q, i))
        return 0;
    return q->t[i].flags & QF_OPEN ? 1u : q->t[i].flags & QF_CLOSE ? 2u : 3u;
}

/* Hash of a word that is not there (before or after the paragraph). */
#define QM_EDGE 0x51ED27A1C3u

/* One feature's hash: the template and up to three values, mixed once (the
 * values are word hashes or small codes; distinct odd multipliers keep their
 * positions apart). */
static uint64_t feat(unsigned tmpl, uint64_t a, uint64_t b, uint64_t c) {
    return ner_mix(((uint64_t)tmpl + 1) * 0x9E3779B97F4A7C15ull ^
                   a * 0xC2B2AE3D27D4EB4Full ^ (b * 0x165667B19E3779F9ull + (b >> 29)) ^
                   (c * 0xD6E8FEB86659FD93ull + (c >> 31)));
}

size_t qm_features(const qm_input *in, size_t i, uint64_t *f) {
    const qtext *q = in->q;
    size_t pb = in->para_begin[q->t[i].para], pe = in->para_begin[q->t[i].para + 1];
    size_t n = 0;
    uint64_t lw[5];
    unsigned sh[3], rl[3], en[3], ci[3];
    for (int d = -2; d <= 2; d++) {
        long j = (long)i + d;
        bool in_para = j >= (long)pb && j < (long)pe;
        lw[d + 2] = in_para ? in->lw[j] : QM_EDGE + (uint64_t)d;
        if (d >= -1 && d <= 1) {
            sh[d + 1] = in_para ? in->tok[j].shape : 64u;
            rl[d + 1] = in_para ? in->rule[j] : 15u;
            en[d + 1] = in_para ? in->ent[j] : 15u;
            ci[d + 1] = in_para ? in->tok[j].cue : 0u;
        }
    }
    long cl = in->cue_left[i], cr = in->cue_right[i];
    unsigned dl = dist_class(cl >= 0 ? (long)i - cl : -1);
    unsigned dr = dist_class(cr >= 0 ? cr - (long)i : -1);
    unsigned inq = in->inq[i], btw = in->between[i];
    bool sent_first = i == pb || q->t[i].sent != q->t[i - 1].sent;
    bool sent_last = i + 1 == pe || q->t[i].sent != q->t[i + 1].sent;
    unsigned sent_in_para = q->t[i].sent - q->t[pb].sent;
    sent_in_para = sent_in_para > 2 ? 2 : sent_in_para;
    uint64_t suffix = in->tok[i].suffix;
    uint64_t lcue = cl >= 0 ? in->lw[cl] : QM_EDGE, rcue = cr >= 0 ? in->lw[cr] : QM_EDGE;

    f[n++] = feat(0, 0, 0, 0);
    f[n++] = feat(1, lw[2], 0, 0);
    f[n++] = feat(2, lw[1], 0, 0);
    f[n++] = feat(3, lw[3], 0, 0);
    f[n++] = feat(4, lw[0], 0, 0);
    f[n++] = feat(5, lw[4], 0, 0);
    f[n++] = feat(7, lw[2], lw[3], 0);
    f[n++] = feat(8, sh[1], 0, 0);
    f[n++] = feat(10, suffix, sh[1], 0);
    f[n++] = feat(11, ci[1], 0, 0);
    f[n++] = feat(12, ci[0], ci[2], 0);
    f[n++] = feat(13, inq, mark_kind(q, i), 0);
    f[n++] = feat(14, rl[1], 0, 0);
    f[n++] = feat(16, rl[1], rl[2], inq);
    f[n++] = feat(18, en[1], rl[1], 0);
    f[n++] = feat(19, dl, dr, 0);
    f[n++] = feat(20, dl * 16 + dr, inq, btw);
    f[n++] = feat(22, dr, rcue, 0);
    f[n++] = feat(23, sent_first * 2u + sent_last, sent_in_para, 0);
    f[n++] = feat(26, ci[1], sh[0], en[0]);
    f[n++] = feat(27, lw[2], inq, 0);
    f[n++] = feat(30, ci[1], rl[1], 0);
    f[n++] = feat(31, dl, btw, lcue);
    f[n++] = feat(35, dist_class((long)(in->sent_last[i] - i)), inq, rl[1]);
    f[n++] = feat(36, lw[1], lw[2], lw[3]);
    return n;
}

/* ----------------------------------------------------------- Viterbi */

bool qm_allowed(int from, int to) {
    if (to == QM_I_SRC || to == QM_I_CUE || to == QM_I_CON)
        return from == to || from == to - 1;
    return true;
}

/* The tags each tag may follow (the BIO constraint as lists, so the inner
 * loop tests nothing): an inside tag follows its begin or itself, any other
 * tag follows anything. */
static const struct {
    uint8_t n, from[QM_N_TAGS];
} qm_prev[QM_N_TAGS] = {
    [QM_O] = {7, {0, 1, 2, 3, 4, 5, 6}},    [QM_B_SRC] = {7, {0, 1, 2, 3, 4, 5, 6}},
    [QM_I_SRC] = {2, {QM_B_SRC, QM_I_SRC}}, [QM_B_CUE] = {7, {0, 1, 2, 3, 4, 5, 6}},
    [QM_I_CUE] = {2, {QM_B_CUE, QM_I_CUE}}, [QM_B_CON] = {7, {0, 1, 2, 3, 4, 5, 6}},
    [QM_I_CON] = {2, {QM_B_CON, QM_I_CON}},
};

#if defined(__GNUC__)
typedef float qm_v8sf __attribute__((vector_size(32)));
typedef int32_t qm_v8si __attribute__((vector_size(32)));
_Static_assert(QM_ROW == 8 && QM_N_TAGS < QM_ROW, "a tag row is one 8-lane vector");

/* The best previous tag of every tag at once: lane t of `to[p]` is the
 * transition p -> t, -infinity where the BIO constraint forbids it, so the
 * maximum over the previous tags is seven vector steps. Ties go to the
 * lowest previous tag, as in the scalar loop below. */
#if defined(__x86_64__) && !defined(__clang__)
__attribute__((target_clones("arch=x86-64-v3", "default")))
#endif
static void
viterbi_vec(const float *emit, size_t n, const float *trans, uint8_t *back,
            float *final) {
    qm_v8sf to[QM_N_TAGS];
    float score[QM_ROW];
    qm_v8si first_arg;
    for (int p = 0; p < QM_N_TAGS; p++)
        for (int t = 0; t < QM_ROW; t++)
            to[p][t] = t < QM_N_TAGS && qm_allowed(p, t) ? trans[(p + 1) * QM_N_TAGS + t]
                                                         : -INFINITY;
    for (int t = 0; t < QM_ROW; t++) {
        score[t] =
            t < QM_N_TAGS && qm_allowed(QM_N_TAGS, t) ? trans[t] + emit[t] : -INFINITY;
        first_arg[t] = t < QM_N_TAGS ? qm_prev[t].from[0] : 0;
    }
    for (size_t i = 1; i < n; i++) {
        qm_v8sf best = score[0] + to[0];
        /* lanes that tag 0 cannot reach keep their first allowed tag */
        qm_v8si arg = first_arg & ~(best > -INFINITY);
        for (int p = 1; p < QM_N_TAGS; p++) {
            qm_v8sf s = score[p] + to[p];
            qm_v8si better = s > best;
            best = (qm_v8sf)(((qm_v8si)s & better) | ((qm_v8si)best & ~better));
            arg = (p & better) | (arg & ~better);
        }
        qm_v8sf e;
        memcpy(&e, emit + i * QM_ROW, sizeof e);
        best += e;
        memcpy(score, &best, sizeof score);
        for (int t = 0; t < QM_N_TAGS; t++)
            back[i * QM_N_TAGS + t] = (uint8_t)arg[t];
    }
    memcpy(final, score, QM_N_TAGS * sizeof *final);
}
#else
static void viterbi_vec(const float *emit, size_t n, const float *trans, uint8_t *back,
                        float *final) {
    float score[QM_N_TAGS], next[QM_N_TAGS];
    for (int t = 0; t < QM_N_TAGS; t++)
        score[t] = qm_allowed(QM_N_TAGS, t) ? trans[t] + emit[t] : -INFINITY;
    for (size_t i = 1; i < n; i++) {
        for (int t = 0; t < QM_N_TAGS; t++) {
            float best = -INFINITY;
            int arg = qm_prev[t].from[0];
            for (int k = 0; k < qm_prev[t].n; k++) {
                int p = qm_prev[t].from[k];
                float s = score[p] + trans[(p + 1) * QM_N_TAGS + t];
                if (s > best) {
                    best = s;
                    arg = p;
                }
            }
            next[t] = best + emit[i * QM_ROW + t];
            back[i * QM_N_TAGS + t] = (uint8_t)arg;
        }
        memcpy(score, next, sizeof score);
    }
    memcpy(final, score, sizeof score);
}
#endif

void qm_viterbi(const float *emit, size_t n, const float *trans, uint8_t *back,
                uint8_t *tags) {
    if (!n)
        return;
    float score[QM_N_TAGS];
    viterbi_vec(emit, n, trans, back, score);
    int best = 0;
    for (int t = 1; t < QM_N_TAGS; t++)
        if (score[t] > score[best])
            best = t;
    for (size_t k = n; k > 0; k--) {
        tags[k - 1] = (uint8_t)best;
        if (k > 1)
            best = back[(k - 1) * QM_N_TAGS + best];
    }
}

/* ------------------------------------------------------------ tagging */

#if defined(__GNUC__)
typedef int16_t qm_v8hi __attribute__((vector_size(16)));
#endif

/* A token's scores: the sum of its feature rows, as floats. With GCC's
 * vector types a row is one load and one widening add; the AVX2 clone is
 * chosen at run time where the processor has it. */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
__attribute__((target_clones("arch=x86-64-v3", "default")))
#endif
static void
add_rows(const quotes_model *m, const uint32_t *r, size_t n, float *emit) {
#if defined(__GNUC__)
    qm_v8si acc = {0};
    for (size_t k = 0; k < n; k++) {
        qm_v8hi row;
        memcpy(&row, m->w + (size_t)r[k] * QM_ROW, sizeof row);
        acc += __builtin_convertvector(row, qm_v8si);
    }
#else
    int32_t acc[QM_ROW] = {0};
    for (size_t k = 0; k < n; k++)
        for (int t = 0; t < QM_ROW; t++)
            acc[t] += m->w[(size_t)r[k] * QM_ROW + t];
#endif
    for (int t = 0; t < QM_ROW; t++)
        emit[t] = (float)acc[t] * m->scale;
}

lede_status quotes_model_tag(const quotes_model *m, lede_arena *a, const qm_input *in,
                             uint8_t *tags, float *margin) {
    const qtext *q = in->q;
    size_t longest = 0;
    for (size_t w = 0; w < in->n_wins; w++) {
        size_t len = in->win[w].e - in->win[w].b;
        longest = len > longest ? len : longest;
    }
    float *emit = arena_alloc(a, (longest + 1) * QM_ROW * sizeof *emit);
    uint8_t *back = arena_alloc(a, (longest + 1) * QM_N_TAGS);
    uint32_t *rows = arena_alloc(a, (longest + 1) * QM_MAX_FEATS * sizeof *rows);
    uint8_t *n_rows = arena_alloc(a, longest + 1);
    if (!emit || !back || !rows || !n_rows)
        return LEDE_ERR_NOMEM;
    memset(tags, QM_O, q->n);
    for (size_t i = 0; i < q->n; i++)
        margin[i] = m->margin_scale * 4;
    uint64_t f[QM_MAX_FEATS];
    for (size_t w = 0; w < in->n_wins; w++) {
        size_t wb = in->win[w].b, we = in->win[w].e;
        /* All rows of the window are located (and fetched) before any is
         * summed, so their cache misses overlap instead of queueing. */
        for (size_t i = wb; i < we; i++) {
            size_t nf = qm_features(in, i, f);
            uint32_t *r = rows + (i - wb) * QM_MAX_FEATS;
            for (size_t k = 0; k < nf; k++) {
                r[k] = (uint32_t)(f[k] & m->mask);
                __builtin_prefetch(m->w + (size_t)r[k] * QM_ROW);
            }
            n_rows[i - wb] = (uint8_t)nf;
        }
        for (size_t i = wb; i < we; i++)
            add_rows(m, rows + (i - wb) * QM_MAX_FEATS, n_rows[i - wb],
                     emit + (i - wb) * QM_ROW);
        qm_viterbi(emit, we - wb, m->trans, back, tags + wb);
        for (size_t i = wb; i < we; i++) {
            const float *e = emit + (i - wb) * QM_ROW;
            float other = -INFINITY;
            for (int t = 0; t < QM_N_TAGS; t++)
                if (t != tags[i] && e[t] > other)
                    other = e[t];
            margin[i] = e[tags[i]] - other;
        }
    }
    return LEDE_OK;
}

/* ------------------------------------------------------------ file I/O */

static bool read_all(FILE *f, void *p, size_t n) { return fread(p, 1, n, f) == n; }

lede_status quotes_model_load(const char *path, quotes_model **out, char *err,
                              size_t err_len) {
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, err_len, "cannot open %s", path);
        return LEDE_ERR_IO;
    }
    quotes_model *m = calloc(1, sizeof *m);
    char magic[8];
    uint32_t n_tags = 0, n_rows = 0;
    bool ok = m && read_all(f, magic, 8) && !memcmp(magic, QM_MAGIC, 8) &&
              read_all(f, &m->bits, 4) && read_all(f, &n_tags, 4) &&
              m->bits <= QM_MAX_BITS && m->bits > 0 && n_tags == QM_N_TAGS &&
              read_all(f, &m->scale, 4) && read_all(f, &m->margin_scale, 4) &&
              read_all(f, m->trans, sizeof m->trans) && read_all(f, &n_rows, 4);
    if (ok) {
        m->mask = ((uint64_t)1 << m->bits) - 1;
        m->w = bigmem_calloc((size_t)1 << m->bits, QM_ROW * sizeof *m->w);
        ok = m->w && n_rows <= ((size_t)1 << m->bits);
    }
    for (uint32_t r = 0; ok && r < n_rows; r++) {
        uint32_t bucket;
        int16_t w[QM_N_TAGS];
        ok = read_all(f, &bucket, 4) && read_all(f, w, sizeof w) && bucket <= m->mask;
        if (ok)
            memcpy(m->w + (size_t)bucket * QM_ROW, w, sizeof w);
    }
    ok = ok && fgetc(f) == EOF;
    fclose(f);
    if (!ok) {
        snprintf(err, err_len, "%s is not a quote model of this version", path);
        quotes_model_free(m);
        return LEDE_ERR_IO;
    }
    *out = m;
    return LEDE_OK;
}

void quotes_model_free(quotes_model *m) {
    if (!m)
        return;
    bigmem_free(m->w);
    free(m);
}

lede_status quotes_model_write(const char *path, uint32_t bits, const float *w,
                               const float *trans, float margin_scale) {
    size_t n_buckets = (size_t)1 << bits;
    float top = 0;
    uint32_t n_rows = 0;
    for (size_t b = 0; b < n_buckets; b++) {
        bool any = false;
        for (int t = 0; t < QM_N_TAGS; t++) {
            float v = fabsf(w[b * QM_ROW + t]);
            top = v > top ? v : top;
            any |= v > 0;
        }
        n_rows += any;
    }
    float scale = top > 0 ? top / INT16_MAX : 1.0f;
    FILE *f = fopen(path, "wb");
    if (!f)
        return LEDE_ERR_IO;
    uint32_t n_tags = QM_N_TAGS;
    bool ok = fwrite(QM_MAGIC, 1, 8, f) == 8 && fwrite(&bits, 4, 1, f) == 1 &&
              fwrite(&n_tags, 4, 1, f) == 1 && fwrite(&scale, 4, 1, f) == 1 &&
              fwrite(&margin_scale, 4, 1, f) == 1 &&
              fwrite(trans, sizeof(float), (QM_N_TAGS + 1) * QM_N_TAGS, f) ==
                  (QM_N_TAGS + 1) * QM_N_TAGS &&
              fwrite(&n_rows, 4, 1, f) == 1;
    for (size_t b = 0; ok && b < n_buckets; b++) {
        int16_t q[QM_N_TAGS];
        bool any = false;
        for (int t = 0; t < QM_N_TAGS; t++) {
            q[t] = (int16_t)lrintf(w[b * QM_ROW + t] / scale);
            any |= w[b * QM_ROW + t] != 0;
        }
        uint32_t bucket = (uint32_t)b;
        if (any)
            ok = fwrite(&bucket, 4, 1, f) == 1 && fwrite(q, sizeof q, 1, f) == 1;
    }
    ok = fclose(f) == 0 && ok;
    return ok ? LEDE_OK : LEDE_ERR_IO;
}

float quotes_model_margin_scale(const quotes_model *m) { return m->margin_scale; }

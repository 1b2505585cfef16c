/*
 * quotes_train — the averaged perceptron behind quotes_model (see
 * quotes_train.h).
 */
#include "quotes_train.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../job.h"
#include "quotes_model.h"

/* One window to learn from: tokens [b, e) of the corpus. */
typedef struct {
    size_t b, e;
} qt_seq;

/* The corpus as the trainer keeps it: per token its features and gold tag. */
typedef struct {
    uint32_t *feat; /* QM_MAX_FEATS per token */
    uint8_t *nf;
    uint8_t *gold;
    size_t n, cap;
    qt_seq *seq;
    size_t n_seq, cap_seq;
    size_t n_docs, n_attr, n_attr_lost; /* contents outside every window */
} qt_corpus;

static bool grow(void **p, size_t *cap, size_t need, size_t size) {
    if (need <= *cap)
        return true;
    size_t nc = *cap ? *cap : 4096;
    while (nc < need)
        nc *= 2;
    void *np = realloc(*p, nc * size);
    if (!np)
        return false;
    *p = np;
    *cap = nc;
    return true;
}

static bool corpus_reserve(qt_corpus *c, size_t more) {
    size_t cap = c->cap;
    if (!grow((void **)&c->nf, &cap, c->n + more, 1))
        return false;
    cap = c->cap;
    if (!grow((void **)&c->gold, &cap, c->n + more, 1))
        return false;
    cap = c->cap;
    if (!grow((void **)&c->feat, &cap, c->n + more, QM_MAX_FEATS * sizeof *c->feat))
        return false;
    c->cap = cap;
    return true;
}

static void corpus_free(qt_corpus *c) {
    free(c->feat);
    free(c->nf);
    free(c->gold);
    free(c->seq);
}

/* ------------------------------------------------------------ gold */

static long jint(const json_t *o, const char *k) {
    const json_t *v = json_object_get(o, k);
    return json_is_integer(v) ? (long)json_integer_value(v) : -1;
}

/* Tokens of q whose code points lie in [s, e). */
static void mark_cp(const qtext *q, uint8_t *gold, long s, long e, int begin_tag,
                    bool only_empty) {
    bool first = true;
    for (size_t i = 0; i < q->n && s >= 0 && e > s; i++) {
        if (q->t[i].cb < (uint32_t)s || q->t[i].ce > (uint32_t)e)
            continue;
        if (only_empty && gold[i] != QM_O)
            continue;
        gold[i] = (uint8_t)(first ? begin_tag : begin_tag + 1);
        first = false;
    }
}

static bool nested(const json_t *quotes, size_t k) {
    long s = jint(json_array_get(quotes, k), "start"),
         e = jint(json_array_get(quotes, k), "end");
    for (size_t j = 0; j < json_array_size(quotes); j++) {
        const json_t *o = json_array_get(quotes, j);
        long os = jint(o, "start"), oe = jint(o, "end");
        if (j != k && os <= s && e <= oe && oe - os > e - s)
            return true;
    }
    return false;
}

/* A run of I-X not opened by B-X or I-X becomes B-X. */
static void fix_bio(uint8_t *gold, size_t n) {
    for (size_t i = 0; i < n; i++) {
        int prev = i ? gold[i - 1] : QM_N_TAGS;
        if (!qm_allowed(prev, gold[i]))
            gold[i] = (uint8_t)(gold[i] - 1);
    }
}

static void gold_tags(const qtext *q, const json_t *quotes, uint8_t *gold) {
    memset(gold, QM_O, q->n);
    size_t n = json_array_size(quotes);
    for (size_t k = 0; k < n; k++) {
        const json_t *o = json_array_get(quotes, k);
        if (nested(quotes, k))
            continue;
        const json_t *frags = json_object_get(o, "fragments");
        if (json_is_array(frags) && json_array_size(frags)) {
            for (size_t f = 0; f < json_array_size(frags); f++) {
                const json_t *fr = json_array_get(frags, f);
                mark_cp(q, gold, (long)json_integer_value(json_array_get(fr, 0)),
                        (long)json_integer_value(json_array_get(fr, 1)), QM_B_CON, false);
            }
        } else {
            mark_cp(q, gold, jint(o, "start"), jint(o, "end"), QM_B_CON, false);
        }
    }
    for (size_t k = 0; k < n; k++) {
        const json_t *o = json_array_get(quotes, k);
        if (nested(quotes, k))
            continue;
        mark_cp(q, gold, jint(o, "cue_start"), jint(o, "cue_end"), QM_B_CUE, true);
        mark_cp(q, gold, jint(o, "speaker_start"), jint(o, "speaker_end"), QM_B_SRC,
                true);
    }
    fix_bio(gold, q->n);
}

/* ----------------------------------------------------------- reading */

static lede_status add_doc(const lede_ctx *ctx, const json_t *doc, qt_corpus *c,
                           uint64_t mask) {
    const char *text = json_string_value(json_object_get(doc, "text"));
    const json_t *quotes = json_object_get(doc, "quotes");
    if (!text || !json_is_array(quotes))
        return LEDE_ERR_INVALID;
    lede_options opt;
    lede_options_init(&opt);
    opt.stages = LEDE_FIELD_ENTITIES;
    lede_job job;
    lede_status st = job_run_text(ctx, text, strlen(text), &opt, &job);
    if (st != LEDE_OK)
        return st;
    quotes_prep p;
    st = job.nlp.n_toks ? quotes_prepare(&job, &p) : LEDE_ERR_INVALID;
    uint8_t *gold = st == LEDE_OK ? arena_alloc(job.arena, p.q.n + 1) : NULL;
    if (st == LEDE_OK && !gold)
        st = LEDE_ERR_NOMEM;
    if (st != LEDE_OK) {
        job_discard(&job);
        return st;
    }
    gold_tags(&p.q, quotes, gold);
    uint64_t f[QM_MAX_FEATS];
    for (size_t w = 0; st == LEDE_OK && w < p.in.n_wins; w++) {
        size_t wb = p.in.win[w].b, we = p.in.win[w].e;
        size_t cap_seq = c->cap_seq;
        if (!corpus_reserve(c, we - wb) ||
            !grow((void **)&c->seq, &cap_seq, c->n_seq + 1, sizeof *c->seq)) {
            st = LEDE_ERR_NOMEM;
            break;
        }
        c->cap_seq = cap_seq;
        c->seq[c->n_seq++] = (qt_seq){c->n, c->n + (we - wb)};
        for (size_t i = wb; i < we; i++) {
            size_t nf = qm_features(&p.in, i, f);
            for (size_t k = 0; k < nf; k++)
                c->feat[c->n * QM_MAX_FEATS + k] = (uint32_t)(f[k] & mask);
            c->nf[c->n] = (uint8_t)nf;
            c->gold[c->n++] = gold[i];
            gold[i] = QM_O; /* seen */
        }
    }
    for (size_t i = 0; i < p.q.n; i++)
        c->n_attr_lost += gold[i] == QM_B_CON;
    c->n_attr += json_array_size(quotes);
    c->n_docs++;
    job_discard(&job);
    return st;
}

static lede_status read_corpus(const lede_ctx *ctx, const char *path, uint64_t mask,
                               qt_corpus *c, FILE *log) {
    FILE *f = fopen(path, "r");
    if (!f)
        return LEDE_ERR_IO;
    char *line = NULL;
    size_t cap = 0;
    lede_status st = LEDE_OK;
    while (st == LEDE_OK && getline(&line, &cap, f) > 0) {
        json_error_t err;
        json_t *doc = json_loads(line, 0, &err);
        if (!doc) {
            if (log)
                fprintf(log, "train-quotes: %s:%d: %s\n", path, err.line, err.text);
            st = LEDE_ERR_INVALID;
            break;
        }
        st = add_doc(ctx, doc, c, mask);
        json_decref(doc);
    }
    free(line);
    fclose(f);
    return st;
}

/* ---------------------------------------------------------- learning */

typedef struct {
    float *w;  /* weights */
    double *u; /* their time-weighted sums, for averaging */
    float trans[(QM_N_TAGS + 1) * QM_N_TAGS];
    double trans_u[(QM_N_TAGS + 1) * QM_N_TAGS];
    double c; /* updates so far + 1 */
} qt_weights;

static void emissions(const qt_corpus *c, const float *w, size_t b, size_t e,
                      float *emit) {
    for (size_t i = b; i < e; i++) {
        float *out = emit + (i - b) * QM_ROW;
        memset(out, 0, QM_ROW * sizeof *out);
        const uint32_t *f = c->feat + i * QM_MAX_FEATS;
        for (size_t k = 0; k < c->nf[i]; k++) {
            const float *row = w + (size_t)f[k] * QM_ROW;
            for (int t = 0; t < QM_ROW; t++)
                out[t] += row[t];
        }
    }
}

static void bump(float *w, double *u, size_t at, float by, double c) {
    w[at] += by;
    u[at] += c * by;
}

/* One perceptron step on a paragraph; returns the tokens it got wrong. */
static size_t learn_seq(const qt_corpus *c, qt_weights *m, const qt_seq *s, float *emit,
                        uint8_t *back, uint8_t *pred) {
    size_t n = s->e - s->b;
    emissions(c, m->w, s->b, s->e, emit);
    qm_viterbi(emit, n, m->trans, back, pred);
    const uint8_t *gold = c->gold + s->b;
    size_t wrong = 0;
    for (size_t i = 0; i < n; i++) {
        int gp = i ? gold[i - 1] : -1, pp = i ? pred[i - 1] : -1;
        if (gold[i] != pred[i]) {
            wrong++;
            const uint32_t *f = c->feat + (s->b + i) * QM_MAX_FEATS;
            for (size_t k = 0; k < c->nf[s->b + i]; k++) {
                bump(m->w, m->u, (size_t)f[k] * QM_ROW + gold[i], 1, m->c);
                bump(m->w, m->u, (size_t)f[k] * QM_ROW + pred[i], -1, m->c);
            }
        }
        if (gold[i] != pred[i] || gp != pp) {
            bump(m->trans, m->trans_u, (size_t)(gp + 1) * QM_N_TAGS + gold[i], 1, m->c);
            bump(m->trans, m->trans_u, (size_t)(pp + 1) * QM_N_TAGS + pred[i], -1, m->c);
        }
    }
    m->c += 1;
    return wrong;
}

static uint64_t next_rand(uint64_t *s) {
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void shuffle(size_t *order, size_t n, uint64_t *rng) {
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(next_rand(rng) % i);
        size_t t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
}

/* Averages in place: w - u / c. */
static void average(qt_weights *m, size_t n_w) {
    for (size_t i = 0; i < n_w; i++)
        m->w[i] -= (float)(m->u[i] / m->c);
    for (size_t i = 0; i < N_OF(m->trans); i++)
        m->trans[i] -= (float)(m->trans_u[i] / m->c);
}

/* Mean margin of the averaged model's non-O tags on the training data. */
static float margin_scale(const qt_corpus *c, const qt_weights *m, float *emit,
                          uint8_t *back, uint8_t *pred) {
    double sum = 0;
    size_t n = 0;
    for (size_t s = 0; s < c->n_seq; s++) {
        const qt_seq *q = &c->seq[s];
        emissions(c, m->w, q->b, q->e, emit);
        qm_viterbi(emit, q->e - q->b, m->trans, back, pred);
        for (size_t i = 0; i < q->e - q->b; i++) {
            if (pred[i] == QM_O)
                continue;
            const float *e = emit + i * QM_ROW;
            float other = -INFINITY;
            for (int t = 0; t < QM_N_TAGS; t++)
                if (t != pred[i] && e[t] > other)
                    other = e[t];
            sum += e[pred[i]] - other;
            n++;
        }
    }
    return n && sum > 0 ? (float)(sum / (double)n) : 1.0f;
}

lede_status quotes_train(const lede_ctx *ctx, const quotes_train_opts *o, FILE *log) {
    if (o->bits < 8 || o->bits > 24 || !o->epochs)
        return LEDE_ERR_INVALID;
    uint64_t mask = ((uint64_t)1 << o->bits) - 1;
    qt_corpus c = {0};
    lede_status st = read_corpus(ctx, o->train_path, mask, &c, log);
    if (st == LEDE_OK && !c.n_seq)
        st = LEDE_ERR_INVALID;
    if (st != LEDE_OK) {
        corpus_free(&c);
        return st;
    }
    if (log)
        fprintf(log,
                "train-quotes: %zu articles, %zu attributions (%zu outside the "
                "decoded windows), %zu paragraphs, %zu tokens\n",
                c.n_docs, c.n_attr, c.n_attr_lost, c.n_seq, c.n);
    size_t n_w = ((size_t)1 << o->bits) * QM_ROW, longest = 0;
    for (size_t s = 0; s < c.n_seq; s++)
        longest = c.seq[s].e - c.seq[s].b > longest ? c.seq[s].e - c.seq[s].b : longest;
    qt_weights m = {.c = 1};
    m.w = calloc(n_w, sizeof *m.w);
    m.u = calloc(n_w, sizeof *m.u);
    float *emit = malloc((longest + 1) * QM_ROW * sizeof *emit);
    uint8_t *back = malloc((longest + 1) * QM_N_TAGS);
    uint8_t *pred = malloc(longest + 1);
    size_t *order = malloc(c.n_seq * sizeof *order);
    if (!m.w || !m.u || !emit || !back || !pred || !order)
        st = LEDE_ERR_NOMEM;
    uint64_t rng = o->seed ? o->seed : 1;
    for (size_t s = 0; st == LEDE_OK && s < c.n_seq; s++)
        order[s] = s;
    for (unsigned ep = 0; st == LEDE_OK && ep < o->epochs; ep++) {
        shuffle(order, c.n_seq, &rng);
        size_t wrong = 0;
        for (size_t s = 0; s < c.n_seq; s++)
            wrong += learn_seq(&c, &m, &c.seq[order[s]], emit, back, pred);
        if (log)
            fprintf(log, "train-quotes: epoch %u: token accuracy %.4f\n", ep + 1,
                    1.0 - (double)wrong / (double)c.n);
    }
    if (st == LEDE_OK) {
        average(&m, n_w);
        float ms = margin_scale(&c, &m, emit, back, pred);
        st = quotes_model_write(o->out_path, o->bits, m.w, m.trans, ms);
        if (log && st == LEDE_OK)
            fprintf(log, "train-quotes: wrote %s (margin scale %.3f)\n", o->out_path, ms);
    }
    free(m.w);
    free(m.u);
    free(emit);
    free(back);
    free(pred);
    free(order);
    corpus_free(&c);
    return st;
}

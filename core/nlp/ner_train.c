/* Structured averaged perceptron training for the entity model. */
#include "ner_train.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ner_hash.h"

/* Biggest CoNLL file accepted. */
#define TRAIN_MAX_FILE (512u << 20)

/* ---------------------------------------------------------------- corpus */

static lede_status read_all(const char *path, char **out, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return LEDE_ERR_IO;
    lede_status st = LEDE_OK;
    long size = -1;
    if (fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    char *buf = NULL;
    if (size < 0 || (unsigned long)size > TRAIN_MAX_FILE || fseek(f, 0, SEEK_SET))
        st = LEDE_ERR_IO;
    else if (!(buf = malloc((size_t)size + 1)))
        st = LEDE_ERR_NOMEM;
    else if (fread(buf, 1, (size_t)size, f) != (size_t)size)
        st = LEDE_ERR_IO;
    fclose(f);
    if (st != LEDE_OK) {
        free(buf);
        return st;
    }
    buf[size] = '\0';
    *out = buf;
    *len = (size_t)size;
    return LEDE_OK;
}

static const char DOCSTART[] = "-DOCSTART-";

lede_status ner_corpus_read(const char *path, ner_corpus *c) {
    memset(c, 0, sizeof *c);
    size_t len;
    lede_status st = read_all(path, &c->buf, &len);
    if (st != LEDE_OK)
        return st;
    size_t lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += c->buf[i] == '\n';
    c->words = malloc(lines * sizeof *c->words);
    c->tags = malloc(lines);
    c->sent_begin = malloc((lines + 1) * sizeof *c->sent_begin);
    c->doc_start = malloc(lines + 1);
    if (!c->words || !c->tags || !c->sent_begin || !c->doc_start) {
        ner_corpus_free(c);
        return LEDE_ERR_NOMEM;
    }
    bool in_sent = false, new_doc = true;
    char *p = c->buf, *end = c->buf + len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *eol = nl ? nl : end;
        char *q = eol;
        while (q > p && (q[-1] == '\r' || q[-1] == ' ' || q[-1] == '\t'))
            q--;
        size_t tok_len = strcspn(p, " \t\n");
        if (p + tok_len > q)
            tok_len = (size_t)(q - p);
        bool docstart = tok_len == sizeof DOCSTART - 1 && !memcmp(p, DOCSTART, tok_len);
        if (q == p || docstart) {
            in_sent = false;
            new_doc |= docstart;
        } else {
            char *tag = q;
            while (tag > p && tag[-1] != ' ' && tag[-1] != '\t')
                tag--;
            if (!in_sent) {
                c->doc_start[c->n_sents] = new_doc;
                c->sent_begin[c->n_sents++] = c->n_words;
                in_sent = true;
                new_doc = false;
            }
            c->words[c->n_words] = (ner_word){p, tok_len};
            c->tags[c->n_words] = (uint8_t)ner_tag_parse(tag, (size_t)(q - tag));
            c->n_words++;
        }
        p = eol + 1;
    }
    c->sent_begin[c->n_sents] = c->n_words;
    return LEDE_OK;
}

void ner_corpus_free(ner_corpus *c) {
    free(c->buf);
    free(c->words);
    free(c->tags);
    free(c->sent_begin);
    free(c->doc_start);
    memset(c, 0, sizeof *c);
}

/* ---------------------------------------------------------------- scoring */

/* The end (exclusive) of the span starting at i, conlleval style. */
static size_t span_end(const uint8_t *t, size_t n, size_t i) {
    int type = (t[i] - 1) / 2;
    size_t j = i + 1;
    while (j < n && t[j] != NER_O && !ner_tag_is_begin((ner_tag)t[j]) &&
           (t[j] - 1) / 2 == type)
        j++;
    return j;
}

static bool span_starts(const uint8_t *t, size_t i) {
    if (t[i] == NER_O)
        return false;
    if (ner_tag_is_begin((ner_tag)t[i]) || i == 0 || t[i - 1] == NER_O)
        return true;
    return (t[i - 1] - 1) / 2 != (t[i] - 1) / 2;
}

void ner_span_count(const uint8_t *gold, const uint8_t *pred, size_t n,
                    ner_span_counts *out) {
    for (size_t i = 0; i < n; i++) {
        bool g = span_starts(gold, i), p = span_starts(pred, i);
        out->gold += g;
        out->pred += p;
        if (g && p && (gold[i] - 1) / 2 == (pred[i] - 1) / 2 &&
            span_end(gold, n, i) == span_end(pred, n, i))
            out->correct++;
    }
}

/* ---------------------------------------------------------------- training */

typedef struct {
    ner_corpus corpus;
    float weight;
} train_set;

typedef struct {
    const ner_word *words;
    uint8_t *gold;
    size_t n;
    size_t feat_begin; /* into the flat bucket array */
    float weight;
    bool doc_start; /* first sentence of a document */
} train_sent;

typedef struct {
    uint32_t bits;
    float *w, *u; /* weights and their time-weighted sums, [bucket][tag] */
    float tw[NER_N_TAGS + 1][NER_N_TAGS], tu[NER_N_TAGS + 1][NER_N_TAGS];
    double c; /* update clock */
} perceptron;

/* Leading words that a title-heavy corpus puts into person mentions. */
static void trim_person_spans(const gazetteer *g, const ner_word *words, uint8_t *tags,
                              size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (tags[i] != NER_B_PER)
            continue;
        size_t end = span_end(tags, n, i), k = i;
        while (k + 1 < end) {
            uint64_t h = ner_hash_bytes(words[k].s, words[k].len, 1);
            uint16_t m = ner_gaz_lookup(g, &h, 1);
            if (m & NER_GAZ_TITLE)
                tags[k] = NER_O;
            else if ((m & NER_GAZ_DEMONYM) && k == i)
                tags[k] = NER_B_MISC;
            else
                break;
            k++;
        }
        if (k > i)
            tags[k] = NER_B_PER;
        i = end - 1;
    }
}

/* Features of every sentence, as buckets, computed once, document by
 * document (a document's sentences are consecutive and their words too). */
static lede_status extract_all(const gazetteer *g, uint32_t bits, train_sent *sents,
                               size_t n_sents, uint32_t **buckets_out, uint16_t **nf_out,
                               ner_tokinfo **info_out) {
    size_t total = 0, max_doc = 0, doc = 0, max_doc_sents = 0, doc_sents = 0;
    for (size_t s = 0; s < n_sents; s++) {
        total += sents[s].n;
        if (sents[s].doc_start)
            doc = doc_sents = 0;
        doc += sents[s].n;
        doc_sents++;
        max_doc = doc > max_doc ? doc : max_doc;
        max_doc_sents = doc_sents > max_doc_sents ? doc_sents : max_doc_sents;
    }
    uint32_t *buckets = malloc(total * NER_MAX_FEATS * sizeof *buckets + 1);
    uint16_t *nf = malloc(total * sizeof *nf + 1);
    ner_tokinfo *info = malloc(max_doc * sizeof *info + 1);
    size_t tmp_size = ner_prepare_tmp_size(max_doc) > ner_doc_tmp_size(max_doc)
                          ? ner_prepare_tmp_size(max_doc)
                          : ner_doc_tmp_size(max_doc);
    void *tmp = malloc(tmp_size + 8);
    size_t *sent_begin = malloc((max_doc_sents + 1) * sizeof *sent_begin);
    ner_tokinfo *all_info = malloc(total * sizeof *all_info + 1);
    if (!buckets || !nf || !info || !tmp || !sent_begin || !all_info) {
        free(all_info);
        free(buckets);
        free(nf);
        free(info);
        free(tmp);
        free(sent_begin);
        return LEDE_ERR_NOMEM;
    }
    size_t tok = 0;
    uint64_t feats[NER_MAX_FEATS];
    for (size_t d = 0; d < n_sents;) {
        size_t e = d + 1;
        while (e < n_sents && !sents[e].doc_start)
            e++;
        const ner_word *base = sents[d].words;
        for (size_t s = d; s < e; s++) {
            sent_begin[s - d] = (size_t)(sents[s].words - base);
            ner_prepare(g, sents[s].words, sents[s].n, info + sent_begin[s - d], tmp);
        }
        sent_begin[e - d] = sent_begin[e - d - 1] + sents[e - 1].n;
        ner_doc_mark(info, sent_begin, e - d, tmp);
        for (size_t s = d; s < e; s++) {
            train_sent *ts = &sents[s];
            const ner_tokinfo *si = info + sent_begin[s - d];
            bool caps = ner_caps_sentence(si, ts->n);
            ts->feat_begin = tok;
            for (size_t i = 0; i < ts->n; i++, tok++) {
                all_info[tok] = si[i];
                size_t k = ner_features(ts->words, si, ts->n, i, caps, feats);
                nf[tok] = (uint16_t)k;
                for (size_t f = 0; f < k; f++)
                    buckets[tok * NER_MAX_FEATS + f] = ner_bucket(feats[f], bits);
            }
        }
        d = e;
    }
    free(info);
    free(tmp);
    free(sent_begin);
    *buckets_out = buckets;
    *nf_out = nf;
    *info_out = all_info;
    return LEDE_OK;
}

static void emissions(const float *w, const uint32_t *buckets, const uint16_t *nf,
                      size_t first_tok, size_t n, float *em) {
    for (size_t i = 0; i < n; i++) {
        float *e = em + i * NER_N_TAGS;
        memset(e, 0, NER_N_TAGS * sizeof *e);
        const uint32_t *b = buckets + (first_tok + i) * NER_MAX_FEATS;
        for (size_t f = 0; f < nf[first_tok + i]; f++) {
            const float *row = w + (size_t)b[f] * NER_N_TAGS;
            for (int t = 0; t < NER_N_TAGS; t++)
                e[t] += row[t];
        }
    }
}

static void update_token(perceptron *p, const uint32_t *b, size_t nf, int tag, float d) {
    float du = (float)(p->c * d);
    for (size_t f = 0; f < nf; f++) {
        size_t at = (size_t)b[f] * NER_N_TAGS + (size_t)tag;
        p->w[at] += d;
        p->u[at] += du;
    }
}

static void update_trans(perceptron *p, int from, int to, float d) {
    p->tw[from][to] += d;
    p->tu[from][to] += (float)(p->c * d);
}

/* One perceptron step on a sentence; returns true when it made a mistake. */
static bool train_step(perceptron *p, const train_sent *s, const uint32_t *buckets,
                       const uint16_t *nf, float *em, uint8_t *back, uint8_t *pred) {
    emissions(p->w, buckets, nf, s->feat_begin, s->n, em);
    ner_viterbi(em, p->tw, s->n, back, pred);
    bool wrong = memcmp(pred, s->gold, s->n) != 0;
    if (wrong) {
        for (size_t i = 0; i < s->n; i++) {
            int gp = i ? s->gold[i - 1] : NER_START, pp = i ? pred[i - 1] : NER_START;
            if (s->gold[i] != pred[i]) {
                const uint32_t *b = buckets + (s->feat_begin + i) * NER_MAX_FEATS;
                update_token(p, b, nf[s->feat_begin + i], s->gold[i], s->weight);
                update_token(p, b, nf[s->feat_begin + i], pred[i], -s->weight);
            }
            if (s->gold[i] != pred[i] || gp != pp) {
                update_trans(p, gp, s->gold[i], s->weight);
                update_trans(p, pp, pred[i], -s->weight);
            }
        }
    }
    p->c += 1;
    return wrong;
}

/* The averaged weights: w - u / c. */
static void average(const perceptron *p, float *aw,
                    float at[NER_N_TAGS + 1][NER_N_TAGS]) {
    size_t n = ((size_t)1 << p->bits) * NER_N_TAGS;
    float inv = (float)(1.0 / p->c);
    for (size_t i = 0; i < n; i++)
        aw[i] = p->w[i] - p->u[i] * inv;
    for (int a = 0; a <= NER_N_TAGS; a++)
        for (int b = 0; b < NER_N_TAGS; b++)
            at[a][b] = p->tw[a][b] - p->tu[a][b] * inv;
}

static uint64_t xorshift(uint64_t *s) {
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

/* Span F1 of the averaged weights on the dev sentences. */
static double dev_f1(const float *aw, const float at[NER_N_TAGS + 1][NER_N_TAGS],
                     const train_sent *dev, size_t n_dev, const uint32_t *buckets,
                     const uint16_t *nf, float *em, uint8_t *back, uint8_t *pred) {
    ner_span_counts c = {0};
    for (size_t s = 0; s < n_dev; s++) {
        emissions(aw, buckets, nf, dev[s].feat_begin, dev[s].n, em);
        ner_viterbi(em, at, dev[s].n, back, pred);
        ner_span_count(dev[s].gold, pred, dev[s].n, &c);
    }
    double prec = c.pred ? (double)c.correct / (double)c.pred : 0;
    double rec = c.gold ? (double)c.correct / (double)c.gold : 0;
    return prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0;
}

static size_t collect_sents(const ner_corpus *c, float weight, train_sent *out) {
    for (size_t s = 0; s < c->n_sents; s++) {
        size_t b = c->sent_begin[s];
        out[s] = (train_sent){c->words + b, c->tags + b,    c->sent_begin[s + 1] - b, 0,
                              weight,       c->doc_start[s]};
    }
    return c->n_sents;
}

typedef struct {
    train_set *sets;
    size_t n_sets;
    ner_corpus dev;
    train_sent *sents, *dev_sents;
    size_t n_sents, n_dev;
    uint32_t *buckets, *dev_buckets;
    uint16_t *nf, *dev_nf;
    uint16_t *nf2, *dev_nf2; /* with the second-stage features */
    ner_tokinfo *info, *dev_info;
    uint8_t *tags1, *dev_tags1; /* first-stage tags per token */
    size_t n_tokens, n_dev_tokens;
    char *lower_buf;       /* text of the lower-cased copies */
    ner_word *lower_words; /* their words */
    perceptron p;
    float *aw;
    float *em;
    uint8_t *back, *pred;
    size_t *order;
} trainer;

static void trainer_free(trainer *t) {
    for (size_t i = 0; i < t->n_sets; i++)
        ner_corpus_free(&t->sets[i].corpus);
    free(t->sets);
    ner_corpus_free(&t->dev);
    free(t->sents);
    free(t->dev_sents);
    free(t->buckets);
    free(t->dev_buckets);
    free(t->nf);
    free(t->dev_nf);
    free(t->nf2);
    free(t->dev_nf2);
    free(t->info);
    free(t->dev_info);
    free(t->tags1);
    free(t->dev_tags1);
    free(t->lower_buf);
    free(t->lower_words);
    free(t->p.w);
    free(t->p.u);
    free(t->aw);
    free(t->em);
    free(t->back);
    free(t->pred);
    free(t->order);
}

/* Informal text often drops capitals: a lower-cased copy of every Nth
 * sentence, as a document of its own, teaches the tagger such text. */
static lede_status add_lower_copies(trainer *t, unsigned every) {
    size_t n_copies = 0, n_words = 0, n_bytes = 0;
    for (size_t s = 0; s < t->n_sents; s += every) {
        n_copies++;
        n_words += t->sents[s].n;
        for (size_t i = 0; i < t->sents[s].n; i++)
            n_bytes += t->sents[s].words[i].len;
    }
    t->lower_buf = malloc(n_bytes + 1);
    t->lower_words = malloc(n_words * sizeof *t->lower_words + 1);
    if (!t->lower_buf || !t->lower_words)
        return LEDE_ERR_NOMEM;
    char *b = t->lower_buf;
    ner_word *w = t->lower_words;
    size_t n_orig = t->n_sents;
    for (size_t s = 0; s < n_orig; s += every) {
        train_sent copy = t->sents[s];
        copy.words = w;
        copy.doc_start = true;
        for (size_t i = 0; i < copy.n; i++) {
            const ner_word *src = &t->sents[s].words[i];
            for (size_t k = 0; k < src->len; k++)
                b[k] = (char)ner_lower_byte((unsigned char)src->s[k]);
            *w++ = (ner_word){b, src->len};
            b += src->len;
        }
        t->sents[t->n_sents++] = copy;
    }
    return LEDE_OK;
}

static lede_status trainer_load(trainer *t, const ner_train_opts *o, FILE *log) {
    t->sets = calloc(o->n_files, sizeof *t->sets);
    if (!t->sets)
        return LEDE_ERR_NOMEM;
    size_t n_sents = 0, max_n = 1;
    for (size_t i = 0; i < o->n_files; i++, t->n_sets++) {
        lede_status st = ner_corpus_read(o->files[i].path, &t->sets[i].corpus);
        if (st != LEDE_OK) {
            if (log)
                fprintf(log, "train-ner: cannot read %s\n", o->files[i].path);
            return st;
        }
        ner_corpus *c = &t->sets[i].corpus;
        if (o->files[i].trim_mentions)
            for (size_t s = 0; s < c->n_sents; s++)
                trim_person_spans(o->gaz, c->words + c->sent_begin[s],
                                  c->tags + c->sent_begin[s],
                                  c->sent_begin[s + 1] - c->sent_begin[s]);
        n_sents += c->n_sents;
        if (log)
            fprintf(log, "train-ner: %s: %zu sentences, %zu tokens, weight %.2f\n",
                    o->files[i].path, c->n_sents, c->n_words, o->files[i].weight);
    }
    /* Room for the lower-cased copies too. */
    size_t extra = o->lower_every ? n_sents / o->lower_every + 1 : 0;
    t->sents = malloc((n_sents + extra) * sizeof *t->sents + 1);
    if (!t->sents)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < t->n_sets; i++)
        t->n_sents +=
            collect_sents(&t->sets[i].corpus, o->files[i].weight, t->sents + t->n_sents);
    if (o->lower_every) {
        lede_status st = add_lower_copies(t, o->lower_every);
        if (st != LEDE_OK)
            return st;
    }
    if (o->dev_path) {
        lede_status st = ner_corpus_read(o->dev_path, &t->dev);
        if (st != LEDE_OK)
            return st;
        t->dev_sents = malloc(t->dev.n_sents * sizeof *t->dev_sents + 1);
        if (!t->dev_sents)
            return LEDE_ERR_NOMEM;
        t->n_dev = collect_sents(&t->dev, 1, t->dev_sents);
    }
    for (size_t s = 0; s < t->n_sents; s++)
        max_n = t->sents[s].n > max_n ? t->sents[s].n : max_n;
    for (size_t s = 0; s < t->n_dev; s++)
        max_n = t->dev_sents[s].n > max_n ? t->dev_sents[s].n : max_n;
    t->em = malloc(max_n * NER_N_TAGS * sizeof *t->em);
    t->back = malloc(max_n * NER_N_TAGS);
    t->pred = malloc(max_n);
    t->order = malloc(t->n_sents * sizeof *t->order + 1);
    if (!t->em || !t->back || !t->pred || !t->order)
        return LEDE_ERR_NOMEM;
    return LEDE_OK;
}

/* Trains the perceptron from zero on the sentences listed in subset (indices
 * into t->sents) with feature counts nf; leaves the averaged weights in t->aw
 * and at. With dev_nf, logs the dev F1 after each epoch. */
static void train_run(trainer *t, const ner_train_opts *o, const size_t *subset,
                      size_t n_sub, const uint16_t *nf, const uint16_t *dev_nf,
                      const char *label, FILE *log, double t0,
                      float at[NER_N_TAGS + 1][NER_N_TAGS]) {
    size_t n_w = ((size_t)1 << o->bits) * NER_N_TAGS;
    memset(t->p.w, 0, n_w * sizeof *t->p.w);
    memset(t->p.u, 0, n_w * sizeof *t->p.u);
    memset(t->p.tw, 0, sizeof t->p.tw);
    memset(t->p.tu, 0, sizeof t->p.tu);
    t->p.c = 1;
    uint64_t rng = o->seed ? o->seed : 1;
    memcpy(t->order, subset, n_sub * sizeof *subset);
    for (unsigned e = 0; e < o->epochs; e++) {
        for (size_t s = n_sub; s > 1; s--) {
            size_t j = (size_t)(xorshift(&rng) % s);
            size_t x = t->order[s - 1];
            t->order[s - 1] = t->order[j];
            t->order[j] = x;
        }
        size_t wrong = 0;
        for (size_t s = 0; s < n_sub; s++)
            wrong += train_step(&t->p, &t->sents[t->order[s]], t->buckets, nf, t->em,
                                t->back, t->pred);
        if (log && dev_nf) {
            average(&t->p, t->aw, at);
            fprintf(log,
                    "train-ner: %s epoch %u: %zu/%zu sentences wrong, dev F1 %.4f "
                    "(%.1f s)\n",
                    label, e + 1, wrong, n_sub,
                    dev_f1(t->aw, at, t->dev_sents, t->n_dev, t->dev_buckets, dev_nf,
                           t->em, t->back, t->pred),
                    (double)clock() / CLOCKS_PER_SEC - t0);
        }
    }
    average(&t->p, t->aw, at);
}

/* Tags the listed sentences with the averaged weights; tags go to out[token]. */
static void predict(trainer *t, const train_sent *sents, const size_t *subset,
                    size_t n_sub, const uint32_t *buckets, const uint16_t *nf,
                    const float at[NER_N_TAGS + 1][NER_N_TAGS], uint8_t *out) {
    for (size_t k = 0; k < n_sub; k++) {
        const train_sent *s = &sents[subset ? subset[k] : k];
        emissions(t->aw, buckets, nf, s->feat_begin, s->n, t->em);
        ner_viterbi(t->em, at, s->n, t->back, out + s->feat_begin);
    }
}

/* Appends the second-stage features from first-stage tags, document by
 * document (a document's tokens are consecutive). */
static lede_status add_history(const train_sent *sents, size_t n_sents,
                               const ner_tokinfo *info, const uint8_t *tags1,
                               uint32_t bits, uint32_t *buckets, const uint16_t *nf,
                               uint16_t *nf2, size_t n_tokens) {
    uint16_t *hist = malloc(n_tokens * sizeof *hist + 1);
    void *tmp = malloc(ner_hist_tmp_size(n_tokens) + 8);
    if (!hist || !tmp) {
        free(hist);
        free(tmp);
        return LEDE_ERR_NOMEM;
    }
    for (size_t d = 0; d < n_sents;) {
        size_t e = d + 1;
        while (e < n_sents && !sents[e].doc_start)
            e++;
        size_t b = sents[d].feat_begin, n = sents[e - 1].feat_begin + sents[e - 1].n - b;
        ner_hist_mark(info + b, tags1 + b, n, tmp, hist + b);
        d = e;
    }
    uint64_t feats[NER_MAX_HIST_FEATS];
    for (size_t k = 0; k < n_tokens; k++) {
        size_t h = ner_hist_features(hist[k], feats);
        for (size_t f = 0; f < h; f++)
            buckets[k * NER_MAX_FEATS + nf[k] + f] = ner_bucket(feats[f], bits);
        nf2[k] = (uint16_t)(nf[k] + h);
    }
    free(hist);
    free(tmp);
    return LEDE_OK;
}

/* Folds for the first-stage tags the second stage trains on: each document's
 * tags come from a model that did not see it. */
#define TRAIN_FOLDS 4

static lede_status train_second_stage(trainer *t, const ner_train_opts *o, FILE *log,
                                      double t0,
                                      const float at1[NER_N_TAGS + 1][NER_N_TAGS],
                                      float at[NER_N_TAGS + 1][NER_N_TAGS]) {
    /* Dev tags from the full first stage, whose weights are in t->aw now. */
    if (t->n_dev)
        predict(t, t->dev_sents, NULL, t->n_dev, t->dev_buckets, t->dev_nf, at1,
                t->dev_tags1);
    size_t *fold_of = malloc(t->n_sents * sizeof *fold_of + 1);
    size_t *train_idx = malloc(t->n_sents * sizeof *train_idx + 1);
    size_t *held_idx = malloc(t->n_sents * sizeof *held_idx + 1);
    if (!fold_of || !train_idx || !held_idx) {
        free(fold_of);
        free(train_idx);
        free(held_idx);
        return LEDE_ERR_NOMEM;
    }
    size_t doc = 0;
    for (size_t s = 0; s < t->n_sents; s++) {
        if (s && t->sents[s].doc_start)
            doc++;
        fold_of[s] = doc % TRAIN_FOLDS;
    }
    float atk[NER_N_TAGS + 1][NER_N_TAGS];
    for (size_t k = 0; k < TRAIN_FOLDS; k++) {
        size_t n_train = 0, n_held = 0;
        for (size_t s = 0; s < t->n_sents; s++) {
            if (fold_of[s] == k)
                held_idx[n_held++] = s;
            else
                train_idx[n_train++] = s;
        }
        char label[32];
        snprintf(label, sizeof label, "fold %zu", k + 1);
        train_run(t, o, train_idx, n_train, t->nf, NULL, label, log, t0, atk);
        predict(t, t->sents, held_idx, n_held, t->buckets, t->nf, atk, t->tags1);
        if (log)
            fprintf(log, "train-ner: fold %zu/%d tagged (%.1f s)\n", k + 1, TRAIN_FOLDS,
                    (double)clock() / CLOCKS_PER_SEC - t0);
    }
    free(fold_of);
    free(held_idx);
    lede_status st = add_history(t->sents, t->n_sents, t->info, t->tags1, o->bits,
                                 t->buckets, t->nf, t->nf2, t->n_tokens);
    if (st == LEDE_OK && t->n_dev)
        st = add_history(t->dev_sents, t->n_dev, t->dev_info, t->dev_tags1, o->bits,
                         t->dev_buckets, t->dev_nf, t->dev_nf2, t->n_dev_tokens);
    if (st == LEDE_OK) {
        for (size_t s = 0; s < t->n_sents; s++)
            train_idx[s] = s;
        train_run(t, o, train_idx, t->n_sents, t->nf2, t->n_dev ? t->dev_nf2 : NULL,
                  "stage 2", log, t0, at);
    }
    free(train_idx);
    return st;
}

static size_t count_tokens(const train_sent *sents, size_t n) {
    size_t total = 0;
    for (size_t s = 0; s < n; s++)
        total += sents[s].n;
    return total;
}

lede_status ner_train(const ner_train_opts *o, FILE *log) {
    trainer t;
    memset(&t, 0, sizeof t);
    double t0 = (double)clock() / CLOCKS_PER_SEC;
    lede_status st = trainer_load(&t, o, log);
    if (st == LEDE_OK)
        st = extract_all(o->gaz, o->bits, t.sents, t.n_sents, &t.buckets, &t.nf, &t.info);
    if (st == LEDE_OK && t.n_dev)
        st = extract_all(o->gaz, o->bits, t.dev_sents, t.n_dev, &t.dev_buckets, &t.dev_nf,
                         &t.dev_info);
    size_t n_w = ((size_t)1 << o->bits) * NER_N_TAGS;
    t.n_tokens = count_tokens(t.sents, t.n_sents);
    t.n_dev_tokens = count_tokens(t.dev_sents, t.n_dev);
    if (st == LEDE_OK) {
        t.p.bits = o->bits;
        t.p.w = calloc(n_w, sizeof *t.p.w);
        t.p.u = calloc(n_w, sizeof *t.p.u);
        t.aw = malloc(n_w * sizeof *t.aw);
        t.nf2 = malloc(t.n_tokens * sizeof *t.nf2 + 1);
        t.dev_nf2 = malloc(t.n_dev_tokens * sizeof *t.dev_nf2 + 1);
        t.tags1 = malloc(t.n_tokens + 1);
        t.dev_tags1 = malloc(t.n_dev_tokens + 1);
        if (!t.p.w || !t.p.u || !t.aw || !t.nf2 || !t.dev_nf2 || !t.tags1 || !t.dev_tags1)
            st = LEDE_ERR_NOMEM;
    }
    size_t *all = st == LEDE_OK ? malloc(t.n_sents * sizeof *all + 1) : NULL;
    if (st == LEDE_OK && !all)
        st = LEDE_ERR_NOMEM;
    FILE *f = NULL;
    if (st == LEDE_OK && !(f = fopen(o->out_path, "wb")))
        st = LEDE_ERR_IO;
    if (st != LEDE_OK) {
        free(all);
        trainer_free(&t);
        return st;
    }
    for (size_t s = 0; s < t.n_sents; s++)
        all[s] = s;
    float at1[NER_N_TAGS + 1][NER_N_TAGS], at2[NER_N_TAGS + 1][NER_N_TAGS];
    train_run(&t, o, all, t.n_sents, t.nf, t.n_dev ? t.dev_nf : NULL, "stage 1", log, t0,
              at1);
    free(all);
    size_t n1 = 0, n2 = 0;
    st = ner_model_fwrite(f, o->bits, t.aw, at1, &n1);
    if (st == LEDE_OK && o->stages > 1) {
        st = train_second_stage(&t, o, log, t0, at1, at2);
        if (st == LEDE_OK)
            st = ner_model_fwrite(f, o->bits, t.aw, at2, &n2);
    }
    if (fclose(f) != 0 && st == LEDE_OK)
        st = LEDE_ERR_IO;
    if (log)
        fprintf(log,
                "train-ner: wrote %s (%zu + %zu non-empty buckets of %zu), %.1f s CPU\n",
                o->out_path, n1, n2, (size_t)1 << o->bits,
                (double)clock() / CLOCKS_PER_SEC - t0);
    trainer_free(&t);
    return st;
}

/* The tagger's model: features, Viterbi, and the model file format. */
#include "ner_model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner_hash.h"

const char *const ner_tag_names[NER_N_TAGS] = {
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
};

ner_tag ner_tag_parse(const char *s, size_t len) {
    for (int t = 0; t < NER_N_TAGS; t++)
        if (strlen(ner_tag_names[t]) == len && !memcmp(ner_tag_names[t], s, len))
            return (ner_tag)t;
    return NER_O;
}

lede_entity_type ner_tag_type(ner_tag t) {
    static const lede_entity_type types[] = {LEDE_ENT_PERSON, LEDE_ENT_ORG, LEDE_ENT_LOC,
                                             LEDE_ENT_MISC};
    return types[(t - 1) / 2];
}

/* ---------------------------------------------------------------- features */

/* Feature templates: each feature hash starts from its template id. */
enum {
    T_BIAS = 1,
    T_WORD,
    T_LOWER,
    T_PREFIX,
    T_SUFFIX,
    T_SHAPE,
    T_SHORT,
    T_LOWER_M1,
    T_LOWER_P1,
    T_LOWER_M2,
    T_LOWER_P2,
    T_WORD_M1,
    T_WORD_P1,
    T_SHAPE_M1,
    T_SHAPE_P1,
    T_SHORT_M2,
    T_SHORT_P2,
    T_BIGRAM_M1,
    T_BIGRAM_P1,
    T_SHAPE3,
    T_GAZ,
    T_GAZ_M1,
    T_GAZ_P1,
    T_FIRST_LOWER,
    T_FIRST_SHAPE,
    T_CAPS_SHORT,
    T_CAPS_LOWER,
    T_LAST_SHORT,
    T_SHORT_M1_LOWER,
    T_LOWER_SHORT_P1,
    T_FIRST_GAZ,
};

/* Longest prefix and suffix, in bytes, used as features. */
#define NER_AFFIX_MAX 4
/* Hash of the padding "word" before the first and after the last token. */
#define NER_PAD_BEFORE 0x5A17B0u
#define NER_PAD_AFTER 0x5A17E0u

/* The shape class of one byte: X upper, x lower, d digit, u a non-ASCII
 * character (counted once, at its lead byte), 0 for continuation bytes, else
 * the punctuation byte itself. */
static unsigned char shape_class(unsigned char c) {
    if (c >= 'A' && c <= 'Z')
        return 'X';
    if (c >= 'a' && c <= 'z')
        return 'x';
    if (c >= '0' && c <= '9')
        return 'd';
    if (c >= 0xC0)
        return 'u';
    if (c >= 0x80)
        return 0;
    return c;
}

static void word_info(const ner_word *w, ner_tokinfo *ti) {
    uint64_t shape = 0xCBF29CE484222325ull, short_shape = shape;
    unsigned char last = 0;
    bool lower = false, upper = false, digit = false;
    for (size_t i = 0; i < w->len; i++) {
        unsigned char c = shape_class((unsigned char)w->s[i]);
        if (!c)
            continue;
        lower |= c == 'x' || c == 'u';
        upper |= c == 'X';
        digit |= c == 'd';
        shape = (shape ^ c) * 0x100000001B3ull;
        if (c != last)
            short_shape = (short_shape ^ c) * 0x100000001B3ull;
        last = c;
    }
    ti->word = ner_hash_bytes(w->s, w->len, 0);
    ti->lower = ner_hash_bytes(w->s, w->len, 1);
    ti->shape = ner_mix(shape);
    ti->short_shape = ner_mix(short_shape);
    ti->flags = 0;
    if (w->len && w->s[0] >= 'A' && w->s[0] <= 'Z')
        ti->flags |= NER_WF_CAP;
    if (upper && !lower)
        ti->flags |= NER_WF_UPPER;
    if (digit)
        ti->flags |= NER_WF_DIGIT;
    if (upper || lower)
        ti->flags |= NER_WF_ALPHA;
}

size_t ner_prepare_tmp_size(size_t n) {
    return n * (sizeof(uint64_t) + sizeof(uint16_t) + sizeof(bool));
}

void ner_prepare(const gazetteer *g, const ner_word *words, size_t n, ner_tokinfo *info,
                 void *tmp) {
    uint64_t *lower = tmp;
    uint16_t *gaz = (uint16_t *)(lower + n);
    bool *begin = (bool *)(gaz + n);
    for (size_t i = 0; i < n; i++) {
        word_info(&words[i], &info[i]);
        lower[i] = info[i].lower;
    }
    ner_gaz_match(g, lower, n, gaz, begin);
    for (size_t i = 0; i < n; i++) {
        info[i].gaz = gaz[i];
        info[i].gaz_begin = begin[i];
    }
}

bool ner_caps_sentence(const ner_tokinfo *info, size_t n) {
    size_t alpha = 0, upper = 0;
    for (size_t i = 0; i < n; i++) {
        if (info[i].flags & NER_WF_ALPHA) {
            alpha++;
            upper += (info[i].flags & NER_WF_UPPER) != 0;
        }
    }
    /* Headlines and datelines: more than half of the words are all capitals,
     * and there is more than one word (a lone "AP" is not a headline). */
    return alpha > 1 && upper * 2 > alpha;
}

static inline uint64_t f1(uint64_t t, uint64_t a) { return ner_combine(ner_mix(t), a); }
static inline uint64_t f2(uint64_t t, uint64_t a, uint64_t b) {
    return ner_combine(f1(t, a), b);
}
static inline uint64_t f3(uint64_t t, uint64_t a, uint64_t b, uint64_t c) {
    return ner_combine(f2(t, a, b), c);
}

size_t ner_features(const ner_word *words, const ner_tokinfo *info, size_t n, size_t i,
                    bool caps_sentence, uint64_t *out) {
    const ner_tokinfo *t = &info[i];
    const ner_word *w = &words[i];
    uint64_t lm1 = i > 0 ? info[i - 1].lower : NER_PAD_BEFORE;
    uint64_t lm2 = i > 1 ? info[i - 2].lower : NER_PAD_BEFORE;
    uint64_t lp1 = i + 1 < n ? info[i + 1].lower : NER_PAD_AFTER;
    uint64_t lp2 = i + 2 < n ? info[i + 2].lower : NER_PAD_AFTER;
    uint64_t wm1 = i > 0 ? info[i - 1].word : NER_PAD_BEFORE;
    uint64_t wp1 = i + 1 < n ? info[i + 1].word : NER_PAD_AFTER;
    uint64_t sm1 = i > 0 ? info[i - 1].shape : NER_PAD_BEFORE;
    uint64_t sp1 = i + 1 < n ? info[i + 1].shape : NER_PAD_AFTER;
    uint64_t ssm1 = i > 0 ? info[i - 1].short_shape : NER_PAD_BEFORE;
    uint64_t ssp1 = i + 1 < n ? info[i + 1].short_shape : NER_PAD_AFTER;
    uint64_t ssm2 = i > 1 ? info[i - 2].short_shape : NER_PAD_BEFORE;
    uint64_t ssp2 = i + 2 < n ? info[i + 2].short_shape : NER_PAD_AFTER;
    uint64_t gm1 = i > 0 ? info[i - 1].gaz : NER_PAD_BEFORE;
    uint64_t gp1 = i + 1 < n ? info[i + 1].gaz : NER_PAD_AFTER;

    size_t k = 0;
    out[k++] = ner_mix(T_BIAS);
    out[k++] = f1(T_WORD, t->word);
    out[k++] = f1(T_LOWER, t->lower);
    size_t affix = w->len < NER_AFFIX_MAX ? w->len : NER_AFFIX_MAX;
    for (size_t a = 1; a <= affix; a++) {
        out[k++] = f2(T_PREFIX, a, ner_hash_bytes(w->s, a, 0));
        out[k++] = f2(T_SUFFIX, a, ner_hash_bytes(w->s + w->len - a, a, 1));
    }
    out[k++] = f1(T_SHAPE, t->shape);
    out[k++] = f1(T_SHORT, t->short_shape);
    out[k++] = f1(T_LOWER_M1, lm1);
    out[k++] = f1(T_LOWER_P1, lp1);
    out[k++] = f1(T_LOWER_M2, lm2);
    out[k++] = f1(T_LOWER_P2, lp2);
    out[k++] = f1(T_WORD_M1, wm1);
    out[k++] = f1(T_WORD_P1, wp1);
    out[k++] = f1(T_SHAPE_M1, sm1);
    out[k++] = f1(T_SHAPE_P1, sp1);
    out[k++] = f1(T_SHORT_M2, ssm2);
    out[k++] = f1(T_SHORT_P2, ssp2);
    out[k++] = f2(T_BIGRAM_M1, lm1, t->lower);
    out[k++] = f2(T_BIGRAM_P1, t->lower, lp1);
    out[k++] = f3(T_SHAPE3, ssm1, t->short_shape, ssp1);
    out[k++] = f2(T_SHORT_M1_LOWER, ssm1, t->lower);
    out[k++] = f2(T_LOWER_SHORT_P1, t->lower, ssp1);
    for (unsigned b = 0; b < NER_GAZ_N_LISTS; b++)
        if (t->gaz & (1u << b))
            out[k++] = f3(T_GAZ, b, t->gaz_begin, t->flags & (NER_WF_CAP | NER_WF_UPPER));
    out[k++] = f1(T_GAZ_M1, gm1);
    out[k++] = f1(T_GAZ_P1, gp1);
    if (i == 0) {
        out[k++] = f1(T_FIRST_LOWER, t->lower);
        out[k++] = f1(T_FIRST_SHAPE, t->short_shape);
        out[k++] = f2(T_FIRST_GAZ, t->gaz, t->flags & (NER_WF_CAP | NER_WF_UPPER));
    }
    if (i + 1 == n)
        out[k++] = f1(T_LAST_SHORT, t->short_shape);
    if (caps_sentence) {
        out[k++] = f1(T_CAPS_SHORT, t->short_shape);
        out[k++] = f1(T_CAPS_LOWER, t->lower);
    }
    return k;
}

/* ---------------------------------------------------------------- decoding */

/* Whether BIO allows tag `to` right after `from` (NER_START at the start). */
static bool bio_allowed(int from, int to) {
    if (to == NER_O || ner_tag_is_begin((ner_tag)to))
        return true;
    /* An I-X continues only a B-X or an I-X. */
    return from != NER_START && from != NER_O && (from - 1) / 2 == (to - 1) / 2;
}

void ner_viterbi(const float *em, const float trans[NER_N_TAGS + 1][NER_N_TAGS], size_t n,
                 uint8_t *back, uint8_t *out) {
    if (!n)
        return;
    float cur[NER_N_TAGS], next[NER_N_TAGS];
    for (int t = 0; t < NER_N_TAGS; t++)
        cur[t] = bio_allowed(NER_START, t) ? trans[NER_START][t] + em[t] : -INFINITY;
    for (size_t i = 1; i < n; i++) {
        const float *e = em + i * NER_N_TAGS;
        for (int t = 0; t < NER_N_TAGS; t++) {
            float best = -INFINITY;
            int arg = 0;
            for (int p = 0; p < NER_N_TAGS; p++) {
                if (!bio_allowed(p, t))
                    continue;
                float s = cur[p] + trans[p][t];
                if (s > best) {
                    best = s;
                    arg = p;
                }
            }
            next[t] = best + e[t];
            back[i * NER_N_TAGS + t] = (uint8_t)arg;
        }
        memcpy(cur, next, sizeof cur);
    }
    int best = 0;
    for (int t = 1; t < NER_N_TAGS; t++)
        if (cur[t] > cur[best])
            best = t;
    for (size_t i = n; i-- > 0;) {
        out[i] = (uint8_t)best;
        if (i)
            best = back[i * NER_N_TAGS + best];
    }
}

/* Scratch layout for ner_model_tag, each part aligned to 8 bytes. */
static size_t align8(size_t x) { return (x + 7) & ~(size_t)7; }

size_t ner_scratch_size(size_t n) {
    return align8(n * sizeof(ner_tokinfo)) + align8(n * NER_N_TAGS * sizeof(float)) +
           align8(n * NER_N_TAGS) + align8(ner_prepare_tmp_size(n));
}

void ner_model_tag(const ner_model *m, const gazetteer *g, const ner_word *words,
                   size_t n, void *scratch, uint8_t *tags) {
    if (!n)
        return;
    char *p = scratch;
    ner_tokinfo *info = (ner_tokinfo *)p;
    p += align8(n * sizeof *info);
    float *em = (float *)p;
    p += align8(n * NER_N_TAGS * sizeof *em);
    uint8_t *back = (uint8_t *)p;
    p += align8(n * NER_N_TAGS);
    ner_prepare(g, words, n, info, p);
    bool caps = ner_caps_sentence(info, n);
    uint64_t feats[NER_MAX_FEATS];
    for (size_t i = 0; i < n; i++) {
        size_t nf = ner_features(words, info, n, i, caps, feats);
        int32_t acc[NER_ROW] = {0};
        for (size_t f = 0; f < nf; f++) {
            const int16_t *row = m->w + (size_t)ner_bucket(feats[f], m->bits) * NER_ROW;
            for (int t = 0; t < NER_ROW; t++)
                acc[t] += row[t];
        }
        for (int t = 0; t < NER_N_TAGS; t++)
            em[i * NER_N_TAGS + t] = (float)acc[t];
    }
    ner_viterbi(em, m->trans_f, n, back, tags);
}

/* ---------------------------------------------------------------- model file */

/*
 * Layout (little endian):
 *   "LEDENER1"  magic, 8 bytes
 *   u32 n_tags (9), u32 bits, u32 n_buckets, f32 scale
 *   i16 trans[(n_tags + 1) * n_tags]
 *   n_buckets x { u32 bucket, i16 w[n_tags] }, buckets strictly increasing
 *   u32 FNV-1a of every byte before it
 */
#define NER_MAGIC "LEDENER1"
#define NER_MAGIC_LEN 8
#define NER_HEADER_LEN (NER_MAGIC_LEN + 16)
#define NER_TRANS_LEN ((NER_N_TAGS + 1) * NER_N_TAGS * 2)
#define NER_ENTRY_LEN (4 + NER_N_TAGS * 2)
/* The largest quantised weight: int16 with room to spare. */
#define NER_QMAX 32000.0f
/* Model files above this size are refused without reading them. */
#define NER_MAX_FILE (256u << 20)

static uint32_t rd32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}
static int16_t rd16(const unsigned char *p) {
    return (int16_t)(uint16_t)((uint16_t)p[0] | (uint16_t)p[1] << 8);
}
static void wr32(unsigned char *p, uint32_t v) {
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}
static void wr16(unsigned char *p, int16_t v) {
    p[0] = (unsigned char)((uint16_t)v & 0xFF);
    p[1] = (unsigned char)((uint16_t)v >> 8);
}
static uint32_t fnv32(const unsigned char *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

ner_model *ner_model_new(uint32_t bits) {
    ner_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->bits = bits;
    m->scale = 1.0f;
    size_t bytes = ((size_t)1 << bits) * NER_ROW * sizeof *m->w;
    m->w = aligned_alloc(64, bytes);
    if (!m->w) {
        free(m);
        return NULL;
    }
    memset(m->w, 0, bytes);
    return m;
}

void ner_model_free(ner_model *m) {
    if (!m)
        return;
    free(m->w);
    free(m);
}

static lede_status model_bad(char *err, size_t err_len, const char *why) {
    if (err)
        snprintf(err, err_len, "entity model: %s", why);
    return LEDE_ERR_MODEL;
}

lede_status ner_model_parse(const unsigned char *buf, size_t len, ner_model **out,
                            char *err, size_t err_len) {
    *out = NULL;
    if (len < NER_HEADER_LEN + NER_TRANS_LEN + 4 || memcmp(buf, NER_MAGIC, NER_MAGIC_LEN))
        return model_bad(err, err_len,
                         "not a lede entity model (bad magic or too short)");
    if (fnv32(buf, len - 4) != rd32(buf + len - 4))
        return model_bad(err, err_len, "checksum mismatch (truncated or corrupted)");
    const unsigned char *p = buf + NER_MAGIC_LEN;
    uint32_t n_tags = rd32(p), bits = rd32(p + 4), n_buckets = rd32(p + 8);
    float scale;
    uint32_t scale_bits = rd32(p + 12);
    memcpy(&scale, &scale_bits, sizeof scale);
    if (n_tags != NER_N_TAGS)
        return model_bad(err, err_len, "wrong number of tags");
    if (bits < NER_MIN_BITS || bits > NER_MAX_BITS)
        return model_bad(err, err_len, "bucket bits out of range");
    if (!(scale > 0) || !isfinite(scale))
        return model_bad(err, err_len, "bad weight scale");
    if ((size_t)n_buckets > ((size_t)1 << bits) ||
        len != NER_HEADER_LEN + NER_TRANS_LEN + (size_t)n_buckets * NER_ENTRY_LEN + 4)
        return model_bad(err, err_len, "size does not match the bucket count");
    ner_model *m = ner_model_new(bits);
    if (!m)
        return LEDE_ERR_NOMEM;
    m->scale = scale;
    p = buf + NER_HEADER_LEN;
    for (int a = 0; a <= NER_N_TAGS; a++)
        for (int b = 0; b < NER_N_TAGS; b++, p += 2) {
            m->trans[a][b] = rd16(p);
            m->trans_f[a][b] = (float)m->trans[a][b];
        }
    int64_t prev = -1;
    for (uint32_t e = 0; e < n_buckets; e++, p += NER_ENTRY_LEN) {
        uint32_t bucket = rd32(p);
        if ((int64_t)bucket <= prev || bucket >= ((uint32_t)1 << bits)) {
            ner_model_free(m);
            return model_bad(err, err_len, "bucket index out of order or range");
        }
        prev = bucket;
        int16_t *row = m->w + (size_t)bucket * NER_ROW;
        for (int t = 0; t < NER_N_TAGS; t++)
            row[t] = rd16(p + 4 + 2 * t);
    }
    *out = m;
    return LEDE_OK;
}

lede_status ner_model_read(const char *path, ner_model **out, char *err, size_t err_len) {
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (err)
            snprintf(err, err_len, "%s: cannot open", path);
        return LEDE_ERR_IO;
    }
    lede_status st = LEDE_OK;
    unsigned char *buf = NULL;
    long size = -1;
    if (fseek(f, 0, SEEK_END) == 0)
        size = ftell(f);
    if (size < 0 || (unsigned long)size > NER_MAX_FILE || fseek(f, 0, SEEK_SET) != 0) {
        st = model_bad(err, err_len, "unreadable or too large");
    } else if (!(buf = malloc((size_t)size + 1))) {
        st = LEDE_ERR_NOMEM;
    } else if (fread(buf, 1, (size_t)size, f) != (size_t)size) {
        st = LEDE_ERR_IO;
    } else {
        st = ner_model_parse(buf, (size_t)size, out, err, err_len);
    }
    free(buf);
    fclose(f);
    return st;
}

static int16_t quantise(float w, float scale) {
    float q = roundf(w * scale);
    if (q > NER_QMAX)
        q = NER_QMAX;
    if (q < -NER_QMAX)
        q = -NER_QMAX;
    return (int16_t)q;
}

lede_status ner_model_write(const char *path, uint32_t bits, const float *w,
                            const float trans[NER_N_TAGS + 1][NER_N_TAGS],
                            size_t *n_buckets_out) {
    size_t n_all = (size_t)1 << bits;
    float maxabs = 0;
    for (size_t i = 0; i < n_all * NER_N_TAGS; i++)
        maxabs = fmaxf(maxabs, fabsf(w[i]));
    for (int a = 0; a <= NER_N_TAGS; a++)
        for (int b = 0; b < NER_N_TAGS; b++)
            maxabs = fmaxf(maxabs, fabsf(trans[a][b]));
    float scale = maxabs > 0 ? NER_QMAX / maxabs : 1.0f;

    size_t n_buckets = 0;
    for (size_t b = 0; b < n_all; b++)
        for (int t = 0; t < NER_N_TAGS; t++)
            if (quantise(w[b * NER_N_TAGS + t], scale)) {
                n_buckets++;
                break;
            }
    size_t len = NER_HEADER_LEN + NER_TRANS_LEN + n_buckets * NER_ENTRY_LEN + 4;
    unsigned char *buf = malloc(len);
    if (!buf)
        return LEDE_ERR_NOMEM;
    memcpy(buf, NER_MAGIC, NER_MAGIC_LEN);
    unsigned char *p = buf + NER_MAGIC_LEN;
    uint32_t scale_bits;
    memcpy(&scale_bits, &scale, sizeof scale_bits);
    wr32(p, NER_N_TAGS);
    wr32(p + 4, bits);
    wr32(p + 8, (uint32_t)n_buckets);
    wr32(p + 12, scale_bits);
    p = buf + NER_HEADER_LEN;
    for (int a = 0; a <= NER_N_TAGS; a++)
        for (int b = 0; b < NER_N_TAGS; b++, p += 2)
            wr16(p, quantise(trans[a][b], scale));
    for (size_t b = 0; b < n_all; b++) {
        int16_t q[NER_N_TAGS];
        bool any = false;
        for (int t = 0; t < NER_N_TAGS; t++)
            any |= (q[t] = quantise(w[b * NER_N_TAGS + t], scale)) != 0;
        if (!any)
            continue;
        wr32(p, (uint32_t)b);
        for (int t = 0; t < NER_N_TAGS; t++)
            wr16(p + 4 + 2 * t, q[t]);
        p += NER_ENTRY_LEN;
    }
    wr32(p, fnv32(buf, len - 4));
    FILE *f = fopen(path, "wb");
    lede_status st = LEDE_OK;
    if (!f || fwrite(buf, 1, len, f) != len)
        st = LEDE_ERR_IO;
    if (f && fclose(f) != 0)
        st = LEDE_ERR_IO;
    free(buf);
    if (n_buckets_out)
        *n_buckets_out = n_buckets;
    return st;
}

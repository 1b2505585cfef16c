/*
 * ner_model — the linear sequence model behind the entity tagger: BIO tags,
 * hashed features, Viterbi decoding and the model file.
 *
 * Each token's features (word, lower case, affixes, shapes, neighbours within
 * two tokens, gazetteer hits, sentence position) are 64-bit hashes folded into
 * 2^bits buckets; a bucket holds one weight per tag. Tag-to-tag transition
 * weights make the model first order, decoded exactly with Viterbi. Weights
 * are stored as int16 with one scale factor. Training (ner_train.c) uses the
 * same feature code with float weights.
 */
#ifndef LEDE_NLP_NER_MODEL_H
#define LEDE_NLP_NER_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lede/lede.h"
#include "ner_gaz.h"

typedef enum {
    NER_O = 0,
    NER_B_PER,
    NER_I_PER,
    NER_B_ORG,
    NER_I_ORG,
    NER_B_LOC,
    NER_I_LOC,
    NER_B_MISC,
    NER_I_MISC,
    NER_N_TAGS,
} ner_tag;

/* Weights per bucket in memory: the tags padded to a vector-friendly row. */
#define NER_ROW 16
/* Features of one token never exceed this. */
#define NER_MAX_FEATS 48
/* Bucket bits a model file may declare. */
#define NER_MIN_BITS 8
#define NER_MAX_BITS 24
/* Row of the transition table that holds the start-of-sentence weights. */
#define NER_START NER_N_TAGS

/* "B-PER", "O", ... */
extern const char *const ner_tag_names[NER_N_TAGS];
/* The tag for a name such as "I-ORG"; NER_O for anything unknown. */
ner_tag ner_tag_parse(const char *s, size_t len);
/* The entity type of a B/I tag (undefined for NER_O). */
lede_entity_type ner_tag_type(ner_tag t);
static inline bool ner_tag_is_begin(ner_tag t) { return t != NER_O && (t & 1); }

typedef struct ner_model {
    uint32_t bits;                             /* 2^bits buckets */
    float scale;                               /* weight = int16 / scale */
    int16_t *w;                                /* [bucket][NER_ROW] */
    int32_t trans[NER_N_TAGS + 1][NER_N_TAGS]; /* [prev or START][tag] */
    float trans_f[NER_N_TAGS + 1][NER_N_TAGS]; /* the same, for the decoder */
} ner_model;

/* One word of a sentence to tag: bytes, not NUL-terminated. */
typedef struct {
    const char *s;
    size_t len;
} ner_word;

/* What the feature templates need per token, computed once per sentence. */
typedef struct {
    uint64_t word, lower, shape, short_shape; /* hashes */
    uint16_t gaz;                             /* NER_GAZ_* lists covering it */
    uint8_t gaz_begin;                        /* a gazetteer phrase starts here */
    uint8_t flags;                            /* NER_WF_* */
} ner_tokinfo;

enum {
    NER_WF_CAP = 1u << 0,   /* first letter upper case */
    NER_WF_UPPER = 1u << 1, /* no lower-case letter, at least one letter */
    NER_WF_DIGIT = 1u << 2, /* has a digit */
    NER_WF_ALPHA = 1u << 3, /* has a letter */
};

/* Bytes of temporary space ner_prepare() needs for n tokens. */
size_t ner_prepare_tmp_size(size_t n);
/* Fills info[0..n) for a sentence (gazetteer g may be NULL); tmp holds
 * ner_prepare_tmp_size(n) bytes, aligned for uint64_t. */
void ner_prepare(const gazetteer *g, const ner_word *words, size_t n, ner_tokinfo *info,
                 void *tmp);

/* Writes the feature hashes of token i into out (room for NER_MAX_FEATS) and
 * returns how many. `caps_sentence` marks a sentence written all in capitals. */
size_t ner_features(const ner_word *words, const ner_tokinfo *info, size_t n, size_t i,
                    bool caps_sentence, uint64_t *out);

/* True when most letters of the sentence are capitals (a headline). */
bool ner_caps_sentence(const ner_tokinfo *info, size_t n);

/* The bucket of a feature hash in a table of 2^bits buckets. */
static inline uint32_t ner_bucket(uint64_t h, uint32_t bits) {
    return (uint32_t)(h >> (64 - bits));
}

/*
 * First-order Viterbi over emission scores em[n][NER_N_TAGS] and transition
 * scores trans[NER_N_TAGS+1][NER_N_TAGS] (last row: start). Writes the best
 * tags into out. back needs n * NER_N_TAGS bytes. Transitions that break BIO
 * (O -> I-X, B-X -> I-Y) are never taken.
 */
void ner_viterbi(const float *em, const float trans[NER_N_TAGS + 1][NER_N_TAGS], size_t n,
                 uint8_t *back, uint8_t *out);

/* Bytes of scratch ner_model_tag() needs for a sentence of n tokens. */
size_t ner_scratch_size(size_t n);

/* Tags one sentence with model m into tags[0..n); scratch holds
 * ner_scratch_size(n) bytes (aligned for any type). */
void ner_model_tag(const ner_model *m, const gazetteer *g, const ner_word *words,
                   size_t n, void *scratch, uint8_t *tags);

/* Reads a model file; LEDE_ERR_IO when it cannot be opened, LEDE_ERR_MODEL
 * (with a message in err) when it is malformed. */
lede_status ner_model_read(const char *path, ner_model **out, char *err, size_t err_len);
/* Parses a model from memory (the same checks as ner_model_read). */
lede_status ner_model_parse(const unsigned char *buf, size_t len, ner_model **out,
                            char *err, size_t err_len);
/* Writes a model whose float weights are w[bucket * NER_N_TAGS + tag] and
 * transitions trans; weights are quantised to int16 and empty buckets dropped. */
lede_status ner_model_write(const char *path, uint32_t bits, const float *w,
                            const float trans[NER_N_TAGS + 1][NER_N_TAGS],
                            size_t *n_buckets_out);
/* An empty model with 2^bits buckets (all weights zero). */
ner_model *ner_model_new(uint32_t bits);
void ner_model_free(ner_model *m);

#endif

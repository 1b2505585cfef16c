/*
 * ner_model — the linear sequence model behind the entity tagger: BIO tags,
 * hashed features, Viterbi decoding and the model file.
 *
 * Each token's features (word, lower case, affixes, shapes, neighbours within
 * two tokens, gazetteer hits, sentence position, hints about the same word
 * elsewhere in the document) are 64-bit hashes folded into 2^bits buckets; a
 * bucket holds one weight per tag. Tag-to-tag transition weights make the
 * model first order, decoded exactly with Viterbi. An optional second stage
 * sees the same features plus the first stage's tags of the word across the
 * document. Weights are stored as int16 with one scale factor per stage.
 * Training (ner_train.c) uses the same feature code with float weights.
 */
#ifndef LEDE_NLP_NER_MODEL_H
#define LEDE_NLP_NER_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

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

/* Features of one token never exceed this. */
#define NER_MAX_FEATS 64
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

/*
 * In memory the weights of both stages share one table, laid out for the
 * scoring loop: a feature's bucket is looked up once and its row holds every
 * tag's weight of both stages, so the first pass scores a token's features for
 * all tags of both stages at once and the second pass adds only its own
 * history features. The 2^bits buckets are sparse: a bitmap word and the rank
 * of its first row sit side by side, and a bucket's row is the rank plus the
 * set bits below it. Rows are 64 bytes, one cache line:
 *   [0..7]   stage 1, tags 0..7      [8..15]  stage 2, tags 0..7
 *   [16]     stage 1, tag 8          [17]     stage 2, tag 8
 * Sums are exact integers, so the split changes no score.
 */
#define NER_FROW 32
#define NER_FROW_S2 8
#define NER_FROW_LAST 16

typedef struct {
    uint64_t used;  /* bit b set: bucket 64 * i + b has a row */
    uint32_t rank;  /* rows before this word */
    uint32_t spare; /* keeps the pair 16 bytes, one per cache-line quarter */
} ner_bitword;

typedef struct {
    uint32_t bits;
    ner_bitword *words; /* 2^bits / 64 */
    int16_t *rows;      /* [row][NER_FROW], 64-byte aligned */
    size_t n_rows;
} ner_table;

typedef struct ner_model {
    uint32_t bits;          /* 2^bits buckets */
    float scale;            /* weight = int16 / scale */
    size_t n_rows;          /* buckets of this stage that hold weights */
    unsigned stage;         /* 0 first, 1 second */
    ner_table *table;       /* shared by both stages, owned by the first */
    struct ner_model *next; /* second stage, fed the first one's tags, or NULL */
    int32_t trans[NER_N_TAGS + 1][NER_N_TAGS];     /* [prev or START][tag] */
    float trans_f[NER_N_TAGS + 1][NER_N_TAGS];     /* the same, for the decoder */
    double conf_trans[NER_N_TAGS + 1][NER_N_TAGS]; /* ner_marginal_trans() of them */
} ner_model;

/* Bits set in x: one instruction where the CPU has it (the tagger's hot loop
 * is also built for x86-64-v3), a short bit-twiddling sum elsewhere. */
static inline unsigned ner_popcount(uint64_t x) {
#if defined(__GNUC__)
    return (unsigned)__builtin_popcountll(x);
#else
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return (unsigned)((x * 0x0101010101010101ull) >> 56);
#endif
}

/* The fused row of bucket b, or NULL when neither stage has weights there. */
static inline const int16_t *ner_table_row(const ner_table *t, uint32_t b) {
    const ner_bitword *w = &t->words[b >> 6];
    uint64_t bit = 1ull << (b & 63);
    if (!(w->used & bit))
        return NULL;
    return t->rows + (size_t)(w->rank + ner_popcount(w->used & (bit - 1))) * NER_FROW;
}

/* Weight of bucket b for tag t in stage m, in the stage's int16 units. */
int16_t ner_model_weight(const ner_model *m, uint32_t b, ner_tag t);

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
    uint8_t doc;                              /* NER_DOC_*: the word elsewhere */
    uint8_t cluster_len;                      /* bits of its cluster path, 0: none */
    uint8_t join;                             /* NER_JOIN_*: held inside a name */
    uint32_t cluster;                         /* the path, first choice highest */
} ner_tokinfo;

/* Words that the decoder holds inside a name whatever its type: the pieces of
 * an Arabic name whose article a tokeniser split at its hyphen ("al - Sadr",
 * "Al - Qaeda"). The weights still choose the type and where the name starts. */
enum {
    NER_JOIN_NAME = 1u << 0,    /* any tag of a name (the article) */
    NER_JOIN_INSIDE = 1u << 1,  /* a later word of a name (the hyphen, the noun) */
    NER_JOIN_NEUTRAL = 1u << 2, /* its own weights are not heard (article, hyphen) */
    NER_JOIN_PER_B = 1u << 3,   /* B-PER whatever the weights ("Smith , John") */
    NER_JOIN_PER_I = 1u << 4,   /* I-PER whatever the weights */
    NER_JOIN_GROUP = 1u << 5,   /* O or MISC: a group of people ("Muslims") */
    NER_JOIN_NOT_PER = 1u << 6, /* no PER tag: a venue ("Mark Hopkins Hotel") */
};

/* How a word (by lower-case form) appears anywhere in its document: these
 * document-wide hints help where one sentence is ambiguous ("Bush" at the
 * start of a sentence, a word in an all-capitals headline). */
enum {
    NER_DOC_LOWER = 1u << 0,       /* written in lower case somewhere */
    NER_DOC_CAP_MID = 1u << 1,     /* capitalised inside a normal sentence */
    NER_DOC_AFTER_FIRST = 1u << 2, /* right after a capitalised first name */
    NER_DOC_BEFORE_ORG = 1u << 3,  /* right before an organisation word */
    NER_DOC_AFTER_TITLE = 1u << 4, /* right after a title ("President") */
    NER_DOC_IN_PHRASE = 1u << 5,   /* inside a run of capitalised words */
    NER_DOC_N_BITS = 6,
};

enum {
    NER_WF_CAP = 1u << 0,     /* first letter upper case */
    NER_WF_UPPER = 1u << 1,   /* no lower-case letter, at least one letter */
    NER_WF_DIGIT = 1u << 2,   /* has a digit */
    NER_WF_ALPHA = 1u << 3,   /* has a letter */
    NER_WF_LOWSENT = 1u << 4, /* its sentence has no capital letter at all */
    NER_WF_NEVER = 1u << 5,   /* written as no name can be (ner_never_name) */
    NER_WF_LOC_B = 1u << 6,   /* first word of a place name in lower case */
    NER_WF_LOC_I = 1u << 7,   /* a later word of one */
};

/* Whether a word is written as no name is: an e-mail address, a web address
 * or a file name ("TEXT.htm"); its tag is always O, whatever the weights. */
bool ner_never_name(const char *s, size_t len);

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

/* Bytes of temporary space ner_doc_mark() needs for a document of n words. */
size_t ner_doc_tmp_size(size_t n);
/* Fills info[].doc for a document whose sentences are words
 * [sent_begin[s], sent_begin[s + 1]) and whose info[] ner_prepare() filled.
 * tmp holds ner_doc_tmp_size(n) bytes, aligned for uint64_t. */
void ner_doc_mark(ner_tokinfo *info, const size_t *sent_begin, size_t n_sents, void *tmp);

/*
 * Second stage ("prediction history"): a word's first-stage tags across the
 * document. hist[i] packs token i's own first-stage tag and, for a capitalised
 * word, the entity type most of its capitalised occurrences got, whether they
 * all agree, and how many there are. tmp holds ner_hist_tmp_size(n) bytes.
 */
size_t ner_hist_tmp_size(size_t n);
void ner_hist_mark(const ner_tokinfo *info, const uint8_t *tags1, size_t n, void *tmp,
                   uint16_t *hist);
/* Appends the second-stage features of a packed hist value; returns how many
 * (at most NER_MAX_HIST_FEATS). */
#define NER_MAX_HIST_FEATS 3
size_t ner_hist_features(uint16_t hist, uint64_t *out);

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

/* Bytes of scratch ner_model_tag() or ner_model_tag_doc() needs for n words. */
size_t ner_scratch_size(size_t n);

/* Tags a document: its sentences are words [sent_begin[s], sent_begin[s+1]),
 * s < n_sents; tags[] gets one tag per word. scratch holds
 * ner_scratch_size(sent_begin[n_sents]) bytes (aligned for any type). */
void ner_model_tag_doc(const ner_model *m, const gazetteer *g, const ner_word *words,
                       const size_t *sent_begin, size_t n_sents, void *scratch,
                       uint8_t *tags);

/* Which words get a posterior: all of them, or only those of entities (a
 * sentence tagged all O is then not run through forward-backward, and its
 * words get 1). */
typedef enum { NER_CONF_ALL, NER_CONF_ENTITIES } ner_conf_scope;

/* The same, and conf[] (NULL: not computed) gets each word's posterior
 * probability of its tag, for the words of `scope`: forward-backward over the
 * last stage's scores. */
void ner_model_tag_doc_conf(const ner_model *m, const gazetteer *g, const ner_word *words,
                            const size_t *sent_begin, size_t n_sents, void *scratch,
                            uint8_t *tags, float *conf, ner_conf_scope scope);

/* Posterior marginals of a linear chain under p(y) proportional to
 * exp(k * score(y)), BIO-broken paths excluded: out[i] = p(tag i = tags[i]).
 * em and trans as for ner_viterbi; work holds 3 * n * NER_N_TAGS doubles. */
void ner_marginals(const float *em, const double tr[NER_N_TAGS + 1][NER_N_TAGS], size_t n,
                   double k, const uint8_t *tags, double *work, float *out);
/* The transition factors ner_marginals() takes: exp(k * trans) up to one
 * common factor, 0 for transitions BIO forbids. */
void ner_marginal_trans(const float trans[NER_N_TAGS + 1][NER_N_TAGS], double k,
                        double tr[NER_N_TAGS + 1][NER_N_TAGS]);

/* Tags one sentence (a document of one sentence) into tags[0..n); scratch
 * holds ner_scratch_size(n) bytes (aligned for any type). */
void ner_model_tag(const ner_model *m, const gazetteer *g, const ner_word *words,
                   size_t n, void *scratch, uint8_t *tags);

/* Reads a model file; LEDE_ERR_IO when it cannot be opened, LEDE_ERR_MODEL
 * (with a message in err) when it is malformed. */
lede_status ner_model_read(const char *path, ner_model **out, char *err, size_t err_len);
/* Parses a model from memory (the same checks as ner_model_read). */
lede_status ner_model_parse(const unsigned char *buf, size_t len, ner_model **out,
                            char *err, size_t err_len);
/* Appends one model (the format of ner_model_write) to an open file. */
lede_status ner_model_fwrite(FILE *f, uint32_t bits, const float *w,
                             const float trans[NER_N_TAGS + 1][NER_N_TAGS],
                             size_t *n_buckets_out);
/* Writes a model whose float weights are w[bucket * NER_N_TAGS + tag] and
 * transitions trans; weights are quantised to int16 and empty buckets dropped. */
lede_status ner_model_write(const char *path, uint32_t bits, const float *w,
                            const float trans[NER_N_TAGS + 1][NER_N_TAGS],
                            size_t *n_buckets_out);
void ner_model_free(ner_model *m);

#endif

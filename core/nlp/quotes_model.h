/*
 * quotes_model — the learned attribution tagger: every token of a paragraph
 * gets one of seven tags (outside, or begin/inside of a source, a cue or a
 * content span), and the tagged spans are grouped into attributions.
 *
 * A first-order structured averaged perceptron over hashed features, decoded
 * exactly by Viterbi under BIO constraints, one window at a time: the
 * sentences of a paragraph that hold a cue word, a quotation mark or a colon,
 * with the sentence on either side. Its
 * features are the words around a token, reporting-verb cues and their
 * distance, quotation marks, entity mentions, sentence and paragraph position,
 * and the rules' own reading (quotes_attr.c) as evidence: the rules that are
 * right become features, not a second system. Trained by quotes_train.c on
 * PolNeAR; the file format is described in quotes_model.c.
 *
 * It does not resolve speakers: quotes_speaker.c turns the source span into a
 * name.
 */
#ifndef LEDE_NLP_QUOTES_MODEL_H
#define LEDE_NLP_QUOTES_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "quotes_int.h"

enum {
    QM_O = 0,
    QM_B_SRC,
    QM_I_SRC,
    QM_B_CUE,
    QM_I_CUE,
    QM_B_CON,
    QM_I_CON,
    QM_N_TAGS,
};

/* Features of one token, at the most. */
#define QM_MAX_FEATS 40
/* Longest window decoded at once, in tokens: longer runs are cut (at sentence
 * starts, or inside a sentence without an end), so scratch memory stays small
 * on any text. News paragraphs are far shorter. */
#define QM_MAX_WINDOW 1024
/* Weights of a bucket, padded to eight for aligned rows. */
#define QM_ROW 8

/* Entity type of a token for the features: 0 none, 1 + lede_entity_type. */
typedef uint8_t qm_ent;

/* What the features read of each token, computed once per text. */
typedef struct {
    uint64_t suffix; /* hash of the last three bytes, lower case */
    uint16_t cue;    /* cue flags and form, 0 when no cue word */
    uint8_t shape;   /* kind, capital, digit, abbreviation */
} qm_tokinfo;

/* Tokens [b, e) decoded together. */
typedef struct {
    uint32_t b, e;
} qm_window;

/* What the features read of one text, built once per text by qm_input_build. */
typedef struct {
    const qtext *q;
    uint64_t *lw; /* hash of each token's lower-case form */
    qm_tokinfo *tok;
    uint8_t *rule;     /* the rules' tag of each token (QM_*) */
    uint8_t *inq;      /* 0 outside quotation marks, 1 inside double, 2 inside single */
    qm_ent *ent;       /* entity type of each token */
    int32_t *cue_left; /* nearest cue token before, in the sentence, or -1 */
    int32_t *cue_right;
    uint8_t *between; /* between the left cue and the token: 1 "that", 2 comma, 4 colon */
    uint32_t *sent_first, *sent_last; /* first and last token of each token's sentence */
    uint32_t *para_begin; /* first token of each paragraph; n_paras + 1 entries */
    size_t n_paras;
    qm_window *win; /* the windows worth decoding, in text order */
    size_t n_wins;
} qm_input;

/* Builds the feature input of q: the rules' found attributions give the rule
 * tags, the quoted spans the quote state, ent (may be NULL) the entity type of
 * each token. Arrays come from the arena. */
lede_status qm_input_build(lede_arena *a, const qtext *q, const qspan *spans,
                           size_t n_spans, const qfound_list *rules, const qm_ent *ent,
                           qm_input *out);

/* The hashed features of token i; returns how many. */
size_t qm_features(const qm_input *in, size_t i, uint64_t *out);

/* The BIO constraint: may tag `to` follow tag `from` (QM_N_TAGS = start)? */
bool qm_allowed(int from, int to);

/* Exact Viterbi over n tokens: emit[i * QM_ROW + t] are the tokens' scores,
 * trans[(from + 1) * QM_N_TAGS + to] the transitions (from -1 = start); writes
 * the best allowed tag sequence. back holds n * QM_N_TAGS bytes of scratch. */
void qm_viterbi(const float *emit, size_t n, const float *trans, uint8_t *back,
                uint8_t *tags);

typedef struct quotes_model quotes_model;

/* Loads a model file; LEDE_ERR_IO when it is missing or malformed (err says why). */
lede_status quotes_model_load(const char *path, quotes_model **out, char *err,
                              size_t err_len);
void quotes_model_free(quotes_model *m);

/* Tags every token of in (tags has in->q->n entries) and gives each token the
 * margin of its tag over the next best (for confidences). */
lede_status quotes_model_tag(const quotes_model *m, lede_arena *a, const qm_input *in,
                             uint8_t *tags, float *margin);

/* Writes a model: dense weights w[(1 << bits) * QM_ROW] and transitions
 * trans[(QM_N_TAGS + 1) * QM_N_TAGS]; weights are stored as int16 with one
 * scale. margin_scale is the typical margin of a tag (for confidences). */
lede_status quotes_model_write(const char *path, uint32_t bits, const float *w,
                               const float *trans, float margin_scale);

/* The typical margin of a tag, as trained. */
float quotes_model_margin_scale(const quotes_model *m);

/* Groups tagged spans into attributions: each content span goes to the nearest
 * cue of its sentence (or of the sentence beside it in the paragraph), each cue
 * to the source span of its clause; contents of one cue are joined (the
 * interruption kept as the gap). Rules' attributions that the tags leave
 * unclaimed lend their speakers to quoted contents without a cue. */
lede_status qm_decode(const qm_input *in, const uint8_t *tags, const float *margin,
                      float margin_scale, const qfound_list *rules, qfound_list *out);

/* Everything the tagger reads of one job's text, built by quotes_prepare. */
typedef struct {
    qtext q;
    qspan *spans;
    size_t n_spans;
    qfound_list rules; /* the rules' attributions */
    qm_input in;
} quotes_prep;

struct lede_job;
/* Reads job->nlp and job->mentions into p (arrays from the job's arena). */
lede_status quotes_prepare(struct lede_job *job, quotes_prep *p);

#endif

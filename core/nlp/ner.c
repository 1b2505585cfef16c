/* The entity tagger's entry points: model loading, tagging the article's
 * sentences into mentions, and tagging pre-split tokens (lede_tag_tokens). */
#include "ner.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ner_gaz.h"
#include "ner_model.h"

#define NER_MODEL_FILE "ner.model"
/* Sentences up to this many tokens are tagged with stack buffers only. */
#define NER_STACK_TOKENS 128

lede_status nlp_ner_load(lede_ctx *ctx, const char *data_dir, char *err, size_t err_len) {
    lede_status st = ner_gaz_load(data_dir, &ctx->gaz, err, err_len);
    if (st != LEDE_OK)
        return st;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", data_dir, NER_MODEL_FILE);
    if (access(path, F_OK) != 0 && errno == ENOENT)
        return LEDE_OK; /* no model: the tagger finds nothing */
    st = ner_model_read(path, &ctx->ner, err, err_len);
    if (st != LEDE_OK) {
        ner_gaz_free(ctx->gaz);
        ctx->gaz = NULL;
    }
    return st;
}

void nlp_ner_unload(lede_ctx *ctx) {
    ner_model_free(ctx->ner);
    ner_gaz_free(ctx->gaz);
    ctx->ner = NULL;
    ctx->gaz = NULL;
}

lede_status lede_tag_tokens(const lede_ctx *ctx, const char *const *tokens,
                            size_t n_tokens, const char **tags_out) {
    if (!ctx || (n_tokens && (!tokens || !tags_out)))
        return LEDE_ERR_INVALID;
    if (!ctx->ner || !n_tokens) {
        for (size_t i = 0; i < n_tokens; i++)
            tags_out[i] = ner_tag_names[NER_O];
        return LEDE_OK;
    }
    ner_word stack_words[NER_STACK_TOKENS];
    uint8_t stack_tags[NER_STACK_TOKENS];
    _Alignas(16) unsigned char stack_scratch[NER_STACK_TOKENS * 160];
    ner_word *words = stack_words;
    uint8_t *tags = stack_tags;
    void *scratch = stack_scratch;
    void *heap = NULL;
    size_t need = ner_scratch_size(n_tokens);
    if (n_tokens > NER_STACK_TOKENS || need > sizeof stack_scratch) {
        heap = malloc(n_tokens * (sizeof *words + 1) + need + 16);
        if (!heap)
            return LEDE_ERR_NOMEM;
        scratch = heap;
        words = (ner_word *)((char *)heap + ((need + 15) & ~(size_t)15));
        tags = (uint8_t *)(words + n_tokens);
    }
    for (size_t i = 0; i < n_tokens; i++)
        words[i] = (ner_word){tokens[i], strlen(tokens[i])};
    ner_model_tag(ctx->ner, ctx->gaz, words, n_tokens, scratch, tags);
    for (size_t i = 0; i < n_tokens; i++)
        tags_out[i] = ner_tag_names[tags[i]];
    free(heap);
    return LEDE_OK;
}

/* ---------------------------------------------------------------- pipeline */

/* The tagger sees CoNLL-style words: a possessive "'s" is its own word, and a
 * curly apostrophe reads as a straight one. word_tok maps words to tokens. */
static const char APOS_CURLY[] = "\xE2\x80\x99"; /* U+2019 */

static bool ends_with_possessive(const char *s, size_t len, size_t *suffix_len) {
    if (len > 2 && !memcmp(s + len - 2, "'s", 2)) {
        *suffix_len = 2;
        return true;
    }
    if (len > 4 && !memcmp(s + len - 4, "\xE2\x80\x99s", 4)) {
        *suffix_len = 4;
        return true;
    }
    return false;
}

/* A copy of s with curly apostrophes made straight, from the arena; s itself
 * when it has none. */
static const char *straight_apostrophes(lede_arena *a, const char *s, size_t len,
                                        size_t *out_len) {
    *out_len = len;
    if (!memmem(s, len, APOS_CURLY, 3))
        return s;
    char *out = arena_alloc(a, len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        if (i + 3 <= len && !memcmp(s + i, APOS_CURLY, 3)) {
            out[o++] = '\'';
            i += 3;
        } else {
            out[o++] = s[i++];
        }
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

static lede_status sentence_words(lede_job *job, const nlp_sentence *s, ner_word *words,
                                  uint32_t *word_tok, size_t *n_out) {
    const nlp_text *t = &job->nlp;
    size_t n = 0;
    for (uint32_t k = s->tok_begin; k < s->tok_end; k++) {
        const nlp_token *tok = &t->toks[k];
        const char *w = t->text + tok->start;
        size_t len = tok->end - tok->start, suffix = 0;
        if (ends_with_possessive(w, len, &suffix)) {
            words[n] = (ner_word){w, len - suffix};
            word_tok[n++] = k;
            words[n] = (ner_word){"'s", 2};
            word_tok[n++] = k;
            continue;
        }
        size_t clean_len;
        const char *clean = straight_apostrophes(job->arena, w, len, &clean_len);
        if (!clean)
            return LEDE_ERR_NOMEM;
        words[n] = (ner_word){clean, clean_len};
        word_tok[n++] = k;
    }
    *n_out = n;
    return LEDE_OK;
}

/* Appends the mentions of one tagged sentence (word tags -> token spans). */
static void add_mentions(lede_job *job, const uint8_t *tags, const uint32_t *word_tok,
                         size_t n) {
    for (size_t i = 0; i < n;) {
        if (tags[i] == NER_O) {
            i++;
            continue;
        }
        ner_tag begin = (ner_tag)tags[i];
        size_t j = i + 1;
        while (j < n && tags[j] == begin + (ner_tag_is_begin(begin) ? 1 : 0))
            j++;
        uint32_t tb = word_tok[i], te = word_tok[j - 1] + 1;
        nlp_mention *prev = job->n_mentions ? &job->mentions[job->n_mentions - 1] : NULL;
        if (!prev || prev->tok_end <= tb)
            job->mentions[job->n_mentions++] =
                (nlp_mention){tb, te, ner_tag_type(begin), -1};
        i = j;
    }
}

lede_status nlp_ner_run(lede_job *job) {
    const nlp_text *t = &job->nlp;
    const ner_model *m = job->ctx->ner;
    if (!m || !t->n_toks)
        return LEDE_OK;
    size_t max_words = 0;
    for (size_t s = 0; s < t->n_sents; s++) {
        size_t n = 2 * (size_t)(t->sents[s].tok_end - t->sents[s].tok_begin);
        max_words = n > max_words ? n : max_words;
    }
    ner_word *words = arena_alloc(job->arena, max_words * sizeof *words + 1);
    uint32_t *word_tok = arena_alloc(job->arena, max_words * sizeof *word_tok + 1);
    uint8_t *tags = arena_alloc(job->arena, max_words + 1);
    void *scratch = arena_alloc(job->arena, ner_scratch_size(max_words) + 1);
    nlp_mention *mentions =
        arena_alloc(job->arena, (job->n_mentions + t->n_toks) * sizeof *mentions);
    if (!words || !word_tok || !tags || !scratch || !mentions)
        return LEDE_ERR_NOMEM;
    if (job->n_mentions)
        memcpy(mentions, job->mentions, job->n_mentions * sizeof *mentions);
    job->mentions = mentions;
    for (size_t s = 0; s < t->n_sents; s++) {
        size_t n;
        lede_status st = sentence_words(job, &t->sents[s], words, word_tok, &n);
        if (st != LEDE_OK)
            return st;
        ner_model_tag(m, job->ctx->gaz, words, n, scratch, tags);
        add_mentions(job, tags, word_tok, n);
    }
    return LEDE_OK;
}

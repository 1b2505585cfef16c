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
/* Inputs up to this many tokens are tagged with stack buffers only (32 KiB). */
#define NER_STACK_TOKENS 64

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

/*
 * An empty token ("") separates sentences: a caller may pass a whole document
 * at once, and the tagger then uses hints from the whole document (how each
 * word is written elsewhere in it). Separators get the tag "O".
 */
lede_status lede_tag_tokens(const lede_ctx *ctx, const char *const *tokens,
                            size_t n_tokens, const char **tags_out) {
    return lede_tag_tokens_conf(ctx, tokens, n_tokens, tags_out, NULL);
}

lede_status lede_tag_tokens_conf(const lede_ctx *ctx, const char *const *tokens,
                                 size_t n_tokens, const char **tags_out,
                                 float *conf_out) {
    if (!ctx || (n_tokens && (!tokens || !tags_out)))
        return LEDE_ERR_INVALID;
    for (size_t i = 0; i < n_tokens; i++) {
        tags_out[i] = ner_tag_names[NER_O];
        if (conf_out)
            conf_out[i] = 1.0f;
    }
    if (!ctx->ner || !n_tokens)
        return LEDE_OK;
    ner_word stack_words[NER_STACK_TOKENS];
    uint8_t stack_tags[NER_STACK_TOKENS];
    float stack_conf[NER_STACK_TOKENS];
    size_t stack_sents[NER_STACK_TOKENS + 1];
    _Alignas(16) unsigned char stack_scratch[NER_STACK_TOKENS * 512];
    ner_word *words = stack_words;
    uint8_t *tags = stack_tags;
    float *conf = stack_conf;
    size_t *sent_begin = stack_sents;
    void *scratch = stack_scratch;
    void *heap = NULL;
    size_t need = ner_scratch_size(n_tokens);
    if (n_tokens > NER_STACK_TOKENS || need > sizeof stack_scratch) {
        size_t at = (need + 15) & ~(size_t)15;
        heap = malloc(at +
                      n_tokens * (sizeof *words + sizeof *sent_begin + sizeof *conf + 1) +
                      sizeof *sent_begin);
        if (!heap)
            return LEDE_ERR_NOMEM;
        scratch = heap;
        words = (ner_word *)((char *)heap + at);
        sent_begin = (size_t *)(words + n_tokens);
        conf = (float *)(sent_begin + n_tokens + 1);
        tags = (uint8_t *)(conf + n_tokens);
    }
    size_t n_words = 0, n_sents = 0;
    sent_begin[0] = 0;
    for (size_t i = 0; i < n_tokens; i++) {
        size_t len = strlen(tokens[i]);
        if (!len) {
            if (n_words > sent_begin[n_sents])
                sent_begin[++n_sents] = n_words;
            continue;
        }
        words[n_words++] = (ner_word){tokens[i], len};
    }
    if (n_words > sent_begin[n_sents])
        sent_begin[++n_sents] = n_words;
    ner_model_tag_doc_conf(ctx->ner, ctx->gaz, words, sent_begin, n_sents, scratch, tags,
                           conf_out ? conf : NULL, NER_CONF_ALL);
    for (size_t i = 0, w = 0; i < n_tokens; i++)
        if (tokens[i][0]) {
            if (conf_out)
                conf_out[i] = conf[w];
            tags_out[i] = ner_tag_names[tags[w++]];
        }
    free(heap);
    return LEDE_OK;
}

/* ---------------------------------------------------------------- pipeline */

/* The tagger sees CoNLL-style words: a possessive "'s" is its own word, and
 * typographic punctuation reads as the ASCII the training text uses. */
static const struct {
    const char *utf8; /* three bytes each */
    char ascii;
} ner_punct_map[] = {
    {"\xE2\x80\x98", '\''}, {"\xE2\x80\x99", '\''}, /* ' ' */
    {"\xE2\x80\x9C", '"'},  {"\xE2\x80\x9D", '"'},  /* " " */
    {"\xE2\x80\x93", '-'},  {"\xE2\x80\x94", '-'},  /* en and em dash */
};
#define NER_PUNCT_UTF8_LEN 3

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

/* Pronoun clitics the training text writes as their own words ("We 're",
 * "I 'm"), matched case-insensitively at the end of a word, with a straight
 * or a typographic apostrophe; the tagger sees the ASCII form. ("n't" stays
 * glued: "Do" of a split "Don't" reads as a name to the model.) */
static const char *const ner_clitics[] = {"'re", "'ve", "'ll", "'m", "'d"};
/* The longest clitic in bytes: "'re" with the three-byte typographic
 * apostrophe, U+2019, whose first byte is NER_TYPO_APOSTROPHE_LEAD. */
#define NER_CLITIC_MAX_BYTES 5
#define NER_TYPO_APOSTROPHE_LEAD 0xE2

size_t nlp_ner_clitic_len(const char *s, size_t len, const char **ascii) {
    /* Every clitic starts with its apostrophe, in the last NER_CLITIC_MAX_BYTES
     * bytes of the word: a word with none there (nearly all) skips the table. */
    size_t from = len > NER_CLITIC_MAX_BYTES ? len - NER_CLITIC_MAX_BYTES : 0;
    bool apostrophe = false;
    for (size_t i = from; i < len && !apostrophe; i++)
        apostrophe = s[i] == '\'' || (unsigned char)s[i] == NER_TYPO_APOSTROPHE_LEAD;
    if (!apostrophe)
        return 0;
    for (size_t i = 0; i < sizeof ner_clitics / sizeof *ner_clitics; i++) {
        const char *c = ner_clitics[i];
        size_t n = strlen(c), apos = (size_t)(strchr(c, '\'') - c);
        for (int typo = 0; typo < 2; typo++) {
            size_t clen = n + (typo ? 2 : 0);
            if (len <= clen)
                continue;
            const char *tail = s + len - clen;
            bool ok = true;
            for (size_t j = 0, k = 0; j < n && ok; j++) {
                if (j == apos) {
                    ok = typo ? !memcmp(tail + k, "\xE2\x80\x99", 3) : tail[k] == '\'';
                    k += typo ? 3 : 1;
                } else {
                    ok = (tail[k] | 0x20) == c[j];
                    k++;
                }
            }
            unsigned char before = (unsigned char)tail[-1];
            if (ok && ((before | 0x20) >= 'a' && (before | 0x20) <= 'z')) {
                *ascii = c;
                return clen;
            }
        }
    }
    return 0;
}

/* The mapped ASCII byte of typographic punctuation at s, or 0. */
static char punct_ascii(const char *s, size_t left) {
    if (left < NER_PUNCT_UTF8_LEN || (unsigned char)s[0] != 0xE2)
        return 0;
    for (size_t i = 0; i < sizeof ner_punct_map / sizeof *ner_punct_map; i++)
        if (!memcmp(s, ner_punct_map[i].utf8, NER_PUNCT_UTF8_LEN))
            return ner_punct_map[i].ascii;
    return 0;
}

/* s with typographic punctuation made ASCII (a copy from the arena), or s
 * itself when it has none. */
static const char *ascii_punct(lede_arena *a, const char *s, size_t len,
                               size_t *out_len) {
    *out_len = len;
    bool any = false;
    for (size_t i = 0; i < len && !any; i++)
        any = punct_ascii(s + i, len - i) != 0;
    if (!any)
        return s;
    char *out = arena_alloc(a, len + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        char c = punct_ascii(s + i, len - i);
        if (c) {
            out[o++] = c;
            i += NER_PUNCT_UTF8_LEN;
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
        const char *clitic = NULL;
        if ((suffix = nlp_ner_clitic_len(w, len, &clitic)) != 0) {
            words[n] = (ner_word){w, len - suffix};
            word_tok[n++] = k;
            words[n] = (ner_word){clitic, strlen(clitic)};
            word_tok[n++] = k;
            continue;
        }
        size_t clean_len;
        const char *clean = ascii_punct(job->arena, w, len, &clean_len);
        if (!clean)
            return LEDE_ERR_NOMEM;
        words[n] = (ner_word){clean, clean_len};
        word_tok[n++] = k;
    }
    *n_out = n;
    return LEDE_OK;
}

/* Appends the mentions of one tagged sentence (word tags -> token spans); a
 * mention's confidence is the least posterior of its words' tags. */
static void add_mentions(lede_job *job, const uint8_t *tags, const float *conf,
                         const uint32_t *word_tok, size_t n) {
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
        float c = 1.0f;
        for (size_t k = i; k < j; k++)
            c = conf[k] < c ? conf[k] : c;
        nlp_mention *prev = job->n_mentions ? &job->mentions[job->n_mentions - 1] : NULL;
        if (!prev || prev->tok_end <= tb)
            job->mentions[job->n_mentions++] =
                (nlp_mention){tb, te, ner_tag_type(begin), -1, c};
        i = j;
    }
}

/* Words of the longest window the tagger sees at once in the pipeline: the
 * document-wide hints work within it. About ten long news articles. */
#define NER_WINDOW_WORDS 8192

/* A sentence longer than this (a page of text with no full stop) is tagged in
 * pieces of this many words, so that a window, and its scratch memory, stays
 * bounded whatever the text. */
#define NER_MAX_SENT_WORDS 1024

/* The sentence after the last one of the window starting at sentence s. */
static size_t window_end(const size_t *sent_begin, size_t n_sents, size_t s) {
    size_t e = s + 1;
    while (e < n_sents && sent_begin[e + 1] - sent_begin[s] <= NER_WINDOW_WORDS)
        e++;
    return e;
}

lede_status nlp_ner_run(lede_job *job) {
    const nlp_text *t = &job->nlp;
    const ner_model *m = job->ctx->ner;
    if (!m || !t->n_toks)
        return LEDE_OK;
    /* The article is one document: every sentence's words first, then
     * tagging that can use document-wide hints. */
    size_t max_words = 2 * t->n_toks;
    ner_word *words = arena_alloc(job->arena, max_words * sizeof *words);
    uint32_t *word_tok = arena_alloc(job->arena, max_words * sizeof *word_tok);
    uint8_t *tags = arena_alloc(job->arena, max_words);
    float *conf = arena_alloc(job->arena, max_words * sizeof *conf);
    size_t *sent_begin = arena_alloc(job->arena, (t->n_sents + 1) * sizeof *sent_begin);
    nlp_mention *mentions =
        arena_alloc(job->arena, (job->n_mentions + t->n_toks) * sizeof *mentions);
    if (!words || !word_tok || !tags || !conf || !sent_begin || !mentions)
        return LEDE_ERR_NOMEM;
    size_t n_words = 0;
    for (size_t s = 0; s < t->n_sents; s++) {
        sent_begin[s] = n_words;
        size_t n;
        lede_status st =
            sentence_words(job, &t->sents[s], words + n_words, word_tok + n_words, &n);
        if (st != LEDE_OK)
            return st;
        n_words += n;
    }
    sent_begin[t->n_sents] = n_words;
    /* The pieces the tagger sees: sentences, the over-long ones cut. */
    size_t max_pieces = t->n_sents + n_words / NER_MAX_SENT_WORDS + 1;
    size_t *piece = arena_alloc(job->arena, (max_pieces + 1) * sizeof *piece);
    if (!piece)
        return LEDE_ERR_NOMEM;
    size_t n_pieces = 0;
    for (size_t s = 0; s < t->n_sents; s++) {
        size_t b = sent_begin[s];
        while (sent_begin[s + 1] - b > NER_MAX_SENT_WORDS) {
            piece[n_pieces++] = b;
            b += NER_MAX_SENT_WORDS;
        }
        piece[n_pieces++] = b;
    }
    piece[n_pieces] = n_words;
    /* Long texts are tagged in windows of whole sentences, so scratch memory
     * stays bounded; a news article fits in one. */
    size_t max_window = 0;
    for (size_t s = 0; s < n_pieces;) {
        size_t e = window_end(piece, n_pieces, s);
        size_t n = piece[e] - piece[s];
        max_window = n > max_window ? n : max_window;
        s = e;
    }
    void *scratch = arena_alloc(job->arena, ner_scratch_size(max_window) + 1);
    if (!scratch)
        return LEDE_ERR_NOMEM;
    for (size_t s = 0; s < n_pieces;) {
        size_t e = window_end(piece, n_pieces, s);
        ner_model_tag_doc_conf(m, job->ctx->gaz, words, piece + s, e - s, scratch, tags,
                               conf, NER_CONF_ENTITIES);
        s = e;
    }
    if (job->n_mentions)
        memcpy(mentions, job->mentions, job->n_mentions * sizeof *mentions);
    job->mentions = mentions;
    for (size_t s = 0; s < n_pieces; s++)
        add_mentions(job, tags + piece[s], conf + piece[s], word_tok + piece[s],
                     piece[s + 1] - piece[s]);
    return LEDE_OK;
}

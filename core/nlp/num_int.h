/*
 * num_int — what the stages of the numbers module share and nobody else
 * sees: the items the numbers stage reads (tokens with hyphenated words split
 * at their hyphens, each looked up once in the lexicon), the parse context,
 * small item tests, and the numeral grammar's entry points (num_numeral.c).
 */
#ifndef LEDE_NLP_NUM_INT_H
#define LEDE_NLP_NUM_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../job.h"
#include "num_tables.h"
#include "tok.h"

/* Lookahead bounds, so a parse never runs away on odd text. */
#define NUM_MAX_WORDS 24       /* items in one numeral */
#define NUM_SPACE_GROUPS_MAX 4 /* "1 414 021 100": groups after the first */

/* ---------------------------------------------------------------- items */

enum {
    IF_GLUED = 1u << 0,   /* no whitespace before */
    IF_LINE = 1u << 1,    /* first on its line or paragraph */
    IF_IDCODE = 1u << 2,  /* a piece of a code word: F-16, COVID-19 */
    IF_NOISE = 1u << 3,   /* inside a date, time, phone number, URL, ... */
    IF_CAP = 1u << 4,     /* capitalised word */
    IF_ORDINAL = 1u << 5, /* 21st */
    IF_SENT0 = 1u << 6,   /* first item of its sentence */
    IF_USED = 1u << 7,    /* already part of a claim */
};

typedef struct {
    uint32_t b0, b1, c0, c1; /* bytes and code points */
    uint8_t kind;            /* nlp_tok_kind */
    uint8_t flags;           /* IF_* */
    uint32_t sent;
    const num_lex_entry *lex;
} item;

typedef struct {
    lede_job *job;
    const char *text;
    item *it;
    size_t n;
    lede_claim *claims;
    size_t n_claims, cap_claims;
    const char **sent_text; /* cached sentence strings */
    /* Context words of the current sentence, one bit per num_lex_table,
     * found once per sentence so every lookup is O(1). */
    uint32_t cues;
} nctx;

static inline size_t ilen(const nctx *x, size_t k) { return x->it[k].b1 - x->it[k].b0; }
static inline const char *itext(const nctx *x, size_t k) { return x->text + x->it[k].b0; }

static inline bool ieq(const nctx *x, size_t k, const char *s) {
    size_t n = strlen(s);
    if (ilen(x, k) != n)
        return false;
    const char *t = itext(x, k);
    for (size_t i = 0; i < n; i++) {
        char c = t[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != s[i])
            return false;
    }
    return true;
}

static inline bool is_char(const nctx *x, size_t k, char c) {
    return ilen(x, k) == 1 && itext(x, k)[0] == c;
}

static inline bool is_hyphen(const nctx *x, size_t k) {
    return x->it[k].kind == NLP_TOK_DASH && ilen(x, k) == 1 && itext(x, k)[0] == '-';
}

static inline bool is_dash(const nctx *x, size_t k) {
    return x->it[k].kind == NLP_TOK_DASH;
}

static inline bool glued(const nctx *x, size_t k) {
    return (x->it[k].flags & IF_GLUED) != 0;
}

/* The first lexicon reference of a table on item k, or NULL. */
static inline const num_lex_ref *lex_ref(const nctx *x, size_t k, uint8_t table) {
    const num_lex_entry *e = x->it[k].lex;
    if (!e)
        return NULL;
    for (size_t i = 0; i < e->n_refs; i++)
        if (e->refs[i].table == table)
            return &e->refs[i];
    return NULL;
}

static inline bool in_list(const nctx *x, size_t k, uint8_t table) {
    return lex_ref(x, k, table) != NULL;
}

static inline const num_word *numword(const nctx *x, size_t k) {
    if (x->it[k].kind != NLP_TOK_WORD)
        return NULL;
    const num_lex_ref *r = lex_ref(x, k, LX_NUMWORD);
    return r ? &NUM_WORDS[r->index] : NULL;
}

/* ---------------------------------------------------------------- numerals */

typedef struct {
    double v;
    size_t b, e;    /* items [b, e) */
    bool words;     /* written with number words */
    bool ordinal;   /* "fourth", "21st" */
    bool fraction;  /* "a third", "3/4" */
    bool plain_int; /* digits only, no separators or decimals */
    bool decimal;   /* digits with a decimal part */
    double scale;   /* the last scale word or suffix applied (1 if none) */
    bool m_suffix;  /* ended with a glued "m" read as million (to confirm) */
    size_t ndigits; /* digits of a plain integer */
} numeral;

/* Longest phrase of a table starting at item k whose flags include `need`
 * and none of `reject`; returns items used and the lexicon index in *idx
 * (numbers.c). */
size_t numbers_best_phrase(const nctx *x, size_t k, size_t end, uint8_t table,
                           unsigned need, unsigned reject, uint16_t *idx);

/* Value of a digit item: "100,000" "3.5" ".08" "12,34,567"; false for
 * versions and dates ("1.2.3"). */
bool num_numeral_digits(const nctx *x, size_t k, double *v, bool *plain, bool *decimal,
                        size_t *ndigits);

/* Is item k (before end) a number written in digits? */
bool num_numeral_is_num(const nctx *x, size_t k, size_t end);

/* The integer value of digit item k, or -1. */
double num_numeral_int(const nctx *x, size_t k, size_t end);

/* Parses the numeral starting at item k: digits with separators, decimals
 * and glued scales, number words of any size, fractions, mixed numbers and
 * ordinals. currency_before says a currency sign precedes it. */
bool num_numeral_parse(const nctx *x, size_t k, size_t end, bool currency_before,
                       numeral *out);

#endif

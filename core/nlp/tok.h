/*
 * tok — the tokenizer and sentence splitter that every language stage shares.
 *
 * The article text is tokenised exactly once; entities, quotes and numbers all
 * read the same token array. Tokens keep byte offsets (for slicing the text)
 * and code-point offsets (what the API reports). Whitespace is not a token.
 */
#ifndef LEDE_NLP_TOK_H
#define LEDE_NLP_TOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../arena.h"
#include "lede/lede.h"

typedef enum {
    NLP_TOK_WORD = 0, /* letters, with inner apostrophes, hyphens, abbreviation dots */
    NLP_TOK_NUMBER,   /* digits with separators and decimals: 100,000 3.5 21st */
    NLP_TOK_PUNCT,    /* . , ; : ! ? ( ) ... */
    NLP_TOK_QUOTE,    /* " “ ” ' ‘ ’ « » and friends */
    NLP_TOK_DASH,     /* - – — */
    NLP_TOK_SYMBOL,   /* $ € £ % & / and other symbols */
} nlp_tok_kind;

enum {
    NLP_TF_CAP = 1u << 0,            /* first letter upper case */
    NLP_TF_ALLCAPS = 1u << 1,        /* every letter upper case (and more than one) */
    NLP_TF_SENT_START = 1u << 2,     /* first token of a sentence */
    NLP_TF_SPACE_BEFORE = 1u << 3,   /* whitespace precedes the token */
    NLP_TF_PARA_START = 1u << 4,     /* first token of a paragraph */
    NLP_TF_ABBREV = 1u << 5,         /* a known abbreviation ("U.S.", "Gen.") */
    NLP_TF_OPEN_QUOTE = 1u << 6,     /* a quote mark that opens */
    NLP_TF_CLOSE_QUOTE = 1u << 7,    /* a quote mark that closes */
    NLP_TF_NEWLINE_BEFORE = 1u << 8, /* a line break precedes the token */
    NLP_TF_ORDINAL = 1u << 9,        /* a number with an ordinal suffix: 21st */
    NLP_TF_HYPHENATED = 1u << 10,    /* a word joined by inner hyphens: forty-five */
};

typedef struct {
    uint32_t start, end;       /* byte offsets into the text, end exclusive */
    uint32_t cp_start, cp_end; /* the same in code points */
    uint16_t kind;             /* nlp_tok_kind */
    uint16_t flags;            /* NLP_TF_* */
    uint32_t sent;             /* index of its sentence */
} nlp_token;

typedef struct {
    uint32_t tok_begin, tok_end; /* tokens [begin, end) */
    uint32_t start, end;         /* byte offsets of the sentence */
    uint32_t para;               /* paragraph index (paragraphs split on "\n\n") */
} nlp_sentence;

typedef struct {
    const char *text;
    size_t len;
    nlp_token *toks;
    size_t n_toks;
    nlp_sentence *sents;
    size_t n_sents;
} nlp_text;

/* Tokenises and sentence-splits text[0..len) (valid UTF-8) into *out; all
 * arrays come from the arena. Linear in len.
 *
 * Token rules in short (details in tok.c):
 * - words: letters of any script and digits after a letter ("A380"), joined
 *   over inner apostrophes ("don't", "O'Brien"), hyphens ("forty-five",
 *   "F-16") and inner dots ("U.S.", "e.g."); a possessive "'s" is a token of
 *   its own ("Putin" "'s"); known abbreviations and initials keep their dot
 *   and carry NLP_TF_ABBREV.
 * - numbers: digits with thousands separators and decimals ("100,000",
 *   "3.5", ".08", "12,34,567"); an ordinal suffix stays in the token ("21st",
 *   NLP_TF_ORDINAL); any other letters glued to a number start a new word
 *   token without NLP_TF_SPACE_BEFORE ("1.2m" is "1.2" + "m"), so the number
 *   stage can read the suffix as a multiplier or a unit. Vulgar fraction
 *   characters ("½") are numbers.
 * - a sentence never crosses a paragraph ("\n\n"). */
lede_status nlp_tokenize(lede_arena *a, const char *text, size_t len, nlp_text *out);

/* True when token i is exactly s (nlp_tok_ieq: ASCII case-insensitive, s in
 * lower case). */
bool nlp_tok_eq(const nlp_text *t, size_t i, const char *s);
bool nlp_tok_ieq(const nlp_text *t, size_t i, const char *s);

#endif

/*
 * num_tables — the word lists of the numbers stage, as data: number words,
 * scales, ordinals and fraction words, qualifiers, change verbs, months,
 * identifier words, units of measure and currencies, plus a read-only lexicon
 * (a hash from a lower-cased word to every table row it can start) built once
 * per process and shared by all threads.
 *
 * Phrases are written as lower-case pieces separated by single spaces, each
 * piece being one token as the tokenizer cuts it ("km / h", "metric tons",
 * "u.s. $"). Rows flagged NUM_EXACT compare case-sensitively ("MB" is a
 * megabyte, "mb" a megabit).
 */
#ifndef LEDE_NLP_NUM_TABLES_H
#define LEDE_NLP_NUM_TABLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------------------------- number words */

typedef enum {
    NW_ZERO = 1,  /* zero nought naught */
    NW_UNIT,      /* one .. nine */
    NW_TEEN,      /* ten .. nineteen */
    NW_TENS,      /* twenty .. ninety */
    NW_HUNDRED,   /* hundred */
    NW_SCALE,     /* thousand million billion trillion lakh crore dozen */
    NW_ORD,       /* first .. nineteenth (value 1..19) */
    NW_ORD_TENS,  /* twentieth .. ninetieth */
    NW_ORD_SCALE, /* hundredth thousandth millionth billionth trillionth */
    NW_FRAC_HALF, /* half halves quarter quarters: denominators with no ordinal */
} num_word_class;

typedef struct {
    const char *word;
    uint8_t cls;  /* num_word_class */
    bool plural;  /* "thirds", "dozens", "halves" */
    double value; /* the cardinal, ordinal or scale */
} num_word;

/* ---------------------------------------------------------------- phrases */

enum {
    NUM_EXACT = 1u << 0,      /* compare case-sensitively */
    NUM_PL = 1u << 1,         /* the last piece also takes a plural -s/-es */
    NUM_GLUED = 1u << 2,      /* only when written against the number: "10k", "A$5" */
    NUM_SPACED = 1u << 3,     /* only when separated from the number */
    NUM_AMBIG = 1u << 4,      /* needs context (pounds: money or mass; degrees) */
    NUM_SUB = 1u << 5,        /* a currency subunit (cent, penny) */
    NUM_PREFIX = 1u << 6,     /* a currency written before the number */
    NUM_SUFFIX = 1u << 7,     /* a currency written after the number */
    NUM_NEEDS_PREV = 1u << 8, /* a unit only after another unit ("5 ft 2 in") */
};

typedef struct {
    const char *phrase; /* pieces, lower case unless NUM_EXACT */
    const char *unit;   /* canonical unit ("km", "°C", "mph") */
    const char *dim;    /* "length", "mass", ... */
    unsigned flags;
} num_unit;

typedef struct {
    const char *phrase;
    const char *iso;  /* ISO 4217 code or NULL when the phrase does not say */
    const char *name; /* English name ("Dollar", "Swiss franc") */
    unsigned flags;   /* NUM_PREFIX / NUM_SUFFIX / NUM_SUB / NUM_GLUED ... */
} num_currency;

typedef struct {
    const char *phrase;
    double factor; /* multiplier written after a number: "k", "bn", "million" */
    unsigned flags;
} num_scale_suffix;

typedef enum {
    QK_APPROX = 1,
    QK_AT_LEAST,
    QK_AT_MOST,
    QK_MORE_THAN,
    QK_LESS_THAN,
    QK_UP_TO,
    QK_BETWEEN,
    QK_EQUAL,      /* "equal to 20": exact; no contract qualifier */
    QK_JUST_UNDER, /* "nearly", "almost": a little below */
    QK_EXACTLY,
} num_qual_kind;

typedef struct {
    const char *phrase;
    uint8_t kind; /* num_qual_kind */
    bool postfix; /* written after the quantity: "or more", "or so" */
} num_qualifier;

typedef struct {
    const char *word;
    int8_t direction; /* +1 increase, -1 decrease */
} num_change_verb;

/* Which table a lexicon reference points into. */
typedef enum {
    LX_NUMWORD = 1,
    LX_UNIT,
    LX_CURRENCY,
    LX_SCALE_SUFFIX,
    LX_QUALIFIER,
    LX_CHANGE,
    LX_MONTH,
    LX_IDWORD,    /* "No.", "Chapter", "version": a number after it names, not counts */
    LX_STOPWORD,  /* function words that are never a counted noun */
    LX_TIMEWORD,  /* am pm a.m. p.m. GMT: a number before it is a time */
    LX_STREET,    /* Street, Avenue, Road: addresses */
    LX_YEARPREP,  /* in, since, until: a four-digit number after it is a year */
    LX_TEMPCUE,   /* temperature, warm, cold: degrees are a temperature */
    LX_ANGLECUE,  /* rotate, angle: degrees are an angle */
    LX_MONEYCUE,  /* paid, cost, sterling: pounds are money */
    LX_ONEBLOCK,  /* which, that, each: "one" after them is a pronoun */
    LX_ADJ,       /* new, more, other: skipped before a counted noun */
    LX_PLURAL,    /* people, police, children: plurals without -s */
    LX_STREETPRE, /* via, corso, calle: a street word before the name, the number after */
} num_lex_table;

typedef struct {
    uint8_t table; /* num_lex_table */
    uint16_t index;
} num_lex_ref;

#define NUM_LEX_MAX_REFS 16

typedef struct {
    const char *key; /* lower case */
    uint8_t n_refs;
    num_lex_ref refs[NUM_LEX_MAX_REFS];
} num_lex_entry;

/* Initialises the lexicon once (thread-safe); later calls return at once. */
void num_lex_init(void);

/* The entry of a lower-cased word, or NULL. */
const num_lex_entry *num_lex_find(const char *lower, size_t n);

/* Phrase text of a row (after plural expansion). */
const char *num_lex_phrase(uint8_t table, uint16_t index);
unsigned num_lex_flags(uint8_t table, uint16_t index);

/* The tables (defined in num_tables.c and units.c). Plural expansion happens
 * in the lexicon: these arrays are the rows as written. */
extern const num_word NUM_WORDS[];
extern const size_t N_NUM_WORDS;
extern const num_unit NUM_UNITS[];
extern const size_t N_NUM_UNITS;
extern const num_currency NUM_CURRENCIES[];
extern const size_t N_NUM_CURRENCIES;
extern const num_scale_suffix NUM_SCALES[];
extern const size_t N_NUM_SCALES;
extern const num_qualifier NUM_QUALIFIERS[];
extern const size_t N_NUM_QUALIFIERS;
extern const num_change_verb NUM_CHANGES[];
extern const size_t N_NUM_CHANGES;

/* Plain word lists, one per num_lex_table from LX_MONTH on. */
typedef struct {
    uint8_t table;
    const char *const *words;
} num_word_list;
extern const num_word_list NUM_WORD_LISTS[];
extern const size_t N_NUM_WORD_LISTS;

/* The table row behind an expanded LX_UNIT / LX_CURRENCY lexicon index. */
const num_unit *num_unit_row(uint16_t index);
const num_currency *num_currency_row(uint16_t index);

/* English name of a currency by ISO code ("USD" -> "Dollar"), or NULL. */
const char *num_currency_name(const char *iso);

#endif

/*
 * num_role — claims and non-claims among the numbers found (see num_role.h).
 *
 * Every rule looks at a few tokens around the number, never at one text:
 * - "one" (spelled out, with no qualifier but "about") counts something only
 *   when restricted ("only one", "just one"), compared with another number
 *   close after it ("one of the four", "one crew from two", "one in five")
 *   or followed by a casualty word ("one person was killed"); otherwise it
 *   is the pronoun or the indefinite article of English ("one of my
 *   friends", "an important one", "One delegate said").
 * - an ordinal is a claim when it ranks: after a verb of ranking ("finished
 *   second"), before "place" or a superlative ("second-place",
 *   "third-largest", "the second most votes"; not the idiom "in the first
 *   place"), "the Nth time" for N > 1 (it
 *   says how often), or "the first ... to <verb>" (a first to do something);
 *   else it only orders ("the sixth debate", "the first time").
 * - a capitalised number word inside a sentence that is not in title case
 *   names something ("the Fight for Fifteen campaign").
 * - a run of many digits without separators is an identifier: prose writes
 *   large numbers with separators or scale words.
 * - digits glued after "YYYY-" are the month and day of an ISO date.
 * Word lists are common English words, written for lede.
 */
#include "num_role.h"

#include <string.h>

#define ROLE_ONE_LOOKAHEAD 5  /* tokens after "one" where a compared number may stand */
#define ROLE_TO_WINDOW 6      /* tokens between "the first" and its "to <verb>" */
#define ROLE_ID_MIN_DIGITS 10 /* digits without separators that make an identifier */
#define ROLE_YEAR_MIN 1900    /* attributive years: the span of modern news */
#define ROLE_YEAR_MAX 2100
/* A sentence with a larger share of capitalised words is a title. */
#define ROLE_TITLE_CASE_SHARE 0.5

typedef struct {
    const nlp_text *t;
    size_t i;      /* token of the number */
    size_t sb, se; /* tokens of its sentence */
} role_ctx;

static bool tok_eq(const nlp_text *t, size_t i, const char *w) {
    const nlp_token *k = &t->toks[i];
    size_t n = k->end - k->start;
    if (strlen(w) != n)
        return false;
    for (size_t j = 0; j < n; j++) {
        char c = t->text[k->start + j];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != w[j])
            return false;
    }
    return true;
}

static bool tok_in(const nlp_text *t, size_t i, const char *const *list) {
    for (size_t j = 0; list[j]; j++)
        if (tok_eq(t, i, list[j]))
            return true;
    return false;
}

static bool is_kind(const nlp_text *t, size_t i, nlp_tok_kind k) {
    return t->toks[i].kind == k;
}

static bool glued(const nlp_text *t, size_t i) {
    return !(t->toks[i].flags & NLP_TF_SPACE_BEFORE);
}

/* The token holding code point cp (the last one starting at or before it). */
static size_t token_at(const nlp_text *t, size_t cp) {
    size_t lo = 0, hi = t->n_toks;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->toks[mid].cp_start <= cp)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The first token starting at or after code point cp. */
static size_t token_from(const nlp_text *t, size_t cp) {
    size_t i = token_at(t, cp);
    while (i < t->n_toks && t->toks[i].cp_start < cp)
        i++;
    return i;
}

static size_t n_digits(const nlp_text *t, size_t i, bool *separators) {
    const nlp_token *k = &t->toks[i];
    size_t n = 0;
    *separators = false;
    for (uint32_t b = k->start; b < k->end; b++) {
        char c = t->text[b];
        if (c >= '0' && c <= '9')
            n++;
        else
            *separators = true;
    }
    return n;
}

static long small_int(const nlp_text *t, size_t i) {
    const nlp_token *k = &t->toks[i];
    long v = 0;
    for (uint32_t b = k->start; b < k->end; b++) {
        char c = t->text[b];
        if (c < '0' || c > '9' || v > ROLE_YEAR_MAX)
            return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

static bool is_year_token(const nlp_text *t, size_t i) {
    bool sep;
    if (!is_kind(t, i, NLP_TOK_NUMBER) || n_digits(t, i, &sep) != 4 || sep)
        return false;
    long v = small_int(t, i);
    return v >= ROLE_YEAR_MIN && v <= ROLE_YEAR_MAX;
}

/* Punctuation that ends a phrase: a number after it is not compared. */
static bool phrase_break(const nlp_text *t, size_t i) {
    return is_kind(t, i, NLP_TOK_PUNCT) || is_kind(t, i, NLP_TOK_DASH) ||
           is_kind(t, i, NLP_TOK_QUOTE);
}

/* ---------------------------------------------------------------- "one" */

static const char *const RESTRICTIVE[] = {"only",   "just",   "exactly", "merely",
                                          "solely", "single", NULL};
static const char *const CARDINAL_WORDS[] = {
    "two",     "three",   "four",      "five",     "six",      "seven",    "eight",
    "nine",    "ten",     "eleven",    "twelve",   "thirteen", "fourteen", "fifteen",
    "sixteen", "twenty",  "thirty",    "forty",    "fifty",    "sixty",    "seventy",
    "eighty",  "ninety",  "hundred",   "thousand", "million",  "billion",  "dozen",
    "half",    "quarter", "seventeen", "eighteen", "nineteen", NULL};
static const char *const CASUALTY[] = {"killed",   "dead",     "died",    "dies",
                                       "injured",  "wounded",  "hurt",    "missing",
                                       "arrested", "detained", "rescued", NULL};

static const char *one_role(const role_ctx *r, const lede_claim *c) {
    const nlp_text *t = r->t;
    if (!tok_eq(t, r->i, "one") || c->kind != LEDE_CLAIM_COUNT)
        return NULL;
    if (c->qualifier != LEDE_QUAL_NONE && c->qualifier != LEDE_QUAL_APPROXIMATELY)
        return NULL; /* "more than one", "at least one" */
    if (r->i > r->sb && tok_in(t, r->i - 1, RESTRICTIVE))
        return NULL;
    for (size_t j = r->i + 1; j < r->se && j <= r->i + ROLE_ONE_LOOKAHEAD; j++) {
        if (phrase_break(t, j))
            break;
        if ((is_kind(t, j, NLP_TOK_NUMBER) && !is_year_token(t, j)) ||
            tok_in(t, j, CARDINAL_WORDS) || tok_in(t, j, CASUALTY))
            return NULL;
    }
    return "pronoun";
}

/* ---------------------------------------------------------------- ordinals */

static const char *const RANK_VERBS[] = {
    "finished", "finish", "finishes", "finishing", "came",   "come", "comes",
    "coming",   "placed", "place",    "places",    "ranked", "rank", "ranks",
    "ranking",  "rated",  "seeded",   "is",        "was",    "were", "are",
    "be",       "been",   "slipped",  "climbed",   "rose",   "fell", "dropped",
    "moved",    "stands", "stood",    "sits",      "sat",    NULL};
static const char *const SUPERLATIVES[] = {
    "most",     "least",      "largest", "biggest",   "highest",  "lowest",
    "best",     "worst",      "fewest",  "greatest",  "oldest",   "youngest",
    "richest",  "poorest",    "busiest", "fastest",   "slowest",  "longest",
    "shortest", "strongest",  "weakest", "deadliest", "smallest", "tallest",
    "heaviest", "wealthiest", "hottest", "coldest",   "warmest",  "wettest",
    "driest",   "safest",     "closest", "costliest", "top",      NULL};
static const char *const OWNERS[] = {"the", "his",  "her", "its", "their", "our",
                                     "my",  "your", "'s",  "’s",  NULL};

/* The part of a hyphenated token after its first hyphen ("largest" in
 * "third-largest"), as a token-sized comparison. */
static bool hyphen_tail_is(const nlp_text *t, size_t i, const char *const *list) {
    const nlp_token *k = &t->toks[i];
    const char *s = t->text + k->start;
    size_t n = k->end - k->start;
    const char *h = memchr(s, '-', n);
    if (!h)
        return false;
    const char *w = h + 1;
    size_t m = (size_t)(s + n - w);
    for (size_t j = 0; list[j]; j++) {
        if (strlen(list[j]) != m)
            continue;
        size_t q = 0;
        while (q < m && (w[q] | 0x20) == list[j][q])
            q++;
        if (q == m)
            return true;
    }
    return false;
}

static const char *const PLACE[] = {"place", "places", NULL};
/* Subject pronouns: a relative clause starts ("the first thing he had the
 * nerve to say"), so a later "to" is not the first's. */
static const char *const SUBJECT_PRONOUNS[] = {"i",  "you",  "he",  "she",  "it",
                                               "we", "they", "who", "that", NULL};

/* "the first woman to lead", "the first to say": a "to" and a lower-case
 * word soon after an ordinal that follows a determiner. */
static bool first_to(const role_ctx *r) {
    const nlp_text *t = r->t;
    if (r->i == r->sb || !tok_in(t, r->i - 1, OWNERS))
        return false;
    for (size_t j = r->i + 1; j + 1 < r->se && j <= r->i + ROLE_TO_WINDOW; j++) {
        if (phrase_break(t, j) || tok_in(t, j, SUBJECT_PRONOUNS))
            return false;
        if (tok_eq(t, j, "to") && is_kind(t, j + 1, NLP_TOK_WORD) &&
            !(t->toks[j + 1].flags & NLP_TF_CAP))
            return true;
    }
    return false;
}

static const char *ordinal_role(const role_ctx *r, const lede_claim *c) {
    const nlp_text *t = r->t;
    if (c->kind != LEDE_CLAIM_ORDINAL)
        return NULL;
    if (hyphen_tail_is(t, r->i, PLACE) || hyphen_tail_is(t, r->i, SUPERLATIVES))
        return NULL;
    if (r->i > r->sb && tok_in(t, r->i - 1, RANK_VERBS))
        return NULL;
    size_t nx = token_from(t, c->end);
    /* "in the first place" is the idiom (originally), not a rank */
    bool idiom =
        r->i >= r->sb + 2 && tok_eq(t, r->i - 1, "the") && tok_eq(t, r->i - 2, "in");
    if (nx < r->se && ((tok_in(t, nx, PLACE) && !idiom) || tok_in(t, nx, SUPERLATIVES)))
        return NULL;
    if (nx < r->se && c->value >= 2 && (tok_eq(t, nx, "time") || tok_eq(t, nx, "times")))
        return NULL;
    if (first_to(r))
        return NULL;
    return "sequence";
}

/* ---------------------------------------------------------------- names, ids */

static bool title_case(const role_ctx *r) {
    size_t words = 0, caps = 0;
    for (size_t j = r->sb; j < r->se; j++) {
        if (!is_kind(r->t, j, NLP_TOK_WORD))
            continue;
        words++;
        caps += (r->t->toks[j].flags & NLP_TF_CAP) != 0;
    }
    return words && (double)caps > ROLE_TITLE_CASE_SHARE * (double)words;
}

static const char *name_role(const role_ctx *r) {
    const nlp_text *t = r->t;
    const nlp_token *k = &t->toks[r->i];
    if (k->kind != NLP_TOK_WORD || !(k->flags & NLP_TF_CAP) ||
        (k->flags & NLP_TF_SENT_START) || r->i == r->sb)
        return NULL;
    /* a spelled number only: "USD115" is a currency code and its amount */
    for (uint32_t b = k->start; b < k->end; b++)
        if (t->text[b] >= '0' && t->text[b] <= '9')
            return NULL;
    /* after an opening quote, a colon or a dash a new phrase starts */
    if (phrase_break(t, r->i - 1) && !tok_eq(t, r->i - 1, ","))
        return NULL;
    return title_case(r) ? NULL : "name";
}

static const char *id_role(const role_ctx *r, const lede_claim *c) {
    const nlp_text *t = r->t;
    if (!is_kind(t, r->i, NLP_TOK_NUMBER) || c->unit || c->currency)
        return NULL;
    bool sep;
    if (n_digits(t, r->i, &sep) >= ROLE_ID_MIN_DIGITS && !sep)
        return "identifier";
    /* "2016-06-28": the number after "YYYY-" */
    if (r->i >= 2 && glued(t, r->i) && is_kind(t, r->i - 1, NLP_TOK_DASH) &&
        glued(t, r->i - 1) && is_year_token(t, r->i - 2))
        return "date";
    return NULL;
}

/* ---------------------------------------------------------------- api */

static role_ctx role_at(const nlp_text *t, const lede_claim *c) {
    role_ctx r = {.t = t, .i = token_at(t, c->num_start)};
    const nlp_sentence *s = &t->sents[t->toks[r.i].sent];
    r.sb = s->tok_begin;
    r.se = s->tok_end;
    return r;
}

const char *num_role_non_claim(const nlp_text *t, const lede_claim *c) {
    if (!t->n_toks)
        return NULL;
    role_ctx r = role_at(t, c);
    const char *why = name_role(&r);
    if (!why)
        why = one_role(&r, c);
    if (!why)
        why = ordinal_role(&r, c);
    if (!why)
        why = id_role(&r, c);
    return why;
}

bool num_role_attributive_year(const nlp_text *t, const lede_claim *c) {
    if (!t->n_toks || c->kind != LEDE_CLAIM_COUNT || c->has_range)
        return false;
    role_ctx r = role_at(t, c);
    if (!is_year_token(t, r.i) || c->num_end != t->toks[r.i].cp_end)
        return false;
    return r.i > r.sb && tok_in(t, r.i - 1, OWNERS) && r.i + 1 < r.se &&
           is_kind(t, r.i + 1, NLP_TOK_WORD);
}

void num_role_mark(const nlp_text *t, lede_claim *claims, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (num_role_attributive_year(t, &claims[i])) {
            claims[i].kind = LEDE_CLAIM_YEAR;
            continue;
        }
        claims[i].non_claim = num_role_non_claim(t, &claims[i]);
    }
}

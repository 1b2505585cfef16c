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
 *   says how often), "the first ... to <verb>" (a first to do something) or
 *   an ordinal before a word of a social group ("the first black president");
 *   else it only orders ("the sixth debate", "the first time").
 * - a capitalised number word inside a sentence that is not in title case
 *   names something ("the Fight for Fifteen campaign").
 * - a run of many digits without separators is an identifier: prose writes
 *   large numbers with separators or scale words.
 * - digits glued after "YYYY-" are the month and day of an ISO date; so are
 *   "9/11" (when not read as a fraction), "'16", the end of "Sept 14-16" and
 *   an hour after "at" with a part of the day ("at 3 in the morning").
 * - context names a number: a model as the subject of a singular verb ("his
 *   757 was"), a number between a determiner and a noun after capitalised
 *   words ("the Super Bowl 50 show"), a race ("the 50 yard freestyle"), a
 *   calibre ("a 12-gauge shotgun"), a segment after "Name/" ("Feinstein's/54
 *   Below"), a reference's volume and pages ("28: 685-690").
 * - "52 to 48" after a word of voting or winning is a tally, like a score.
 * - idioms ("two sides of the same coin", "24/7"), compound adjectives
 *   ("one-on-one", "one-sided", "second-guessing") and "one ... the other"
 *   count nothing.
 * Word lists are common English words, written for lede.
 */
#include "num_role.h"

#include <string.h>

#include "num_tok.h"

#define ROLE_ONE_LOOKAHEAD 5    /* tokens after "one" where a compared number may stand */
#define ROLE_TO_WINDOW 6        /* tokens between "the first" and its "to <verb>" */
#define ROLE_LIST_MIN 3         /* bare numbers in a row that make a list of data */
#define ROLE_ID_MIN_DIGITS 10   /* digits without separators that make an identifier */
#define ROLE_CODE_LETTERS_MAX 2 /* capitals after "10-" in a form's name ("10-K") */
#define ROLE_YEAR_MIN 1900      /* attributive years: the span of modern news */
#define ROLE_YEAR_MAX 2100
/* A sentence with a larger share of capitalised words is a title. */
#define ROLE_TITLE_CASE_SHARE 0.5

typedef struct {
    const nlp_text *t;
    size_t i;      /* token of the number */
    size_t sb, se; /* tokens of its sentence */
} role_ctx;

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
static const char *const DISTRIBUTIVES[] = {"every", "each", NULL};
static const char *const CARDINAL_WORDS[] = {
    "two",     "three",   "four",      "five",     "six",      "seven",    "eight",
    "nine",    "ten",     "eleven",    "twelve",   "thirteen", "fourteen", "fifteen",
    "sixteen", "twenty",  "thirty",    "forty",    "fifty",    "sixty",    "seventy",
    "eighty",  "ninety",  "hundred",   "thousand", "million",  "billion",  "dozen",
    "half",    "quarter", "seventeen", "eighteen", "nineteen", NULL};
static const char *const CASUALTY[] = {"killed",   "dead",     "died",    "dies",
                                       "injured",  "wounded",  "hurt",    "missing",
                                       "arrested", "detained", "rescued", NULL};

#define ROLE_CONTRAST_WINDOW 8 /* tokens between "one" and its "the other" */

/* "one foot in front of the other", "from one side to the other", "one
 * after another": "one" set against "the other" or "another" in the same
 * phrase picks out one of a pair or a series; it counts nothing. */
static bool one_contrast(const role_ctx *r) {
    const nlp_text *t = r->t;
    for (size_t j = r->i + 1; j < r->se && j <= r->i + ROLE_CONTRAST_WINDOW; j++) {
        if (phrase_break(t, j))
            return false;
        if (tok_eq(t, j, "another") ||
            (tok_eq(t, j, "other") && j > r->i + 1 && tok_eq(t, j - 1, "the")))
            return true;
    }
    return false;
}

/* Pronouns a number word may follow as a group the hearer knows: "you two",
 * "us three". */
static const char *const GROUP_PRONOUNS[] = {"you", "we", "us", "them", NULL};

/* "Did you two get him drunk?", "give us three a minute": a number after a
 * personal pronoun names who is meant, it counts nothing new. With a noun of
 * its own ("we three kings", "you two boys") or "times" it counts. */
static bool pronoun_group(const role_ctx *r, const lede_claim *c) {
    const nlp_text *t = r->t;
    if (c->kind != LEDE_CLAIM_COUNT || c->subject || c->unit || r->i == r->sb ||
        !tok_in(t, r->i - 1, GROUP_PRONOUNS) || !is_kind(t, r->i, NLP_TOK_WORD) ||
        !tok_in(t, r->i, CARDINAL_WORDS))
        return false;
    /* "told us three times": a count of times */
    return !(r->i + 1 < r->se &&
             (tok_eq(t, r->i + 1, "times") || tok_eq(t, r->i + 1, "time")));
}

/* Words before "one of" that make it a membership, not a count: "ranked her
 * as one of the worst 20 CEOs", "he is one of 12 children" (the 20 and the 12
 * count; the one is who is meant). As the subject it counts: "one of the nine
 * judges left". */
static const char *const MEMBERSHIP[] = {
    "as",    "is",     "was",     "are",     "were",     "be",    "been",
    "being", "became", "becomes", "remains", "remained", "among", NULL};

static bool membership(const role_ctx *r) {
    const nlp_text *t = r->t;
    return r->i > r->sb && r->i + 1 < r->se && tok_eq(t, r->i + 1, "of") &&
           tok_in(t, r->i - 1, MEMBERSHIP);
}

/* "a day or two", "a fighter or aircraft or two": "or two" after a noun is
 * a vague few, not a count ("one or two" and "10 or 12" compare numbers). */
static bool or_two_after_noun(const role_ctx *r, const lede_claim *c) {
    const nlp_text *t = r->t;
    return c->kind == LEDE_CLAIM_COUNT && !c->unit && r->i >= r->sb + 2 &&
           tok_eq(t, r->i, "two") && tok_eq(t, r->i - 1, "or") &&
           is_kind(t, r->i - 2, NLP_TOK_WORD) && !tok_in(t, r->i - 2, CARDINAL_WORDS) &&
           !tok_eq(t, r->i - 2, "one") && !c->subject;
}

static const char *one_role(const role_ctx *r, const lede_claim *c) {
    if (pronoun_group(r, c))
        return "pronoun";
    if (or_two_after_noun(r, c))
        return "vague";
    const nlp_text *t = r->t;
    if (!tok_eq(t, r->i, "one"))
        return NULL;
    if (c->qualifier == LEDE_QUAL_NONE && !c->has_range &&
        (c->kind == LEDE_CLAIM_COUNT || c->kind == LEDE_CLAIM_MEASURE ||
         c->kind == LEDE_CLAIM_DURATION) &&
        !(r->i > r->sb && tok_in(t, r->i - 1, RESTRICTIVE)) && one_contrast(r))
        return "pronoun";
    if (c->kind != LEDE_CLAIM_COUNT)
        return NULL;
    if (c->qualifier != LEDE_QUAL_NONE && c->qualifier != LEDE_QUAL_APPROXIMATELY)
        return NULL; /* "more than one", "at least one" */
    /* "every single one of them", "each one": one at a time of a group */
    if (r->i > r->sb && (tok_in(t, r->i - 1, DISTRIBUTIVES) ||
                         (tok_eq(t, r->i - 1, "single") && r->i >= r->sb + 2 &&
                          tok_in(t, r->i - 2, DISTRIBUTIVES))))
        return "pronoun";
    if (r->i > r->sb && tok_in(t, r->i - 1, RESTRICTIVE))
        return NULL; /* "only one vote", "the only one who": one of a kind */
    if (membership(r))
        return "pronoun";
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
/* Words for the distance to the next place in a race: "a distant second",
 * "a close third", "a bad second in the polls". */
static const char *const RACE_GAPS[] = {"distant",     "close", "strong", "bad",
                                        "poor",        "solid", "narrow", "weak",
                                        "respectable", NULL};
/* "the first ever", "first-ever": a milestone, not a place in a series */
static const char *const EVER[] = {"ever", NULL};
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

/* Words of a social group after which an ordinal marks a first ("the first
 * female nominee", "Britain's first Muslim mayor"). */
static const char *const MILESTONE_GROUPS[] = {
    "female",     "woman",    "women",    "black",         "african-american",
    "latino",     "latina",   "hispanic", "asian",         "asian-american",
    "jewish",     "catholic", "muslim",   "mormon",        "hindu",
    "openly",     "gay",      "lesbian",  "transgender",   "disabled",
    "indigenous", "native",   "arab",     "arab-american", "immigrant",
    "minority",   NULL};

#define ROLE_TIME_PREP_WINDOW 4 /* tokens from a time preposition to its ordinal */

/* Periods an ordinal numbers in a time adverbial ("in his first year"). */
static const char *const PERIODS[] = {"year",   "years", "day",     "days",    "week",
                                      "month",  "term",  "session", "quarter", "season",
                                      "decade", "hour",  "night",   NULL};
static const char *const TIME_PREPS[] = {"in",     "during",  "over", "since",
                                         "within", "through", NULL};

/* "in Obama's first year", "during its first week": a time adverbial names a
 * period of a series, whatever follows it ("acted in his first year to bar
 * him" is no first to bar). */
static bool period_adverbial(const role_ctx *r) {
    const nlp_text *t = r->t;
    if (r->i + 1 >= r->se || !tok_in(t, r->i + 1, PERIODS))
        return false;
    for (size_t j = r->i; j > r->sb && j + ROLE_TIME_PREP_WINDOW > r->i; j--) {
        if (tok_in(t, j - 1, TIME_PREPS))
            return true;
        if (phrase_break(t, j - 1))
            return false;
    }
    return false;
}

/* "the first woman to lead", "the first to say": a "to" and a lower-case
 * word soon after an ordinal that follows a determiner. */
/* Nouns of steps in a plan or a list: "the first thing to do", "the first
 * step to take", "the first set of boxes to fill" are the start of a
 * sequence, not a first achieved. */
static const char *const SEQUENCE_NOUNS[] = {
    "thing", "things", "step",   "steps",   "set",   "item", "items",    "task",
    "tasks", "order",  "part",   "stage",   "phase", "move", "priority", "question",
    "tip",   "rule",   "lesson", "chapter", "page",  NULL};

/* Verbs that take a "to" of their own: in "their first birthday appears to
 * prevent it" the "to" is the verb's, not the ordinal's. */
static const char *const TO_VERBS[] = {
    "is",       "was",       "are",    "were",   "appears", "appear", "appeared",
    "seems",    "seem",      "seemed", "tends",  "tend",    "tended", "continues",
    "continue", "continued", "began",  "begins", "has",     "had",    "have",
    "needs",    "needed",    "used",   NULL};

static bool first_to(const role_ctx *r) {
    const nlp_text *t = r->t;
    if (r->i == r->sb || !tok_in(t, r->i - 1, OWNERS) || period_adverbial(r))
        return false;
    if (r->i + 1 < r->se && tok_in(t, r->i + 1, SEQUENCE_NOUNS))
        return false;
    for (size_t j = r->i + 1; j + 1 < r->se && j <= r->i + ROLE_TO_WINDOW; j++) {
        if (phrase_break(t, j) || tok_in(t, j, SUBJECT_PRONOUNS) ||
            tok_in(t, j, TO_VERBS))
            return false;
        if (tok_eq(t, j, "to") && is_kind(t, j + 1, NLP_TOK_WORD) &&
            !(t->toks[j + 1].flags & NLP_TF_CAP))
            return true;
    }
    return false;
}

#define ROLE_COORD_WINDOW 3 /* words between two coordinated ordinals */

/* The ordinal at i follows "and"/"or" and repeats an ordinal a few words
 * before it that has a determiner: "the first female and first minority". */
static bool coordinated_first(const role_ctx *r) {
    const nlp_text *t = r->t;
    if (r->i < r->sb + 3 || !(tok_eq(t, r->i - 1, "and") || tok_eq(t, r->i - 1, "or")))
        return false;
    const nlp_token *k = &t->toks[r->i];
    for (size_t j = r->i - 2; j > r->sb && j + ROLE_COORD_WINDOW + 1 >= r->i; j--)
        if (tok_eqn(t, j, t->text + k->start, k->end - k->start) &&
            tok_in(t, j - 1, OWNERS))
            return true;
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
    if (r->i >= r->sb + 2 && tok_in(t, r->i - 1, RACE_GAPS) &&
        (tok_eq(t, r->i - 2, "a") || tok_eq(t, r->i - 2, "an")))
        return NULL;
    if (c->value == 1 &&
        ((nx < r->se && tok_in(t, nx, EVER)) || hyphen_tail_is(t, r->i, EVER)))
        return NULL;
    if (first_to(r))
        return NULL;
    /* "the nation's first black president": a first of a group, a milestone;
     * "the first female and first minority governor": the second of two
     * such firsts shares the determiner of the first */
    if (nx < r->se && tok_in(t, nx, MILESTONE_GROUPS) && r->i > r->sb &&
        (tok_in(t, r->i - 1, OWNERS) || coordinated_first(r)))
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

#define ROLE_QUOTED_NAME_MAX 4 /* words of a quoted name ("the "Three Amigos"") */

/* Capitalised words, and the hyphens between them, in a row from i up to a
 * closing quotation mark: the rest of a quoted title ("The 40-Year-Old
 * Virgin"). Returns the words counted, or SIZE_MAX when the phrase runs on. */
static size_t quoted_title_tail(const nlp_text *t, size_t i, size_t se) {
    size_t words = 0;
    for (size_t j = i; j < se && words <= ROLE_QUOTED_NAME_MAX; j++) {
        if (is_kind(t, j, NLP_TOK_QUOTE) || (is_kind(t, j, NLP_TOK_PUNCT) && j + 1 < se &&
                                             is_kind(t, j + 1, NLP_TOK_QUOTE)))
            return words;
        if (is_kind(t, j, NLP_TOK_DASH) && glued(t, j))
            continue;
        if (!is_kind(t, j, NLP_TOK_WORD) || !(t->toks[j].flags & NLP_TF_CAP))
            return SIZE_MAX;
        words++;
    }
    return SIZE_MAX;
}

/* A short phrase in quotation marks that opens at i - 1 and is all capitalised
 * words, with one more after the number at i: a nickname or a title ("known
 * as the "Three Amigos"", "the "Big Four""), not the start of a quotation
 * ("Three people died," she said). */
static bool quoted_name(const role_ctx *r) {
    if (r->i == r->sb || !is_kind(r->t, r->i - 1, NLP_TOK_QUOTE))
        return false;
    size_t words = quoted_title_tail(r->t, r->i, r->se);
    return words != SIZE_MAX && words >= 2;
}

/* A number in digits inside a short quoted title of capitalised words:
 * "starred in "The 40-Year-Old Virgin"", "the "Top 10 Hits" list". */
static bool quoted_title(const role_ctx *r, const lede_claim *c) {
    const nlp_text *t = r->t;
    if (!is_kind(t, r->i, NLP_TOK_NUMBER) || c->kind == LEDE_CLAIM_MONEY)
        return false;
    size_t b = r->i, words = 0;
    while (b > r->sb && words < ROLE_QUOTED_NAME_MAX && is_kind(t, b - 1, NLP_TOK_WORD) &&
           (t->toks[b - 1].flags & NLP_TF_CAP)) {
        b--;
        words++;
    }
    if (b == r->sb || !is_kind(t, b - 1, NLP_TOK_QUOTE))
        return false;
    size_t tail = quoted_title_tail(t, r->i + 1, r->se);
    return tail != SIZE_MAX && words + tail >= 2 &&
           words + tail <= ROLE_QUOTED_NAME_MAX && !title_case(r);
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
    if (quoted_name(r))
        return title_case(r) ? NULL : "name";
    /* after an opening quote, a colon or a dash a new phrase starts */
    if (phrase_break(t, r->i - 1) && !tok_eq(t, r->i - 1, ","))
        return NULL;
    return title_case(r) ? NULL : "name";
}

static const char *const ROUTE_NOUNS[] = {"freeway",  "highway",  "expressway",
                                          "motorway", "turnpike", "interstate",
                                          "parkway",  "tollway",  NULL};

static const char *id_role(const role_ctx *r, const lede_claim *c) {
    const nlp_text *t = r->t;
    if (!is_kind(t, r->i, NLP_TOK_NUMBER) || c->unit || c->currency)
        return NULL;
    bool sep;
    if (n_digits(t, r->i, &sep) >= ROLE_ID_MIN_DIGITS && !sep)
        return "identifier";
    /* "a 10-K filing", "Form 1-A": digits, a hyphen and a capital letter or
     * two, all glued, are the name of a form or a model */
    if (r->i + 2 < r->se && is_kind(t, r->i + 1, NLP_TOK_DASH) && glued(t, r->i + 1) &&
        is_kind(t, r->i + 2, NLP_TOK_WORD) && glued(t, r->i + 2) &&
        t->toks[r->i + 2].end - t->toks[r->i + 2].start <= ROLE_CODE_LETTERS_MAX &&
        (t->toks[r->i + 2].flags & NLP_TF_CAP) &&
        (t->toks[r->i + 2].end - t->toks[r->i + 2].start == 1 ||
         (t->toks[r->i + 2].flags & NLP_TF_ALLCAPS)))
        return "identifier";
    /* "the 405 freeway": a number between "the" and a noun of a road names
     * the road (not "the 30 bus drivers": buses and lines head compounds) */
    if (r->i > r->sb && tok_eq(t, r->i - 1, "the") && r->i + 1 < r->se &&
        tok_in(t, r->i + 1, ROUTE_NOUNS))
        return "identifier";
    /* "2016-06-28": the number after "YYYY-" */
    if (r->i >= 2 && glued(t, r->i) && is_kind(t, r->i - 1, NLP_TOK_DASH) &&
        glued(t, r->i - 1) && is_year_token(t, r->i - 2))
        return "date";
    return NULL;
}

/* Function words a list of data may run into: "4, 9 and 12 from the array". */
static const char *const LIST_FOLLOWERS[] = {"from", "in",   "of",  "on",   "at", "to",
                                             "for",  "with", "as",  "and",  "or", "are",
                                             "were", "is",   "was", "into", "by", NULL};

/* A bare number in a list: digits without a dash glued after them (a span
 * "5-7" is a range of a quantity). */
static bool list_member(const nlp_text *t, size_t i, size_t se) {
    return i < se && is_kind(t, i, NLP_TOK_NUMBER) &&
           !(i + 1 < se && is_kind(t, i + 1, NLP_TOK_DASH) && glued(t, i + 1));
}

static bool list_sep(const nlp_text *t, size_t i) {
    return tok_eq(t, i, ",") || tok_eq(t, i, "and") || tok_eq(t, i, "or");
}

/* "the values 4, 9, 1 and 12 from the array", "array[2, 3, 5, 2]", "nrs.
 * 22,24,26": three or more bare numbers in a row, with commas between and
 * nothing counted after the last, are a list of data or references, not
 * quantities ("3, 5 and 7 points" counts points, "6 and 7 and 8" compares).
 * Lists of years stay years. */
static const char *list_role(const role_ctx *r, const lede_claim *c) {
    const nlp_text *t = r->t;
    if (c->kind != LEDE_CLAIM_COUNT || c->unit || c->currency || c->has_range ||
        !list_member(t, r->i, r->se))
        return NULL;
    size_t b = r->i;
    while (b >= r->sb + 2 && list_sep(t, b - 1) && list_member(t, b - 2, r->se))
        b -= 2;
    size_t members = 0, commas = 0, j = b;
    bool years = true;
    for (;;) {
        members++;
        years &= is_year_token(t, j);
        if (j + 2 < r->se && list_sep(t, j + 1) && list_member(t, j + 2, r->se) &&
            (tok_eq(t, j + 1, ",") || commas)) {
            commas += tok_eq(t, j + 1, ",");
            j += 2;
        } else {
            break;
        }
    }
    if (members < ROLE_LIST_MIN || commas + 1 < ROLE_LIST_MIN - 1 || years)
        return NULL;
    size_t nx = j + 1;
    if (nx < r->se && is_kind(t, nx, NLP_TOK_WORD) && !tok_in(t, nx, LIST_FOLLOWERS))
        return NULL; /* "3, 5, 7 points" */
    if (nx < r->se && is_kind(t, nx, NLP_TOK_SYMBOL))
        return NULL; /* "2, 4, 6%" */
    return "list";
}

/* ---------------------------------------------------------------- dates, references */

#define ROLE_MONTH_MAX 12 /* the first part of "9/11" is a month */
#define ROLE_DAY_MAX 31   /* and the second a day */

static bool bare_int(const nlp_text *t, size_t i) {
    bool sep;
    return is_kind(t, i, NLP_TOK_NUMBER) && !(t->toks[i].flags & NLP_TF_ORDINAL) &&
           n_digits(t, i, &sep) > 0 && !sep;
}

static bool is_sym(const nlp_text *t, size_t i, char c) {
    const nlp_token *k = &t->toks[i];
    return k->end - k->start == 1 && t->text[k->start] == c;
}

/* A month and a day written "9/11" from token a ("on 9/11", "the 9/11
 * attacks"). The numbers stage reads a/b as a fraction when b is a
 * denominator a reader writes ("3/4"); when it did not (claim c ends before
 * the slash), two numbers that fit a month and a day are a date. A full
 * date with its year is caught earlier. */
static bool slash_date_at(const role_ctx *r, const lede_claim *c, size_t a) {
    const nlp_text *t = r->t;
    if (a + 2 >= r->se || !bare_int(t, a) || !is_sym(t, a + 1, '/') || !glued(t, a + 1) ||
        !bare_int(t, a + 2) || !glued(t, a + 2))
        return false;
    if (a == r->i && c->num_end > t->toks[a].cp_end)
        return false; /* read as a fraction */
    if (a + 3 < r->se && is_sym(t, a + 3, '/') && glued(t, a + 3))
        return false;
    if (a > r->sb && is_sym(t, a - 1, '/') && glued(t, a))
        return false;
    long m = small_int(t, a), d = small_int(t, a + 2);
    return m >= 1 && m <= ROLE_MONTH_MAX && d >= 1 && d <= ROLE_DAY_MAX;
}

/* A year cut to two digits after an apostrophe: "in '16", "the summer of
 * '69" (the decade "'90s" is a word token and never a number). */
static bool short_year(const role_ctx *r, const lede_claim *c) {
    const nlp_text *t = r->t;
    size_t i = r->i;
    bool sep;
    if (c->unit || c->has_range || !bare_int(t, i) || n_digits(t, i, &sep) != 2 ||
        i == r->sb || !glued(t, i) || !is_kind(t, i - 1, NLP_TOK_QUOTE))
        return false;
    /* the apostrophe starts a word; a closing quote glued to a word before
     * it ("said'16") is not one */
    return i - 1 == r->sb || !glued(t, i - 1);
}

/* A clock hour: "at 8 tonight", "at 3 in the morning", "at 7 o'clock". */
#define ROLE_HOUR_MAX 12
static const char *const DAY_PARTS[] = {"morning", "afternoon", "evening", "night", NULL};
static const char *const HOUR_NEXT[] = {"tonight", "o'clock", "o’clock", "sharp", NULL};
static const char *const HOUR_QUALS[] = {"about", "around", "roughly", "approximately",
                                         NULL};

static bool clock_hour(const role_ctx *r, const lede_claim *c) {
    const nlp_text *t = r->t;
    size_t i = r->i;
    if (c->kind != LEDE_CLAIM_COUNT || c->unit || c->has_range || !bare_int(t, i) ||
        c->num_end != t->toks[i].cp_end)
        return false;
    long h = small_int(t, i);
    if (h < 1 || h > ROLE_HOUR_MAX || i == r->sb)
        return false;
    size_t p = i - 1;
    if (tok_in(t, p, HOUR_QUALS) && p > r->sb)
        p--;
    if (!tok_eq(t, p, "at") || i + 1 >= r->se)
        return false;
    if (tok_in(t, i + 1, HOUR_NEXT))
        return true;
    /* "in the morning", "at night", "this evening" */
    if (i + 2 < r->se && (tok_eq(t, i + 1, "at") || tok_eq(t, i + 1, "this")) &&
        tok_in(t, i + 2, DAY_PARTS))
        return true;
    return i + 3 < r->se && tok_eq(t, i + 1, "in") && tok_eq(t, i + 2, "the") &&
           tok_in(t, i + 3, DAY_PARTS);
}

/* The last day of a span of days after a month: "Sept 14-16", "June 5-6"
 * (the first day is a date already). */
static const char *const MONTHS[] = {
    "january",   "february", "march",    "april",    "may",  "june",  "july", "august",
    "september", "october",  "november", "december", "jan",  "jan.",  "feb",  "feb.",
    "mar",       "mar.",     "apr",      "apr.",     "jun",  "jun.",  "jul",  "jul.",
    "aug",       "aug.",     "sep",      "sep.",     "sept", "sept.", "oct",  "oct.",
    "nov",       "nov.",     "dec",      "dec.",     NULL};

static bool day_span_end(const role_ctx *r, const lede_claim *c) {
    const nlp_text *t = r->t;
    size_t i = r->i;
    if (c->unit || c->has_range || !bare_int(t, i) || i < r->sb + 3 || !glued(t, i) ||
        !is_kind(t, i - 1, NLP_TOK_DASH) || !glued(t, i - 1) || !bare_int(t, i - 2) ||
        !tok_in(t, i - 3, MONTHS) || !(t->toks[i - 3].flags & NLP_TF_CAP))
        return false;
    long d = small_int(t, i);
    return d >= 1 && d <= ROLE_DAY_MAX;
}

/* The volume and pages of a reference: "2015; 28: 685-690". A number with a
 * colon glued after it and a number after a space: a clock time or a ratio
 * is written without the space ("10:30", "3:1"), a label is followed by
 * words ("Chapter 3: The Fall"). */
static bool reference_at(const role_ctx *r) {
    const nlp_text *t = r->t;
    size_t i = r->i;
    if (i + 2 < r->se && bare_int(t, i) && is_sym(t, i + 1, ':') && glued(t, i + 1) &&
        !glued(t, i + 2) && bare_int(t, i + 2))
        return true;
    return i >= r->sb + 2 && bare_int(t, i) && !glued(t, i) && is_sym(t, i - 1, ':') &&
           glued(t, i - 1) && bare_int(t, i - 2);
}

/* ---------------------------------------------------------------- names by context */

/* Races named by their distance: "the 50 yard freestyle", "the 400m hurdles". */
static const char *const EVENTS[] = {
    "freestyle", "backstroke", "breaststroke", "butterfly",    "medley",
    "relay",     "dash",       "hurdles",      "steeplechase", NULL};
/* Verbs that agree with one thing: a number before them is its name ("his 757
 * was a great aircraft"), as a count of more than one takes a plural verb. */
static const char *const SINGULAR_VERBS[] = {"is", "was", "has", "does", NULL};
/* Determiners of one thing: "a 757", "this 747". */
static const char *const SINGULAR_DETS[] = {"a",     "an",   "this",    "that",
                                            "every", "each", "another", NULL};
/* Words that may follow a name but do not say what a number counts. */
static const char *const NAME_NEXT[] = {"is",   "was",  "to",    "with",  "in",  "on",
                                        "for",  "from", "that",  "which", "and", "or",
                                        "when", "at",   "where", NULL};
#define ROLE_MODEL_MIN_DIGITS 3 /* model numbers: "737", "757"; "a 20" is a count */

/* Part of a name written with a slash: "Feinstein's/54 Below". */
static bool slash_name(const role_ctx *r) {
    const nlp_text *t = r->t;
    size_t i = r->i;
    return i >= r->sb + 2 && glued(t, i) && is_sym(t, i - 1, '/') && glued(t, i - 1) &&
           is_kind(t, i - 2, NLP_TOK_WORD);
}

static bool event_name(const role_ctx *r, const lede_claim *c) {
    if (c->kind != LEDE_CLAIM_MEASURE || !c->dimension || strcmp(c->dimension, "length"))
        return false;
    size_t nx = token_from(r->t, c->end);
    return nx < r->se && tok_in(r->t, nx, EVENTS);
}

/* A bare number of three digits or more that names one thing: the subject of
 * a singular verb ("his 757 was", "a 25-year-old 757 is") or after a
 * determiner of one thing with no counted noun after it ("a 757 to Paris"). */
static bool model_number(const role_ctx *r, const lede_claim *c) {
    const nlp_text *t = r->t;
    bool sep;
    if (c->kind != LEDE_CLAIM_COUNT || c->unit || c->has_range || !bare_int(t, r->i) ||
        n_digits(t, r->i, &sep) < ROLE_MODEL_MIN_DIGITS ||
        c->num_end != t->toks[r->i].cp_end)
        return false;
    size_t nx = r->i + 1;
    if (nx >= r->se)
        return false;
    if (tok_in(t, nx, SINGULAR_VERBS))
        return true;
    return r->i > r->sb && tok_in(t, r->i - 1, SINGULAR_DETS) &&
           (phrase_break(t, nx) || tok_in(t, nx, NAME_NEXT));
}

/* A numbered name used before its noun: "the Super Bowl 50 show", "the
 * Fortune 500 firm", "a Boeing 737 jet". Between a determiner and its noun a
 * count stands before the names that describe the thing ("the 300 Boeing
 * jets"), so a number after them is part of a name. */
#define ROLE_NAME_WORDS_MAX                                                              \
    2 /* capitalised words between the determiner and the number */
static const char *const DETERMINERS[] = {"the",   "a",   "an",   "his",  "her", "its",
                                          "their", "our", "this", "that", NULL};

static bool attributive_name(const role_ctx *r, const lede_claim *c) {
    const nlp_text *t = r->t;
    size_t i = r->i;
    if (c->kind != LEDE_CLAIM_COUNT || c->unit || c->has_range || !bare_int(t, i) ||
        c->num_end != t->toks[i].cp_end || i + 1 >= r->se || glued(t, i + 1) ||
        !is_kind(t, i + 1, NLP_TOK_WORD) || (t->toks[i + 1].flags & NLP_TF_CAP))
        return false;
    size_t j = i, caps = 0;
    while (j > r->sb && caps < ROLE_NAME_WORDS_MAX && is_kind(t, j - 1, NLP_TOK_WORD) &&
           (t->toks[j - 1].flags & NLP_TF_CAP) &&
           !(t->toks[j - 1].flags & NLP_TF_SENT_START)) {
        j--;
        caps++;
    }
    return caps > 0 && j > r->sb && tok_in(t, j - 1, DETERMINERS);
}

/* ---------------------------------------------------------------- calibres, tallies */

/* "a .45 caliber pistol", "a .22 rifle", "a 12-gauge shotgun", "a 9mm handgun": the size
 * of a gun or its rounds names a type of weapon. */
static const char *const CALIBRE_WORDS[] = {"caliber", "calibre", "gauge", "cal", NULL};
static const char *const FIREARMS[] = {
    "pistol",        "pistols",   "handgun",    "handguns", "rifle",     "rifles",
    "gun",           "guns",      "round",      "rounds",   "bullet",    "bullets",
    "ammunition",    "shell",     "shells",     "weapon",   "luger",     "semi-automatic",
    "semiautomatic", "cartridge", "cartridges", "revolver", "revolvers", "carbine",
    "magnum",        "shotgun",   "shotguns",   "firearm",  "firearms",  NULL};

static bool calibre(const role_ctx *r, const lede_claim *c) {
    const nlp_text *t = r->t;
    size_t nx = token_from(t, c->end);
    if (nx < r->se && is_kind(t, nx, NLP_TOK_DASH) && glued(t, nx))
        nx++;
    if (nx >= r->se)
        return false;
    if (c->kind == LEDE_CLAIM_COUNT && tok_in(t, nx, CALIBRE_WORDS))
        return true;
    /* ".22 rifle", ".357 rounds": a calibre written in inches, with its dot */
    size_t after_num = token_from(t, c->num_end);
    if (c->kind == LEDE_CLAIM_COUNT && t->text[t->toks[r->i].start] == '.' &&
        after_num < r->se && tok_in(t, after_num, FIREARMS))
        return true;
    return c->kind == LEDE_CLAIM_MEASURE && c->unit && strcmp(c->unit, "mm") == 0 &&
           tok_in(t, nx, FIREARMS);
}

/* A vote or a result written "52 to 48": the larger number first (a span
 * rises, "from 48 to 52") and a word of voting or winning just before. */
#define ROLE_TALLY_WINDOW 4 /* tokens before the tally where its cue may stand */
static const char *const TALLY_CUES[] = {
    "voted",  "vote",     "votes",    "won",    "win",   "beat",      "defeated", "lost",
    "passed", "approved", "rejected", "margin", "tally", "confirmed", NULL};

static bool tally_at(const role_ctx *r, size_t a) {
    const nlp_text *t = r->t;
    if (a + 2 >= r->se || !bare_int(t, a) || !tok_eq(t, a + 1, "to") ||
        !bare_int(t, a + 2))
        return false;
    long hi = small_int(t, a), lo = small_int(t, a + 2);
    if (hi < 0 || lo < 0 || hi < lo)
        return false;
    for (size_t j = a; j > r->sb && j + ROLE_TALLY_WINDOW > a; j--)
        if (tok_in(t, j - 1, TALLY_CUES))
            return true;
    return false;
}

static bool tally(const role_ctx *r, const lede_claim *c) {
    if (c->kind != LEDE_CLAIM_COUNT || c->unit || c->has_range)
        return false;
    return tally_at(r, r->i) || (r->i >= r->sb + 2 && tally_at(r, r->i - 2));
}

/* ---------------------------------------------------------------- idioms */

/* Fixed phrases with a number that count nothing: the number word, its
 * place in the phrase (in words) and the phrase, as tokens in lower case. The
 * number word is compared first, so a claim costs one comparison a phrase. */
typedef struct {
    const char *num;
    unsigned pos;
    const char *phrase;
} role_idiom;

static const role_idiom IDIOMS[] = {
    {"two", 0, "two sides of the same coin"},
    {"two", 1, "of two minds"},
    {"two", 1, "in two minds"},
    {"two", 0, "two birds with one stone"},
    {"one", 3, "two birds with one stone"},
    {"one", 0, "one in a million"},
    {"a", 3, "one in a million"}, /* "a million" is read as one numeral */
    {"million", 3, "one in a million"},
    {"a", 1, "thanks a million"},
    {"one", 1, "at one point"},
    {"two", 1, "the two of them"},
    {"two", 1, "the two of us"},
    {"two", 1, "the two of you"},
    {"dozen", 3, "a dime a dozen"},
    {"second", 0, "second to none"},
    {"second", 0, "second nature"},
    {"nine", 2, "on cloud nine"},
    {"nine", 2, "the whole nine yards"},
    {"sixes", 1, "at sixes and sevens"},
    {"one", 0, "one of a kind"},
    {"one", 1, "the one and only"},
    {"two", 0, "two and two together"},
    {"two", 2, "two and two together"},
    {"two", 1, "my two cents"},
    {"six", 0, "six feet under"},
    {"one", 0, "one step at a time"},
    {"one", 0, "one day at a time"},
    {"two", 1, "takes two to tango"},
    {"thousand", 2, "worth a thousand words"},
    {"two", 0, "two left feet"},
    {"one", 3, "back to square one"},
    {"nine", 0, "nine times out of ten"},
    {"ten", 4, "nine times out of ten"},
    {"seventh", 0, "seventh heaven"},
    {"sixth", 0, "sixth sense"},
    {"eleventh", 1, "the eleventh hour"},
    {"first", 0, "first and foremost"},
    {"first", 0, "first things first"},
    {"first", 1, "at first sight"},
    {"first", 1, "at first glance"},
    {"first", 1, "at first blush"},
    {"zero", 0, "zero tolerance"},
    {"24", 0, "24 / 7"},
    {"7", 2, "24 / 7"},
};

static bool idiom_matches(const role_ctx *r, const role_idiom *id) {
    if (!tok_eq(r->t, r->i, id->num) || r->i < r->sb + id->pos)
        return false;
    size_t k = r->i - id->pos;
    for (const char *p = id->phrase; *p; k++) {
        const char *e = strchr(p, ' ');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (k >= r->se || !tok_eqn(r->t, k, p, l))
            return false;
        p += l + (e != NULL);
    }
    return true;
}

/* Words after "one day" that make it a span of one day ("one day later",
 * "one day of talks"), not the indefinite "some day". */
static const char *const DAY_SPAN_AFTER[] = {"later", "earlier", "after", "before", "of",
                                             "ago",   "in",      "from",  "to",     "per",
                                             "a",     "each",    "only",  NULL};
static const char *const CLAUSE_JOINS[] = {"and",  "but",  "then", "so", "until",
                                           "till", "when", "that", "if", NULL};

/* "One day, he left", "and one day they will meet": "one day" opening a
 * clause, with no span word after it, is "some day". */
static bool one_day(const role_ctx *r) {
    const nlp_text *t = r->t;
    if (!tok_eq(t, r->i, "one") || r->i + 1 >= r->se || !tok_eq(t, r->i + 1, "day"))
        return false;
    bool opens =
        r->i == r->sb || phrase_break(t, r->i - 1) || tok_in(t, r->i - 1, CLAUSE_JOINS);
    size_t nx = r->i + 2;
    return opens && (nx >= r->se || !tok_in(t, nx, DAY_SPAN_AFTER));
}

static const char *const COME_FORMS[] = {"come", "comes", "came", "coming", NULL};
static const char *const WHOLE_DETS[] = {"the", "a",   "an",   "his", "her", "their",
                                         "its", "our", "your", "my",  NULL};

/* "came second to the well-being of ...": "come second to" something (not
 * someone named) ranks a concern below another, no place in a race. */
static bool second_to(const role_ctx *r) {
    const nlp_text *t = r->t;
    return tok_eq(t, r->i, "second") && r->i > r->sb && tok_in(t, r->i - 1, COME_FORMS) &&
           r->i + 2 < r->se && tok_eq(t, r->i + 1, "to") &&
           tok_in(t, r->i + 2, WHOLE_DETS);
}

static bool idiom(const role_ctx *r) {
    for (size_t j = 0; j < sizeof IDIOMS / sizeof IDIOMS[0]; j++)
        if (idiom_matches(r, &IDIOMS[j]))
            return true;
    return one_day(r) || second_to(r);
}

/* A spelled number inside a compound adjective that counts nothing:
 * "one-on-one", "one-off", "one-of-a-kind", "one-in-a-million", "second-guessing",
 * "one-sided", "a one-time payment" (former), "zero-sum", "a one-party state".
 * Compounds with a noun that is counted ("a three-judge panel", "a two-time
 * champion", "a one-year deal") stay claims. */
static const char *const COMPOUND_PARTS[] = {"on",    "off",    "of",    "by",   "up",
                                             "in",    "sum",    "size",  "hand", "rate",
                                             "class", "string", "trick", NULL};

static bool seg_in(const char *s, size_t n, const char *const *list) {
    for (size_t j = 0; list[j]; j++)
        if (strlen(list[j]) == n && strncmp(s, list[j], n) == 0)
            return true;
    return false;
}

static bool seg_ends(const char *s, size_t n, const char *suf) {
    size_t m = strlen(suf);
    return n > m + 2 && strncmp(s + n - m, suf, m) == 0;
}

static bool compound(const role_ctx *r, const lede_claim *c) {
    const nlp_text *t = r->t;
    const nlp_token *k = &t->toks[r->i];
    /* a counted noun after the compound is no count of the compound's number
     * when that number is not its first part ("a one-on-one meeting") */
    bool later = c->num_start > k->cp_start;
    if (!is_kind(t, r->i, NLP_TOK_WORD) || !(k->flags & NLP_TF_HYPHENATED) ||
        (c->unit && !later) ||
        (c->kind != LEDE_CLAIM_COUNT && c->kind != LEDE_CLAIM_ORDINAL) ||
        (c->num_start == k->cp_start && c->num_end == k->cp_end))
        return false;
    const char *s = t->text + k->start, *end = t->text + k->end;
    /* "one" before a noun that is no unit makes an adjective of kind, not a
     * count: "a one-party state", "a one-stop shop", "a one-man show" ("a
     * one-year deal" has a unit and counts) */
    if (c->kind == LEDE_CLAIM_COUNT && !c->unit && c->value == 1 && end - s > 4 &&
        strncmp(s, "one-", 4) == 0)
        return true;
    bool first = true;
    while (s < end) {
        const char *h = memchr(s, '-', (size_t)(end - s));
        size_t n = h ? (size_t)(h - s) : (size_t)(end - s);
        if (!first) {
            if (seg_in(s, n, COMPOUND_PARTS) || seg_ends(s, n, "ing") ||
                (c->kind == LEDE_CLAIM_COUNT && seg_ends(s, n, "ed")) ||
                (c->value == 1 && n == 4 && strncmp(s, "time", 4) == 0))
                return true;
        }
        first = false;
        s += n + (h != NULL);
    }
    return false;
}

/* Words after which a hyphenated number gives only a size's order of
 * magnitude: "a six-figure salary", "a 7-figure deal". */
static const char *const MAGNITUDE_WORDS[] = {"figure", "figures", NULL};

static bool order_of_magnitude(const role_ctx *r) {
    const nlp_text *t = r->t;
    if (hyphen_tail_is(t, r->i, MAGNITUDE_WORDS))
        return true;
    return r->i + 2 < r->se && is_kind(t, r->i + 1, NLP_TOK_DASH) && glued(t, r->i + 1) &&
           glued(t, r->i + 2) && tok_in(t, r->i + 2, MAGNITUDE_WORDS);
}

static const char *context_role(const role_ctx *r, const lede_claim *c) {
    if (order_of_magnitude(r))
        return "vague";
    if (is_kind(r->t, r->i, NLP_TOK_NUMBER) && !c->currency &&
        (slash_date_at(r, c, r->i) ||
         (r->i >= r->sb + 2 && slash_date_at(r, c, r->i - 2))))
        return "date";
    if (short_year(r, c) || clock_hour(r, c) || day_span_end(r, c))
        return "date";
    if (reference_at(r))
        return "identifier";
    if (calibre(r, c))
        return "identifier";
    if (slash_name(r) || event_name(r, c) || model_number(r, c) || attributive_name(r, c))
        return "name";
    if (tally(r, c))
        return "score";
    if (idiom(r) || compound(r, c))
        return "idiom";
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
    if (!why && quoted_title(&r, c))
        why = "name";
    if (!why)
        why = id_role(&r, c);
    if (!why)
        why = list_role(&r, c);
    if (!why)
        why = context_role(&r, c);
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

/*
 * num_subject — the noun phrase a quantity counts or modifies (see
 * num_subject.h).
 *
 * Without a part-of-speech tagger a noun phrase is read as a short run of
 * content words: it ends at a function word, a number, punctuation, an adverb
 * in -ly, or a participle in -ed/-ing that no other content word follows
 * ("tariffs imposed on", "vinyl featuring seven"). A capitalised word may
 * stand inside the run ("Chinese consumer goods") but never be its head,
 * which keeps names ("in Iowa", "Mr. Cruz") out. The word lists are common
 * English function words and nouns of the form of a number, written for lede.
 */
#include "num_subject.h"

#include <string.h>

#include "num_tok.h"

#include "num_tables.h"

/* Longest number word looked up ("seventeenth" and a little room). */
#define NUM_WORD_MAX 16
/* Words read after a number: "three primary native ad units" has five. */
#define SUBJ_MAX_WORDS 5

typedef struct {
    const nlp_text *t;
    size_t sb, se; /* tokens of the claim's sentence */
} subj_ctx;

static bool is_word(const nlp_text *t, size_t i) {
    return t->toks[i].kind == NLP_TOK_WORD;
}

static bool glued(const nlp_text *t, size_t i) {
    return !(t->toks[i].flags & NLP_TF_SPACE_BEFORE);
}

static bool is_cap(const nlp_text *t, size_t i) { return t->toks[i].flags & NLP_TF_CAP; }

static size_t tok_len(const nlp_text *t, size_t i) {
    return t->toks[i].end - t->toks[i].start;
}

static bool ends_with(const nlp_text *t, size_t i, const char *suf) {
    size_t n = tok_len(t, i), m = strlen(suf);
    if (n <= m + 2)
        return false;
    const char *s = t->text + t->toks[i].end - m;
    for (size_t j = 0; j < m; j++)
        if ((s[j] | 0x20) != suf[j])
            return false;
    return true;
}

/* Function words, pronouns, auxiliaries, prepositions and adverbs of time or
 * place: none of them is part of a noun phrase after a number. */
static const char *const STOP[] = {
    "a",        "an",       "the",          "and",      "or",
    "but",      "nor",      "in",           "on",       "at",
    "to",       "from",     "for",          "with",     "by",
    "of",       "as",       "than",         "into",     "onto",
    "over",     "under",    "since",        "after",    "before",
    "during",   "among",    "between",      "about",    "around",
    "across",   "through",  "per",          "via",      "off",
    "up",       "down",     "out",          "away",     "back",
    "against",  "toward",   "towards",      "without",  "within",
    "beyond",   "above",    "below",        "behind",   "beside",
    "near",     "like",     "unlike",       "despite",  "inside",
    "outside",  "upon",     "until",        "till",     "throughout",
    "along",    "amid",     "versus",       "vs",       "who",
    "whom",     "whose",    "that",         "which",    "what",
    "when",     "where",    "while",        "if",       "so",
    "is",       "are",      "was",          "were",     "be",
    "been",     "being",    "am",           "has",      "have",
    "had",      "do",       "does",         "did",      "will",
    "would",    "could",    "can",          "may",      "might",
    "must",     "shall",    "should",       "not",      "no",
    "said",     "says",     "say",          "told",     "this",
    "these",    "those",    "its",          "their",    "his",
    "her",      "our",      "your",         "my",       "it",
    "they",     "he",       "she",          "we",       "you",
    "i",        "them",     "him",          "us",       "there",
    "here",     "now",      "then",         "also",     "just",
    "only",     "even",     "still",        "yet",      "ago",
    "again",    "ever",     "already",      "too",      "each",
    "every",    "all",      "both",         "either",   "more",
    "most",     "less",     "least",        "much",     "many",
    "some",     "any",      "today",        "tonight",  "yesterday",
    "tomorrow", "earlier",  "later",        "alone",    "overall",
    "apiece",   "annually", "respectively", "combined", "instead",
    "last",     "next",     "abroad",       "apart",    "own",
    NULL};

/* Nouns of irregular plural or of a group, counted as they are. */
static const char *const PLURALS[] = {
    "people",    "police", "children", "men",     "women",    "staff",
    "personnel", "cattle", "sheep",    "fish",    "aircraft", "livestock",
    "crew",      "data",   "media",    "teeth",   "mice",     "geese",
    "troops",    "dead",   "wounded",  "injured", NULL};

/* Nouns that name the form of a number, not what it counts: "a range of
 * $70", "a total of 28 people", "an average of 3%". */
static const char *const NUMBER_FORMS[] = {
    "range", "total",  "average",  "maximum",  "minimum",  "sum",      "rate",
    "level", "margin", "number",   "amount",   "figure",   "value",    "tally",
    "count", "high",   "low",      "peak",     "record",   "age",      "score",
    "ratio", "share",  "majority", "minority", "estimate", "increase", "decrease",
    "rise",  "fall",   "drop",     "gain",     "loss",     "growth",   "decline",
    "cut",   "jump",   NULL};

/* Determiners after which a quantity modifies the noun that follows ("the 15%
 * tariffs", "a four-day trip"). */
static const char *const DETERMINERS[] = {
    "a",  "an",   "the",  "its",   "their", "his",  "her",   "our",     "your",
    "my", "this", "that", "these", "those", "each", "every", "another", NULL};

static bool plain_word(const nlp_text *t, size_t i) {
    const nlp_token *k = &t->toks[i];
    for (uint32_t b = k->start; b < k->end; b++) {
        unsigned char ch = (unsigned char)t->text[b];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '-' ||
              ch >= 0x80))
            return false;
    }
    return true;
}

static bool content_word(const subj_ctx *x, size_t i) {
    return i < x->se && is_word(x->t, i) && plain_word(x->t, i) &&
           !tok_in(x->t, i, STOP) && !ends_with(x->t, i, "ly");
}

/* A possessive marker: "'s" or "’s" (a token of its own). */
static bool possessive(const nlp_text *t, size_t i) {
    return tok_eq(t, i, "'s") || tok_eq(t, i, "\xE2\x80\x99s");
}

/* The run of noun-phrase words from token i: one past its last token. */
static size_t np_run(const subj_ctx *x, size_t i) {
    size_t j = i;
    while (j < x->se && j - i < SUBJ_MAX_WORDS) {
        /* "the world's population": the owner, then its noun */
        if (j > i && j + 1 < x->se && possessive(x->t, j) && content_word(x, j + 1)) {
            j++;
            continue;
        }
        if (!content_word(x, j))
            break;
        /* a participle ends the phrase unless a content word follows it
         * ("paid employees", "a shooting spree"; not "tariffs imposed on") */
        bool participle = ends_with(x->t, j, "ed") || ends_with(x->t, j, "ing");
        if (participle && !content_word(x, j + 1))
            break;
        j++;
    }
    /* "two inches wider than": a comparative, not a noun phrase */
    if (j < x->se && tok_eq(x->t, j, "than"))
        return i;
    return j;
}

static bool looks_plural(const nlp_text *t, size_t i) {
    if (tok_in(t, i, PLURALS))
        return true;
    size_t n = tok_len(t, i);
    const char *s = t->text + t->toks[i].start;
    if (n < 3 || (s[n - 1] | 0x20) != 's')
        return false;
    char p = (char)(s[n - 2] | 0x20);
    return p != 's' && p != 'u' && p != 'i'; /* not "glass", "bus", "analysis" */
}

/* The head of run [i, j) of a count: its first plural word ("two lobbying
 * firms", "250 Americans"); SIZE_MAX when none is plural ("five swiped"). */
static size_t plural_head(const subj_ctx *x, size_t i, size_t j) {
    for (size_t k = i; k < j; k++)
        if (looks_plural(x->t, k))
            return k;
    return SIZE_MAX;
}

/* Is token i a number, in digits or in words ("nine", "168")? */
static bool number_token(const nlp_text *t, size_t i) {
    if (t->toks[i].kind == NLP_TOK_NUMBER)
        return true;
    char low[NUM_WORD_MAX];
    size_t n = tok_len(t, i);
    if (!is_word(t, i) || n >= sizeof low)
        return false;
    for (size_t j = 0; j < n; j++) {
        char ch = t->text[t->toks[i].start + j];
        low[j] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    const num_lex_entry *e = num_lex_find(low, n);
    for (size_t r = 0; e && r < e->n_refs; r++)
        if (e->refs[r].table == LX_NUMWORD)
            return true;
    return false;
}

/* "eight of their nine games", "one of the 168 committee members": the part
 * of a whole whose number the numbers stage read as a phrase of its own. */
static size_t part_of(const subj_ctx *x, size_t i) {
    if (i >= x->se || !tok_eq(x->t, i, "of"))
        return SIZE_MAX;
    i++;
    while (i < x->se && tok_in(x->t, i, DETERMINERS))
        i++;
    bool numbered = false;
    while (i < x->se && number_token(x->t, i)) {
        numbered = true;
        i++;
    }
    return numbered ? i : SIZE_MAX;
}

/* The head of run [i, j) of a modifier: its last word, unless a name. */
static size_t last_head(const subj_ctx *x, size_t i, size_t j) {
    return j > i && !is_cap(x->t, j - 1) ? j - 1 : SIZE_MAX;
}

/* The head of the whole in run [i, j) after "half the": a plural ("half the
 * crew quit"), else the last word, English noun phrases ending in their head
 * ("half the world's population"). */
static size_t share_head(const subj_ctx *x, size_t i, size_t j) {
    size_t h = plural_head(x, i, j);
    return h != SIZE_MAX ? h : last_head(x, i, j);
}

/* Is the quantity [qs, qe) in code points written as a hyphenated compound
 * ("four-day", "three-man", "8,000-word")? Sets *after to the token after it. */
static bool compound(const subj_ctx *x, size_t first, size_t qe, size_t *after) {
    const nlp_text *t = x->t;
    size_t i = first;
    while (i < x->se && t->toks[i].cp_end <= qe)
        i++;
    /* the quantity ends inside a token: "three" of "three-man" */
    if (i < x->se && t->toks[i].cp_start < qe) {
        *after = i + 1;
        return true;
    }
    /* "8,000" "-" "word" */
    if (i + 1 < x->se && t->toks[i].kind == NLP_TOK_DASH && glued(t, i) &&
        is_word(t, i + 1) && glued(t, i + 1)) {
        *after = i + 2;
        return true;
    }
    *after = i;
    /* the quantity is itself a hyphenated word: "four-day", "$15-an-hour" */
    for (size_t k = first; k < i; k++)
        if (t->toks[k].kind == NLP_TOK_DASH ||
            (is_word(t, k) && (t->toks[k].flags & NLP_TF_HYPHENATED)))
            return true;
    return false;
}

static size_t first_token(const nlp_text *t, size_t cp) {
    size_t lo = 0, hi = t->n_toks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->toks[mid].cp_end <= cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool found(size_t b, size_t h, size_t *start, size_t *end) {
    if (h == SIZE_MAX)
        return false;
    *start = b;
    *end = h + 1;
    return true;
}

/* "a crowd of 1,300": the noun before "of" just before the quantity. */
static bool noun_of(const subj_ctx *x, size_t q, size_t *start, size_t *end) {
    const nlp_text *t = x->t;
    if (q < x->sb + 3 || !tok_eq(t, q - 1, "of"))
        return false;
    size_t n = q - 2;
    if (!content_word(x, n) || is_cap(t, n) || tok_in(t, n, NUMBER_FORMS))
        return false;
    /* the noun follows its determiner, perhaps past one adjective */
    bool det =
        tok_in(t, n - 1, DETERMINERS) ||
        (n >= x->sb + 2 && content_word(x, n - 1) && tok_in(t, n - 2, DETERMINERS));
    return det && found(n, n, start, end);
}

bool num_subject_find(const nlp_text *t, const lede_claim *c, size_t *start,
                      size_t *end) {
    if (!t->n_toks || c->kind == LEDE_CLAIM_ORDINAL || c->kind == LEDE_CLAIM_YEAR)
        return false;
    size_t q = first_token(t, c->qty_start);
    if (q >= t->n_toks)
        return false;
    const nlp_sentence *s = &t->sents[t->toks[q].sent];
    subj_ctx x = {t, s->tok_begin, s->tok_end};
    size_t after;
    bool comp = compound(&x, q, c->qty_end, &after);
    /* a 55-kilometre "buffer zone": the noun phrase may be quoted */
    if (comp && after < x.se && t->toks[after].kind == NLP_TOK_QUOTE &&
        (t->toks[after].flags & NLP_TF_OPEN_QUOTE))
        after++;
    bool bare_count = c->kind == LEDE_CLAIM_COUNT && !c->unit && !c->has_range;
    size_t j = np_run(&x, after);
    if (j > after) {
        if (comp)
            return found(after, last_head(&x, after, j), start, end);
        if (bare_count)
            return found(after,
                         c->value == 1 ? last_head(&x, after, j)
                                       : plural_head(&x, after, j),
                         start, end);
        /* a share, an amount or a measure as a modifier: after a determiner,
         * perhaps past one adjective ("a generous 512GB solid state drive") */
        size_t before = first_token(t, c->start);
        if ((before > x.sb && tok_in(t, before - 1, DETERMINERS)) ||
            (before > x.sb + 1 && content_word(&x, before - 1) &&
             tok_in(t, before - 2, DETERMINERS)))
            return found(after, last_head(&x, after, j), start, end);
    }
    /* "half the world's population": a share of a whole, singular or not */
    if (bare_count && c->value < 1 && after < x.se && tok_in(t, after, DETERMINERS)) {
        size_t e = np_run(&x, after + 1);
        if (e > after + 1)
            return found(after + 1, share_head(&x, after + 1, e), start, end);
    }
    if (bare_count) {
        size_t k = part_of(&x, after);
        size_t e = k == SIZE_MAX ? k : np_run(&x, k);
        if (k != SIZE_MAX && e > k)
            return found(k, plural_head(&x, k, e), start, end);
    }
    /* money "in" or "worth of" what it buys or is paid in */
    if (c->kind == LEDE_CLAIM_MONEY || c->currency) {
        size_t k = after;
        if (k + 1 < x.se && tok_eq(t, k, "worth") && tok_eq(t, k + 1, "of"))
            k += 2;
        else if (k < x.se && tok_eq(t, k, "in"))
            k++;
        else
            k = SIZE_MAX;
        if (k != SIZE_MAX) {
            size_t e = np_run(&x, k);
            if (e > k)
                return found(k, last_head(&x, k, e), start, end);
        }
    }
    return noun_of(&x, first_token(t, c->start), start, end);
}

lede_status num_subject_fill(lede_arena *a, const nlp_text *t, lede_claim *claims,
                             size_t n) {
    for (size_t i = 0; i < n; i++) {
        size_t b, e;
        if (claims[i].subject || claims[i].non_claim ||
            !num_subject_find(t, &claims[i], &b, &e))
            continue;
        size_t b0 = t->toks[b].start, b1 = t->toks[e - 1].end;
        claims[i].subject = arena_strndup(a, t->text + b0, b1 - b0);
        if (!claims[i].subject)
            return LEDE_ERR_NOMEM;
    }
    return LEDE_OK;
}

/*
 * numbers — numeric claims over the shared token array.
 *
 * One pass builds "items" from the tokens (hyphenated words are split at
 * their hyphens so "forty-five" and "three-foot" can be read piece by piece)
 * and looks every word up once in the lexicon (num_tables.h). A second pass
 * marks noise (dates, times, phone numbers, URLs, versions, addresses, list
 * markers, identifiers such as "Flight 370"). A third pass walks each
 * sentence and, where a quantity can start, parses
 *
 *   [qualifier] [minus] [currency] NUMERAL [scale] [currency|%|unit] [range]
 *   [counted noun | rate]
 *
 * into a claim. Everything is linear in the number of tokens: each parse
 * looks ahead a bounded number of items. All memory comes from the job arena.
 *
 * The stages live in their own files: the numeral grammar in num_numeral.c
 * (items and helpers shared through num_int.h), what is not a claim in
 * num_role.c, hedges in num_hedge.c, subjects in num_subject.c (after the
 * counted-noun reading here), claimants in num_claim.c, and the units and
 * currencies as data in units.c and num_tables.c.
 *
 * Conventions worth knowing (see also tests/unit/test_numbers.c):
 * - "1.2m" after a currency is 1.2 million; a bare glued "m" is metres unless
 *   the number has decimals and a plural noun follows ("1.2m people").
 * - Fractions keep their value ("a third" = 0.333...) and, with "of", take
 *   the noun after it as unit ("a third of voters" -> unit "voters").
 * - Ranges of counts have kind "range"; ranges of money, percents and
 *   measures keep their kind and set has_range. value is the low bound.
 * - "from X to Y" yields two claims marked with the change (increase when
 *   Y > X), unless written "ranging from X to Y" (a range).
 */
#include "numbers.h"
#include "num_claim.h"
#include "num_hedge.h"
#include "num_role.h"
#include "num_subject.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../utf8.h"
#include "num_int.h"
#include "num_tables.h"

/* Lookahead bounds, so a parse never runs away on odd text. */
#define NUM_NOUN_LOOKAHEAD 3   /* items between a number and its counted noun */
#define NUM_CHANGE_LOOKBACK 3  /* items between a change verb and its number */
#define NUM_LEX_KEY_MAX 47     /* longest word looked up */
#define NUM_ADDR_WORDS_MAX 3   /* capitalised words between a house number and "Street" */
#define NUM_ID_MIN_DIGITS 5    /* digits of an ungrouped id after a name */
#define NUM_HOUSE_DIGITS_MAX 4 /* digits of a house number */
#define NUM_YEAR_MIN 1500      /* plain four-digit numbers in this span can be years */
#define NUM_YEAR_MAX 2100
#define NUM_DAY_MAX 31 /* a number next to a month is a day up to this */
#define NUM_INCHES_PER_FOOT 12.0
#define NUM_CENTS_PER_UNIT 100.0

static void lookup(nctx *x, size_t k) {
    item *t = &x->it[k];
    size_t n = t->b1 - t->b0;
    if (n == 0 || n > NUM_LEX_KEY_MAX || t->kind == NLP_TOK_NUMBER)
        return;
    char low[NUM_LEX_KEY_MAX + 1];
    const char *s = x->text + t->b0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    low[n] = 0;
    t->lex = num_lex_find(low, n);
}

static lede_status build_items(nctx *x) {
    const nlp_text *nt = &x->job->nlp;
    size_t cap = nt->n_toks;
    for (size_t i = 0; i < nt->n_toks; i++)
        if (nt->toks[i].flags & NLP_TF_HYPHENATED)
            for (uint32_t b = nt->toks[i].start; b < nt->toks[i].end; b++)
                cap += x->text[b] == '-' ? 2 : 0;
    x->it = arena_alloc(x->job->arena, (cap + 1) * sizeof *x->it);
    if (!x->it)
        return LEDE_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < nt->n_toks; i++) {
        const nlp_token *t = &nt->toks[i];
        uint8_t f = 0;
        if (!(t->flags & NLP_TF_SPACE_BEFORE) && i > 0)
            f |= IF_GLUED;
        if (t->flags & (NLP_TF_NEWLINE_BEFORE | NLP_TF_PARA_START))
            f |= IF_LINE;
        if (t->flags & NLP_TF_CAP)
            f |= IF_CAP;
        if (t->flags & NLP_TF_ORDINAL)
            f |= IF_ORDINAL;
        if (t->flags & NLP_TF_SENT_START)
            f |= IF_SENT0;
        if (!(t->flags & NLP_TF_HYPHENATED)) {
            x->it[n++] = (item){t->start,         t->end, t->cp_start, t->cp_end,
                                (uint8_t)t->kind, f,      t->sent,     NULL};
            continue;
        }
        /* Split at hyphens; a code word (any digit inside) keeps its pieces
         * from becoming claims. */
        bool code = false;
        for (uint32_t b = t->start; b < t->end; b++)
            if (x->text[b] >= '0' && x->text[b] <= '9')
                code = true;
        uint32_t b = t->start, c = t->cp_start;
        bool first = true;
        while (b < t->end) {
            uint32_t e = b;
            while (e < t->end && x->text[e] != '-')
                e++;
            uint32_t ce = c + (uint32_t)utf8_count(x->text + b, e - b);
            bool digits = e > b && x->text[b] >= '0' && x->text[b] <= '9';
            uint8_t pf =
                first ? f : (uint8_t)((f & ~(IF_SENT0 | IF_LINE | IF_CAP)) | IF_GLUED);
            if (!first && x->text[b] >= 'A' && x->text[b] <= 'Z')
                pf |= IF_CAP;
            if (code)
                pf |= IF_IDCODE;
            if (e > b)
                x->it[n++] =
                    (item){b,  e,       c,   ce, digits ? NLP_TOK_NUMBER : NLP_TOK_WORD,
                           pf, t->sent, NULL};
            if (e < t->end) {
                x->it[n++] =
                    (item){e,
                           e + 1,
                           ce,
                           ce + 1,
                           NLP_TOK_DASH,
                           (uint8_t)((pf & ~(IF_CAP | IF_SENT0 | IF_LINE)) | IF_GLUED),
                           t->sent,
                           NULL};
                ce++;
                e++;
            }
            b = e;
            c = ce;
            first = false;
        }
    }
    x->n = n;
    /* A benign sentinel after the last item: an empty punctuation mark in no
     * sentence, so a look one item past a sentence's end reads nothing. */
    uint32_t tl = (uint32_t)nt->len, tc = n ? x->it[n - 1].c1 : 0;
    x->it[n] = (item){tl, tl, tc, tc, NLP_TOK_PUNCT, 0, UINT32_MAX, NULL};
    for (size_t k = 0; k < n; k++)
        if (x->it[k].kind == NLP_TOK_WORD || x->it[k].kind == NLP_TOK_SYMBOL ||
            x->it[k].kind == NLP_TOK_QUOTE)
            lookup(x, k);
    return LEDE_OK;
}

/* ---------------------------------------------------------------- phrases */

/* Items matched by a phrase at k (0 if none). Pieces are space-separated. */
static size_t match_phrase(const nctx *x, size_t k, size_t end, const char *phrase,
                           bool exact) {
    size_t used = 0;
    const char *p = phrase;
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) : strlen(p);
        if (k + used >= end || ilen(x, k + used) != n)
            return 0;
        const char *t = itext(x, k + used);
        for (size_t i = 0; i < n; i++) {
            char c = t[i];
            if (!exact && c >= 'A' && c <= 'Z')
                c = (char)(c + 32);
            if (c != p[i])
                return 0;
        }
        used++;
        p += n;
        if (*p == ' ')
            p++;
    }
    return used;
}

/* Longest phrase of a table starting at k whose flags include `need` and none
 * of `reject`; returns items used and the lexicon index in *idx. */
size_t numbers_best_phrase(const nctx *x, size_t k, size_t end, uint8_t table,
                           unsigned need, unsigned reject, uint16_t *idx) {
    const num_lex_entry *e = x->it[k].lex;
    if (!e)
        return 0;
    size_t best = 0;
    for (size_t i = 0; i < e->n_refs; i++) {
        if (e->refs[i].table != table)
            continue;
        unsigned fl = num_lex_flags(table, e->refs[i].index);
        if ((fl & need) != need || (fl & reject))
            continue;
        size_t m = match_phrase(x, k, end, num_lex_phrase(table, e->refs[i].index),
                                (fl & NUM_EXACT) != 0);
        if (m > 1 && (fl & NUM_GLUED))
            for (size_t j = 1; j < m; j++)
                if (!glued(x, k + j))
                    m = 0;
        if (m > best) {
            best = m;
            *idx = e->refs[i].index;
        }
    }
    return best;
}

/* ---------------------------------------------------------------- noise */

static bool run_has_url(const nctx *x, size_t a, size_t b) {
    for (size_t k = a; k < b; k++) {
        if (is_char(x, k, '@'))
            return true;
        if (is_char(x, k, ':') && k + 2 < b && is_char(x, k + 1, '/') &&
            is_char(x, k + 2, '/'))
            return true;
        if (x->it[k].kind == NLP_TOK_WORD && ilen(x, k) >= 3 && ieq(x, k, "www"))
            return true;
        if (x->it[k].kind == NLP_TOK_WORD && memchr(itext(x, k), '.', ilen(x, k)) &&
            itext(x, k)[ilen(x, k) - 1] != '.')
            return true; /* example.com */
        /* a DOI, "doi:10.1038/..." (DOI Handbook: the prefix is "10." and a
         * registrant code of four or more digits, then "/") */
        if (ieq(x, k, "doi") && k + 1 < b && is_char(x, k + 1, ':'))
            return true;
        if (x->it[k].kind == NLP_TOK_NUMBER && ilen(x, k) >= 7 &&
            memcmp(itext(x, k), "10.", 3) == 0 && k + 1 < b && is_char(x, k + 1, '/'))
            return true;
        if (is_char(x, k, '/') && k > a && x->it[k - 1].kind == NLP_TOK_WORD &&
            k + 1 < b && x->it[k + 1].kind == NLP_TOK_WORD && ilen(x, k - 1) > 3 &&
            ilen(x, k + 1) > 3)
            return true; /* a path segment */
    }
    return false;
}

static bool run_is_phone(const nctx *x, size_t a, size_t b) {
    size_t nums = 0, dashes = 0, digits = 0;
    bool plus = is_char(x, a, '+');
    for (size_t k = a; k < b; k++) {
        if (x->it[k].kind == NLP_TOK_NUMBER) {
            nums++;
            digits += ilen(x, k);
        } else if (is_dash(x, k) || is_char(x, k, '.') || is_char(x, k, '/')) {
            dashes++;
        } else if (!is_char(x, k, '+') && !is_char(x, k, '(') && !is_char(x, k, ')')) {
            return false;
        }
    }
    return nums >= 2 && digits >= 7 && (plus || dashes >= 2);
}

static size_t counted_noun(const nctx *x, size_t k, size_t end, bool singular_ok);

/* Singular nouns a number before them names: "404 error", "200 status code". */
static bool code_noun(const nctx *x, size_t k) {
    static const char *const nouns[] = {"error", "code",   "status",
                                        "model", "series", "port"};
    for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++)
        if (ieq(x, k, nouns[i]))
            return true;
    return false;
}

/* Prepositions before a release: "in 0.16", "since 2.3", "until 1.4". */
static bool release_prep(const nctx *x, size_t k) {
    return ieq(x, k, "in") || ieq(x, k, "since") || ieq(x, k, "until") ||
           ieq(x, k, "before");
}

/* The items a percent sign or word takes at j ("%", "percent", "pct", "per
 * cent"), or 0. */
static size_t percent_at(const nctx *x, size_t j, size_t end) {
    if (j >= end)
        return 0;
    if (is_char(x, j, '%') || ieq(x, j, "percent") || ieq(x, j, "percents") ||
        ieq(x, j, "percentage") || ieq(x, j, "pct"))
        return 1;
    return ieq(x, j, "per") && j + 1 < end && ieq(x, j + 1, "cent") ? 2 : 0;
}

/* Digits with one decimal point and nothing else: "0.16", "2.3". */
static bool bare_decimal(const nctx *x, size_t k) {
    if (x->it[k].kind != NLP_TOK_NUMBER || (x->it[k].flags & IF_ORDINAL))
        return false;
    const char *t = itext(x, k);
    size_t n = ilen(x, k), dots = 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i] == '.')
            dots++;
        else if (t[i] < '0' || t[i] > '9')
            return false;
    }
    return dots == 1 && t[0] != '.' && t[n - 1] != '.';
}

static void mark(nctx *x, size_t a, size_t b) {
    for (size_t k = a; k < b; k++)
        x->it[k].flags |= IF_NOISE;
}

static bool is_month(const nctx *x, size_t k) {
    if (!in_list(x, k, LX_MONTH))
        return false;
    /* "may" and "march" are months only when capitalised */
    return (x->it[k].flags & IF_CAP) || !(ieq(x, k, "may") || ieq(x, k, "march"));
}

static bool is_day_or_year(const nctx *x, size_t k, size_t end) {
    if (!num_numeral_is_num(x, k, end))
        return false;
    double v = num_numeral_int(x, k, end);
    if (x->it[k].flags & IF_ORDINAL) {
        bool p, d;
        size_t nd;
        num_numeral_digits(x, k, &v, &p, &d, &nd);
    }
    return (v >= 1 && v <= NUM_DAY_MAX) || (v >= NUM_YEAR_MIN && v <= NUM_YEAR_MAX);
}

/* A number written with digits only ("787", not "1,500", "2.5" or "21st"). */
static bool bare_digits(const nctx *x, size_t k, size_t end) {
    if (!num_numeral_is_num(x, k, end) || (x->it[k].flags & IF_ORDINAL))
        return false;
    for (size_t i = 0; i < ilen(x, k); i++)
        if (itext(x, k)[i] < '0' || itext(x, k)[i] > '9')
            return false;
    return true;
}

/* A word with upper- and lower-case letters that the lexicon does not know
 * (with known_ok, also a unit or identifier word): a name ("Boeing", "iPhone",
 * "Week"), not "About", "In" or "Million", nor an all-capitals code, which may
 * be a currency or unit ("MAUD 60"). */
static bool name_word(const nctx *x, size_t k, bool known_ok) {
    if (x->it[k].kind != NLP_TOK_WORD || (x->it[k].lex && !known_ok))
        return false;
    /* known words may still name: "Week 13", "Day 3", "Flight 9" */
    const num_lex_entry *e = x->it[k].lex;
    for (size_t i = 0; e && i < e->n_refs; i++) {
        uint8_t t = e->refs[i].table;
        if (t != LX_UNIT && t != LX_IDWORD && t != LX_PLURAL && t != LX_STREET &&
            t != LX_STREETPRE)
            return false;
    }
    bool upper = false, lower = false;
    for (size_t i = 0; i < ilen(x, k); i++) {
        char c = itext(x, k)[i];
        upper |= c >= 'A' && c <= 'Z';
        lower |= c >= 'a' && c <= 'z';
    }
    return upper && lower;
}

/* Does item k end in one of the comma-free suffixes? */
static bool ends_with(const nctx *x, size_t k, const char *suf) {
    size_t n = strlen(suf), l = ilen(x, k);
    if (l <= n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = itext(x, k)[l - n + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != suf[i])
            return false;
    }
    return true;
}

/* Could item k stand right after a number that is part of a name: nothing,
 * punctuation, a function word or another name ("the 737 Max was", "Section
 * 230 of the law"), but not a counted noun, unit, scale or percent sign? */
static bool name_follows(const nctx *x, size_t k, size_t end) {
    if (k >= end)
        return true;
    const item *t = &x->it[k];
    if (t->kind == NLP_TOK_PUNCT || t->kind == NLP_TOK_DASH || t->kind == NLP_TOK_QUOTE)
        return true;
    if (t->kind != NLP_TOK_WORD)
        return false;
    return in_list(x, k, LX_STOPWORD) || name_word(x, k, false);
}

/* A name right before a number, as in a product, model, version or numbered
 * part: "Boeing 787", "iPhone 15", "Week 13", "Section 230", "Bluetooth 4.1". The name is
 * a capitalised word the lexicon does not know, not the first of its sentence (there a
 * capital says nothing), and the number is bare digits that counts nothing after it. */
static bool name_then_number(const nctx *x, size_t k, size_t a, size_t end) {
    if (k <= a || glued(x, k) || !name_word(x, k - 1, true) ||
        (x->it[k - 1].flags & IF_SENT0))
        return false;
    /* a decimal names a version ("Bluetooth 4.1 and Wi-Fi"), unless a share */
    bool decimal = bare_decimal(x, k) && !percent_at(x, k + 1, end);
    return (bare_digits(x, k, end) || decimal) && name_follows(x, k + 1, end);
}

/* A capitalised word inside its sentence that may be part of a title: upper
 * and lower case letters, not a unit, currency, scale or month, which take a
 * number of their own ("USD 5", "5 Km", "March 3"). */
static bool title_word(const nctx *x, size_t k) {
    if (x->it[k].kind != NLP_TOK_WORD || !(x->it[k].flags & IF_CAP) ||
        (x->it[k].flags & IF_SENT0))
        return false;
    if (in_list(x, k, LX_UNIT) || in_list(x, k, LX_CURRENCY) ||
        in_list(x, k, LX_SCALE_SUFFIX) || in_list(x, k, LX_MONTH))
        return false;
    bool lower = false;
    for (size_t i = 0; i < ilen(x, k) && !lower; i++)
        lower = itext(x, k)[i] >= 'a' && itext(x, k)[i] <= 'z';
    return lower;
}

/* Is the sentence [a, end) written in title case, as headlines are ("These 2
 * Words You Never Say")? Then a capital says nothing about names. */
static bool headline_case(const nctx *x, size_t a, size_t end) {
    size_t words = 0, caps = 0;
    for (size_t k = a; k < end; k++) {
        if (x->it[k].kind != NLP_TOK_WORD)
            continue;
        words++;
        caps += (x->it[k].flags & IF_CAP) != 0;
    }
    return words && 2 * caps > words;
}

/* A number inside the name of a title, a chart, an award or a product:
 * between two title words ("Formula 1 Grand Prix"), after two of them at the
 * end of the name ("the Billboard Hot 100."), or one of two numbers about a
 * title word ("the 30 Under 30 list"). A count before a name ("300 New York
 * reporters") has no title word before it. */
static bool number_in_title(const nctx *x, size_t k, size_t a, size_t end,
                            bool headline) {
    if (headline || !bare_digits(x, k, end) || glued(x, k))
        return false;
    bool before = k > a && title_word(x, k - 1);
    if (before && k + 1 < end && title_word(x, k + 1) && !glued(x, k + 1))
        return true;
    if (before && k > a + 1 && title_word(x, k - 2) && name_follows(x, k + 1, end))
        return true;
    /* "30 Under 30": two numbers about one title word name a list */
    if (before && k > a + 1 && bare_digits(x, k - 2, end))
        return true;
    return k + 2 < end && title_word(x, k + 1) && bare_digits(x, k + 2, end) &&
           !glued(x, k + 2);
}

/* A number right before a name: "the 737 Max was grounded". Three digits or
 * more, and the name is not a plural or a people's name ("300 Democrats",
 * "12 Chinese", "40 Israeli soldiers"): those count. */
static bool number_then_name(const nctx *x, size_t k, size_t end) {
    if (!bare_digits(x, k, end) || ilen(x, k) < 3 || k + 1 >= end ||
        !name_word(x, k + 1, false) || glued(x, k + 1))
        return false;
    static const char *const people[] = {"s", "ese", "ish", "an", "i", "ch"};
    for (size_t i = 0; i < sizeof people / sizeof people[0]; i++)
        if (ends_with(x, k + 1, people[i]))
            return false;
    return name_follows(x, k + 2, end);
}

/* Words around a match result: "won 3-1", "a 2-0 defeat". */
static bool score_word(const nctx *x, size_t k) {
    static const char *const words[] = {
        "won",     "win",      "wins",  "beat",   "beats",    "beaten",  "lost",
        "lose",    "loses",    "drew",  "draw",   "drawn",    "defeat",  "defeated",
        "victory", "loss",     "lead",  "led",    "trail",    "trailed", "score",
        "scored",  "thrashed", "edged", "routed", "scoreline"};
    if (x->it[k].kind != NLP_TOK_WORD)
        return false;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (ieq(x, k, words[i]))
            return true;
    return false;
}

/* Two small bare numbers joined by a dash: "6-3", "1-1" (not the "1-1" of a
 * mixed number, "1-1/2"). */
static bool small_pair(const nctx *x, size_t k, size_t end) {
    return k + 2 < end && bare_digits(x, k, end) && ilen(x, k) <= 2 &&
           is_dash(x, k + 1) && bare_digits(x, k + 2, end) && ilen(x, k + 2) <= 2 &&
           glued(x, k + 2) && !(k + 3 < end && is_char(x, k + 3, '/') && glued(x, k + 3));
}

/* Items of a tie-break in brackets right after a score, "7-6 (7)", or 0. */
static size_t tie_break(const nctx *x, size_t k, size_t end) {
    return k + 2 < end && is_char(x, k, '(') && bare_digits(x, k + 1, end) &&
                   ilen(x, k + 1) <= 2 && is_char(x, k + 2, ')')
               ? 3
               : 0;
}

/* A line of set scores: small pairs joined by commas, one of them at least
 * falling ("6-3, 7-6 (7)", "3-6, 6-3"). A range is written from low to high,
 * so a falling pair never is one, and ranges in a list ("ages 5-10, 11-14")
 * all rise. Returns the items of the line from k, or 0. */
static size_t score_line(const nctx *x, size_t k, size_t end) {
    size_t j = k, pairs = 0;
    bool falling = false;
    while (small_pair(x, j, end)) {
        pairs++;
        falling |= num_numeral_int(x, j, end) > num_numeral_int(x, j + 2, end);
        j += 3;
        j += tie_break(x, j, end);
        if (j + 1 >= end || !is_char(x, j, ',') || !small_pair(x, j + 1, end))
            break;
        j++;
    }
    return pairs >= 2 && falling ? j - k : 0;
}

/* A score: two small bare numbers joined by a dash with a result word just
 * before or right after ("drew 1-1", "a 2-3 loss"), or with both ends equal,
 * which no range has ("level the series 1-1"), and its tie-break. (parse_range
 * already reads a falling dash pair, "won 3-1", as a score; this also catches
 * the rest.) Returns items, or 0. */
static size_t match_score(const nctx *x, size_t k, size_t a, size_t end) {
    size_t line = score_line(x, k, end);
    if (line)
        return line;
    if (!small_pair(x, k, end))
        return 0;
    bool cue = num_numeral_int(x, k, end) == num_numeral_int(x, k + 2, end) ||
               (k + 3 < end && score_word(x, k + 3));
    for (size_t j = k; !cue && j > a && j + 3 > k; j--)
        cue = score_word(x, j - 1);
    return cue ? 3 + tie_break(x, k + 3, end) : 0;
}

/* Numbers one calls: "call 911", "dial 999". */
static bool called_number(const nctx *x, size_t k, size_t a, size_t end) {
    return k > a && bare_digits(x, k, end) && ilen(x, k) >= 3 &&
           (ieq(x, k - 1, "call") || ieq(x, k - 1, "dial") || ieq(x, k - 1, "dialled") ||
            ieq(x, k - 1, "dialed") || ieq(x, k - 1, "called") ||
            ieq(x, k - 1, "calling"));
}

/* A house number after the street's name, where the street word comes first
 * ("in Corso Monforte 15", "corso Monforte, 15, Milan"): the street word is
 * capitalised inside the sentence, or the number is set off by commas as in
 * a postal address ("sent via Twitter 5 messages" counts). */
static bool street_first_address(const nctx *x, size_t k, size_t a, size_t end) {
    if (!bare_digits(x, k, end) || ilen(x, k) > NUM_HOUSE_DIGITS_MAX)
        return false;
    bool comma = k > a && is_char(x, k - 1, ',');
    size_t j = comma ? k - 1 : k, names = 0;
    while (j > a && names < NUM_ADDR_WORDS_MAX && x->it[j - 1].kind == NLP_TOK_WORD &&
           (x->it[j - 1].flags & IF_CAP) && !in_list(x, j - 1, LX_STREETPRE)) {
        j--;
        names++;
    }
    if (!names || j == a || !in_list(x, j - 1, LX_STREETPRE))
        return false;
    unsigned f = x->it[j - 1].flags;
    if ((f & IF_CAP) && !(f & IF_SENT0))
        return true;
    return comma && (k + 1 >= end || is_char(x, k + 1, ','));
}

/* Does the sentence [a, end) hold box-drawing characters (U+2500 to U+257F),
 * as the output of a program laid out in a table does? Its numbers are data. */
static bool drawn_table(const nctx *x, size_t a, size_t end) {
    for (size_t k = a; k < end; k++) {
        const unsigned char *t = (const unsigned char *)itext(x, k);
        if (ilen(x, k) >= 3 && t[0] == 0xE2 && (t[1] == 0x94 || t[1] == 0x95))
            return true;
    }
    return false;
}

/* A footnote mark glued after a word's punctuation: "burnout:24 Does",
 * "user-visible?25 Will" (a time or a verse has digits on both sides). */
#define NUM_FOOTNOTE_MAX_DIGITS 3
static bool footnote_after_punct(const nctx *x, size_t k, size_t a, size_t end) {
    if (k < a + 2 || !glued(x, k) || !glued(x, k - 1) || !bare_digits(x, k, end) ||
        ilen(x, k) > NUM_FOOTNOTE_MAX_DIGITS || x->it[k - 2].kind != NLP_TOK_WORD ||
        (k + 1 < end && glued(x, k + 1)))
        return false;
    return is_char(x, k - 1, ':') || is_char(x, k - 1, '?') || is_char(x, k - 1, '!') ||
           is_char(x, k - 1, ';');
}

/* Digits with a leading zero, "00", "007", "05": a code or a broken amount
 * ("every 00 invested", a "$1,000" that lost its "$1,"), not a quantity. */
static bool leading_zero(const nctx *x, size_t k, size_t a, size_t end) {
    return bare_digits(x, k, end) && ilen(x, k) >= 2 && itext(x, k)[0] == '0' &&
           !glued(x, k) && (k + 1 >= end || !glued(x, k + 1)) &&
           !(k > a && x->it[k - 1].kind == NLP_TOK_NUMBER); /* "40 000" groups */
}

/* A bare decimal that begins a longer version number in the same sentence:
 * "4.1 in April and 4.1.1 in August" are releases of one series. */
static bool version_prefix(const nctx *x, size_t k, size_t a, size_t end) {
    const char *t = itext(x, k);
    size_t n = ilen(x, k);
    const char *s = itext(x, a);
    const char *e = itext(x, end - 1) + ilen(x, end - 1);
    for (const char *p = s; p + n + 2 <= e; p++)
        if (p != t && memcmp(p, t, n) == 0 && p[n] == '.' && p[n + 1] >= '0' &&
            p[n + 1] <= '9' &&
            (p == s || !((p[-1] >= '0' && p[-1] <= '9') || p[-1] == '.')))
            return true;
    return false;
}

/* Personal pronouns that open the clause after a release: "For 0.17 we
 * reworked it". */
static bool subject_pronoun(const nctx *x, size_t k) {
    static const char *const p[] = {"i", "we", "you", "they", "he", "she"};
    const char *t = itext(x, k);
    size_t n = 0; /* up to a contraction: "we've", "I’d" */
    while (n < ilen(x, k) && t[n] != '\'' && (unsigned char)t[n] != 0xE2)
        n++;
    for (size_t i = 0; i < sizeof p / sizeof p[0]; i++) {
        size_t m = 0;
        while (m < n && p[i][m] && (t[m] | 0x20) == p[i][m])
            m++;
        if (m == n && !p[i][m])
            return true;
    }
    return false;
}

static void mark_noise(nctx *x, size_t a, size_t end) {
    bool headline = headline_case(x, a, end);
    /* glued runs: URLs, e-mail, phone numbers, slash dates */
    for (size_t k = a; k < end;) {
        size_t r = k + 1;
        while (r < end && glued(x, r))
            r++;
        if (r - k > 1 && (run_has_url(x, k, r) || run_is_phone(x, k, r)))
            mark(x, k, r);
        for (size_t q = k; q + 4 < r + 0 && q + 4 <= r - 1 + 1; q++)
            if (num_numeral_is_num(x, q, end) && is_char(x, q + 1, '/') &&
                num_numeral_is_num(x, q + 2, end) && is_char(x, q + 3, '/') &&
                num_numeral_is_num(x, q + 4, end))
                mark(x, q, q + 5);
        k = r;
    }
    bool table = drawn_table(x, a, end);
    for (size_t k = a; k < end; k++) {
        if (x->it[k].kind != NLP_TOK_NUMBER)
            continue;
        if (table) {
            mark(x, k, k + 1);
            continue;
        }
        /* a code: "scp-173", "mid-air-17" (a word, a hyphen and digits, glued) */
        if (k >= a + 2 && glued(x, k) && is_hyphen(x, k - 1) && glued(x, k - 1) &&
            x->it[k - 2].kind == NLP_TOK_WORD && ilen(x, k - 2) >= 2) {
            mark(x, k, k + 1);
            continue;
        }
        /* times and references: 10:30, "Timothy 3:1-5" (a span of verses
         * or of times runs on after a dash), 5 p.m., 11pm */
        if (k + 2 < end && is_char(x, k + 1, ':') && glued(x, k + 1) &&
            num_numeral_is_num(x, k + 2, end) && glued(x, k + 2)) {
            size_t e = k + 3;
            if (e + 1 < end && is_dash(x, e) && glued(x, e) && glued(x, e + 1) &&
                num_numeral_is_num(x, e + 1, end))
                e += 2;
            mark(x, k, e);
            k = e - 1;
            continue;
        }
        if (k + 1 < end && in_list(x, k + 1, LX_TIMEWORD)) {
            mark(x, k, k + 2);
            continue;
        }
        /* a span of clock hours: "between 10-11 a.m.", "9 to 5 pm" */
        if (k + 3 < end && num_numeral_int(x, k, end) >= 0 &&
            (is_dash(x, k + 1) || ieq(x, k + 1, "to")) &&
            num_numeral_int(x, k + 2, end) >= 0 && in_list(x, k + 3, LX_TIMEWORD)) {
            mark(x, k, k + 4);
            k += 3;
            continue;
        }
        /* list markers: "1." or "2)" opening a line */
        if ((x->it[k].flags & IF_LINE || k == 0) && k + 1 < end &&
            (is_char(x, k + 1, '.') || is_char(x, k + 1, ')')) && glued(x, k + 1)) {
            mark(x, k, k + 1);
            continue;
        }
        /* a rank written with a full stop in brackets, as a list gives the
         * previous place: "Rand Paul (9.)" */
        if (k > a && is_char(x, k - 1, '(') && k + 2 < end && is_char(x, k + 1, '.') &&
            glued(x, k + 1) && is_char(x, k + 2, ')') && glued(x, k + 2)) {
            mark(x, k, k + 1);
            continue;
        }
        if (leading_zero(x, k, a, end) || footnote_after_punct(x, k, a, end) ||
            (bare_decimal(x, k) && version_prefix(x, k, a, end))) {
            mark(x, k, k + 1);
            continue;
        }
        /* names with a number: "Boeing 787", "Week 13", "the 737 Max" */
        size_t sc = match_score(x, k, a, end);
        if (sc) {
            mark(x, k, k + sc);
            k += sc - 1;
            continue;
        }
        if (name_then_number(x, k, a, end) || number_then_name(x, k, end) ||
            number_in_title(x, k, a, end, headline) || called_number(x, k, a, end)) {
            mark(x, k, k + 1);
            continue;
        }
        /* footnote marks glued to the text: "coefficients,[1][2]", "again.[70]" */
        if (k > a && is_char(x, k - 1, '[') && glued(x, k - 1) && glued(x, k) &&
            k + 1 < end && is_char(x, k + 1, ']') && glued(x, k + 1) &&
            bare_digits(x, k, end)) {
            mark(x, k, k + 1);
            continue;
        }
        /* a setting written as code: "(level=6)", "timeout=30" */
        if (k > a && is_char(x, k - 1, '=') && glued(x, k - 1) && glued(x, k)) {
            mark(x, k, k + 1);
            continue;
        }
        /* a number naming a code, an error or a model: "a 404 error", "the 200
         * status code" (a plural counts: "200 errors") */
        if (bare_digits(x, k, end) && k + 1 < end && !glued(x, k + 1) &&
            code_noun(x, k + 1)) {
            mark(x, k, k + 1);
            continue;
        }
        /* a section of a law named by its letter: "401(k) plans", "501(c)(3)" */
        if ((k + 3 < end && is_char(x, k + 1, '(') && glued(x, k + 1) &&
             x->it[k + 2].kind == NLP_TOK_WORD && ilen(x, k + 2) == 1 &&
             glued(x, k + 2) && is_char(x, k + 3, ')') && glued(x, k + 3)) ||
            (k >= a + 2 && is_char(x, k - 1, '(') && glued(x, k - 1) && glued(x, k) &&
             is_char(x, k - 2, ')') && glued(x, k - 2))) {
            mark(x, k, k + 1);
            continue;
        }
        /* "#1", "Lesson #3": a number after "#" ranks or names, it counts nothing */
        if (k > a && is_char(x, k - 1, '#') && glued(x, k)) {
            mark(x, k, k + 1);
            continue;
        }
        /* a long number written without separators after a name is a ticket,
         * bug or case number ("Bug 1676296 landed"): amounts of five digits
         * and more are grouped ("10,000") */
        if (k > a && bare_digits(x, k, end) && ilen(x, k) >= NUM_ID_MIN_DIGITS &&
            !glued(x, k) && name_word(x, k - 1, true) &&
            !(x->it[k - 1].flags & IF_SENT0) &&
            (k + 1 >= end || (counted_noun(x, k + 1, end, false) == SIZE_MAX &&
                              !in_list(x, k + 1, LX_UNIT)))) {
            mark(x, k, k + 1);
            continue;
        }
        /* a release named by a bare decimal after a preposition of time,
         * with only a function word or punctuation after it: "annoying in
         * 0.16 from time to time", "fixed since 2.3." ("in 0.16 seconds",
         * "in 2.5 percent", "in 1.5 million homes" are quantities), or after
         * "for" with a clause of its own ("For 0.17 we reworked it") */
        if (k > a && bare_decimal(x, k) && !glued(x, k) &&
            ((release_prep(x, k - 1) &&
              (k + 1 >= end || x->it[k + 1].kind == NLP_TOK_PUNCT ||
               (in_list(x, k + 1, LX_STOPWORD) && !percent_at(x, k + 1, end)))) ||
             (ieq(x, k - 1, "for") && k + 1 < end && subject_pronoun(x, k + 1)))) {
            mark(x, k, k + 1);
            continue;
        }
        /* identifiers: "Flight 370", "No. 10", "version 2" */
        if (k > a && in_list(x, k - 1, LX_IDWORD) && !glued(x, k)) {
            mark(x, k, k + 1);
            continue;
        }
        if (k > a && x->it[k - 1].kind == NLP_TOK_WORD && glued(x, k) &&
            in_list(x, k - 1, LX_IDWORD)) {
            mark(x, k, k + 1);
            continue;
        }
        /* ZIP codes after a state code: "PA 23456" */
        if (k > a && ilen(x, k) == 5 && ilen(x, k - 1) == 2 &&
            x->it[k - 1].kind == NLP_TOK_WORD && itext(x, k - 1)[0] >= 'A' &&
            itext(x, k - 1)[0] <= 'Z' && itext(x, k - 1)[1] >= 'A' &&
            itext(x, k - 1)[1] <= 'Z') {
            mark(x, k, k + 1);
            continue;
        }
        if (street_first_address(x, k, a, end)) {
            mark(x, k, k + 1);
            continue;
        }
        /* addresses: "123 Random Street", "10 Downing St." */
        if (num_numeral_int(x, k, end) >= 0) {
            size_t j = k + 1, caps = 0;
            while (j < end && caps < NUM_ADDR_WORDS_MAX &&
                   x->it[j].kind == NLP_TOK_WORD && (x->it[j].flags & IF_CAP) &&
                   !in_list(x, j, LX_STREET)) {
                j++;
                caps++;
            }
            if (caps >= 1 && j < end && in_list(x, j, LX_STREET) &&
                (x->it[j].flags & IF_CAP)) {
                mark(x, k, k + 1);
                continue;
            }
        }
    }
    /* dates around month names: "Jan. 5, 2021", "5 May", "the 5th of May" */
    for (size_t k = a; k < end; k++) {
        if (!is_month(x, k))
            continue;
        if (k > a && is_day_or_year(x, k - 1, end))
            mark(x, k - 1, k);
        if (k > a + 1 && ieq(x, k - 1, "of") && is_day_or_year(x, k - 2, end))
            mark(x, k - 2, k - 1);
        if (k + 1 < end && is_day_or_year(x, k + 1, end)) {
            mark(x, k + 1, k + 2);
            if (k + 3 < end && is_char(x, k + 2, ',') &&
                num_numeral_is_num(x, k + 3, end) &&
                num_numeral_int(x, k + 3, end) >= NUM_YEAR_MIN)
                mark(x, k + 3, k + 4);
        }
    }
}

/* ---------------------------------------------------------------- claims */

typedef struct {
    size_t start, end;         /* items of the whole claim */
    size_t qty_start, qty_end; /* items of the quantity */
    numeral n, n2;
    bool has_range, neg;
    lede_claim_kind kind;
    lede_qualifier qual;
    uint8_t qk; /* num_qual_kind */
    const char *unit, *currency, *dim;
    const char *change;
    double value, low, high;
    bool unit_from_noun;
} claim_draft;

static lede_qualifier qual_of(uint8_t qk) {
    switch (qk) {
    case QK_APPROX: return LEDE_QUAL_APPROXIMATELY;
    case QK_AT_LEAST: return LEDE_QUAL_AT_LEAST;
    case QK_AT_MOST: return LEDE_QUAL_AT_MOST;
    case QK_MORE_THAN: return LEDE_QUAL_MORE_THAN;
    case QK_LESS_THAN: return LEDE_QUAL_LESS_THAN;
    case QK_UP_TO: return LEDE_QUAL_UP_TO;
    case QK_JUST_UNDER: return LEDE_QUAL_JUST_UNDER;
    case QK_EXACTLY: return LEDE_QUAL_EXACTLY;
    default: return LEDE_QUAL_NONE;
    }
}

/* Does the current sentence hold a word of this list (tempcue, moneycue...)? */
static bool sentence_has(const nctx *x, size_t a, size_t end, uint8_t table) {
    (void)a;
    (void)end;
    return (x->cues >> table) & 1u;
}

static uint32_t sentence_cues(const nctx *x, size_t a, size_t end) {
    uint32_t cues = 0;
    for (size_t k = a; k < end; k++) {
        const num_lex_entry *e = x->it[k].lex;
        for (size_t i = 0; e && i < e->n_refs; i++)
            cues |= 1u << e->refs[i].table;
    }
    return cues;
}

/* Currency written before the number at k: "$", "US$", "c $", "€", "USD",
 * "MUSD" (millions of dollars). Returns items used. */
static size_t currency_prefix(const nctx *x, size_t k, size_t end,
                              const num_currency **cur, double *mult) {
    *mult = 1;
    uint16_t idx;
    size_t m = numbers_best_phrase(x, k, end, LX_CURRENCY, NUM_PREFIX, 0, &idx);
    if (m) {
        const num_currency *c = num_currency_row(idx);
        if ((c->flags & NUM_GLUED) && (k + m >= end || !glued(x, k + m)))
            return 0;
        /* an ISO code before a number must be upper case: "USD 200" */
        if (x->it[k].kind == NLP_TOK_WORD && m == 1 && ilen(x, k) == 3 &&
            !(itext(x, k)[0] >= 'A' && itext(x, k)[0] <= 'Z') && !ieq(x, k, "rs"))
            return 0;
        *cur = c;
        return m;
    }
    /* MUSD, MGBP: millions of a currency code */
    if (x->it[k].kind == NLP_TOK_WORD && ilen(x, k) == 4 && itext(x, k)[0] == 'M') {
        char low[4];
        for (int i = 0; i < 3; i++) {
            char c = itext(x, k)[i + 1];
            if (c < 'A' || c > 'Z')
                return 0;
            low[i] = (char)(c + 32);
        }
        const num_lex_entry *e = num_lex_find(low, 3);
        for (size_t i = 0; e && i < e->n_refs; i++)
            if (e->refs[i].table == LX_CURRENCY &&
                (num_lex_flags(LX_CURRENCY, e->refs[i].index) & NUM_PREFIX)) {
                *cur = num_currency_row(e->refs[i].index);
                *mult = 1e6;
                return 1;
            }
    }
    return 0;
}

/* Currency written after the number at k ("dollars", "USD", "€", "MUSD"). */
static size_t currency_suffix(const nctx *x, size_t k, size_t end, size_t sent_a,
                              size_t sent_e, const num_currency **cur, double *mult,
                              bool after_scale) {
    *mult = 1;
    if (k >= end)
        return 0;
    uint16_t idx;
    size_t m = numbers_best_phrase(x, k, end, LX_CURRENCY, NUM_SUFFIX, 0, &idx);
    if (m) {
        const num_currency *c = num_currency_row(idx);
        if ((c->flags & NUM_GLUED) && !glued(x, k))
            return 0;
        if ((c->flags & NUM_AMBIG) && !after_scale &&
            !sentence_has(x, sent_a, sent_e, LX_MONEYCUE))
            return 0; /* "two pounds" of weight */
        *cur = c;
        return m;
    }
    return currency_prefix(x, k, end, cur, mult) && *mult > 1 ? 1 : 0;
}

static size_t unit_phrase_at(const nctx *x, size_t k, size_t end, const num_unit **u,
                             bool after_unit) {
    if (k >= end || (x->it[k].flags & IF_IDCODE))
        return 0;
    uint16_t idx;
    unsigned reject = after_unit ? 0 : NUM_NEEDS_PREV;
    size_t m = numbers_best_phrase(x, k, end, LX_UNIT, 0, reject, &idx);
    if (!m)
        return 0;
    *u = num_unit_row(idx);
    if (((*u)->flags & NUM_GLUED) && !glued(x, k))
        return 0;
    return m;
}

/* Does an English word look plural: "troops", "cases", "people"? */
static bool looks_plural(const nctx *x, size_t j) {
    if (in_list(x, j, LX_PLURAL))
        return true;
    const char *s = itext(x, j);
    size_t n = ilen(x, j);
    if (n < 3 || s[n - 1] != 's')
        return false;
    char p = s[n - 2];
    return p != 's' && p != 'u' && p != 'i'; /* not "glass", "bus", "analysis" */
}

/* A counted noun after a number: "100,000 troops", "five new cases",
 * "100,000 Russian troops" (English words only; plural unless singular_ok,
 * since "a 180 page report" uses the noun as a modifier). Returns its item
 * or SIZE_MAX. */
static size_t counted_noun(const nctx *x, size_t k, size_t end, bool singular_ok) {
    for (size_t j = k, steps = 0; j < end && steps < NUM_NOUN_LOOKAHEAD; j++, steps++) {
        const item *t = &x->it[j];
        if (t->kind != NLP_TOK_WORD || (t->flags & IF_IDCODE) || glued(x, j))
            return SIZE_MAX;
        if (in_list(x, j, LX_ADJ) ||
            ((t->flags & IF_CAP) && j + 1 < end && x->it[j + 1].kind == NLP_TOK_WORD))
            continue;
        if (t->flags & IF_CAP)
            return SIZE_MAX;
        const char *s = itext(x, j);
        size_t n = ilen(x, j);
        if (n < 2 || in_list(x, j, LX_STOPWORD) || numword(x, j) ||
            in_list(x, j, LX_CHANGE) || in_list(x, j, LX_QUALIFIER) ||
            in_list(x, j, LX_MONTH))
            return SIZE_MAX;
        if (n > 2 && s[n - 2] == 'l' && s[n - 1] == 'y')
            return SIZE_MAX; /* an adverb */
        if (n > 4 && s[n - 2] == 'e' && s[n - 1] == 'd')
            return SIZE_MAX; /* a past participle: "12 killed" */
        for (size_t i = 0; i < n; i++)
            if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
                return SIZE_MAX;
        if (!singular_ok && !looks_plural(x, j))
            return SIZE_MAX;
        return j;
    }
    return SIZE_MAX;
}

/* Rate after money: "$15 an hour", "$70 a share", "$3 per gallon". */
static size_t rate_suffix(const nctx *x, size_t k, size_t end) {
    static const char *const per_what[] = {
        "share", "hour",  "day",  "week",   "month",  "year",   "barrel", "gallon",
        "litre", "liter", "head", "person", "ton",    "tonne",  "kilo",   "kilogram",
        "pound", "night", "unit", "seat",   "ticket", "capita", "annum",  NULL};
    size_t j = k;
    if (j < end && is_dash(x, j))
        j++;
    if (j >= end ||
        !(ieq(x, j, "a") || ieq(x, j, "an") || ieq(x, j, "per") || is_char(x, j, '/')))
        return 0;
    j++;
    if (j < end && is_dash(x, j))
        j++;
    for (size_t i = 0; j < end && per_what[i]; i++)
        if (ieq(x, j, per_what[i]))
            return j + 1 - k;
    return 0;
}

static const char *dup_items(nctx *x, size_t a, size_t b) {
    return arena_strndup(x->job->arena, x->text + x->it[a].b0,
                         x->it[b - 1].b1 - x->it[a].b0);
}

/* Words that end the noun phrase of a subject ("of school districts in
 * Texas"), and determiners skipped at its start ("of the vote"). */
static bool subject_stop(const nctx *x, size_t k) {
    static const char *const stop[] = {
        "and",   "or",    "but",   "in",     "on",    "at",   "who",  "that", "which",
        "were",  "are",   "was",   "is",     "have",  "has",  "had",  "said", "says",
        "to",    "from",  "for",   "with",   "by",    "of",   "as",   "than", "will",
        "would", "could", "can",   "may",    "might", "be",   "been", "this", "over",
        "under", "since", "after", "before", "last",  "next", "per",  "a",    "an",
        "did",   "do",    "does",  "not",    "no",    NULL};
    for (size_t i = 0; stop[i]; i++)
        if (ieq(x, k, stop[i]))
            return true;
    return false;
}

static bool subject_det(const nctx *x, size_t k) {
    static const char *const det[] = {"the",   "its",   "their", "his", "her",
                                      "our",   "your",  "my",    "all", "those",
                                      "these", "total", NULL};
    for (size_t i = 0; det[i]; i++)
        if (ieq(x, k, det[i]))
            return true;
    return false;
}

/* Items of a possessive marker at k ("'s", or an apostrophe and a glued
 * "s"), 0 when there is none. */
static size_t possessive_at(const nctx *x, size_t k, size_t end) {
    if (k >= end)
        return 0;
    if (ieq(x, k, "'s") || ieq(x, k, "\xE2\x80\x99s"))
        return 1;
    if (k + 1 < end && (ieq(x, k, "'") || ieq(x, k, "\xE2\x80\x99")) && glued(x, k) &&
        glued(x, k + 1) && ieq(x, k + 1, "s"))
        return 2;
    return 0;
}

/* Comparatives before a counted noun that are not part of it ("300 more
 * nurses", "two other players"). */
static bool subject_comparative(const nctx *x, size_t k) {
    static const char *const cmp[] = {"more",  "fewer",   "less",  "additional",
                                      "extra", "further", "other", NULL};
    for (size_t i = 0; cmp[i]; i++)
        if (ieq(x, k, cmp[i]))
            return true;
    return false;
}

/* What the claim counts or measures: the counted noun of a count ("100,000
 * troops"), else the noun phrase after "of" ("half of school districts", "30%
 * of voters", "$5m of aid"); NULL when neither is written. At most three
 * words, ending before a function word or punctuation. */
static const char *subject_of(nctx *x, const claim_draft *d, size_t sent_end) {
    size_t k = d->end;
    if (d->kind == LEDE_CLAIM_COUNT && d->unit && d->end > d->qty_end) {
        /* "Two thirds of voters": the claim's own span ends in "of voters" */
        size_t b = d->qty_end;
        while (b < d->end &&
               (ieq(x, b, "of") || subject_det(x, b) || subject_comparative(x, b)))
            b++;
        size_t e = d->end;
        /* "two-thirds of the country's population" */
        size_t ps = possessive_at(x, e, sent_end);
        if (ps && e + ps < sent_end && x->it[e + ps].kind == NLP_TOK_WORD &&
            !subject_stop(x, e + ps) && !numword(x, e + ps))
            e += ps + 1;
        return b < e ? dup_items(x, b, e) : NULL;
    }
    if (k + 1 < sent_end && ieq(x, k, "of"))
        k++;
    else
        return NULL;
    while (k < sent_end && subject_det(x, k))
        k++;
    size_t b = k;
    size_t plural = 0; /* one past the last word that looks like a plural noun */
    size_t limit = b + 3;
    size_t last_word = b; /* one past the last word taken */
    while (k < sent_end && k < limit) {
        /* "of the country's population": the owner, then its noun */
        size_t ps = k > b ? possessive_at(x, k, sent_end) : 0;
        if (ps) {
            k += ps;
            limit += ps;
            plural = 0;
            continue;
        }
        if (x->it[k].kind != NLP_TOK_WORD || subject_stop(x, k) ||
            num_numeral_is_num(x, k, sent_end) || numword(x, k))
            break;
        size_t n = ilen(x, k);
        const char *w = itext(x, k);
        if (n > 3 && (w[n - 1] == 's' || w[n - 1] == 'S') && w[n - 2] != 's')
            plural = k + 1;
        last_word = ++k;
    }
    /* "of school districts shut": without a parser the verb after a plural
     * head is cut at that head; never end on a possessive marker */
    k = plural ? plural : last_word;
    return k > b ? dup_items(x, b, k) : NULL;
}

static lede_status emit_claim(nctx *x, const claim_draft *d) {
    if (x->n_claims == x->cap_claims) {
        size_t ncap = x->cap_claims ? x->cap_claims * 2 : 16;
        lede_claim *nc = arena_realloc(x->job->arena, x->claims,
                                       x->cap_claims * sizeof *nc, ncap * sizeof *nc);
        if (!nc)
            return LEDE_ERR_NOMEM;
        x->claims = nc;
        x->cap_claims = ncap;
    }
    uint32_t s = x->it[d->start].sent;
    if (!x->sent_text[s]) {
        const nlp_sentence *se = &x->job->nlp.sents[s];
        x->sent_text[s] =
            arena_strndup(x->job->arena, x->text + se->start, se->end - se->start);
        if (!x->sent_text[s])
            return LEDE_ERR_NOMEM;
    }
    lede_claim *c = &x->claims[x->n_claims];
    memset(c, 0, sizeof *c);
    c->text = dup_items(x, d->start, d->end);
    if (!c->text)
        return LEDE_ERR_NOMEM;
    c->kind = d->kind;
    c->value = d->value;
    c->has_range = d->has_range;
    c->low = d->low;
    c->high = d->high;
    c->unit = d->unit;
    c->currency = d->currency;
    c->qualifier = d->qual;
    c->change = d->change;
    c->start = x->it[d->start].c0;
    c->end = x->it[d->end - 1].c1;
    c->sentence = x->sent_text[s];
    c->qty_start = x->it[d->qty_start].c0;
    c->qty_end = x->it[d->qty_end - 1].c1;
    c->num_start = x->it[d->n.b].c0;
    c->num_end = x->it[d->n.e - 1].c1;
    if (d->has_range && d->n2.e > d->n2.b) {
        c->num2_start = x->it[d->n2.b].c0;
        c->num2_end = x->it[d->n2.e - 1].c1;
    }
    c->dimension = d->dim;
    size_t se = d->end;
    while (se < x->n && x->it[se].sent == s)
        se++;
    c->subject = subject_of(x, d, se);
    c->quote = -1;
    for (size_t k = d->start; k < d->end; k++)
        x->it[k].flags |= IF_USED;
    x->n_claims++;
    return LEDE_OK;
}

/* Post-number parse: currency, percent, units. Fills d and returns the item
 * after the quantity. */
static size_t parse_unit_part(nctx *x, claim_draft *d, size_t j, size_t sa, size_t end) {
    const num_currency *cur = NULL;
    double mult = 1;
    const num_unit *u = NULL;
    size_t m;
    /* money in a currency written after: "20 usd", "five million yen" */
    if (!d->currency &&
        (m = currency_suffix(x, j, end, sa, end, &cur, &mult, d->n.scale > 1))) {
        d->currency = cur->iso;
        d->dim = "currency";
        if (cur->flags & NUM_SUB)
            d->unit = cur->name;
        else if (!cur->iso)
            d->unit = cur->name;
        d->value *= mult;
        j += m;
        /* "75 USD million" */
        const num_word *sc = j < end ? numword(x, j) : NULL;
        if (sc && sc->cls == NW_SCALE && sc->value >= 1e3 && d->n.scale == 1) {
            d->value *= sc->value;
            j++;
        }
        /* "thirteen dollars forty-five cents", "15 dollars and 50" */
        if (!(cur->flags & NUM_SUB) && !d->n.decimal && !d->n.fraction && j < end) {
            size_t q = j;
            if (ieq(x, q, "and"))
                q++;
            numeral c2;
            if (q < end && num_numeral_parse(x, q, end, false, &c2) && !c2.fraction &&
                !c2.ordinal && c2.v > 0 && c2.v < NUM_CENTS_PER_UNIT &&
                c2.v == floor(c2.v)) {
                const num_currency *cc = NULL;
                double mm;
                size_t m2 = currency_suffix(x, c2.e, end, sa, end, &cc, &mm, false);
                if (!m2 || (cc->flags & NUM_SUB)) {
                    bool next_is_num = c2.e < end && (num_numeral_is_num(x, c2.e, end) ||
                                                      numword(x, c2.e));
                    /* unnamed cents come after "and" or end the phrase: not
                     * the "four" of "660,000 dollars four years ago" */
                    bool unnamed_ok = !next_is_num && (q > j || c2.e >= end ||
                                                       x->it[c2.e].kind != NLP_TOK_WORD);
                    if (m2 || unnamed_ok) {
                        d->value += c2.v / NUM_CENTS_PER_UNIT;
                        j = c2.e + m2;
                    }
                }
            }
        }
        d->kind = LEDE_CLAIM_MONEY;
        return j;
    }
    if (d->currency) {
        d->kind = LEDE_CLAIM_MONEY;
        /* "$5 million" handled by the numeral; "$ 10 USD" */
        return j;
    }
    /* percentage points, basis points */
    if (j + 1 < end && ieq(x, j, "percentage") &&
        (ieq(x, j + 1, "points") || ieq(x, j + 1, "point"))) {
        d->kind = LEDE_CLAIM_PERCENT;
        d->unit = "percentage points";
        return j + 2;
    }
    /* percent */
    size_t pw = percent_at(x, j, end);
    if (pw) {
        j += pw;
        d->kind = LEDE_CLAIM_PERCENT;
        d->unit = "%";
        if (j + 1 < end && ieq(x, j, "percentage") &&
            (ieq(x, j + 1, "points") || ieq(x, j + 1, "point"))) {
            j += 2;
            d->unit = "percentage points";
        }
        return j;
    }
    if (j < end && (ieq(x, j, "basis") && j + 1 < end && ieq(x, j + 1, "points"))) {
        d->kind = LEDE_CLAIM_PERCENT;
        d->unit = "basis points";
        return j + 2;
    }
    /* units: "80 metric tons", "3-inch", "20 [kg]" */
    size_t q = j;
    bool hyph = false, bracket = false;
    if (q < end && is_hyphen(x, q) && glued(x, q) && q + 1 < end && glued(x, q + 1)) {
        q++;
        hyph = true;
    } else if (q + 2 < end &&
               (is_char(x, q, '[') || is_char(x, q, '{') || is_char(x, q, '<'))) {
        q++;
        bracket = true;
    }
    if (hyph) {
        /* "12-cent", "one-yen" */
        if ((m = currency_suffix(x, q, end, sa, end, &cur, &mult, true))) {
            d->currency = cur->iso;
            d->dim = "currency";
            if ((cur->flags & NUM_SUB) || !cur->iso)
                d->unit = cur->name;
            d->kind = LEDE_CLAIM_MONEY;
            return q + m;
        }
    }
    if ((m = unit_phrase_at(x, q, end, &u, false))) {
        size_t ue = q + m;
        if (bracket) {
            char open = itext(x, j)[0];
            char close = open == '[' ? ']' : open == '{' ? '}' : '>';
            if (ue >= end || !is_char(x, ue, close))
                return j;
            ue++;
        }
        /* "pounds" is money when the sentence speaks of money */
        if ((u->flags & NUM_AMBIG) && strcmp(u->dim, "mass") == 0 &&
            sentence_has(x, sa, end, LX_MONEYCUE) && d->n.scale > 1)
            return j;
        if ((u->flags & NUM_AMBIG) && strcmp(u->unit, "st") == 0)
            return j;
        if ((u->flags & NUM_AMBIG) && (u->flags & NUM_GLUED) &&
            strcmp(u->dim, "temperature") == 0 && !sentence_has(x, sa, end, LX_TEMPCUE))
            return j; /* "13F" is a form, "40C" a temperature only in context */
        if (strcmp(u->phrase, "in") == 0)
            return j;
        if (u->phrase[0] == '"' && !(ue < end && x->it[ue].kind == NLP_TOK_WORD &&
                                     (ieq(x, ue, "long") || ieq(x, ue, "wide") ||
                                      ieq(x, ue, "tall") || ieq(x, ue, "thick"))))
            return j;
        d->unit = u->unit;
        d->dim = u->dim;
        /* bare degrees: an angle when the sentence says so */
        if ((u->flags & NUM_AMBIG) && strcmp(u->dim, "temperature") == 0 &&
            sentence_has(x, sa, end, LX_ANGLECUE) &&
            !sentence_has(x, sa, end, LX_TEMPCUE))
            d->dim = "angle";
        d->kind = LEDE_CLAIM_MEASURE;
        if (strcmp(d->dim, "time") == 0)
            d->kind = LEDE_CLAIM_DURATION;
        /* "5 ft 2 in", "5 feet and 2 inches", "6-foot-2" */
        if (strcmp(u->unit, "ft") == 0 && ue < end) {
            size_t r = ue;
            if (ieq(x, r, "and"))
                r++;
            bool hy = is_hyphen(x, r) && glued(x, r);
            if (hy)
                r++;
            double in = num_numeral_int(x, r, end);
            if (in >= 0 && in < NUM_INCHES_PER_FOOT) {
                const num_unit *u2 = NULL;
                size_t m2 = unit_phrase_at(x, r + 1, end, &u2, true);
                if (m2 && strcmp(u2->unit, "in") == 0) {
                    d->value += in / NUM_INCHES_PER_FOOT;
                    ue = r + 1 + m2;
                } else if (hy && glued(x, r)) {
                    d->value += in / NUM_INCHES_PER_FOOT;
                    ue = r + 1;
                }
            }
        }
        /* ages: "29 years old", "six weeks of age", "28-year-old" */
        if (d->kind == LEDE_CLAIM_DURATION && ue < end) {
            size_t r = ue;
            if (is_hyphen(x, r) || is_dash(x, r))
                r++;
            if (r < end && ieq(x, r, "old")) {
                d->dim = "age";
                ue = r + 1;
            } else if (r + 1 < end && ieq(x, r, "of") && ieq(x, r + 1, "age")) {
                d->dim = "age";
                ue = r + 2;
            }
        }
        return ue;
    }
    return j;
}

static const char *change_before(const nctx *x, size_t k, size_t sa);

/* Range continuation after a quantity: "-20", " to 20", " and 20" (after
 * "between"). Returns the item after it, or 0. */
/* "three-nought-four", "one-one-two": a chain of more than two number words
 * joined by hyphens is digits read out one by one, not a range. a and e
 * bound the two numbers the range would join. */
static bool spoken_digits(const nctx *x, size_t a, size_t e, size_t end) {
    bool before = a >= 2 && is_hyphen(x, a - 1) && glued(x, a - 1) && glued(x, a) &&
                  numword(x, a - 2);
    bool after = e + 1 < end && is_hyphen(x, e) && glued(x, e) && glued(x, e + 1) &&
                 numword(x, e + 1);
    return before || after;
}

/* A ratio whose second term is one: "outnumber them by 80 to 1", "a
 * two-to-one margin", "odds of 100 to 1", "calls ran 3 to 1 for him". The
 * one is the base of the comparison, not a count: the claim takes it in and
 * keeps the first term as its value (a vote, "voted 8 to 1", is then told
 * apart as a tally). Not after "from" (a change), nor before a unit or a
 * scale (a range, "3 to 1 percent"). Returns the item after the ratio, or 0. */
static size_t ratio_tail(const nctx *x, const claim_draft *d, size_t j, size_t sa,
                         size_t end) {
    if (d->kind != LEDE_CLAIM_COUNT || d->unit || d->currency || d->value <= 1)
        return 0;
    size_t q = j;
    bool hyphens = q < end && is_hyphen(x, q) && glued(x, q);
    if (hyphens)
        q++;
    if (q + 1 >= end || !ieq(x, q, "to"))
        return 0;
    q++;
    if (hyphens) {
        if (q + 1 >= end || !is_hyphen(x, q) || !glued(x, q))
            return 0;
        q++;
    }
    bool one = ieq(x, q, "one") || (num_numeral_is_num(x, q, end) && ilen(x, q) == 1 &&
                                    itext(x, q)[0] == '1');
    if (!one)
        return 0;
    size_t e = q + 1;
    /* "from 3 to 1" is a change; "3 to 1 percent", "3 to 1 million" a range */
    if (d->qty_start > sa && ieq(x, d->qty_start - 1, "from"))
        return 0;
    if (e < end && (numword(x, e) || in_list(x, e, LX_UNIT) ||
                    in_list(x, e, LX_SCALE_SUFFIX) || percent_at(x, e, end)))
        return 0;
    return e;
}

/* "about an hour", "nearly a decade", "almost a mile", "within a week": after
 * a hedge the article before a singular unit word is the number one. "over"
 * is left out: "over a year" is as often a span of time as "more than". */
static bool article_unit(const nctx *x, size_t k, size_t j, size_t end, numeral *n) {
    const num_unit *u;
    if (ieq(x, k, "over") || j + 1 >= end || !(ieq(x, j, "a") || ieq(x, j, "an")))
        return false;
    size_t m = unit_phrase_at(x, j + 1, end, &u, false);
    if (!m || (u->flags & NUM_AMBIG) || looks_plural(x, j + m))
        return false;
    memset(n, 0, sizeof *n);
    n->b = j;
    n->e = j + 1;
    n->v = 1;
    n->scale = 1;
    n->words = true;
    return true;
}

/* Items of a margin sign at j, "+/-" or "±" (0 if none): "between +/- 3.1
 * and 4.9" is a range of margins, each of the size written. */
static size_t margin_sign(const nctx *x, size_t j, size_t end) {
    if (j < end && ilen(x, j) == 2 && memcmp(itext(x, j), "\xc2\xb1", 2) == 0)
        return 1;
    if (j + 2 < end && is_char(x, j, '+') && is_char(x, j + 1, '/') &&
        is_dash(x, j + 2) && ilen(x, j + 2) == 1 && glued(x, j + 1) && glued(x, j + 2))
        return 3;
    return 0;
}

/* "minus" of "plus or minus": a margin around a figure, not a sign. */
static bool plus_or_minus(const nctx *x, size_t j, size_t sa) {
    return j >= sa + 2 && ieq(x, j - 1, "or") && ieq(x, j - 2, "plus");
}

/* A dash that breaks the sentence rather than joining two numbers: "--" or
 * an em dash with space on both sides ("$544 billion -- $105 billion more"). */
static bool sentence_dash(const nctx *x, size_t j) {
    if (glued(x, j) || glued(x, j + 1))
        return false;
    const char *t = itext(x, j);
    size_t n = ilen(x, j);
    return (n == 2 && t[0] == '-' && t[1] == '-') ||
           (n == 3 && memcmp(t, "\xe2\x80\x94", 3) == 0);
}

static size_t parse_range(nctx *x, claim_draft *d, size_t j, size_t sa, size_t end,
                          bool between, bool *is_from) {
    *is_from = false;
    if (j + 1 >= end)
        return 0;
    bool dash = is_dash(x, j) || is_char(x, j, '~');
    bool to = ieq(x, j, "to");
    bool and_word = ieq(x, j, "and");
    /* alternatives, "six or seven months", "20 or 25 percent": a range when
     * the unit after the second is the first's too */
    bool or_word = ieq(x, j, "or") && !between;
    if (!(dash || (to && !between) || (and_word && between) || (to && between) ||
          or_word))
        return 0;
    /* "rose 3.5% to 1.2 billion": after a change verb "to" gives the target */
    if (to && !between && change_before(x, d->qty_start, sa) &&
        !(d->qty_start > sa && ieq(x, d->qty_start - 1, "from")))
        return 0;
    if (dash &&
        (ilen(x, j) > 3 || (!glued(x, j) && glued(x, j + 1)) || sentence_dash(x, j)))
        return 0; /* "---", "--", or "75 -300mm" where the dash is a sign */
    size_t q = j + 1;
    if (between && d->kind == LEDE_CLAIM_ORDINAL && q < end && ieq(x, q, "the"))
        q++; /* "between the tenth and the fifteenth" */
    const num_currency *cur = NULL;
    double mult = 1;
    size_t cp = currency_prefix(x, q, end, &cur, &mult);
    if (cp && d->currency && cur->iso && strcmp(cur->iso, d->currency) == 0)
        q += cp;
    else if (cp)
        return 0;
    if (q >= end)
        return 0; /* "$6-$": a currency sign and nothing after it */
    if (is_hyphen(x, q) && glued(x, q + 1))
        return 0; /* "10 to -5" is not a range we read */
    numeral n2;
    if (!num_numeral_parse(x, q, end, d->currency != NULL, &n2) ||
        n2.ordinal != (d->kind == LEDE_CLAIM_ORDINAL) || n2.m_suffix)
        return 0;
    if ((x->it[q].flags & IF_NOISE) || n2.fraction)
        return 0;
    if (dash && spoken_digits(x, d->n.b, n2.e, end))
        return 0;
    double hi = n2.v;
    double lo = d->value;
    /* "10 to 20 million": the scale of the second applies to the first */
    if (n2.scale > 1 && d->n.scale == 1 && lo < n2.scale)
        lo *= n2.scale;
    /* the year range "2020-21" */
    if (dash && d->n.plain_int && d->n.ndigits == 4 && n2.plain_int && n2.ndigits == 2 &&
        lo >= NUM_YEAR_MIN && lo <= NUM_YEAR_MAX) {
        hi = floor(lo / 100) * 100 + hi;
        if (hi <= lo)
            return 0;
        d->kind = LEDE_CLAIM_YEAR;
    }
    claim_draft tmp;
    memset(&tmp, 0, sizeof tmp);
    tmp.kind = LEDE_CLAIM_COUNT;
    tmp.value = hi;
    tmp.n = n2;
    tmp.currency = d->currency;
    size_t e = parse_unit_part(x, &tmp, n2.e, sa, end);
    /* "one or two" is the idiom of a few; alternatives of bare numbers
     * ("10 or 12") stay two numbers */
    if (or_word && (e == n2.e || d->kind != LEDE_CLAIM_COUNT || d->currency ||
                    d->value == 1 || tmp.value <= d->value))
        return 0;
    if (e != n2.e || (tmp.currency && !d->currency)) {
        /* the second number has its own unit: it must agree with the first,
         * or give the first its unit ("10 to 20 miles") */
        bool first_bare = d->kind == LEDE_CLAIM_COUNT || d->kind == LEDE_CLAIM_YEAR;
        if (first_bare) {
            d->kind = tmp.kind;
            d->unit = tmp.unit;
            d->dim = tmp.dim;
            d->currency = tmp.currency;
        } else if (d->kind != tmp.kind ||
                   (d->unit && tmp.unit && strcmp(d->unit, tmp.unit) != 0) ||
                   (!d->unit != !tmp.unit && d->kind != LEDE_CLAIM_MONEY)) {
            return 0;
        }
    } else if (d->kind == LEDE_CLAIM_PERCENT || d->kind == LEDE_CLAIM_MEASURE ||
               d->kind == LEDE_CLAIM_DURATION) {
        if (!dash || !glued(x, j))
            return 0; /* "3.5% to 1.2 billion": a unit on the first only */
    }
    hi = tmp.value;
    /* "from 2004 to 2017", "1990-2000": a span of years, not a change */
    if (d->kind == LEDE_CLAIM_COUNT && !d->currency && e == n2.e && d->n.plain_int &&
        d->n.ndigits == 4 && n2.plain_int && n2.ndigits == 4 && lo >= NUM_YEAR_MIN &&
        hi <= NUM_YEAR_MAX && lo < hi && counted_noun(x, e, end, false) == SIZE_MAX)
        d->kind = LEDE_CLAIM_YEAR;
    if (to && !between && d->kind != LEDE_CLAIM_YEAR && sa < d->start && d->start > 0 &&
        ieq(x, d->start - 1, "from")) {
        bool ranging =
            d->start >= sa + 2 &&
            (ieq(x, d->start - 2, "ranging") || ieq(x, d->start - 2, "ranges") ||
             ieq(x, d->start - 2, "ranged") || ieq(x, d->start - 2, "range") ||
             ieq(x, d->start - 2, "anywhere"));
        if (!ranging) {
            *is_from = true;
            d->low = lo;
            d->high = hi;
            d->n2 = n2;
            return e;
        }
    }
    /* a score: "won 3-1"; two shares that each carry their unit ("led
     * 32%-25%") or sums of money are two numbers, as scores never carry
     * units */
    if (dash && !between && lo > hi && d->kind != LEDE_CLAIM_YEAR)
        return e != n2.e || d->currency ? 0 : SIZE_MAX;
    if (!dash && lo > hi)
        return 0; /* a vote, "passed 52 to 48": two numbers */
    d->has_range = true;
    d->low = lo;
    d->high = hi;
    d->value = lo;
    d->n2 = n2;
    return e;
}

/* Change direction from a verb just before item k ("rose 3.5%", "fell by 2"). */
static const char *change_before(const nctx *x, size_t k, size_t sa) {
    for (size_t back = 1; back <= NUM_CHANGE_LOOKBACK && k >= sa + back; back++) {
        size_t j = k - back;
        const num_lex_ref *r = lex_ref(x, j, LX_CHANGE);
        if (r)
            return NUM_CHANGES[r->index].direction > 0 ? "increase" : "decrease";
        if (!(ieq(x, j, "by") || ieq(x, j, "to") || ieq(x, j, "from") || ieq(x, j, "a") ||
              ieq(x, j, "an") || ieq(x, j, "nearly") || ieq(x, j, "about") ||
              in_list(x, j, LX_QUALIFIER) ||
              (x->it[j].kind == NLP_TOK_WORD && ilen(x, j) > 3 &&
               itext(x, j)[ilen(x, j) - 1] == 'y' && itext(x, j)[ilen(x, j) - 2] == 'l')))
            return NULL;
    }
    return NULL;
}

static bool can_start(const nctx *x, size_t k) {
    const item *t = &x->it[k];
    if (t->flags & (IF_USED | IF_NOISE | IF_IDCODE))
        return false;
    if (t->kind == NLP_TOK_NUMBER || t->kind == NLP_TOK_DASH)
        return true;
    if (t->lex)
        return true;
    static const char *const starters[] = {"minus",   "negative", "age", "aged",
                                           "percent", "percents", "per", NULL};
    /* "USD115": a currency code glued to digits */
    const char *s = itext(x, k);
    if (t->kind == NLP_TOK_WORD && ilen(x, k) > 3 && s[0] >= 'A' && s[0] <= 'Z' &&
        s[3] >= '0' && s[3] <= '9')
        return true;
    for (size_t i = 0; starters[i]; i++)
        if (ieq(x, k, starters[i]))
            return true;
    return false;
}

/* Tries a claim starting at item k; returns the next item to look at. */
/* Is "over" at k a comparative ("over 500 people") rather than a particle or
 * a preposition of time (num_hedge)? */
static bool over_compares(const nctx *x, size_t k, size_t sa, size_t end) {
    const char *prev = NULL;
    size_t prev_n = 0;
    if (k > sa && x->it[k - 1].kind == NLP_TOK_WORD) {
        prev = itext(x, k - 1);
        prev_n = ilen(x, k - 1);
    }
    size_t q = k + 1;
    while (q < end && q < k + 1 + NUM_MAX_WORDS &&
           (num_numeral_is_num(x, q, end) || numword(x, q) || is_hyphen(x, q) ||
            ieq(x, q, "and") || ieq(x, q, "a")))
        q++;
    const char *noun = NULL;
    size_t noun_n = 0;
    if (q < end && q > k + 1 && x->it[q].kind == NLP_TOK_WORD) {
        noun = itext(x, q);
        noun_n = ilen(x, q);
    }
    return num_hedge_over_compares(prev, prev_n, noun, noun_n);
}

static size_t try_claim(nctx *x, size_t k, size_t sa, size_t end, lede_status *st) {
    claim_draft d;
    memset(&d, 0, sizeof d);
    d.start = k;
    size_t j = k;
    /* qualifier */
    uint16_t qidx;
    size_t qm = numbers_best_phrase(x, j, end, LX_QUALIFIER, 0, 0, &qidx);
    bool between = false;
    if (qm == 1 && ieq(x, k, "over") && !over_compares(x, k, sa, end))
        return k; /* "took over 300 shops", "20 goals over two spells" */
    if (qm && !NUM_QUALIFIERS[qidx].postfix) {
        d.qk = NUM_QUALIFIERS[qidx].kind;
        between = d.qk == QK_BETWEEN;
        j += qm;
        if (j < end && ieq(x, j, "the") && between)
            j++;
    }
    /* "percent of 210": a percent written before its number */
    if (j + 2 < end && (ieq(x, j, "percents") || ieq(x, j, "percent") ||
                        (ieq(x, j, "per") && ieq(x, j + 1, "cent")))) {
        size_t q = j + (ieq(x, j, "per") ? 2 : 1);
        numeral pn;
        if (q + 1 < end && ieq(x, q, "of") &&
            num_numeral_parse(x, q + 1, end, false, &pn) && !pn.ordinal &&
            (k == sa || !num_numeral_is_num(x, k - 1, end))) {
            d.n = pn;
            d.value = pn.v;
            d.kind = LEDE_CLAIM_PERCENT;
            d.unit = "%";
            d.qty_start = j;
            d.qty_end = d.end = pn.e;
            d.qual = qual_of(d.qk);
            *st = emit_claim(x, &d);
            return d.end;
        }
    }
    /* "age 87", "aged 87" */
    bool age_prefix = false;
    if (j + 1 < end && (ieq(x, j, "age") || ieq(x, j, "aged")) &&
        num_numeral_is_num(x, j + 1, end)) {
        age_prefix = true;
        j++;
    }
    d.qty_start = age_prefix ? j - 1 : j;
    /* sign */
    bool neg = false;
    size_t num_b = j;
    size_t margin = margin_sign(x, j, end);
    if (margin && j + margin < end && num_numeral_is_num(x, j + margin, end)) {
        d.qty_start = j += margin;
    } else if (j < end && ieq(x, j, "minus") && plus_or_minus(x, j, sa)) {
        d.qty_start = ++j; /* a margin, "plus or minus 3 points": its size */
    } else if (j < end && (ieq(x, j, "minus") || ieq(x, j, "negative"))) {
        neg = true;
        j++;
    } else if (j + 1 < end && is_dash(x, j) && ilen(x, j) <= 3 &&
               (num_numeral_is_num(x, j + 1, end) ||
                (x->it[j + 1].kind == NLP_TOK_SYMBOL && j + 2 < end &&
                 num_numeral_is_num(x, j + 2, end) && glued(x, j + 2)))) {
        bool lead = j == sa || !glued(x, j) || x->it[j].flags & IF_SENT0 ||
                    (x->it[j - 1].kind == NLP_TOK_SYMBOL &&
                     !is_char(x, j - 1, '%')); /* "<-30", not "32%-25%" */
        bool prev_num =
            j > sa && (num_numeral_is_num(x, j - 1, end) || numword(x, j - 1));
        bool minus_cp = ilen(x, j) == 3 && memcmp(itext(x, j), "\xE2\x88\x92", 3) == 0;
        bool spaced_ok = j == sa && (is_hyphen(x, j) || minus_cp); /* not a bullet "–" */
        if ((lead && !prev_num && (glued(x, j + 1) || spaced_ok)) ||
            (minus_cp && !prev_num)) {
            neg = true;
            j++;
        }
    }
    /* currency before */
    const num_currency *cur = NULL;
    double mult = 1;
    size_t cm = j < end ? currency_prefix(x, j, end, &cur, &mult) : 0;
    if (cm) {
        d.currency = cur->iso;
        d.dim = "currency";
        if ((cur->flags & NUM_SUB) || !cur->iso)
            d.unit = cur->name;
        j += cm;
        if (!neg && j < end && is_dash(x, j) && glued(x, j + 1) &&
            num_numeral_is_num(x, j + 1, end)) {
            neg = true;
            j++;
        }
    }
    if (!neg)
        num_b = j;
    /* "USD115": a code glued to its digits in one word */
    numeral n;
    bool parsed = false;
    if (!cm && j < end && x->it[j].kind == NLP_TOK_WORD && ilen(x, j) > 3) {
        const char *t = itext(x, j);
        size_t len = ilen(x, j);
        bool code = true;
        for (size_t i = 0; i < 3; i++)
            code &= t[i] >= 'A' && t[i] <= 'Z';
        for (size_t i = 3; i < len; i++)
            code &= t[i] >= '0' && t[i] <= '9';
        char low[3] = {(char)(t[0] + 32), (char)(t[1] + 32), (char)(t[2] + 32)};
        const num_lex_entry *e = code ? num_lex_find(low, 3) : NULL;
        for (size_t i = 0; e && i < e->n_refs; i++) {
            if (e->refs[i].table != LX_CURRENCY)
                continue;
            const num_currency *c = num_currency_row(e->refs[i].index);
            if (!(c->flags & NUM_PREFIX) || !c->iso)
                continue;
            memset(&n, 0, sizeof n);
            n.b = j;
            n.e = j + 1;
            n.scale = 1;
            char buf[32];
            size_t dl = len - 3 < sizeof buf - 8 ? len - 3 : sizeof buf - 8;
            memcpy(buf, t + 3, dl);
            buf[dl] = 0;
            n.v = strtod(buf, NULL);
            if (j + 2 < end && is_char(x, j + 1, '.') && glued(x, j + 1) &&
                num_numeral_is_num(x, j + 2, end) && glued(x, j + 2)) {
                buf[dl] = '.';
                size_t fl = ilen(x, j + 2) < 6 ? ilen(x, j + 2) : 6;
                memcpy(buf + dl + 1, itext(x, j + 2), fl);
                buf[dl + 1 + fl] = 0;
                n.v = strtod(buf, NULL);
                n.e = j + 3;
            }
            d.currency = c->iso;
            d.dim = "currency";
            parsed = true;
            break;
        }
    }
    if (!parsed) {
        if (j >= end || (x->it[j].flags & (IF_NOISE | IF_USED | IF_IDCODE)))
            return k + 1;
        if (d.qk && !between && !cm && !neg && article_unit(x, k, j, end, &n))
            parsed = true;
        else if (!num_numeral_parse(x, j, end, cm > 0, &n))
            return k + 1;
        if (n.ordinal && n.b > j && !cm && !neg) {
            /* "a third buyer": the article is not part of the ordinal */
            d.start = d.qty_start = j = num_b = n.b;
        }
    }
    for (size_t q = n.b; q < n.e; q++)
        if (x->it[q].flags & (IF_NOISE | IF_IDCODE))
            return k + 1;
    /* a glued "m": million before a plural noun after a decimal, else metres */
    if (n.m_suffix) {
        size_t nn = n.e + 1;
        bool million = n.decimal && nn < end && x->it[nn].kind == NLP_TOK_WORD &&
                       !glued(x, nn) && counted_noun(x, nn, end, false) != SIZE_MAX;
        if (million) {
            n.v *= 1e6;
            n.scale = 1e6;
            n.e = n.e + 1;
            n.plain_int = false;
        }
        n.m_suffix = false;
    }
    /* a number glued to letters that mean nothing here is an identifier: 5G */
    if (n.e < end && glued(x, n.e) && x->it[n.e].kind == NLP_TOK_WORD) {
        const num_unit *u;
        const num_currency *c2;
        double m2;
        bool unit = unit_phrase_at(x, n.e, end, &u, false) &&
                    !((u->flags & NUM_AMBIG) && strcmp(u->dim, "temperature") == 0 &&
                      (u->flags & NUM_GLUED) && !sentence_has(x, sa, end, LX_TEMPCUE));
        /* "10x more", "a 3x zoom": a glued "x" before a word is "times" */
        bool times =
            ilen(x, n.e) == 1 && (itext(x, n.e)[0] == 'x' || itext(x, n.e)[0] == 'X') &&
            n.e + 1 < end && !glued(x, n.e + 1) && x->it[n.e + 1].kind == NLP_TOK_WORD;
        if (!unit && !times && !currency_suffix(x, n.e, end, sa, end, &c2, &m2, true)) {
            size_t r = n.e;
            while (r < end && glued(x, r))
                r++;
            return r;
        }
        if (n.e + 1 < end && glued(x, n.e + 1) && num_numeral_is_num(x, n.e + 1, end))
            return n.e + 2; /* 24703L202 */
    }
    /* "one out of three", "1 over twenty-one" */
    if (!n.ordinal && !n.fraction && !cm && n.e + 1 < end) {
        size_t q = n.e;
        bool over = false;
        if (ieq(x, q, "over")) {
            over = true;
            q++;
        } else if (q + 2 < end && ieq(x, q, "out") && ieq(x, q + 1, "of")) {
            q += 2;
        }
        numeral dn;
        if (q > n.e && num_numeral_parse(x, q, end, false, &dn) && !dn.ordinal &&
            !dn.fraction && dn.v > 0 && !(x->it[q].flags & IF_NOISE)) {
            const num_unit *u;
            const num_currency *c2;
            double m2;
            bool unit_after = unit_phrase_at(x, dn.e, end, &u, false) ||
                              currency_suffix(x, dn.e, end, sa, end, &c2, &m2, true);
            if (!unit_after && (over || n.v <= dn.v)) {
                n.v /= dn.v;
                n.e = dn.e;
                n.fraction = true;
                n.plain_int = false;
            }
        }
    }
    if (neg)
        n.v = -n.v;
    n.b = num_b;
    d.n = n;
    d.neg = neg;
    d.value = n.v * mult;
    /* "one" as a pronoun: "which one", "that one is" */
    const num_unit *unit_next = NULL;
    if (n.words && n.e == n.b + 1 && ieq(x, n.b, "one") && !cm && !d.qk &&
        !unit_phrase_at(x, n.e, end, &unit_next, false) &&
        ((n.b > sa && in_list(x, n.b - 1, LX_ONEBLOCK)) ||
         (n.e < end &&
          (ieq(x, n.e, "another") || ieq(x, n.e, "day") || ieq(x, n.e, "would") ||
           ieq(x, n.e, "should") || ieq(x, n.e, "could") || ieq(x, n.e, "can") ||
           ieq(x, n.e, "must") || ieq(x, n.e, "might")))))
        return k + 1;
    if (n.words && n.e == n.b + 1 && n.ordinal && (ieq(x, n.b, "second")) && n.b > sa &&
        (ieq(x, n.b - 1, "a") || ieq(x, n.b - 1, "per")))
        return k + 1;
    if (n.ordinal) {
        if (n.b > sa && ieq(x, n.b - 1, "at") && ieq(x, n.b, "first"))
            return k + 1;
        d.kind = LEDE_CLAIM_ORDINAL;
        d.value = n.v;
        d.qty_end = d.end = n.e;
        d.qual = qual_of(d.qk);
        if (d.qk == QK_BETWEEN) {
            bool f;
            size_t re = parse_range(x, &d, n.e, sa, end, true, &f);
            if (re && re != SIZE_MAX)
                d.qty_end = d.end = re;
            else
                d.start = d.qty_start;
        }
        *st = emit_claim(x, &d);
        return d.end;
    }
    d.kind = LEDE_CLAIM_COUNT;
    /* "35-plus hours": at least 35 */
    size_t after_num = n.e;
    if (!d.qk && after_num + 1 < end && is_hyphen(x, after_num) && glued(x, after_num) &&
        ieq(x, after_num + 1, "plus") && glued(x, after_num + 1)) {
        d.qk = QK_AT_LEAST;
        after_num += 2;
    }
    /* "150+ flames": a plus sign after a number, not before another ("1+1") */
    if (!d.qk && after_num < end && is_char(x, after_num, '+') && glued(x, after_num) &&
        !(after_num + 1 < end && glued(x, after_num + 1) &&
          num_numeral_is_num(x, after_num + 1, end))) {
        d.qk = QK_AT_LEAST;
        after_num += 1;
    }
    size_t j2 = parse_unit_part(x, &d, after_num, sa, end);
    if (age_prefix) {
        d.dim = "age";
        d.kind = LEDE_CLAIM_DURATION;
        d.unit = NULL;
    }
    d.qty_end = j2;
    /* range */
    bool from = false;
    size_t rt = between ? 0 : ratio_tail(x, &d, j2, sa, end);
    size_t re = rt ? 0 : parse_range(x, &d, j2, sa, end, between, &from);
    if (rt)
        d.qty_end = j2 = rt;
    if (re == SIZE_MAX) {
        /* a score: skip both numbers */
        size_t r = j2 + 1;
        while (r < end && (num_numeral_is_num(x, r, end) || numword(x, r)))
            r++;
        return r;
    }
    if (from) {
        /* "from X to Y": two claims marked with the change */
        const char *dir = d.high > d.low   ? "increase"
                          : d.high < d.low ? "decrease"
                                           : NULL;
        claim_draft a = d;
        a.end = a.qty_end = j2;
        a.value = d.low;
        a.change = dir;
        a.qual = qual_of(a.qk == QK_BETWEEN ? 0 : a.qk);
        if ((*st = emit_claim(x, &a)) != LEDE_OK)
            return end;
        claim_draft b = d;
        b.start = b.qty_start = d.n2.b;
        if (b.start > j2 + 1)
            b.start = b.qty_start = j2 + 1;
        b.n = d.n2;
        b.value = d.high;
        b.end = b.qty_end = re;
        b.change = dir;
        b.qual = LEDE_QUAL_NONE;
        b.qk = 0;
        *st = emit_claim(x, &b);
        return re;
    }
    if (re) {
        d.qty_end = re;
        j2 = re;
        if (d.kind == LEDE_CLAIM_COUNT)
            d.kind = LEDE_CLAIM_RANGE;
    } else if (between) {
        d.qk = 0; /* "between" without a second number */
        d.start = d.qty_start;
    }
    d.end = d.qty_end;
    /* years */
    if (d.kind == LEDE_CLAIM_COUNT && n.plain_int && n.ndigits == 4 && !neg &&
        d.value >= NUM_YEAR_MIN && d.value <= NUM_YEAR_MAX && !d.qk) {
        bool prep = n.b > sa && in_list(x, n.b - 1, LX_YEARPREP);
        bool noun = counted_noun(x, d.end, end, false) != SIZE_MAX;
        bool decade = d.end < end && glued(x, d.end) && ieq(x, d.end, "s");
        if (decade)
            d.end = d.qty_end = d.end + 1;
        if (prep || !noun || decade)
            d.kind = LEDE_CLAIM_YEAR;
    }
    /* rate: "$70 a share" */
    if (d.kind == LEDE_CLAIM_MONEY || d.kind == LEDE_CLAIM_MEASURE) {
        size_t rs = rate_suffix(x, d.end, end);
        if (rs) {
            d.end += rs;
            if (d.kind == LEDE_CLAIM_MONEY)
                d.kind = LEDE_CLAIM_RATE;
        }
    }
    /* counted noun, also "a third of voters" */
    if ((d.kind == LEDE_CLAIM_COUNT || d.kind == LEDE_CLAIM_RANGE) && !d.unit) {
        size_t q = d.end;
        bool singular_ok = n.fraction || fabs(n.v) == 1;
        if (n.fraction && q + 1 < end && ieq(x, q, "of")) {
            q++;
            if (q < end && (ieq(x, q, "the") || ieq(x, q, "all") || ieq(x, q, "its") ||
                            ieq(x, q, "their")))
                q++;
        }
        size_t noun = counted_noun(x, q, end, singular_ok);
        if (noun != SIZE_MAX) {
            d.unit = dup_items(x, noun, noun + 1);
            d.end = noun + 1;
        }
    }
    /* postfix qualifier: "500 or more" (over a vague prefix: "about 500 or
     * less"); "or greater than 190" belongs to the next number */
    if ((!d.qk || d.qk == QK_APPROX || d.qk == QK_EQUAL) && d.qty_end < end) {
        size_t pm = numbers_best_phrase(x, d.qty_end, end, LX_QUALIFIER, 0, 0, &qidx);
        size_t after = d.qty_end + pm;
        bool next_num = after < end && (num_numeral_is_num(x, after, end) ||
                                        numword(x, after) || ieq(x, after, "than"));
        if (pm && NUM_QUALIFIERS[qidx].postfix && !next_num) {
            if (d.qk != QK_EQUAL)
                d.start = d.qty_start;
            d.qk = NUM_QUALIFIERS[qidx].kind;
            if (d.end < after)
                d.end = after;
        }
    } else if ((d.qk == QK_MORE_THAN || d.qk == QK_LESS_THAN) && d.qty_end + 1 < end &&
               ieq(x, d.qty_end, "or") && ieq(x, d.qty_end + 1, "equal")) {
        /* "less than 5000 or equal (to)" */
        d.qk = d.qk == QK_MORE_THAN ? QK_AT_LEAST : QK_AT_MOST;
        size_t after = d.qty_end + 2;
        if (after < end && ieq(x, after, "to"))
            after++;
        if (d.end < after)
            d.end = after;
    }
    /* "over 3 years" is a span of time, not more than three years */
    if (d.kind == LEDE_CLAIM_DURATION && d.qk && k < end &&
        !(d.dim && strcmp(d.dim, "age") == 0) &&
        ((ieq(x, k, "over") && !over_compares(x, k, sa, end)) || ieq(x, k, "under"))) {
        d.qk = 0;
        d.start = d.qty_start;
    }
    d.qual = qual_of(d.qk);
    if (!d.qk && d.start < d.qty_start)
        d.start = d.qty_start;
    /* "equal to 20" keeps its words in the claim but has no qualifier */
    d.change = change_before(x, d.start, sa);
    if (!d.change && d.end < end &&
        (d.kind == LEDE_CLAIM_PERCENT || d.kind == LEDE_CLAIM_MONEY)) {
        /* "a 5% rise", "a $2bn cut": the change named right after */
        static const struct {
            const char *noun;
            const char *dir;
        } nouns[] = {
            {"increase", "increase"}, {"rise", "increase"},    {"gain", "increase"},
            {"jump", "increase"},     {"hike", "increase"},    {"drop", "decrease"},
            {"fall", "decrease"},     {"decline", "decrease"}, {"cut", "decrease"},
            {"decrease", "decrease"}, {"loss", "decrease"}};
        for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++)
            if (ieq(x, d.end, nouns[i].noun))
                d.change = nouns[i].dir;
    }
    if (!d.change && d.start > sa + 1 && ieq(x, d.start - 1, "to")) {
        /* "rose 3.5% to 1.2 billion": the target of the change before */
        if (x->n_claims && x->claims[x->n_claims - 1].change &&
            x->claims[x->n_claims - 1].end + 4 >= x->it[d.start].c0)
            d.change = x->claims[x->n_claims - 1].change;
    }
    if (d.kind == LEDE_CLAIM_MONEY && !d.dim)
        d.dim = "currency";
    *st = emit_claim(x, &d);
    return d.end;
}

lede_status nlp_numbers_extract(lede_job *job) {
    num_lex_init();
    nctx x = {.job = job, .text = job->nlp.text};
    if (job->nlp.n_toks == 0)
        return LEDE_OK;
    lede_status st = build_items(&x);
    if (st != LEDE_OK)
        return st;
    x.sent_text = arena_calloc(job->arena, job->nlp.n_sents + 1, sizeof *x.sent_text);
    if (!x.sent_text)
        return LEDE_ERR_NOMEM;
    size_t k = 0;
    while (k < x.n) {
        uint32_t s = x.it[k].sent;
        size_t e = k;
        while (e < x.n && x.it[e].sent == s)
            e++;
        /* only sentences with a digit, a number word or an article after a
         * hedge ("about an hour") can hold a claim */
        bool any = false;
        for (size_t q = k; q < e && !any; q++) {
            const item *t = &x.it[q];
            any = t->kind == NLP_TOK_NUMBER ||
                  (t->kind == NLP_TOK_WORD &&
                   (lex_ref(&x, q, LX_NUMWORD) ||
                    (x.text[t->b1 - 1] >= '0' && x.text[t->b1 - 1] <= '9') ||
                    ((ieq(&x, q, "a") || ieq(&x, q, "an")) &&
                     ((q > k && lex_ref(&x, q - 1, LX_QUALIFIER)) ||
                      (q > k + 1 && lex_ref(&x, q - 2, LX_QUALIFIER))))));
        }
        if (!any) {
            k = e;
            continue;
        }
        x.cues = sentence_cues(&x, k, e);
        mark_noise(&x, k, e);
        size_t i = k;
        while (i < e && st == LEDE_OK) {
            if (!can_start(&x, i)) {
                i++;
                continue;
            }
            size_t nx = try_claim(&x, i, k, e, &st);
            i = nx > i ? nx : i + 1;
        }
        if (st != LEDE_OK)
            return st;
        k = e;
    }
    /* years are dates, not claims, unless the caller asked for them; other
     * numbers that are not claims only when asked for */
    num_role_mark(&job->nlp, x.claims, x.n_claims);
    st = num_subject_fill(job->arena, &job->nlp, x.claims, x.n_claims);
    if (st != LEDE_OK)
        return st;
    bool dates = job->opt && job->opt->include_dates;
    bool non_claims = job->opt && job->opt->include_non_claims;
    size_t kept = 0;
    for (size_t c = 0; c < x.n_claims; c++)
        if ((dates || x.claims[c].kind != LEDE_CLAIM_YEAR) &&
            (non_claims || !x.claims[c].non_claim))
            x.claims[kept++] = x.claims[c];
    x.n_claims = kept;
    job->res->claims = x.claims;
    job->res->n_claims = x.n_claims;
    num_claim_attribute(job->res);
    return LEDE_OK;
}

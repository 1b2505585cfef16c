/*
 * num_mention — units and relative ordinals without a number (see
 * num_mention.h).
 *
 * Units and currencies come from the numbers stage's own tables (units.c);
 * the everyday senses of unit words and the relative ordinals of English are
 * written here for lede.
 */
#include "num_mention.h"

#include <string.h>

#include "num_tables.h"

static bool is_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80;
}

static bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static char lower(char c) { return (char)(c >= 'A' && c <= 'Z' ? c + 32 : c); }

/* Bytes of text[b..] matching phrase (lower case, one space between pieces
 * matching one or more spaces of text), whole words only, with an optional
 * plural -s/-es when plural is set; 0 when it does not match. */
static size_t match_phrase(const char *text, size_t len, size_t b, const char *phrase,
                           bool plural) {
    size_t i = b;
    for (const char *p = phrase; *p; p++) {
        if (*p == ' ') {
            if (i >= len || !is_space((unsigned char)text[i]))
                return 0;
            while (i < len && is_space((unsigned char)text[i]))
                i++;
            continue;
        }
        if (i >= len || lower(text[i]) != *p)
            return 0;
        i++;
    }
    if (plural) {
        if (i + 1 < len && lower(text[i]) == 'e' && lower(text[i + 1]) == 's' &&
            (i + 2 >= len || !is_alnum((unsigned char)text[i + 2])))
            i += 2;
        else if (i < len && lower(text[i]) == 's')
            i++;
    }
    if (i < len && is_alnum((unsigned char)text[i]))
        return 0;
    return i - b;
}

/* A phrase spelt out in letters ("metric ton", "light-year"), not a symbol,
 * an abbreviation with dots or a code. */
static bool spelt_out(const char *phrase) {
    for (const char *p = phrase; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || *p == ' ' || *p == '-'))
            return false;
    return true;
}

/* Unit and currency words with an everyday sense besides the unit: "a foot
 * soldier", "the yard", "tons of", "a bit", "the turn", "a barrel of laughs",
 * "the South African Rand Water", "we won", "the real thing", "a crown". */
static const char *const EVERYDAY_WORDS[] = {
    "foot",  "feet",  "yard",  "ton",   "short ton", "long ton", "inch",    "mile",
    "pint",  "knot",  "turn",  "bit",   "byte",      "barrel",   "dram",    "stone",
    "pound", "meter", "kilo",  "carat", "buck",      "won",      "real",    "rand",
    "lari",  "kip",   "franc", "krone", "lira",      "sterling", "cent",    "penny",
    "pence", "grain", "watt",  "joule", "turns",     "rad",      "calorie", NULL,
};

static bool everyday(const char *phrase) {
    for (size_t i = 0; EVERYDAY_WORDS[i]; i++)
        if (strcmp(EVERYDAY_WORDS[i], phrase) == 0)
            return true;
    return false;
}

/* Is the token before byte b a number written in digits ("10 celsius")? */
static bool digits_before(const char *text, size_t b) {
    while (b > 0 && (is_space((unsigned char)text[b - 1]) || text[b - 1] == '-'))
        b--;
    return b > 0 && text[b - 1] >= '0' && text[b - 1] <= '9';
}

static num_mention_kind unit_kind(const num_unit *u) {
    return strcmp(u->dim, "temperature") == 0 ? NUM_MENTION_TEMPERATURE
                                              : NUM_MENTION_DIMENSION;
}

/* The longest unit or currency named at byte b; 0 when none. */
static size_t unit_at(const char *text, size_t len, size_t b, num_mention *m) {
    const unsigned skip = NUM_EXACT | NUM_GLUED | NUM_AMBIG | NUM_NEEDS_PREV | NUM_SUB;
    size_t best = 0;
    for (size_t i = 0; i < N_NUM_UNITS; i++) {
        const num_unit *u = &NUM_UNITS[i];
        if ((u->flags & skip) || strcmp(u->dim, "time") == 0 || !spelt_out(u->phrase) ||
            everyday(u->phrase))
            continue;
        size_t n = match_phrase(text, len, b, u->phrase, u->flags & NUM_PL);
        if (n > best) {
            best = n;
            *m = (num_mention){.kind = unit_kind(u), .unit = u->unit};
        }
    }
    for (size_t i = 0; i < N_NUM_CURRENCIES; i++) {
        const num_currency *c = &NUM_CURRENCIES[i];
        /* a three-letter ISO code is a code, not a name */
        bool code = c->iso && strlen(c->phrase) == 3;
        if ((c->flags & skip) || code || !spelt_out(c->phrase) || everyday(c->phrase))
            continue;
        size_t n = match_phrase(text, len, b, c->phrase, c->flags & NUM_PL);
        if (n > best) {
            best = n;
            *m = (num_mention){.kind = NUM_MENTION_CURRENCY, .unit = c->name};
        }
    }
    return best;
}

static const char *const PERCENT_WORDS[] = {"percentage", "percent", "per cent", NULL};

static size_t percent_at(const char *text, size_t len, size_t b) {
    if (text[b] == '%')
        return 1;
    for (size_t i = 0; PERCENT_WORDS[i]; i++) {
        size_t n = match_phrase(text, len, b, PERCENT_WORDS[i], false);
        if (n)
            return n;
    }
    return 0;
}

/* ---------------------------------------------------------------- ordinals */

typedef struct {
    const char *phrase;
    const char *relative_to;
    int offset;
    bool determiner; /* a single word: must stand before what it orders */
} rel_ordinal;

/* Longest first, so "next to last" wins over "next". */
static const rel_ordinal REL_ORDINALS[] = {
    {"last but one", "end", -1, false},   {"next to last", "end", -1, false},
    {"second to last", "end", -1, false}, {"second from last", "end", -1, false},
    {"third to last", "end", -2, false},  {"third from last", "end", -2, false},
    {"last but two", "end", -2, false},   {"antepenultimate", "end", -2, false},
    {"penultimate", "end", -1, false},    {"previous", "current", -1, true},
    {"current", "current", 0, true},      {"last", "end", 0, true},
    {"next", "current", 1, true},
};

/* Nouns of calendar time: "next week", "last night" are dates. */
static const char *const TIME_NOUNS[] = {
    "second",  "seconds", "minute",    "minutes",   "hour",      "hours",    "day",
    "days",    "night",   "nights",    "morning",   "afternoon", "evening",  "week",
    "weeks",   "weekend", "month",     "months",    "year",      "years",    "decade",
    "century", "season",  "spring",    "summer",    "autumn",    "fall",     "winter",
    "time",    "monday",  "tuesday",   "wednesday", "thursday",  "friday",   "saturday",
    "sunday",  "january", "february",  "march",     "april",     "may",      "june",
    "july",    "august",  "september", "october",   "november",  "december", NULL,
};

/* Words that make "last" a verb ("will last", "to last") or an adverb ("at
 * last"); and words after a relative ordinal that end the phrase ("the next
 * of kin", "next to him"). */
static const char *const NOT_BEFORE[] = {
    "at",     "will", "would", "can",  "could", "may", "might", "must", "shall",
    "should", "to",   "did",   "does", "do",    "not", "n't",   NULL};
static const char *const NOT_AFTER[] = {
    "to", "of",  "and",  "or", "is",   "was",  "are", "were", "but", "in", "at",
    "on", "for", "with", "by", "from", "that", "the", "a",    "an",  NULL};

/* Bytes of the word at b (letters only), 0 when there is none. */
static size_t word_len(const char *text, size_t len, size_t b) {
    size_t i = b;
    while (i < len && ((text[i] >= 'a' && text[i] <= 'z') ||
                       (text[i] >= 'A' && text[i] <= 'Z') || text[i] == '\''))
        i++;
    return i - b;
}

static bool word_in(const char *w, size_t n, const char *const *list) {
    for (size_t i = 0; list[i]; i++) {
        size_t m = strlen(list[i]), k = 0;
        if (m != n)
            continue;
        while (k < n && lower(w[k]) == list[i][k])
            k++;
        if (k == n)
            return true;
    }
    return false;
}

/* The word ending just before byte b (after spaces), as [*w, *w + *n). */
static bool word_before(const char *text, size_t b, const char **w, size_t *n) {
    while (b > 0 && is_space((unsigned char)text[b - 1]))
        b--;
    size_t e = b;
    while (b > 0 && ((text[b - 1] >= 'a' && text[b - 1] <= 'z') ||
                     (text[b - 1] >= 'A' && text[b - 1] <= 'Z') || text[b - 1] == '\''))
        b--;
    *w = text + b;
    *n = e - b;
    return e > b;
}

/* The first byte after spaces from b. */
static size_t skip_spaces(const char *text, size_t len, size_t b) {
    while (b < len && is_space((unsigned char)text[b]))
        b++;
    return b;
}

/* Does a single-word relative ordinal ending at byte e stand before what it
 * orders: a noun, "one" or a count ("the next 3 books")? */
static bool orders_next(const char *text, size_t len, size_t e) {
    size_t b = skip_spaces(text, len, e);
    if (b < len && text[b] >= '0' && text[b] <= '9') {
        while (b < len && (is_alnum((unsigned char)text[b]) || text[b] == ','))
            b++;
        b = skip_spaces(text, len, b);
    }
    size_t n = word_len(text, len, b);
    return n > 0 && !word_in(text + b, n, TIME_NOUNS) && !word_in(text + b, n, NOT_AFTER);
}

static size_t ordinal_at(const char *text, size_t len, size_t b, num_mention *m,
                         bool *whole) {
    for (size_t i = 0; i < sizeof REL_ORDINALS / sizeof REL_ORDINALS[0]; i++) {
        const rel_ordinal *r = &REL_ORDINALS[i];
        size_t n = match_phrase(text, len, b, r->phrase, false);
        if (!n)
            continue;
        const char *w;
        size_t wn;
        /* only "last" is also a verb ("will last") and an adverb ("at last") */
        bool verb = strcmp(r->phrase, "last") == 0 && word_before(text, b, &w, &wn) &&
                    word_in(w, wn, NOT_BEFORE);
        if (r->determiner && (verb || !orders_next(text, len, b + n)))
            return 0;
        *whole = !r->determiner && strchr(r->phrase, ' ');
        *m = (num_mention){.kind = NUM_MENTION_REL_ORDINAL,
                           .relative_to = r->relative_to,
                           .offset = r->offset};
        return n;
    }
    return 0;
}

/* A phrase that names an item on its own ("the last but one") takes its
 * article; a determiner ("the next page") leaves it to the noun. */
static size_t article_before(const char *text, size_t b) {
    const char *w;
    size_t n;
    if (word_before(text, b, &w, &n) && n == 3 && lower(w[0]) == 't' &&
        lower(w[1]) == 'h' && lower(w[2]) == 'e')
        return (size_t)(w - text);
    return b;
}

size_t num_mention_find(const char *text, size_t len, num_mention *out, size_t cap) {
    size_t n_out = 0;
    size_t b = 0;
    while (b < len) {
        bool word_start = b == 0 || !is_alnum((unsigned char)text[b - 1]);
        num_mention m = {0};
        size_t n = 0, start = b;
        if (text[b] == '%' || (word_start && is_alnum((unsigned char)text[b]))) {
            bool whole = false;
            if ((n = ordinal_at(text, len, b, &m, &whole)) != 0) {
                if (whole)
                    start = article_before(text, b);
            } else if ((n = percent_at(text, len, b)) != 0) {
                m = (num_mention){.kind = NUM_MENTION_PERCENT};
                if (digits_before(text, b))
                    m.kind = 0;
            } else if ((n = unit_at(text, len, b, &m)) != 0 && digits_before(text, b)) {
                m.kind = 0;
            }
        }
        if (n && m.kind) {
            m.start = start;
            m.end = b + n;
            if (n_out < cap)
                out[n_out] = m;
            n_out++;
        }
        b += n ? n : 1;
    }
    return n_out;
}

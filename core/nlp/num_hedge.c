/*
 * num_hedge — the meaning of "over" before a number (see num_hedge.h).
 *
 * English "over" before a quantity is a comparative ("over 500 people") unless
 * it belongs to the verb before it — a phrasal verb ("took over", "handed
 * over", "won over") or a verb whose object "over" introduces ("argue over",
 * "clash over") — or it spans a stretch of time or of occasions ("20 goals
 * over two spells", "rose 5% over three years"). In the latter case the
 * comparative survives after a preposition or copula ("for over ten years",
 * "in over a decade", "is over 30 years"). The word lists are the common
 * English phrasal verbs with "over" and nouns of spans, written for lede.
 */
#include "num_hedge.h"

#include <string.h>

static bool word_in(const char *w, size_t n, const char *const *list) {
    if (!w)
        return false;
    for (size_t i = 0; list[i]; i++) {
        size_t m = strlen(list[i]);
        if (m != n)
            continue;
        size_t k = 0;
        while (k < n) {
            char c = w[k];
            if (c >= 'A' && c <= 'Z')
                c = (char)(c + 32);
            if (c != list[i][k])
                break;
            k++;
        }
        if (k == n)
            return true;
    }
    return false;
}

/* Forms of verbs that take "over" as a particle or as their own preposition. */
static const char *const OVER_VERBS[] = {
    "take",      "takes",    "took",      "taken",      "taking",    "hand",
    "hands",     "handed",   "handing",   "turn",       "turns",     "turned",
    "turning",   "pass",     "passes",    "passed",     "passing",   "win",
    "wins",      "won",      "winning",   "hold",       "holds",     "held",
    "holding",   "carry",    "carries",   "carried",    "carrying",  "look",
    "looks",     "looked",   "looking",   "think",      "thinks",    "thought",
    "thinking",  "fall",     "falls",     "fell",       "fallen",    "falling",
    "knock",     "knocks",   "knocked",   "run",        "runs",      "ran",
    "running",   "blow",     "blew",      "blown",      "come",      "came",
    "go",        "goes",     "went",      "gone",       "going",     "push",
    "pushed",    "tip",      "tipped",    "boil",       "boiled",    "spill",
    "spilled",   "spilt",    "pull",      "pulled",     "roll",      "rolled",
    "rolls",     "sign",     "signs",     "signed",     "signing",   "mull",
    "mulled",    "mulling",  "fight",     "fights",     "fought",    "fighting",
    "argue",     "argued",   "arguing",   "clash",      "clashed",   "clashing",
    "split",     "splits",   "preside",   "presided",   "presiding", "pore",
    "pored",     "poring",   "fret",      "fretted",    "worry",     "worried",
    "agonise",   "agonised", "agonize",   "agonized",   "puzzle",    "puzzled",
    "stumble",   "stumbled", "trip",      "tripped",    "tower",     "towered",
    "hover",     "hovered",  "hang",      "hung",       "watch",     "watched",
    "rule",      "ruled",    "reign",     "reigned",    "gloss",     "glossed",
    "paper",     "papered",  "smooth",    "smoothed",   "sleep",     "slept",
    "stay",      "stayed",   "stop",      "stopped",    "haggle",    "haggled",
    "wrangle",   "wrangled", "quarrel",   "quarrelled", "squabble",  "squabbled",
    "bicker",    "bickered", "sue",       "sued",       "probe",     "probed",
    "resign",    "resigned", "quit",      "row",        "rowed",     "triumph",
    "triumphed", "prevail",  "prevailed", NULL};

/* Nouns of stretches of time and of occasions. */
static const char *const SPAN_NOUNS[] = {
    "second",      "seconds",    "minute",      "minutes",     "hour",      "hours",
    "day",         "days",       "night",       "nights",      "week",      "weeks",
    "weekend",     "weekends",   "fortnight",   "fortnights",  "month",     "months",
    "quarter",     "quarters",   "year",        "years",       "decade",    "decades",
    "century",     "centuries",  "generation",  "generations", "season",    "seasons",
    "spell",       "spells",     "stint",       "stints",      "term",      "terms",
    "session",     "sessions",   "game",        "games",       "match",     "matches",
    "round",       "rounds",     "leg",         "legs",        "stage",     "stages",
    "innings",     "lap",        "laps",        "visit",       "visits",    "trip",
    "trips",       "period",     "periods",     "campaign",    "campaigns", "tour",
    "tours",       "episode",    "episodes",    "meeting",     "meetings",  "appearance",
    "appearances", "outing",     "outings",     "attempt",     "attempts",  "race",
    "races",       "tournament", "tournaments", NULL};

/* Prepositions and copulas after which "over N years" still compares. */
static const char *const COMPARE_AFTER[] = {
    "for",    "in",      "of",   "to",     "from",     "at",      "by",   "with", "after",
    "since",  "within",  "is",   "are",    "was",      "were",    "be",   "been", "being",
    "lasted", "lasting", "last", "aged",   "spanning", "spanned", "than", "and",  "or",
    "but",    "just",    "well", "nearly", "now",      "already", NULL};

bool num_hedge_over_verb(const char *w, size_t n) { return word_in(w, n, OVER_VERBS); }

bool num_hedge_span_noun(const char *w, size_t n) { return word_in(w, n, SPAN_NOUNS); }

bool num_hedge_compares_after(const char *w, size_t n) {
    return word_in(w, n, COMPARE_AFTER);
}

/* Determiners, and possessives ("the bureau's"): "over" after them cannot be a
 * preposition, it grades the number ("the bureau's over three hour interview"). */
static const char *const DETERMINERS[] = {"the",   "a",    "an",    "his",   "her",
                                          "their", "its",  "our",   "my",    "your",
                                          "this",  "that", "these", "those", NULL};

static bool possessive(const char *w, size_t n) {
    return (n >= 2 && w[n - 2] == '\'' && (w[n - 1] == 's' || w[n - 1] == 'S')) ||
           (n >= 4 && memcmp(w + n - 4, "\xE2\x80\x99s", 4) == 0);
}

bool num_hedge_over_compares(const char *prev, size_t prev_n, const char *noun,
                             size_t noun_n) {
    if (num_hedge_over_verb(prev, prev_n))
        return false;
    if (prev && (word_in(prev, prev_n, DETERMINERS) || possessive(prev, prev_n)))
        return true;
    if (num_hedge_span_noun(noun, noun_n))
        return !prev || num_hedge_compares_after(prev, prev_n);
    return true;
}

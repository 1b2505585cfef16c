/*
 * tok — tokenizer and sentence splitter (see tok.h for the token rules).
 *
 * Two linear passes: the first walks the bytes once and emits tokens with
 * byte and code-point offsets, the second walks the tokens once and decides
 * sentence boundaries. All memory comes from the arena; arrays grow by
 * doubling from an estimate made from the text length.
 */
#include "tok.h"

#include <stdbool.h>
#include <string.h>

#include "../utf8.h"

/* Initial token estimate: news text averages about 5.5 bytes per token. */
#define TOK_BYTES_PER_TOKEN_GUESS 4
/* Initial sentence estimate: news sentences average over 100 bytes. */
#define TOK_BYTES_PER_SENT_GUESS 48
/* Two-digit groups looked ahead for the Indian grouping 1,23,45,67,890 (a
 * bound, so a long list of pairs stays linear). */
#define TOK_INDIAN_GROUPS_MAX 8
/* Longest abbreviation looked up in the table, in bytes (without the dot). */
#define TOK_ABBREV_MAX 8
/* Inner-dot segments of at most this many letters make "U.S." or "Ph.D." an
 * abbreviation; longer ones ("example.com") are host names. */
#define TOK_DOTTED_SEG_MAX 2

/* ---------------------------------------------------------------- classes */

typedef enum {
    CC_SPACE,
    CC_NEWLINE,
    CC_LETTER,
    CC_UPPER, /* an upper-case letter */
    CC_DIGIT,
    CC_PERIOD,
    CC_APOS,   /* ' and the right single quote, which doubles as apostrophe */
    CC_HYPHEN, /* - and U+2010/U+2011 */
    CC_DASH,   /* en/em dashes, minus sign */
    CC_QUOTE,
    CC_TERM, /* ! ? and other sentence terminators except the period */
    CC_PUNCT,
    CC_SYMBOL,
    CC_FRAC, /* vulgar fraction characters */
} char_class;

/* Upper case outside ASCII, for the scripts news text mostly uses: Latin-1,
 * Latin Extended-A (even code points are capitals), Greek and Cyrillic. */
static bool is_upper_nonascii(uint32_t c) {
    if (c >= 0xC0 && c <= 0xDE)
        return c != 0xD7;
    if (c >= 0x100 && c <= 0x17F)
        return (c & 1) == 0 && c != 0x138;
    if (c >= 0x391 && c <= 0x3AB)
        return true;
    if (c >= 0x400 && c <= 0x42F)
        return true;
    return false;
}

static char_class classify(uint32_t c) {
    if (c < 0x80) {
        if (c >= 'a' && c <= 'z')
            return CC_LETTER;
        if (c >= 'A' && c <= 'Z')
            return CC_UPPER;
        if (c >= '0' && c <= '9')
            return CC_DIGIT;
        switch (c) {
        case '\n': return CC_NEWLINE;
        case ' ':
        case '\t':
        case '\r':
        case '\f':
        case '\v': return CC_SPACE;
        case '.': return CC_PERIOD;
        case '\'': return CC_APOS;
        case '-': return CC_HYPHEN;
        case '"':
        case '`': return CC_QUOTE;
        case '!':
        case '?': return CC_TERM;
        case ',':
        case ';':
        case ':':
        case '(':
        case ')':
        case '[':
        case ']':
        case '{':
        case '}': return CC_PUNCT;
        default: return c < 0x20 ? CC_SPACE : CC_SYMBOL;
        }
    }
    if (c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
        c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF ||
        (c >= 0x80 && c < 0xA0))
        return CC_SPACE;
    if (c == 0x2010 || c == 0x2011)
        return CC_HYPHEN;
    if ((c >= 0x2012 && c <= 0x2015) || c == 0x2212)
        return CC_DASH;
    if (c == 0x2019)
        return CC_APOS;
    if ((c >= 0x2018 && c <= 0x201F) || c == 0xAB || c == 0xBB || c == 0x2039 ||
        c == 0x203A || c == 0x300C || c == 0x300D)
        return CC_QUOTE;
    if (c == 0x203C || c == 0x2047 || c == 0x2048 || c == 0x2049 || c == 0x3002 ||
        c == 0xFF01 || c == 0xFF1F || c == 0xA1 || c == 0xBF)
        return CC_TERM;
    if (c == 0x2026)
        return CC_PERIOD;
    if ((c >= 0xBC && c <= 0xBE) || (c >= 0x2150 && c <= 0x215E))
        return CC_FRAC;
    if (c == 0xB2 || c == 0xB3 || c == 0xB9 || c == 0xAD || c == 0xB5 || c == 0xAA ||
        c == 0xBA)
        return CC_LETTER;
    if (c >= 0xA1 && c <= 0xBF)
        return CC_SYMBOL;
    if (c == 0xD7 || c == 0xF7)
        return CC_SYMBOL;
    if ((c >= 0x2016 && c <= 0x205E) || (c >= 0x3001 && c <= 0x3003) ||
        (c >= 0xFF0C && c <= 0xFF0E) || c == 0xFF1A || c == 0xFF1B)
        return CC_PUNCT;
    if ((c >= 0x20A0 && c <= 0x20CF) || (c >= 0x2100 && c <= 0x214F) ||
        (c >= 0x2190 && c <= 0x2BFF) || c >= 0x1F000 || c == UTF8_REPLACEMENT)
        return CC_SYMBOL;
    return is_upper_nonascii(c) ? CC_UPPER : CC_LETTER;
}

/* Classes of the ASCII characters, indexed by byte (the same answers as
 * classify() gives; a table because this is the hot path). */
static const uint8_t ASCII_CLASS[128] = {
    CC_SPACE,  CC_SPACE,  CC_SPACE,  CC_SPACE,   CC_SPACE,  CC_SPACE,  CC_SPACE,
    CC_SPACE,  CC_SPACE,  CC_SPACE,  CC_NEWLINE, CC_SPACE,  CC_SPACE,  CC_SPACE,
    CC_SPACE,  CC_SPACE,  CC_SPACE,  CC_SPACE,   CC_SPACE,  CC_SPACE,  CC_SPACE,
    CC_SPACE,  CC_SPACE,  CC_SPACE,  CC_SPACE,   CC_SPACE,  CC_SPACE,  CC_SPACE,
    CC_SPACE,  CC_SPACE,  CC_SPACE,  CC_SPACE,   CC_SPACE,  CC_TERM,   CC_QUOTE,
    CC_SYMBOL, CC_SYMBOL, CC_SYMBOL, CC_SYMBOL,  CC_APOS,   CC_PUNCT,  CC_PUNCT,
    CC_SYMBOL, CC_SYMBOL, CC_PUNCT,  CC_HYPHEN,  CC_PERIOD, CC_SYMBOL, CC_DIGIT,
    CC_DIGIT,  CC_DIGIT,  CC_DIGIT,  CC_DIGIT,   CC_DIGIT,  CC_DIGIT,  CC_DIGIT,
    CC_DIGIT,  CC_DIGIT,  CC_PUNCT,  CC_PUNCT,   CC_SYMBOL, CC_SYMBOL, CC_SYMBOL,
    CC_TERM,   CC_SYMBOL, CC_UPPER,  CC_UPPER,   CC_UPPER,  CC_UPPER,  CC_UPPER,
    CC_UPPER,  CC_UPPER,  CC_UPPER,  CC_UPPER,   CC_UPPER,  CC_UPPER,  CC_UPPER,
    CC_UPPER,  CC_UPPER,  CC_UPPER,  CC_UPPER,   CC_UPPER,  CC_UPPER,  CC_UPPER,
    CC_UPPER,  CC_UPPER,  CC_UPPER,  CC_UPPER,   CC_UPPER,  CC_UPPER,  CC_UPPER,
    CC_PUNCT,  CC_SYMBOL, CC_PUNCT,  CC_SYMBOL,  CC_SYMBOL, CC_QUOTE,  CC_LETTER,
    CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,  CC_LETTER, CC_LETTER, CC_LETTER,
    CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,  CC_LETTER, CC_LETTER, CC_LETTER,
    CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,  CC_LETTER, CC_LETTER, CC_LETTER,
    CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,  CC_PUNCT,  CC_SYMBOL, CC_PUNCT,
    CC_SYMBOL, CC_SYMBOL,
};

static bool cc_is_letter(char_class k) { return k == CC_LETTER || k == CC_UPPER; }
static bool cc_is_alnum(char_class k) { return cc_is_letter(k) || k == CC_DIGIT; }

/* A cursor over the text: the code point at `pos`, its class and length. */
typedef struct {
    const char *s;
    size_t len;
} scan;

static inline char_class at(const scan *sc, size_t pos, uint32_t *cp_out, size_t *n_out) {
    uint32_t cp = 0;
    size_t n = 0;
    char_class k = CC_SPACE;
    if (pos < sc->len) {
        unsigned char b = (unsigned char)sc->s[pos];
        if (b < 0x80) {
            cp = b;
            n = 1;
            k = (char_class)ASCII_CLASS[b];
        } else {
            n = utf8_decode(sc->s + pos, sc->len - pos, &cp);
            k = classify(cp);
        }
    }
    if (cp_out)
        *cp_out = cp;
    if (n_out)
        *n_out = n;
    return k;
}

static inline char_class cls_at(const scan *sc, size_t pos) {
    return pos < sc->len ? at(sc, pos, NULL, NULL) : CC_SPACE;
}

/* Byte position after the code point at pos. */
static inline size_t next_pos(const scan *sc, size_t pos) {
    size_t n;
    at(sc, pos, NULL, &n);
    return pos + (n ? n : 1);
}

/* ---------------------------------------------------------------- abbreviations */

/* How an abbreviation may sit at the end of a sentence. */
enum {
    ABB_TITLE = 1,   /* precedes a name, never ends a sentence: "Gen.", "Mr." */
    ABB_MAY_END = 2, /* can end a sentence: "Inc.", "Jan.", "etc." */
    ABB_NUM = 4,     /* an abbreviation only before a number: "No. 5", "p. 12" */
    ABB_CAP = 8,     /* only when capitalised: "Mass.", "Ill." (else the word) */
};

typedef struct {
    const char *word; /* lower case, without the dot */
    unsigned kind;
} abbrev_entry;

/*
 * English abbreviations written with a final period in news copy. Compiled for
 * lede from the abbreviation conventions of news style guides (titles, months,
 * U.S. state abbreviations in AP style, company suffixes, reference words);
 * these are facts of usage, not copied text.
 */
static const abbrev_entry ABBREVS[] = {
    /* titles and ranks */
    {"mr", ABB_TITLE},
    {"mrs", ABB_TITLE},
    {"ms", ABB_TITLE | ABB_CAP},
    {"messrs", ABB_TITLE},
    {"dr", ABB_TITLE},
    {"prof", ABB_TITLE},
    {"gen", ABB_TITLE},
    {"gens", ABB_TITLE},
    {"lt", ABB_TITLE},
    {"col", ABB_TITLE},
    {"maj", ABB_TITLE},
    {"capt", ABB_TITLE},
    {"cpt", ABB_TITLE},
    {"sgt", ABB_TITLE},
    {"cpl", ABB_TITLE},
    {"pvt", ABB_TITLE},
    {"cmdr", ABB_TITLE},
    {"adm", ABB_TITLE},
    {"brig", ABB_TITLE},
    {"sen", ABB_TITLE},
    {"sens", ABB_TITLE},
    {"rep", ABB_TITLE | ABB_CAP},
    {"reps", ABB_TITLE | ABB_CAP},
    {"gov", ABB_TITLE | ABB_CAP},
    {"govs", ABB_TITLE},
    {"pres", ABB_TITLE},
    {"rev", ABB_TITLE | ABB_CAP},
    {"fr", ABB_TITLE | ABB_CAP},
    {"hon", ABB_TITLE},
    {"supt", ABB_TITLE},
    {"det", ABB_TITLE},
    {"insp", ABB_TITLE},
    {"st", ABB_TITLE | ABB_CAP},
    {"mt", ABB_TITLE | ABB_CAP},
    {"ft", ABB_MAY_END | ABB_CAP},
    {"mme", ABB_TITLE},
    {"mlle", ABB_TITLE},
    {"jr", ABB_MAY_END},
    {"sr", ABB_MAY_END},
    /* months (AP abbreviates these before a day) */
    {"jan", ABB_MAY_END | ABB_CAP},
    {"feb", ABB_MAY_END | ABB_CAP},
    {"mar", ABB_MAY_END | ABB_CAP},
    {"apr", ABB_MAY_END | ABB_CAP},
    {"jun", ABB_MAY_END | ABB_CAP},
    {"jul", ABB_MAY_END | ABB_CAP},
    {"aug", ABB_MAY_END | ABB_CAP},
    {"sep", ABB_MAY_END | ABB_CAP},
    {"sept", ABB_MAY_END | ABB_CAP},
    {"oct", ABB_MAY_END | ABB_CAP},
    {"nov", ABB_MAY_END | ABB_CAP},
    {"dec", ABB_MAY_END | ABB_CAP},
    /* U.S. states, AP style */
    {"ala", ABB_MAY_END | ABB_CAP},
    {"ariz", ABB_MAY_END | ABB_CAP},
    {"ark", ABB_MAY_END | ABB_CAP},
    {"calif", ABB_MAY_END | ABB_CAP},
    {"colo", ABB_MAY_END | ABB_CAP},
    {"conn", ABB_MAY_END | ABB_CAP},
    {"del", ABB_MAY_END | ABB_CAP},
    {"fla", ABB_MAY_END | ABB_CAP},
    {"ga", ABB_MAY_END | ABB_CAP},
    {"ill", ABB_MAY_END | ABB_CAP},
    {"ind", ABB_MAY_END | ABB_CAP},
    {"kan", ABB_MAY_END | ABB_CAP},
    {"ky", ABB_MAY_END | ABB_CAP},
    {"la", ABB_MAY_END | ABB_CAP},
    {"md", ABB_MAY_END | ABB_CAP},
    {"mass", ABB_MAY_END | ABB_CAP},
    {"mich", ABB_MAY_END | ABB_CAP},
    {"minn", ABB_MAY_END | ABB_CAP},
    {"miss", ABB_MAY_END | ABB_CAP},
    {"mo", ABB_MAY_END | ABB_CAP},
    {"mont", ABB_MAY_END | ABB_CAP},
    {"neb", ABB_MAY_END | ABB_CAP},
    {"nev", ABB_MAY_END | ABB_CAP},
    {"okla", ABB_MAY_END | ABB_CAP},
    {"ore", ABB_MAY_END | ABB_CAP},
    {"pa", ABB_MAY_END | ABB_CAP},
    {"tenn", ABB_MAY_END | ABB_CAP},
    {"tex", ABB_MAY_END | ABB_CAP},
    {"vt", ABB_MAY_END | ABB_CAP},
    {"va", ABB_MAY_END | ABB_CAP},
    {"wash", ABB_MAY_END | ABB_CAP},
    {"wis", ABB_MAY_END | ABB_CAP},
    {"wyo", ABB_MAY_END | ABB_CAP},
    /* organisations */
    {"inc", ABB_MAY_END},
    {"corp", ABB_MAY_END},
    {"co", ABB_MAY_END | ABB_CAP},
    {"cos", ABB_MAY_END | ABB_CAP},
    {"ltd", ABB_MAY_END},
    {"plc", ABB_MAY_END},
    {"llc", ABB_MAY_END},
    {"bros", ABB_MAY_END},
    {"assn", ABB_MAY_END},
    {"dept", ABB_MAY_END},
    {"univ", ABB_MAY_END},
    {"govt", ABB_MAY_END},
    {"intl", ABB_MAY_END},
    /* reference words and Latin */
    {"etc", ABB_MAY_END},
    {"vs", ABB_TITLE},
    {"al", ABB_MAY_END},
    {"approx", ABB_TITLE},
    {"est", ABB_MAY_END},
    {"ca", ABB_TITLE},
    {"cf", ABB_TITLE},
    {"ave", ABB_MAY_END | ABB_CAP},
    {"blvd", ABB_MAY_END},
    {"no", ABB_NUM | ABB_CAP},
    {"nos", ABB_NUM},
    {"nr", ABB_NUM},
    {"nrs", ABB_NUM},
    {"vol", ABB_NUM},
    {"fig", ABB_NUM},
    {"art", ABB_NUM | ABB_CAP},
    {"p", ABB_NUM},
    {"pp", ABB_NUM},
    {"ch", ABB_NUM},
    {"sec", ABB_NUM},
};

/* Capitalised words that commonly open an English sentence: after an
 * abbreviation that may end one ("Inc.", "U.S."), one of these starts a new
 * sentence; any other capitalised word is read as part of a name. */
static const char *const SENT_STARTERS[] = {
    "The",   "A",     "An",    "He",     "She",     "It",        "They", "We",    "I",
    "But",   "And",   "In",    "On",     "At",      "This",      "That", "These", "Those",
    "There", "His",   "Her",   "Its",    "Their",   "Our",       "My",   "As",    "If",
    "When",  "While", "After", "Before", "However", "Meanwhile", "Yet",  "So",    "Also",
    "Then",  "Some",  "Many",  "Most",   "No",      "What",      "Who",  "Why",   "How",
    "For",   "Of",    "By",    "With",   "Since",   "Still",     "Now",  "Last",  "Under",
};

static unsigned abbrev_lookup(const char *w, size_t n) {
    if (n == 0 || n > TOK_ABBREV_MAX)
        return 0;
    char low[TOK_ABBREV_MAX + 1];
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if ((unsigned char)c >= 0x80)
            return 0;
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    low[n] = 0;
    bool cap = w[0] >= 'A' && w[0] <= 'Z';
    for (size_t i = 0; i < sizeof ABBREVS / sizeof ABBREVS[0]; i++) {
        if (ABBREVS[i].word[0] == low[0] && strcmp(ABBREVS[i].word, low) == 0) {
            unsigned k = ABBREVS[i].kind;
            if ((k & ABB_CAP) && !cap)
                return 0;
            return k;
        }
    }
    return 0;
}

static bool is_sent_starter(const char *w, size_t n) {
    for (size_t i = 0; i < sizeof SENT_STARTERS / sizeof SENT_STARTERS[0]; i++)
        if (strlen(SENT_STARTERS[i]) == n && memcmp(SENT_STARTERS[i], w, n) == 0)
            return true;
    return false;
}

/* ---------------------------------------------------------------- emitting */

typedef struct {
    lede_arena *a;
    scan sc;
    nlp_text *out;
    size_t cap_toks;
    size_t cp_pos;   /* code points before byte_pos */
    size_t byte_pos; /* where cp_pos was counted up to */
    uint16_t pending_flags;
    /* Per-token abbreviation kind (ABB_*), parallel to out->toks. */
    uint8_t *abb;
} tokenizer;

static size_t cp_at(tokenizer *tz, size_t byte) {
    tz->cp_pos += utf8_count(tz->sc.s + tz->byte_pos, byte - tz->byte_pos);
    tz->byte_pos = byte;
    return tz->cp_pos;
}

static nlp_token *emit(tokenizer *tz, size_t start, size_t end, nlp_tok_kind kind,
                       uint16_t flags, unsigned abb) {
    nlp_text *o = tz->out;
    if (o->n_toks == tz->cap_toks) {
        size_t ncap = tz->cap_toks * 2;
        nlp_token *nt =
            arena_realloc(tz->a, o->toks, tz->cap_toks * sizeof *nt, ncap * sizeof *nt);
        uint8_t *na = arena_realloc(tz->a, tz->abb, tz->cap_toks, ncap);
        if (!nt || !na)
            return NULL;
        o->toks = nt;
        tz->abb = na;
        tz->cap_toks = ncap;
    }
    nlp_token *t = &o->toks[o->n_toks];
    t->start = (uint32_t)start;
    t->end = (uint32_t)end;
    t->cp_start = (uint32_t)cp_at(tz, start);
    t->cp_end = (uint32_t)cp_at(tz, end);
    t->kind = (uint16_t)kind;
    t->flags = (uint16_t)(flags | tz->pending_flags);
    t->sent = 0;
    tz->abb[o->n_toks] = (uint8_t)abb;
    tz->pending_flags = 0;
    o->n_toks++;
    return t;
}

/* Case flags of a word token. */
static uint16_t case_flags(const scan *sc, size_t s, size_t e) {
    size_t n_letters = 0, n_upper = 0;
    bool first_upper = false, first = true;
    for (size_t p = s; p < e;) {
        size_t n;
        char_class k = at(sc, p, NULL, &n);
        if (cc_is_letter(k)) {
            n_letters++;
            if (k == CC_UPPER)
                n_upper++;
            if (first)
                first_upper = k == CC_UPPER;
            first = false;
        }
        p += n ? n : 1;
    }
    uint16_t f = 0;
    if (first_upper)
        f |= NLP_TF_CAP;
    if (n_letters > 1 && n_upper == n_letters)
        f |= NLP_TF_ALLCAPS;
    return f;
}

/* Byte end of a run of letters and digits starting at p. */
static size_t alnum_run(const scan *sc, size_t p) {
    for (;;) {
        /* ASCII letters and digits straight from the table */
        while (p < sc->len && (unsigned char)sc->s[p] < 0x80 &&
               cc_is_alnum((char_class)ASCII_CLASS[(unsigned char)sc->s[p]]))
            p++;
        if (p >= sc->len || (unsigned char)sc->s[p] < 0x80)
            return p;
        size_t n;
        if (!cc_is_alnum(at(sc, p, NULL, &n)))
            return p;
        p += n ? n : 1;
    }
}

static size_t letter_run(const scan *sc, size_t p) {
    while (p < sc->len && cc_is_letter(cls_at(sc, p)))
        p = next_pos(sc, p);
    return p;
}

/* Is the possessive/contraction "'s" at p (the apostrophe) a separate token? */
static bool is_possessive_s(const scan *sc, size_t p) {
    size_t q = next_pos(sc, p);
    if (q >= sc->len || (sc->s[q] != 's' && sc->s[q] != 'S'))
        return false;
    return !cc_is_alnum(cls_at(sc, q + 1));
}

/* Scans a word starting at p; returns its end and sets *abb. */
static size_t scan_word(const scan *sc, size_t p, unsigned *abb) {
    size_t start = p;
    size_t e = alnum_run(sc, p);
    bool dotted = false, has_caps_or_digit = false;
    size_t seg_start = start, max_seg = 0;
    for (;;) {
        size_t seg_len = 0; /* code points of the segment */
        for (size_t q = seg_start; q < e; seg_len++) {
            size_t n;
            char_class k = at(sc, q, NULL, &n);
            if (k == CC_UPPER || k == CC_DIGIT)
                has_caps_or_digit = true;
            q += n ? n : 1;
        }
        if (seg_len > max_seg)
            max_seg = seg_len;
        if (e >= sc->len)
            break;
        char_class k = cls_at(sc, e);
        size_t after = next_pos(sc, e);
        char_class kn = cls_at(sc, after);
        if (k == CC_APOS && cc_is_letter(kn)) {
            if (is_possessive_s(sc, e))
                break;
            seg_start = after;
            e = alnum_run(sc, after);
            continue;
        }
        if (k == CC_HYPHEN &&
            (cc_is_letter(kn) || (kn == CC_DIGIT && has_caps_or_digit))) {
            seg_start = after;
            e = alnum_run(sc, after);
            continue;
        }
        if (k == CC_PERIOD && sc->s[e] == '.' && cc_is_letter(kn)) {
            dotted = true;
            seg_start = after;
            e = letter_run(sc, after);
            continue;
        }
        if (sc->s[e] == '&' && e - start == 1 && kn == CC_UPPER) {
            /* AT&T, S&P, P&G */
            seg_start = after;
            e = alnum_run(sc, after);
            continue;
        }
        break;
    }
    *abb = 0;
    if (e < sc->len && sc->s[e] == '.') {
        size_t n = e - start;
        bool single_upper =
            utf8_count(sc->s + start, n) == 1 && cls_at(sc, start) == CC_UPPER;
        if (dotted && max_seg <= TOK_DOTTED_SEG_MAX) {
            *abb = ABB_MAY_END;
        } else if (single_upper) {
            *abb = ABB_TITLE; /* an initial: "J. R. R. Tolkien" */
        } else if (!dotted) {
            unsigned k = abbrev_lookup(sc->s + start, n);
            if (k & ABB_NUM) {
                size_t q = e + 1;
                while (q < sc->len && (sc->s[q] == ' ' || sc->s[q] == '\t'))
                    q++;
                if (q >= sc->len || sc->s[q] < '0' || sc->s[q] > '9')
                    k = 0;
                else
                    k = ABB_TITLE;
            }
            *abb = k;
        }
        if (*abb)
            e++;
    }
    return e;
}

/* Scans a number starting at p (a digit, or a period before a digit). */
static size_t scan_number(const scan *sc, size_t p, uint16_t *flags) {
    const char *s = sc->s;
    size_t n = sc->len;
    size_t e = p;
    bool decimal = false;
    while (e < n && s[e] >= '0' && s[e] <= '9')
        e++;
    for (;;) {
        if (e + 1 < n && s[e] == ',' && !decimal) {
            size_t d = e + 1;
            while (d < n && s[d] >= '0' && s[d] <= '9')
                d++;
            size_t run = d - (e + 1);
            if (run == 3) { /* 100,000 */
                e = d;
                continue;
            }
            /* the Indian grouping 12,34,567: two-digit groups that end in a
             * group of three (not a list such as 22,24,26) */
            if (run == 2) {
                size_t q = d, groups = 0;
                while (q + 3 < n && groups < TOK_INDIAN_GROUPS_MAX && s[q] == ',' &&
                       s[q + 1] >= '0' && s[q + 1] <= '9' && s[q + 2] >= '0' &&
                       s[q + 2] <= '9' && (s[q + 3] == ',')) {
                    q += 3;
                    groups++;
                }
                if (q + 4 <= n && s[q] == ',' && s[q + 1] >= '0' && s[q + 1] <= '9' &&
                    s[q + 2] >= '0' && s[q + 2] <= '9' && s[q + 3] >= '0' &&
                    s[q + 3] <= '9' && (q + 4 == n || s[q + 4] < '0' || s[q + 4] > '9')) {
                    e = q + 4;
                    continue;
                }
            }
            break;
        }
        if (e + 1 < n && s[e] == '.' && s[e + 1] >= '0' && s[e + 1] <= '9') {
            decimal = true;
            e++;
            while (e < n && s[e] >= '0' && s[e] <= '9')
                e++;
            continue; /* a second dot makes a version or a date: 1.2.3 */
        }
        break;
    }
    /* Ordinal suffixes stay in the number: 1st 2nd 3rd 4th. */
    if (e + 1 < n && e > p) {
        char a = (char)(s[e] | 0x20), b = (char)(s[e + 1] | 0x20);
        bool ord = (a == 's' && b == 't') || (a == 'n' && b == 'd') ||
                   (a == 'r' && b == 'd') || (a == 't' && b == 'h');
        if (ord && !cc_is_alnum(cls_at(sc, e + 2))) {
            e += 2;
            *flags |= NLP_TF_ORDINAL;
        }
    }
    return e;
}

/* Decides open/close for a quote mark that is not an apostrophe in a word. */
static uint16_t quote_flags(const scan *sc, size_t s, size_t e, uint32_t cp,
                            bool space_before, bool *straight_open) {
    switch (cp) {
    case 0x201C: /* “ */
    case 0x2018: /* ‘ */
    case 0x201E: /* „ */
    case 0x201A: /* ‚ */
    case 0xAB:   /* « */
    case 0x2039: /* ‹ */
    case 0x300C: return NLP_TF_OPEN_QUOTE;
    case 0x201D: /* ” */
    case 0x2019: /* ’ */
    case 0xBB:   /* » */
    case 0x203A: /* › */
    case 0x300D: return NLP_TF_CLOSE_QUOTE;
    default: break;
    }
    (void)s;
    char_class next = cls_at(sc, e);
    bool space_after = e >= sc->len || next == CC_SPACE || next == CC_NEWLINE;
    if (cp == '`') {
        return NLP_TF_OPEN_QUOTE;
    }
    uint16_t f;
    if (space_before && !space_after)
        f = NLP_TF_OPEN_QUOTE;
    else if (!space_before && space_after)
        f = NLP_TF_CLOSE_QUOTE;
    else if (!space_before && (next == CC_PUNCT || next == CC_PERIOD || next == CC_TERM))
        f = NLP_TF_CLOSE_QUOTE;
    else
        f = *straight_open ? NLP_TF_CLOSE_QUOTE : NLP_TF_OPEN_QUOTE;
    if (cp == '"')
        *straight_open = f == NLP_TF_OPEN_QUOTE;
    return f;
}

static lede_status tokenize_pass(tokenizer *tz) {
    const scan *sc = &tz->sc;
    const char *s = sc->s;
    size_t n = sc->len;
    size_t p = 0;
    bool space_before = true; /* the text start counts as a boundary */
    bool straight_open = false;
    tz->pending_flags = NLP_TF_PARA_START;
    while (p < n) {
        uint32_t cp;
        size_t clen;
        char_class k = at(sc, p, &cp, &clen);
        if (clen == 0)
            clen = 1;
        if (k == CC_SPACE || k == CC_NEWLINE) {
            size_t n_nl = 0;
            while (p < n) {
                k = at(sc, p, &cp, &clen);
                if (k == CC_NEWLINE)
                    n_nl++;
                else if (k != CC_SPACE)
                    break;
                p += clen ? clen : 1;
            }
            space_before = true;
            if (n_nl >= 2) {
                tz->pending_flags |= NLP_TF_PARA_START;
                straight_open = false;
            } else if (n_nl == 1) {
                tz->pending_flags |= NLP_TF_NEWLINE_BEFORE;
            }
            continue;
        }
        uint16_t flags = space_before ? NLP_TF_SPACE_BEFORE : 0;
        size_t e = p + clen;
        nlp_tok_kind kind;
        unsigned abb = 0;
        if (cc_is_letter(k)) {
            e = scan_word(sc, p, &abb);
            kind = NLP_TOK_WORD;
            flags |= case_flags(sc, p, e);
            if (abb)
                flags |= NLP_TF_ABBREV;
            for (size_t q = p; q < e; q++)
                if (s[q] == '-') {
                    flags |= NLP_TF_HYPHENATED;
                    break;
                }
        } else if (k == CC_DIGIT ||
                   (k == CC_PERIOD && s[p] == '.' && p + 1 < n && s[p + 1] >= '0' &&
                    s[p + 1] <= '9' && (p == 0 || !cc_is_alnum(cls_at(sc, p - 1))))) {
            e = scan_number(sc, p, &flags);
            kind = NLP_TOK_NUMBER;
        } else if (k == CC_FRAC) {
            kind = NLP_TOK_NUMBER;
        } else if (k == CC_APOS && p > 0 && !space_before && is_possessive_s(sc, p)) {
            e = next_pos(sc, p) + 1; /* the possessive 's */
            kind = NLP_TOK_WORD;
        } else if (k == CC_QUOTE || k == CC_APOS) {
            kind = NLP_TOK_QUOTE;
            /* `` and '' are one quote each (typewriter and PTB style). */
            if ((cp == '`' || cp == '\'') && e < n && (uint32_t)s[e] == cp)
                e++;
            flags |= quote_flags(sc, p, e, cp, space_before, &straight_open);
        } else if (k == CC_HYPHEN || k == CC_DASH) {
            kind = NLP_TOK_DASH;
            if (cp == '-')
                while (e < n && s[e] == '-')
                    e++; /* "--" */
        } else if (k == CC_PERIOD) {
            kind = NLP_TOK_PUNCT;
            if (cp == '.')
                while (e < n && s[e] == '.')
                    e++; /* "..." */
        } else if (k == CC_TERM) {
            kind = NLP_TOK_PUNCT;
            while (e < n && (s[e] == '!' || s[e] == '?'))
                e++; /* "?!" */
        } else if (k == CC_PUNCT) {
            kind = NLP_TOK_PUNCT;
        } else {
            kind = NLP_TOK_SYMBOL;
        }
        if (!emit(tz, p, e, kind, flags, abb))
            return LEDE_ERR_NOMEM;
        p = e;
        space_before = false;
    }
    return LEDE_OK;
}

/* ---------------------------------------------------------------- sentences */

static bool tok_is_terminal(const nlp_text *o, const nlp_token *t) {
    if (t->kind != NLP_TOK_PUNCT)
        return false;
    unsigned char c = (unsigned char)o->text[t->start];
    if (c == '.' || c == '!' || c == '?')
        return true;
    uint32_t cp;
    utf8_decode(o->text + t->start, t->end - t->start, &cp);
    return cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x203C ||
           cp == 0x2047 || cp == 0x2048 || cp == 0x2049;
}

static bool tok_is_closer(const nlp_text *o, const nlp_token *t) {
    if (t->flags & NLP_TF_PARA_START)
        return false;
    if (t->kind == NLP_TOK_QUOTE)
        return (t->flags & NLP_TF_CLOSE_QUOTE) != 0;
    if (t->kind == NLP_TOK_PUNCT) {
        char c = o->text[t->start];
        return c == ')' || c == ']' || c == '}';
    }
    return false;
}

/* Does the token at next (after a terminator) start a new sentence? */
static bool starts_sentence(const nlp_text *o, const nlp_token *next) {
    if (next->kind == NLP_TOK_WORD) {
        uint32_t cp;
        utf8_decode(o->text + next->start, next->end - next->start, &cp);
        char_class k = classify(cp);
        /* Scripts without case (CJK, Arabic...) start sentences too. */
        if (k == CC_UPPER)
            return true;
        if (cp < 0x80 || is_upper_nonascii(cp) || (cp >= 0xC0 && cp < 0x530))
            return false;
        return true;
    }
    if (next->kind == NLP_TOK_PUNCT) {
        char c = o->text[next->start];
        return c == '(' || c == '[';
    }
    if (next->kind == NLP_TOK_QUOTE)
        return (next->flags & NLP_TF_OPEN_QUOTE) != 0;
    return true; /* numbers, symbols, dashes */
}

static bool push_sent(lede_arena *a, nlp_text *o, size_t *cap, size_t begin, size_t end,
                      uint32_t para) {
    if (begin >= end)
        return true;
    if (o->n_sents == *cap) {
        size_t ncap = *cap * 2;
        nlp_sentence *ns =
            arena_realloc(a, o->sents, *cap * sizeof *ns, ncap * sizeof *ns);
        if (!ns)
            return false;
        o->sents = ns;
        *cap = ncap;
    }
    uint32_t idx = (uint32_t)o->n_sents++;
    o->sents[idx] = (nlp_sentence){(uint32_t)begin, (uint32_t)end, o->toks[begin].start,
                                   o->toks[end - 1].end, para};
    for (size_t i = begin; i < end; i++)
        o->toks[i].sent = idx;
    o->toks[begin].flags |= NLP_TF_SENT_START;
    return true;
}

static lede_status split_pass(tokenizer *tz, size_t sent_cap) {
    nlp_text *o = tz->out;
    size_t n = o->n_toks;
    size_t begin = 0;
    uint32_t para = 0;
    size_t i = 0;
    while (i < n) {
        nlp_token *t = &o->toks[i];
        if ((t->flags & NLP_TF_PARA_START) && i > begin) {
            if (!push_sent(tz->a, o, &sent_cap, begin, i, para))
                return LEDE_ERR_NOMEM;
            para++;
            begin = i;
        }
        bool term = tok_is_terminal(o, t);
        unsigned abb = tz->abb[i];
        if (!term && !(abb & ABB_MAY_END)) {
            i++;
            continue;
        }
        size_t k = i + 1;
        while (k < n && tok_is_closer(o, &o->toks[k]))
            k++;
        bool brk;
        if (k >= n) {
            brk = true;
        } else if (o->toks[k].flags & NLP_TF_PARA_START) {
            brk = true; /* the paragraph check above closes it */
        } else if (abb & ABB_MAY_END) {
            const nlp_token *nx = &o->toks[k];
            brk = nx->kind == NLP_TOK_WORD &&
                  is_sent_starter(o->text + nx->start, nx->end - nx->start);
        } else {
            /* "USD115.5", "v1.2": a stop glued to what follows ends nothing */
            const nlp_token *nx = &o->toks[k];
            bool glued_after = k == i + 1 && !(nx->flags & NLP_TF_SPACE_BEFORE) &&
                               (nx->kind == NLP_TOK_NUMBER || nx->kind == NLP_TOK_WORD);
            brk = !glued_after && starts_sentence(o, nx);
        }
        if (brk && k < n && !(o->toks[k].flags & NLP_TF_PARA_START)) {
            if (!push_sent(tz->a, o, &sent_cap, begin, k, para))
                return LEDE_ERR_NOMEM;
            begin = k;
        }
        i = k;
    }
    if (!push_sent(tz->a, o, &sent_cap, begin, n, para))
        return LEDE_ERR_NOMEM;
    return LEDE_OK;
}

lede_status nlp_tokenize(lede_arena *a, const char *text, size_t len, nlp_text *out) {
    memset(out, 0, sizeof *out);
    out->text = text;
    out->len = len;
    if (len > UINT32_MAX)
        return LEDE_ERR_LIMIT;
    tokenizer tz = {.a = a, .sc = {text, len}, .out = out};
    tz.cap_toks = len / TOK_BYTES_PER_TOKEN_GUESS + 16;
    out->toks = arena_alloc(a, tz.cap_toks * sizeof *out->toks);
    tz.abb = arena_alloc(a, tz.cap_toks);
    size_t sent_cap = len / TOK_BYTES_PER_SENT_GUESS + 4;
    out->sents = arena_alloc(a, sent_cap * sizeof *out->sents);
    if (!out->toks || !tz.abb || !out->sents)
        return LEDE_ERR_NOMEM;
    lede_status st = tokenize_pass(&tz);
    if (st != LEDE_OK)
        return st;
    return split_pass(&tz, sent_cap);
}

bool nlp_tok_eq(const nlp_text *t, size_t i, const char *s) {
    const nlp_token *k = &t->toks[i];
    size_t n = strlen(s);
    return k->end - k->start == n && memcmp(t->text + k->start, s, n) == 0;
}

bool nlp_tok_ieq(const nlp_text *t, size_t i, const char *s) {
    const nlp_token *k = &t->toks[i];
    size_t n = strlen(s);
    if (k->end - k->start != n)
        return false;
    for (size_t j = 0; j < n; j++) {
        char c = t->text[k->start + j];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != s[j])
            return false;
    }
    return true;
}

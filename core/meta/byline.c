/* Bylines: from "By REN QI in Moscow | site | Updated ..." to ["Ren Qi"] and
 * the dateline "Moscow". */
#include <ctype.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include "../utf8.h"
#include "meta_int.h"

/* A byline longer than this is running text, not a byline. */
#define BYLINE_MAX_LEN 300
/* A person's name has at most this many words and bytes. */
#define NAME_MAX_WORDS 5
#define NAME_MAX_LEN 60
/* All-capital words at least this long are shouted names ("John SMITH"). */
#define NAME_SHOUT_MIN 3
/* Most words of an outlet name glued to the end of a name. */
#define NAME_OUTLET_MAX_WORDS 3
/* Longest initial before a full stop ("L." in "Troy L. Smith"): one letter. */
#define NAME_INITIAL_MAX 1
/* A dateline place has at most this many words. */
#define DATELINE_MAX_WORDS 3

/* Words that open a byline, longest first ("Written by" before "By"). */
static const char *const byline_prefixes[] = {
    "written by", "reported by", "reporting by", "words by", "story by",
    "posted by",  "text by",     "article by",   "by:",      "by",
    "von",        "par",         "por",          "door",
};

/* Words that end the byline proper: what follows is a date or a label. */
static const char *const byline_stops[] = {
    "updated",
    "published",
    "posted",
    "last",
    "date:",
    "read",
    "share",
    "photo",
    "photos",
    "image",
    "—",
    "–",
    "•",
    "·",
    "|",
    "comments",
    "follow",
    "on",
    "at",
    "edited",
    "filed",
    /* author menus next to the names: "View author archive", "Email the author" */
    "view",
    "get",
    "email",
    "e-mail",
    "contact",
    "subscribe",
    "profile",
};

/* Weekdays also end a byline ("By X on Monday, November 18th"). */
static const char *const weekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};

/* Words that join names ("avec Damien Leloup et Morgane Tual"); a
 * parenthesis that opens with one holds more authors, any other holds a
 * handle, a link or an affiliation. */
static const char *const name_connectors[] = {"and", "with", "avec", "et", "und",
                                              "mit", "y",    "con",  "e",  "og",
                                              "och", "by",   "en",   "&"};

/* Separators between several names. */
static const char *const name_separators[] = {
    ",", ";",   " and ", " & ", " with ", " und ",  " et ",  " y ",  " e ",
    "/", " + ", "、",    "，",  "／",     " avec ", " con ", " og ", " och ",
};

/* Lower-case words that never appear in a person's name: labels, job titles,
 * reading-time and date words. */
static const char *const junk_words[] = {
    "staff",
    "writer",
    "writers",
    "reporter",
    "reporters",
    "correspondent",
    "editor",
    "editors",
    "editorial",
    "contributor",
    "contributors",
    "correspondents",
    "developers",
    "members",
    "columnist",
    "desk",
    "team",
    "newsroom",
    "updated",
    "published",
    "posted",
    "min",
    "mins",
    "read",
    "minutes",
    "ago",
    "share",
    "comments",
    "comment",
    "follow",
    "photo",
    "photos",
    "video",
    "by",
    "news",
    "agency",
    "agencies",
    "wire",
    "wires",
    "bureau",
    "admin",
    "administrator",
    "guest",
    "author",
    "authors",
    "senior",
    "chief",
    "associate",
    "contributing",
    "photographer",
    "illustration",
    "more",
    "view",
    "profile",
    "email",
    "twitter",
    "facebook",
    "subscribe",
    "sign",
    "login",
    "home",
    "press",
    "media",
    "online",
    "digital",
    "magazine",
    "daily",
    "times",
    "post",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "network",
    "group",
    "inc",
    "ltd",
    "company",
    "university",
    "department",
    "ministry",
    "office",
    "council",
    "board",
    "service",
    "contact",
    "about",
    "anonymous",
    "unknown",
    "the",
    "of",
    "is",
    "are",
    "was",
    "has",
    "have",
    "said",
    "says",
    "this",
    "that",
    "for",
    "from",
    "our",
    "you",
    "your",
    "agree",
    "click",
    "clicking",
    "submit",
    "privacy",
    "policy",
    "terms",
    "international",
    "today",
    "sport",
    "sports",
    "edition",
    "newsletter",
    "sponsored",
    "partner",
    "opinion",
};

/* Outlets and agencies, and bare credentials, never taken as a person. */
static const char *const junk_names[] = {
    "reuters",
    "ap",
    "associated press",
    "afp",
    "agence france-presse",
    "bloomberg",
    "xinhua",
    "upi",
    "dpa",
    "ani",
    "pti",
    "ians",
    "efe",
    "ansa",
    "kyodo",
    "yonhap",
    "tass",
    "ria novosti",
    "pa",
    "pa media",
    "cnn",
    "bbc",
    "npr",
    "aap",
    "cna",
    "bernama",
    "anadolu",
    "getty images",
    "ma",
    "md",
    "phd",
    "ph.d.",
    "rn",
    "ms",
    "mph",
    "jr",
    "jr.",
    "sr",
    "sr.",
    "and",
    "or",
    "in",
    "with",
    "mr",
    "mrs",
    "dr",
    "i",
    "me",
    "you",
    "we",
    "he",
    "she",
    "they",
    "it",
};

/* Lower-case particles kept lower-case inside names ("Ursula von der Leyen"). */
static const char *const name_particles[] = {
    "de",  "da", "di", "du",  "del",   "della", "der", "den", "van",
    "von", "la", "le", "bin", "binti", "ibn",   "al",  "el",  "dos",
    "das", "do", "y",  "ter", "zu",    "af",    "e",   "st.",
};

/* ASCII lower case, as strncasecmp() folds in the C locale. */
static unsigned char ascii_lower(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

static bool in_list(const char *w, size_t n, const char *const *list, size_t count) {
    if (!n)
        return false; /* no entry is empty */
    unsigned char first = ascii_lower((unsigned char)*w);
    /* The first letter before the length and the whole word: most words
     * looked up are in no list. */
    for (size_t i = 0; i < count; i++)
        if (ascii_lower((unsigned char)list[i][0]) == first && strlen(list[i]) == n &&
            !strncasecmp(w, list[i], n))
            return true;
    return false;
}

/* ------------------------------------------------------------ case */

/* Simple case mapping for the Latin, Greek and Cyrillic letters names use. */
static uint32_t cp_lower(uint32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
        (c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F))
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x138 &&
        !(c >= 0x139 && c <= 0x148) && !(c >= 0x179 && c <= 0x17E))
        return c | 1u;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return (c & 1u) ? c + 1 : c;
    return c;
}

static uint32_t cp_upper(uint32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7) ||
        (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) || (c >= 0x430 && c <= 0x44F))
        return c - 0x20;
    if (c >= 0x450 && c <= 0x45F)
        return c - 0x50;
    if (c >= 0x100 && c <= 0x17F && c != 0x131 && c != 0x138 &&
        !(c >= 0x139 && c <= 0x148) && !(c >= 0x179 && c <= 0x17E))
        return c & ~1u;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return (c & 1u) ? c : c - 1;
    return c;
}

static bool cp_is_upper(uint32_t c) { return cp_lower(c) != c; }
static bool cp_is_lower(uint32_t c) { return cp_upper(c) != c; }

/* Title-cases one word of n bytes into b: "QI" -> "Qi", "MCDONALD" ->
 * "McDonald", "O'BRIEN" -> "O'Brien", "JEAN-PAUL" -> "Jean-Paul". */
static void title_word(strbuf *b, const char *w, size_t n, bool first) {
    if (!first && in_list(w, n, name_particles, COUNT(name_particles))) {
        for (size_t i = 0; i < n; i++)
            strbuf_putc(b, (char)tolower((unsigned char)w[i]));
        return;
    }
    bool start = true;
    size_t letters = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t used = utf8_decode(w + i, n - i, &cp);
        uint32_t out = start ? cp_upper(cp) : cp_lower(cp);
        char enc[4];
        strbuf_append(b, enc, utf8_encode(out, enc));
        i += used;
        letters++;
        bool mc = letters == 2 && n > 3 && !strncasecmp(w, "mc", 2);
        bool apos = (cp == '\'' || cp == 0x2019) && letters == 2; /* O'Brien, D'Arcy */
        start = cp == '-' || mc || apos;
    }
}

char *meta_name_case(lede_arena *a, const char *name) {
    if (!name)
        return NULL;
    size_t n = strlen(name);
    bool has_upper = false, has_lower = false;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += utf8_decode(name + i, n - i, &cp);
        has_upper |= cp_is_upper(cp);
        has_lower |= cp_is_lower(cp);
    }
    bool whole = !(has_upper && has_lower);
    strbuf b;
    strbuf_init(&b, a, n * 2 + 1);
    bool first = true;
    for (size_t i = 0; i < n;) {
        if (name[i] == ' ') {
            strbuf_putc(&b, ' ');
            i++;
            continue;
        }
        size_t w = strcspn(name + i, " ");
        bool shout = !whole;
        if (!whole) { /* mixed: only words written all in capitals change */
            size_t letters = 0;
            for (size_t k = 0; k < w;) {
                uint32_t cp;
                k += utf8_decode(name + i + k, w - k, &cp);
                if (cp_is_lower(cp))
                    shout = false;
                letters += cp_is_upper(cp);
            }
            shout = shout && letters >= NAME_SHOUT_MIN;
        }
        if (whole || shout)
            title_word(&b, name + i, w, first);
        else
            strbuf_append(&b, name + i, w);
        first = false;
        i += w;
    }
    return arena_strndup(a, strbuf_peek(&b), b.len);
}

/* ------------------------------------------------------------ junk */

/* Last words of outlet names ("USA TODAY", "Associated Press"). */
static const char *const outlet_words[] = {
    "press",    "today",    "news",    "times",    "post",     "journal",
    "herald",   "tribune",  "gazette", "media",    "daily",    "magazine",
    "network",  "insider",  "wire",    "staff",    "reuters",  "bloomberg",
    "afp",      "ap",       "sport",   "sports",   "leader",   "chronicle",
    "examiner", "observer", "courier", "dispatch", "bulletin", "telegraph",
};

/* Degrees and credentials written after a name ("Brenda Goodman, MA"), in
 * the case they are written in: "Ma" and "Do" are also surnames. */
static const char *const credentials[] = {
    "MA", "MD",  "PhD", "Ph.D.", "RN",  "MS",  "MPH",  "MSc",  "MBA",    "DO",   "DDS",
    "JD", "MSN", "BSN", "LCSW",  "CPA", "CFA", "FACP", "FACC", "PharmD", "DrPH",
};

static bool is_credential(const char *w, size_t n) {
    while (n > 1 && (w[n - 1] == ',' || w[n - 1] == '.') && strncmp(w, "Ph.D.", 5))
        n--;
    for (size_t i = 0; i < COUNT(credentials); i++)
        if (strlen(credentials[i]) == n && !strncmp(w, credentials[i], n))
            return true;
    return false;
}

/* True when s is an agency or ends with an outlet word. */
static bool is_outlet(const char *s) {
    size_t n = strlen(s);
    if (in_list(s, n, junk_names, COUNT(junk_names)))
        return true;
    const char *last = strrchr(s, ' ');
    last = last ? last + 1 : s;
    return in_list(last, strlen(last), outlet_words, COUNT(outlet_words));
}

/* "chinadaily.com.cn", "example.org/path" */
static bool looks_like_domain(const char *s) {
    const char *dot = strrchr(s, '.');
    if (!dot || dot == s || !isalpha((unsigned char)dot[-1]))
        return false;
    size_t tld = 0;
    while (islower((unsigned char)dot[1 + tld]))
        tld++;
    return tld >= 2;
}

/* junk_words by first letter (a-z; every entry opens with one), built
 * once: a name's words are each compared with a few entries, not all. */
typedef struct {
    size_t n;
    unsigned short entries[COUNT(junk_words)];
} junk_bucket;
static junk_bucket junk_by_letter[26];
static pthread_once_t junk_once = PTHREAD_ONCE_INIT;

static void junk_index_build(void) {
    for (size_t i = 0; i < COUNT(junk_words); i++) {
        unsigned char c = ascii_lower((unsigned char)junk_words[i][0]);
        if (c >= 'a' && c <= 'z') {
            junk_bucket *b = &junk_by_letter[c - 'a'];
            b->entries[b->n++] = (unsigned short)i;
        }
    }
}

/* True when the n bytes at w are one of junk_words (ignoring case). */
static bool is_junk_word(const char *w, size_t n) {
    pthread_once(&junk_once, junk_index_build);
    unsigned char c = n ? ascii_lower((unsigned char)*w) : 0;
    if (c < 'a' || c > 'z')
        return false;
    const junk_bucket *b = &junk_by_letter[c - 'a'];
    for (size_t k = 0; k < b->n; k++) {
        const char *e = junk_words[b->entries[k]];
        if (strlen(e) == n && !strncasecmp(w, e, n))
            return true;
    }
    return false;
}

bool meta_name_is_junk(const char *s) {
    if (!s || !*s)
        return true;
    size_t n = strlen(s);
    if (n > NAME_MAX_LEN)
        return true;
    if (in_list(s, n, junk_names, COUNT(junk_names)))
        return true;
    if (strchr(s, '@') || strstr(s, "://") || strstr(s, "www.") || looks_like_domain(s))
        return true;
    size_t words = 0, letters = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t w = strcspn(p, " ");
        words++;
        if (is_junk_word(p, w))
            return true;
        for (size_t i = 0; i < w; i++) {
            unsigned char c = (unsigned char)p[i];
            if (isdigit(c))
                return true;
            letters += isalpha(c) || c >= 0x80;
        }
        p += w;
    }
    /* Markup and decoration never appear in names: "*****Notes*****"; a name
     * starts with a letter. */
    if (strpbrk(s, "*#=<>{}|\\~^+%$!?\"") ||
        ((unsigned char)*s < 0x80 && !isalpha((unsigned char)*s)))
        return true;
    return words > NAME_MAX_WORDS || letters == 0;
}

/* A name in natural case whose every Latin word starts with a capital or is a
 * particle; "said the minister" is not a name. */
static bool name_shape_ok(const char *s) {
    bool first = true;
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t w = strcspn(p, " ");
        uint32_t cp;
        utf8_decode(p, w, &cp);
        if (cp_is_lower(cp) &&
            (first || !in_list(p, w, name_particles, COUNT(name_particles))))
            return false;
        first = false;
        p += w;
    }
    return true;
}

/* ------------------------------------------------------------ bylines */

/* Words that open a byline in English. */
static const char *const byline_openers[] = {"by ",       "by:",          "written by ",
                                             "words by ", "reported by ", "story by "};

bool meta_byline_prefixed(const char *s) {
    if (!s)
        return false;
    int first = tolower((unsigned char)*s); /* most text is no byline */
    bool opens = false;
    for (size_t i = 0; i < COUNT(byline_openers); i++) {
        if (byline_openers[i][0] != first)
            continue;
        opens = true;
        if (!strncasecmp(s, byline_openers[i], strlen(byline_openers[i])))
            return true;
    }
    /* An opener alone opens with one of their first letters too. */
    return opens && meta_byline_opener_only(s);
}

bool meta_byline_opener_only(const char *s) {
    if (!s)
        return false;
    /* The first letter before the length of a text that may be long. */
    unsigned char first = ascii_lower((unsigned char)*s);
    bool opens = false;
    for (size_t i = 0; i < COUNT(byline_openers) && !opens; i++)
        opens = (unsigned char)byline_openers[i][0] == first;
    if (!opens)
        return false;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    for (size_t i = 0; i < COUNT(byline_openers); i++) {
        size_t k = strlen(byline_openers[i]);
        if (byline_openers[i][k - 1] == ' ')
            k--;
        if (n == k && !strncasecmp(s, byline_openers[i], k))
            return true;
    }
    return false;
}

/* True when the word at p (n bytes) starts a date: a weekday, a month name
 * or a number. */
static bool starts_date(const char *p, size_t n) {
    size_t bare = n; /* without trailing punctuation: "Monday," */
    while (bare > 1 && strchr(",.:;", p[bare - 1]))
        bare--;
    if (in_list(p, bare, weekdays, COUNT(weekdays)))
        return true;
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    if (isdigit((unsigned char)*p))
        return true;
    if (n < 3)
        return false;
    const char *next = p + n;
    while (*next == ' ' || *next == '.')
        next++;
    if (!isdigit((unsigned char)*next))
        return false;
    for (size_t i = 0; i < COUNT(months); i++)
        if (!strncasecmp(p, months[i], 3))
            return true;
    return false;
}

char *meta_byline_trim(lede_arena *a, const char *text) {
    char *s = meta_clean(a, text);
    if (!s)
        return NULL;
    size_t end = strlen(s);
    if (end > BYLINE_MAX_LEN)
        end = BYLINE_MAX_LEN;
    /* Cut at a separator or at the first word that starts a date or label. */
    size_t keep = 0;
    for (size_t i = 0; i < end;) {
        while (i < end && s[i] == ' ')
            i++;
        if (i >= end)
            break;
        size_t w = strcspn(s + i, " ");
        if (i + w > end)
            w = end - i;
        size_t bare = w; /* the word without trailing punctuation: "Monday," */
        while (bare > 1 && strchr(",.:;", s[i + bare - 1]))
            bare--;
        bool stop = in_list(s + i, bare, byline_stops, COUNT(byline_stops)) ||
                    starts_date(s + i, w) || memchr(s + i, '|', w) ||
                    (s[i] == '@' && w > 1); /* a handle: "Jane Doe @janedoe" */
        if (stop && i > 0) {
            /* "on"/"at" end a byline only before a date ("on March 3"). */
            bool weak = in_list(s + i, w, (const char *const[]){"on", "at"}, 2);
            if (!weak || starts_date(s + i + w + 1, strcspn(s + i + w + 1, " ")))
                break;
        }
        if (memchr(s + i, '|', w)) {
            keep = i + (size_t)((const char *)memchr(s + i, '|', w) - (s + i));
            break;
        }
        i += w;
        keep = i;
    }
    while (keep && (s[keep - 1] == ' ' || s[keep - 1] == ',' || s[keep - 1] == '-' ||
                    s[keep - 1] == ':'))
        keep--;
    if (!keep)
        return NULL;
    return arena_strndup(a, s, keep);
}

/* Skips a byline opener ("By", "Written by", "Von") at s. */
static const char *skip_prefix(const char *s) {
    for (size_t i = 0; i < COUNT(byline_prefixes); i++) {
        size_t n = strlen(byline_prefixes[i]);
        if (strncasecmp(s, byline_prefixes[i], n))
            continue;
        if (s[n] == ' ' || s[n] == ':' || byline_prefixes[i][n - 1] == ':') {
            s += n;
            while (*s == ' ' || *s == ':')
                s++;
            return s;
        }
    }
    return s;
}

/* Splits "X in Moscow" at the last " in " when a short capitalised place
 * follows; returns the place (arena) and shortens *len. */
static char *take_dateline(lede_arena *a, const char *s, size_t *len) {
    const char *in = NULL;
    for (const char *p = s; (p = strstr(p, " in ")) && p < s + *len; p++)
        in = p;
    if (!in)
        return NULL;
    const char *place = in + 4;
    size_t plen = *len - (size_t)(place - s);
    if (!plen || !isupper((unsigned char)*place))
        return NULL;
    size_t words = 1;
    for (size_t i = 0; i < plen; i++)
        words += place[i] == ' ';
    if (words > DATELINE_MAX_WORDS)
        return NULL;
    *len = (size_t)(in - s);
    char *d = arena_strndup(a, place, plen);
    return d ? meta_name_case(a, d) : NULL;
}

/* When s opens with a capitalised word, a one-letter initial with its dot
 * and another capitalised word ("Trevor J. Mitchell ...") followed by more
 * words: the length of those three words; else 0. */
static size_t initialled_name_end(const char *s) {
    const char *w2 = strchr(s, ' ');
    if (!w2 || !isupper((unsigned char)s[0]) || !isupper((unsigned char)w2[1]) ||
        w2[2] != '.' || w2[3] != ' ' || !isupper((unsigned char)w2[4]))
        return 0;
    const char *end = strchr(w2 + 4, ' ');
    return end ? (size_t)(end - s) : 0;
}

/* Words after a name that open its affiliation: "Jane Doe For Daily Mail
 * Australia", "Jane Doe from Example News". */
static const char *const affiliation_words[] = {"for", "from"};
/* Words a name has at least before its affiliation: "Center for Media"
 * stays one (organisation) name. */
#define AFFILIATION_MIN_NAME_WORDS 2

/* The length of s[0..n) without an affiliation after the name. */
static size_t affiliation_cut(const char *s, size_t n) {
    size_t words = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t w = 0;
        while (i + w < n && s[i + w] != ' ')
            w++;
        if (!w)
            break;
        if (words >= AFFILIATION_MIN_NAME_WORDS && i + w < n &&
            in_list(s + i, w, affiliation_words, COUNT(affiliation_words))) {
            while (i && s[i - 1] == ' ')
                i--;
            return i;
        }
        words++;
        i += w;
    }
    return n;
}

/* Adds one candidate name (n bytes at s) to out after cleaning and checks. */
static void add_name(lede_arena *a, const char *s, size_t n, bool after_comma,
                     meta_byline *out) {
    while (n && (*s == ' ' || *s == '-' || *s == ':' || *s == '.'))
        s++, n--;
    /* A leading label ("Text: Jane Doe", "作者：任琦") is not part of a name. */
    const char *colon = memchr(s, ':', n);
    size_t colon_len = 1;
    const char *wide = memmem(s, n, "\xEF\xBC\x9A", 3); /* U+FF1A FULLWIDTH COLON */
    if (wide && (!colon || wide < colon))
        colon = wide, colon_len = 3;
    if (colon && !memchr(s, ' ', (size_t)(colon - s)) && colon + colon_len < s + n) {
        n -= (size_t)(colon + colon_len - s);
        s = colon + colon_len;
        while (n && *s == ' ')
            s++, n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '-' || s[n - 1] == ':'))
        n--;
    if (!n || out->n_authors >= META_MAX_AUTHORS)
        return;
    for (;;) { /* leading connectors: "and Jane", "avec Damien" */
        size_t w = 0;
        while (w < n && s[w] != ' ')
            w++;
        if (w == n || !in_list(s, w, name_connectors, COUNT(name_connectors)))
            break;
        s += w + 1, n -= w + 1;
    }
    /* "MA WebMD Health News": a segment that opens with a credential
     * belongs to the name before it. */
    size_t first_word = 0;
    while (first_word < n && s[first_word] != ' ')
        first_word++;
    if (is_credential(s, first_word))
        return;
    /* "Jane Doe MD": credentials after the name are not part of it. */
    for (;;) {
        size_t last = n;
        while (last && s[last - 1] != ' ')
            last--;
        if (!last || !is_credential(s + last, n - last))
            break;
        n = last;
        while (n && (s[n - 1] == ' ' || s[n - 1] == ','))
            n--;
    }
    n = affiliation_cut(s, n);
    char *body = arena_strndup(a, s, n);
    if (!body)
        return;
    /* "Trevor J. Mitchell Sioux Falls Argus Leader": a name with a middle
     * initial ends with the word after the initial. */
    size_t initialled = initialled_name_end(body);
    if (initialled && meta_name_is_junk(body) && is_outlet(body + initialled + 1)) {
        body[initialled] = '\0';
        n = initialled;
    }
    /* "JILL LAWLESS Associated Press", "Kevin McCoy USA TODAY": a name
     * followed by its outlet without a comma. */
    /* The longest outlet first: "USA TODAY" rather than "TODAY". */
    for (size_t drop = NAME_OUTLET_MAX_WORDS; meta_name_is_junk(body) && drop > 0;
         drop--) {
        size_t cut = n;
        for (size_t k = 0; k < drop && cut; k++) {
            while (cut && body[cut - 1] != ' ')
                cut--;
            while (cut && body[cut - 1] == ' ')
                cut--;
        }
        if (!cut || !memchr(body, ' ', cut) || !is_outlet(body + cut + 1) ||
            meta_name_is_junk(arena_strndup(a, body, cut)))
            continue;
        body[cut] = '\0';
        n = cut;
    }
    if (meta_name_is_junk(body))
        return;
    if (out->min_two_words && !memchr(body, ' ', n) && (unsigned char)*body < 0x80)
        return;
    /* "Jane Doe, Washington": one capitalised word after a comma that
     * follows a name or an agency is the place the story was filed from. */
    if (after_comma && !memchr(body, ' ', n) && n > 1 && isupper((unsigned char)*body)) {
        if (!out->dateline)
            out->dateline = meta_name_case(a, body);
        return;
    }
    char *name = meta_name_case(a, body);
    if (!name || !name_shape_ok(name))
        return;
    for (size_t i = 0; i < out->n_authors; i++)
        if (meta_loose_equal(out->authors[i], name))
            return;
    out->authors[out->n_authors++] = name;
}

/* Code points that decorate names but never spell one: arrows, technical
 * and geometric symbols, dingbats and emoji, with the joiner and variation
 * selectors that build emoji sequences ("Jane Doe \u2764\uFE0F"). */
static const struct {
    uint32_t lo, hi;
} decoration_ranges[] = {
    {0x200D, 0x200D}, {0x2190, 0x21FF}, {0x2300, 0x23FF},   {0x25A0, 0x27BF},
    {0x2B00, 0x2BFF}, {0xFE0E, 0xFE0F}, {0x1F000, 0x1FAFF}, {0xE0020, 0xE007F},
};

/* Bytes of the decoration code point at s (n bytes left), or 0. */
static size_t decoration_len(const char *s, size_t n) {
    if ((unsigned char)*s < 0xE2)
        return 0;
    uint32_t cp;
    size_t len = utf8_decode(s, n, &cp);
    for (size_t i = 0; i < COUNT(decoration_ranges); i++)
        if (cp >= decoration_ranges[i].lo && cp <= decoration_ranges[i].hi)
            return len;
    return 0;
}

/* Quotation marks around a nickname, with their closing partners. */
static const struct {
    const char *open, *close;
} nickname_quotes[] = {{"\"", "\""}, {"\xE2\x80\x9C", "\xE2\x80\x9D"}};

/* The bytes of a quoted nickname at s between two words of a name (Jenny
 * "The Author" Smith), with the space after it; 0 when s opens none. A
 * nickname follows a word (after_word) and is followed by one. */
static size_t nickname_len(const char *s, bool after_word) {
    if (!after_word || (*s != '"' && (unsigned char)*s != 0xE2))
        return 0;
    for (size_t q = 0; q < COUNT(nickname_quotes); q++) {
        size_t ol = strlen(nickname_quotes[q].open);
        if (strncmp(s, nickname_quotes[q].open, ol))
            continue;
        const char *end = strstr(s + ol, nickname_quotes[q].close);
        if (!end || end == s + ol || (size_t)(end - s) > NAME_MAX_LEN ||
            memchr(s + ol, ',', (size_t)(end - s - ol)))
            return 0;
        const char *after = end + strlen(nickname_quotes[q].close);
        if (*after != ' ' ||
            !(isalpha((unsigned char)after[1]) || (unsigned char)after[1] >= 0x80))
            return 0;
        return (size_t)(after + 1 - s);
    }
    return 0;
}

/* A copy of s without links, handles, emoji, quoted nicknames and
 * parenthesised asides, except asides that name more authors: "Kuhn
 * (http://x/)" -> "Kuhn", "A (avec B et C)" -> "A ,avec B et C", "Jane
 * (J.D.) Doe" and "Jane "JD" Doe" -> "Jane Doe", "Jane Doe @jane_doe" ->
 * "Jane Doe". */
static char *drop_asides(lede_arena *a, const char *s) {
    size_t n = strlen(s);
    char *out = arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t w = strcspn(s + i, " ");
        bool word_start = i == 0 || s[i - 1] == ' ';
        if (w &&
            ((memchr(s + i, ':', w) && memmem(s + i, w, "://", 3)) ||
             !strncasecmp(s + i, "www.", 4) || (word_start && s[i] == '@' && w > 1))) {
            i += w;
            continue;
        }
        size_t deco = decoration_len(s + i, n - i);
        if (deco) {
            i += deco;
            continue;
        }
        size_t nick = nickname_len(s + i, o > 0 && out[o - 1] == ' ');
        if (nick) {
            i += nick;
            continue;
        }
        if (s[i] == '(' || s[i] == '[') {
            char close = s[i] == '(' ? ')' : ']';
            const char *end = strchr(s + i, close);
            size_t inner = end ? (size_t)(end - (s + i)) - 1 : n - i - 1;
            size_t fw = strcspn(s + i + 1, " )]");
            if (in_list(s + i + 1, fw, name_connectors, COUNT(name_connectors))) {
                out[o++] = ',';
                memcpy(out + o, s + i + 1, inner);
                o += inner;
            }
            i += inner + 1 + (end != NULL);
            continue;
        }
        /* What was dropped leaves its spaces on both sides: keep one. */
        if (s[i] == ' ' && o && out[o - 1] == ' ') {
            i++;
            continue;
        }
        out[o++] = s[i++];
    }
    out[o] = '\0';
    return out;
}

/* The bytes that open a separator, lower-cased: one look at a position
 * passes most of them by. Built once (separators_build). */
static bool separator_opens[256];
static pthread_once_t separators_once = PTHREAD_ONCE_INIT;

static void separators_build(void) {
    for (size_t i = 0; i < COUNT(name_separators); i++)
        separator_opens[ascii_lower((unsigned char)name_separators[i][0])] = true;
}

/* The position of the earliest separator in p[0..len) and, in *sep_len, its
 * length; at the same position the one listed first. len and 0 when there
 * is none. */
static size_t find_separator(const char *p, size_t len, size_t *sep_len) {
    pthread_once(&separators_once, separators_build);
    for (size_t k = 0; k < len; k++) {
        unsigned char c = ascii_lower((unsigned char)p[k]);
        if (!separator_opens[c])
            continue;
        for (size_t i = 0; i < COUNT(name_separators); i++) {
            size_t sl = strlen(name_separators[i]);
            if (ascii_lower((unsigned char)name_separators[i][0]) == c && k + sl <= len &&
                !strncasecmp(p + k, name_separators[i], sl)) {
                *sep_len = sl;
                return k;
            }
        }
    }
    *sep_len = 0;
    return len;
}

void meta_byline_parse(lede_arena *a, const char *byline, meta_byline *out) {
    char *s = meta_byline_trim(a, byline);
    if (s)
        s = drop_asides(a, s);
    if (!s)
        return;
    const char *p = skip_prefix(s);
    size_t len = strlen(p);
    char *place = take_dateline(a, p, &len);
    if (place && !out->dateline)
        out->dateline = place;
    /* Split at the earliest separator, repeatedly. */
    bool after_comma = false;
    while (len) {
        size_t best_len;
        size_t best = find_separator(p, len, &best_len);
        /* ". " ends a name unless it follows an initial ("Troy L. Smith"). */
        for (size_t k = NAME_INITIAL_MAX + 1; k + 1 < best; k++)
            if (p[k] == '.' && p[k + 1] == ' ' && p[k - 1] != ' ' &&
                p[k - NAME_INITIAL_MAX - 1] != ' ' &&
                p[k - NAME_INITIAL_MAX - 1] != '.') {
                best = k, best_len = 2;
                break;
            }
        add_name(a, p, best, after_comma, out);
        after_comma = best < len && p[best] == ',';
        if (best >= len)
            break;
        p += best + best_len;
        len -= best + best_len;
    }
}

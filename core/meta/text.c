/* Metadata strings: cleaning, titles without the site name, URLs. */
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/uri.h>
#include <string.h>
#include <strings.h>

#include "../utf8.h"
#include "meta_int.h"

/* Longest entity name we look up ("&thetasym;" is the longest in HTML 4). */
#define ENTITY_NAME_MAX 10

/* Unicode white space and invisible characters that metadata should not keep. */
static bool is_space_cp(uint32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
           cp == '\v' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

static bool is_invisible_cp(uint32_t cp) {
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF ||
           cp == 0xAD || (cp < 0x20 && cp != '\t' && cp != '\n');
}

/* Decodes the entity at s ("&amp;", "&#39;", "&#x2019;"); returns the bytes
 * consumed or 0 when s does not start a known entity. */
static size_t entity_decode(const char *s, uint32_t *cp) {
    if (s[1] == '#') {
        size_t i = 2;
        int base = 10;
        if (s[i] == 'x' || s[i] == 'X')
            base = 16, i++;
        uint32_t v = 0;
        size_t digits = 0;
        while (isxdigit((unsigned char)s[i]) &&
               (base == 16 || isdigit((unsigned char)s[i]))) {
            v = v * (uint32_t)base +
                (uint32_t)(isdigit((unsigned char)s[i])
                               ? s[i] - '0'
                               : (tolower((unsigned char)s[i]) - 'a' + 10));
            if (v > 0x10FFFF)
                return 0;
            i++, digits++;
        }
        if (!digits)
            return 0;
        if (s[i] == ';')
            i++;
        *cp = (v == 0 || (v >= 0xD800 && v <= 0xDFFF)) ? UTF8_REPLACEMENT : v;
        return i;
    }
    char name[ENTITY_NAME_MAX + 1];
    size_t i = 1, k = 0;
    while (k < ENTITY_NAME_MAX && isalnum((unsigned char)s[i]))
        name[k++] = s[i++];
    if (!k || s[i] != ';')
        return 0;
    name[k] = '\0';
    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
    if (!e)
        return 0;
    *cp = e->value;
    return i + 1;
}

/* Length of a tag at s ("<em>", "</b>", "<br/>"), or 0 when '<' is just text. */
static size_t tag_len(const char *s) {
    if (!(isalpha((unsigned char)s[1]) || (s[1] == '/' && isalpha((unsigned char)s[2]))))
        return 0;
    const char *e = strchr(s, '>');
    return e ? (size_t)(e - s) + 1 : 0;
}

char *meta_clean(lede_arena *a, const char *s) {
    if (!s)
        return NULL;
    size_t n = strlen(s);
    if (n > META_FIELD_MAX * 4)
        n = META_FIELD_MAX * 4;
    char *src = utf8_sanitize(a, s, n, &n);
    if (!src)
        return NULL;
    char *out = arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    bool space = false;
    for (size_t i = 0; i < n && o < META_FIELD_MAX;) {
        /* Printable ASCII other than markup is copied as it is, without a
         * decode and an encode. */
        unsigned char c = (unsigned char)src[i];
        if (c > ' ' && c < 0x80 && c != '&' && c != '<') {
            if (space)
                out[o++] = ' ';
            space = false;
            if (o + 1 > n)
                break;
            out[o++] = (char)c;
            i++;
            continue;
        }
        uint32_t cp;
        size_t used;
        /* A decoded entity never takes more bytes than its spelling, so the
         * output fits in n bytes. */
        if (src[i] == '&' && (used = entity_decode(src + i, &cp))) {
        } else if (src[i] == '<' && (used = tag_len(src + i))) {
            cp = ' ';
        } else {
            used = utf8_decode(src + i, n - i, &cp);
        }
        i += used;
        if (is_space_cp(cp)) {
            space = o > 0;
            continue;
        }
        if (is_invisible_cp(cp))
            continue;
        if (space)
            out[o++] = ' ';
        space = false;
        char enc[4];
        size_t len = utf8_encode(cp, enc);
        if (o + len > n)
            break;
        memcpy(out + o, enc, len);
        o += len;
    }
    out[o] = '\0';
    return o ? out : NULL;
}

/* ------------------------------------------------------------ titles */

/* Separators between a story title and a site name, strongest first. */
static const char *const title_separators[] = {" | ",  " || ", " – ", " — ", " - ",
                                               " :: ", " · ",  " » ", " / ", " _ "};
/* The first entries of title_separators that end a title on their own. */
#define TITLE_STRONG_SEPARATORS 5
/* A trailing part after a separator is taken for a site name only when it is
 * at most this many words and the part kept has at least as many as below. */
#define TITLE_SITE_MAX_WORDS 4
#define TITLE_STORY_MIN_WORDS 3

bool meta_loose_equal(const char *a, const char *b) {
    if (!a || !b)
        return false;
    for (;;) {
        while (*a && (ispunct((unsigned char)*a) || isspace((unsigned char)*a)))
            a++;
        while (*b && (ispunct((unsigned char)*b) || isspace((unsigned char)*b)))
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return false;
        a++, b++;
    }
}

static size_t count_words(const char *s, size_t n) {
    size_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool sp = s[i] == ' ';
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

/* Shortest part or site name compared by containment ("BBC" in "BBC News"). */
/* A part holding the site name may add this many bytes ("The Guardian" for
 * "Guardian", "Example.com"); a longer one is a story that names the site. */
#define SITE_EXTRA_MAX 8
#define SITE_CONTAINS_MIN 3

/* True when part (n bytes) names the site: equal to it loosely, or its host
 * spelling ("nytimes.com" vs "The New York Times" does not match). */
static bool is_site_part(lede_arena *a, const char *part, size_t n, const char *site) {
    if (!site)
        return false;
    char *p = arena_strndup(a, part, n);
    if (!p)
        return false;
    if (meta_loose_equal(p, site))
        return true;
    /* "The Guardian" vs "Guardian", "BBC News" vs "BBC". */
    size_t sl = strlen(site);
    if (n >= SITE_CONTAINS_MIN && sl >= SITE_CONTAINS_MIN &&
        (strcasestr(site, p) || (strcasestr(p, site) && n <= sl + SITE_EXTRA_MAX)))
        return true;
    return false;
}

char *meta_title_cut_site(lede_arena *a, const char *title, const char *site) {
    if (!title)
        return NULL;
    size_t len = strlen(title);
    /* 1. A separated part that is the site name, at either end. */
    for (size_t s = 0; s < sizeof title_separators / sizeof title_separators[0]; s++) {
        const char *sep = title_separators[s];
        size_t sl = strlen(sep);
        const char *last = NULL;
        for (const char *p = strstr(title, sep); p; p = strstr(p + 1, sep))
            last = p;
        if (!last)
            continue;
        const char *tail = last + sl;
        if (is_site_part(a, tail, len - (size_t)(tail - title), site))
            return arena_strndup(a, title, (size_t)(last - title));
        const char *first = strstr(title, sep);
        if (is_site_part(a, title, (size_t)(first - title), site))
            return arena_strdup(a, first + sl);
    }
    /* 2. "Site: Story". */
    const char *colon = strstr(title, ": ");
    if (colon && is_site_part(a, title, (size_t)(colon - title), site))
        return arena_strdup(a, colon + 2);
    return arena_strdup(a, title);
}

char *meta_title_cut(lede_arena *a, const char *title, const char *site) {
    char *cut = meta_title_cut_site(a, title, site);
    if (!cut || strcmp(cut, title))
        return cut;
    /* 3. No known site: a short tail after a strong separator. */
    for (size_t s = 0; s < TITLE_STRONG_SEPARATORS; s++) {
        const char *sep = title_separators[s];
        const char *last = NULL;
        for (const char *p = strstr(title, sep); p; p = strstr(p + 1, sep))
            last = p;
        if (!last)
            continue;
        const char *tail = last + strlen(sep);
        size_t head_words = count_words(title, (size_t)(last - title));
        size_t tail_words = count_words(tail, strlen(tail));
        if (tail_words <= TITLE_SITE_MAX_WORDS && head_words >= TITLE_STORY_MIN_WORDS &&
            head_words > tail_words)
            return arena_strndup(a, title, (size_t)(last - title));
    }
    return arena_strdup(a, title);
}

/* ------------------------------------------------------------ URLs */

char *meta_url_resolve(lede_arena *a, const char *base, const char *ref) {
    if (!ref)
        return NULL;
    char *r = meta_clean(a, ref);
    if (!r)
        return NULL;
    xmlChar *built = NULL;
    if (base && *base)
        built = xmlBuildURI((const xmlChar *)r, (const xmlChar *)base);
    const char *u = built ? (const char *)built : r;
    char *out = NULL;
    if (!strncasecmp(u, "http://", 7) || !strncasecmp(u, "https://", 8))
        out = arena_strdup(a, u);
    else if (!strncmp(u, "//", 2))
        out = arena_printf(a, "https:%s", u);
    xmlFree(built);
    return out;
}

char *meta_url_host(lede_arena *a, const char *url) {
    if (!url)
        return NULL;
    const char *p = strstr(url, "://");
    if (!p)
        return NULL;
    p += 3;
    const char *at = NULL;
    size_t n = strcspn(p, "/?#");
    for (const char *q = p; q < p + n; q++)
        if (*q == '@')
            at = q;
    if (at)
        n -= (size_t)(at + 1 - p), p = at + 1;
    const char *colon = memchr(p, ':', n);
    if (colon)
        n = (size_t)(colon - p);
    if (n > 4 && !strncasecmp(p, "www.", 4))
        p += 4, n -= 4;
    if (!n)
        return NULL;
    char *h = arena_strndup(a, p, n);
    for (char *c = h; c && *c; c++)
        *c = (char)tolower((unsigned char)*c);
    return h;
}

/* Second-level labels under which country domains register names
 * ("co.uk", "com.cn", "ne.jp"): a common-knowledge subset of the Public
 * Suffix List (publicsuffix.org, MPL-2.0), enough for news sites. */
static const char *const second_levels[] = {"co",  "com", "org", "net", "gov", "ac",
                                            "edu", "ne",  "or",  "go",  "gob", "nic"};
/* Country-code top-level domains have two letters. */
#define CC_TLD_LEN 2

char *meta_url_site(lede_arena *a, const char *url) {
    char *host = meta_url_host(a, url);
    if (!host)
        return NULL;
    size_t n = strlen(host);
    const char *last = memrchr(host, '.', n);
    if (!last || last == host)
        return host;
    const char *second = memrchr(host, '.', (size_t)(last - host));
    if (!second)
        return host;
    size_t sl = (size_t)(last - second - 1);
    bool cc = strlen(last + 1) == CC_TLD_LEN;
    bool registry = false;
    for (size_t i = 0; cc && i < sizeof second_levels / sizeof second_levels[0]; i++)
        registry |=
            strlen(second_levels[i]) == sl && !strncmp(second + 1, second_levels[i], sl);
    if (registry) {
        const char *third = memrchr(host, '.', (size_t)(second - host));
        return third ? host + (third + 1 - host) : host;
    }
    return host + (second + 1 - host);
}

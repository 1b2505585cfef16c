/* Evidence tables of main-content detection and the text measures the
 * scorer uses. The class/id words follow the conventions of the field
 * (Readability's "unlikely"/"positive"/"negative" idea, boilerpipe's and
 * jusText's boilerplate phrases), with this project's own lists. */
#include "rules.h"

#include <pthread.h>
#include <string.h>
#include <strings.h>

#include "../html/dom.h"
#include "../utf8.h"

/* ------------------------------------------------------------------ tags */

/* Sorted by name (tag_from indexes it). init: the starting score of a candidate with this
 * tag; weight: what the tag alone says about being content. */
static const rule_tag tag_table[] = {
    {"a", RK_LINK, 0, 0, RF_KEEP_HTML},
    {"address", RK_BLOCK, -3, 0, RF_CLEAN},
    {"applet", RK_SKIP, 0, 0, 0},
    {"article", RK_BLOCK, 5, 0, RF_CONTAINER | RF_ALWAYS},
    {"aside", RK_BLOCK, 0, -25, RF_CONTAINER | RF_CLEAN},
    {"audio", RK_SKIP, 0, 0, 0},
    {"blockquote", RK_BLOCK, 3, 0, RF_CONTAINER | RF_KEEP_HTML | RF_PARA},
    {"body", RK_BLOCK, 0, 0, RF_CONTAINER | RF_ALWAYS},
    {"br", RK_BR, 0, 0, RF_KEEP_HTML},
    {"button", RK_SKIP, 0, 0, 0},
    {"canvas", RK_SKIP, 0, 0, 0},
    {"caption", RK_BLOCK, 0, 0, 0},
    {"center", RK_BLOCK, 0, 0, RF_CONTAINER},
    {"datalist", RK_SKIP, 0, 0, 0},
    {"dd", RK_BLOCK, -3, 0, 0},
    {"details", RK_BLOCK, 0, 0, RF_CLEAN},
    {"dialog", RK_SKIP, 0, 0, 0},
    {"div", RK_BLOCK, 5, 0, RF_CONTAINER | RF_CLEAN},
    {"dl", RK_BLOCK, -3, 0, RF_LIST | RF_CLEAN},
    {"dt", RK_BLOCK, -3, 0, 0},
    {"embed", RK_SKIP, 0, 0, 0},
    {"fieldset", RK_BLOCK, 0, 0, RF_CLEAN},
    {"figcaption", RK_BLOCK, 0, 0, RF_CAPTION | RF_KEEP_HTML},
    {"figure", RK_BLOCK, 0, 0, RF_CLEAN | RF_KEEP_HTML},
    {"footer", RK_BLOCK, 0, -25, RF_CONTAINER | RF_CLEAN},
    {"form", RK_BLOCK, -3, 0, RF_CONTAINER | RF_CLEAN},
    {"frame", RK_SKIP, 0, 0, 0},
    {"frameset", RK_SKIP, 0, 0, 0},
    {"h1", RK_BLOCK, -5, 0, RF_HEADING},
    {"h2", RK_BLOCK, -5, 0, RF_HEADING | RF_KEEP_HTML},
    {"h3", RK_BLOCK, -5, 0, RF_HEADING | RF_KEEP_HTML},
    {"h4", RK_BLOCK, -5, 0, RF_HEADING | RF_KEEP_HTML},
    {"h5", RK_BLOCK, -5, 0, RF_HEADING | RF_KEEP_HTML},
    {"h6", RK_BLOCK, -5, 0, RF_HEADING | RF_KEEP_HTML},
    {"head", RK_SKIP, 0, 0, 0},
    {"header", RK_BLOCK, 0, -25, RF_CONTAINER | RF_CLEAN},
    {"hgroup", RK_BLOCK, 0, 0, 0},
    {"hr", RK_BLOCK, 0, 0, 0},
    {"html", RK_BLOCK, 0, 0, RF_ALWAYS},
    {"iframe", RK_SKIP, 0, 0, 0},
    {"img", RK_IMG, 0, 0, RF_KEEP_HTML},
    {"input", RK_SKIP, 0, 0, 0},
    {"legend", RK_BLOCK, 0, 0, 0},
    {"li", RK_BLOCK, -3, 0, RF_KEEP_HTML},
    {"link", RK_SKIP, 0, 0, 0},
    {"main", RK_BLOCK, 5, 0, RF_CONTAINER | RF_ALWAYS},
    {"map", RK_SKIP, 0, 0, 0},
    {"menu", RK_SKIP, 0, 0, 0},
    {"meta", RK_SKIP, 0, 0, 0},
    {"nav", RK_SKIP, 0, 0, 0},
    {"noscript", RK_SKIP, 0, 0, 0},
    {"object", RK_SKIP, 0, 0, 0},
    {"ol", RK_BLOCK, -3, 0, RF_LIST | RF_CLEAN | RF_KEEP_HTML},
    {"optgroup", RK_SKIP, 0, 0, 0},
    {"option", RK_SKIP, 0, 0, 0},
    {"p", RK_BLOCK, 0, 0, RF_KEEP_HTML | RF_PARA},
    {"param", RK_SKIP, 0, 0, 0},
    {"pre", RK_BLOCK, 3, 0, RF_CONTAINER | RF_KEEP_HTML | RF_PARA},
    {"script", RK_SKIP, 0, 0, 0},
    {"section", RK_BLOCK, 0, 0, RF_CONTAINER | RF_CLEAN},
    {"select", RK_SKIP, 0, 0, 0},
    {"source", RK_SKIP, 0, 0, 0},
    {"style", RK_SKIP, 0, 0, 0},
    {"summary", RK_BLOCK, 0, 0, 0},
    {"svg", RK_SKIP, 0, 0, 0},
    {"table", RK_BLOCK, 0, 0, RF_CONTAINER | RF_CLEAN | RF_KEEP_HTML},
    {"tbody", RK_BLOCK, 0, 0, 0},
    {"td", RK_CELL, 3, 0, RF_CONTAINER | RF_KEEP_HTML},
    {"template", RK_SKIP, 0, 0, 0},
    {"textarea", RK_SKIP, 0, 0, 0},
    {"tfoot", RK_BLOCK, 0, 0, 0},
    {"th", RK_CELL, -5, 0, RF_KEEP_HTML},
    {"thead", RK_BLOCK, 0, 0, 0},
    {"title", RK_SKIP, 0, 0, 0},
    {"tr", RK_BLOCK, 0, 0, RF_ROW | RF_KEEP_HTML},
    {"ul", RK_BLOCK, -3, 0, RF_LIST | RF_CLEAN | RF_KEEP_HTML},
    {"video", RK_SKIP, 0, 0, 0},
};

#define N_TAGS (sizeof tag_table / sizeof *tag_table)

/* tag_from[c - 'a'] is the first tag_table index whose name starts with a
 * byte >= c, tag_from[26] the table size; built by rules_init(). */
static uint8_t tag_from[27];
_Static_assert(N_TAGS < 256, "tag_from holds tag_table indexes in bytes");

static const rule_tag inline_tag = {"", RK_INLINE, 0, 0, 0};

const rule_tag *rules_tag(const xmlNode *el) {
    if (!el || el->type != XML_ELEMENT_NODE || !el->name)
        return &inline_tag;
    const char *name = (const char *)el->name;
    unsigned char c = (unsigned char)name[0];
    if (c < 'a' || c > 'z')
        return &inline_tag;
    for (size_t k = tag_from[c - 'a']; k < tag_from[c - 'a' + 1]; k++)
        if (tag_table[k].name[1] == name[1] && !strcmp(tag_table[k].name, name))
            return &tag_table[k];
    return &inline_tag;
}

/* ------------------------------------------------------- class/id words */

/* substring, whole token, token prefix, word end (not followed by another
 * hyphenated part: "body-text" but not the utility class "text-center") */
enum { CM_SUB, CM_TOK, CM_PRE, CM_END };
enum {
    CW_POS = 1u << 0,      /* says "content" */
    CW_NEG = 1u << 1,      /* says "boilerplate" */
    CW_UNLIKELY = 1u << 2, /* strong enough to drop the element before scoring */
    CW_MAYBE = 1u << 3,    /* keeps an element from being "unlikely" */
    CW_HIDDEN = 1u << 4,   /* visually hidden (screen-reader-only) text */
};

typedef struct {
    const char *word; /* lower case */
    uint8_t len;
    uint8_t mode;
    uint8_t flags;
} class_word;

#define CW(word, mode, flags)                                                            \
    { word, sizeof word - 1, mode, flags }

#define NEG_U (CW_NEG | CW_UNLIKELY)

/* Sorted by word (strcmp order); rules_class_table_sorted() checks it. */
static const class_word class_table[] = {
    CW("ad", CM_TOK, NEG_U),
    CW("ads", CM_TOK, NEG_U),
    CW("advert", CM_SUB, NEG_U),
    CW("agegate", CM_SUB, NEG_U),
    CW("article", CM_SUB, CW_POS | CW_MAYBE),
    CW("aside", CM_SUB, NEG_U),
    CW("author", CM_SUB, CW_NEG),
    CW("banner", CM_SUB, NEG_U),
    CW("bio", CM_TOK, CW_NEG),
    CW("blog", CM_SUB, CW_POS),
    CW("body", CM_SUB, CW_POS | CW_MAYBE),
    CW("breadcrumb", CM_SUB, NEG_U),
    CW("byline", CM_SUB, NEG_U),
    CW("caption", CM_SUB, NEG_U),
    CW("column", CM_SUB, CW_MAYBE),
    CW("combx", CM_SUB, NEG_U),
    CW("comment", CM_SUB, NEG_U),
    CW("community", CM_SUB, NEG_U),
    CW("consent", CM_SUB, NEG_U),
    CW("contact", CM_SUB, CW_NEG),
    CW("content", CM_SUB, CW_POS | CW_MAYBE),
    CW("copyright", CM_SUB, NEG_U),
    CW("credit", CM_SUB, NEG_U),
    CW("dfp", CM_TOK, NEG_U),
    CW("disclaimer", CM_SUB, CW_NEG),
    CW("disqus", CM_SUB, NEG_U),
    CW("donate", CM_SUB, NEG_U),
    CW("entry", CM_SUB, CW_POS),
    CW("extra", CM_TOK, NEG_U),
    CW("follow", CM_SUB, NEG_U),
    CW("footer", CM_SUB, NEG_U),
    CW("footnote", CM_SUB, CW_NEG),
    CW("gdpr", CM_SUB, NEG_U),
    CW("header", CM_SUB, NEG_U),
    CW("hid", CM_TOK, CW_NEG),
    CW("hidden", CM_TOK, CW_NEG),
    CW("legends", CM_SUB, NEG_U),
    CW("login", CM_SUB, NEG_U),
    CW("main", CM_SUB, CW_POS | CW_MAYBE),
    CW("masthead", CM_SUB, NEG_U),
    CW("media", CM_SUB, CW_NEG),
    CW("menu", CM_SUB, NEG_U),
    CW("meta", CM_PRE, CW_NEG),
    CW("modal", CM_SUB, NEG_U),
    CW("more", CM_TOK, NEG_U),
    CW("most", CM_TOK, NEG_U),
    CW("mostread", CM_SUB, NEG_U),
    CW("nav", CM_PRE, NEG_U),
    CW("newsletter", CM_SUB, NEG_U),
    CW("outbrain", CM_SUB, NEG_U),
    CW("overlay", CM_SUB, NEG_U),
    CW("page", CM_TOK, CW_POS),
    CW("pager", CM_SUB, NEG_U),
    CW("pagination", CM_SUB, NEG_U),
    CW("popular", CM_SUB, NEG_U),
    CW("popup", CM_SUB, NEG_U),
    CW("post", CM_PRE, CW_POS),
    CW("print", CM_TOK, CW_NEG),
    CW("promo", CM_SUB, NEG_U),
    CW("prose", CM_TOK, CW_POS),
    CW("rail", CM_TOK, NEG_U),
    CW("recommend", CM_SUB, NEG_U),
    CW("related", CM_SUB, NEG_U),
    CW("remark", CM_SUB, NEG_U),
    CW("replies", CM_SUB, NEG_U),
    CW("reply", CM_SUB, CW_NEG),
    CW("rss", CM_TOK, NEG_U),
    CW("screen-reader", CM_SUB, CW_HIDDEN),
    CW("scroll", CM_SUB, CW_NEG),
    CW("share", CM_SUB, NEG_U),
    CW("sharing", CM_SUB, NEG_U),
    CW("shopping", CM_SUB, CW_NEG),
    CW("shoutbox", CM_SUB, NEG_U),
    CW("sidebar", CM_SUB, NEG_U),
    CW("signup", CM_SUB, NEG_U),
    CW("skip", CM_TOK, NEG_U),
    CW("skyscraper", CM_SUB, NEG_U),
    CW("social", CM_SUB, NEG_U),
    CW("sponsor", CM_SUB, NEG_U),
    CW("sr-only", CM_SUB, CW_HIDDEN),
    CW("story", CM_SUB, CW_POS | CW_MAYBE),
    CW("subscri", CM_SUB, NEG_U),
    CW("supplemental", CM_SUB, NEG_U),
    CW("taboola", CM_SUB, NEG_U),
    CW("tag", CM_TOK, CW_NEG),
    CW("tags", CM_TOK, CW_NEG),
    CW("teaser", CM_SUB, CW_NEG),
    CW("text", CM_END, CW_POS),
    CW("tool", CM_SUB, CW_NEG),
    CW("topics", CM_TOK, CW_NEG),
    CW("trending", CM_SUB, NEG_U),
    CW("viewed", CM_TOK, NEG_U),
    CW("visually-hidden", CM_SUB, CW_HIDDEN),
    CW("visuallyhidden", CM_SUB, CW_HIDDEN),
    CW("widget", CM_SUB, NEG_U),
};

#define N_CLASS_WORDS (sizeof class_table / sizeof *class_table)

/* class_from[c - 'a'] is the first class_table index whose word starts with a
 * byte >= c, class_from[26] the table size: the words that can start at a
 * position are found without a search. class_second[c - 'a'] has bit
 * (d - 'a') set when a word starts with the two letters c, d: most positions
 * of a class value are passed over with one test. Both are derived from the
 * table once, by rules_init(). */
static uint8_t class_from[27];
static uint32_t class_second[26];
_Static_assert(N_CLASS_WORDS < 256, "class_from holds class_table indexes in bytes");

/* Each attribute that says "content" or "boilerplate" moves the weight this much. */
#define CLASS_WEIGHT 25
/* itemprop="articleBody" is the page telling us outright. */
#define ITEMPROP_BODY_WEIGHT 50
/* A class/id value is read up to CLASS_BUF - 1 bytes; longer values are cut
 * (the words that matter come first in practice). */
#define CLASS_BUF 256
/* The shortest class word; rules_class_table_sorted() checks it (the
 * two-letter filter needs two letters). */
#define CLASS_WORD_MIN 2

static const char *class_name(size_t i) { return class_table[i].word; }
static const char *tag_name(size_t i) { return tag_table[i].name; }

/* from[c - 'a']: the first index of a table sorted by name whose name starts
 * with a byte >= c; from[26]: n. */
static void first_letter_index(uint8_t from[27], size_t n, const char *(*name)(size_t)) {
    size_t i = 0;
    for (unsigned c = 0; c < 26; c++) {
        while (i < n && (unsigned char)name(i)[0] < 'a' + c)
            i++;
        from[c] = (uint8_t)i;
    }
    from[26] = (uint8_t)n;
}

static void build_indexes(void) {
    first_letter_index(tag_from, N_TAGS, tag_name);
    first_letter_index(class_from, N_CLASS_WORDS, class_name);
    for (size_t i = 0; i < N_CLASS_WORDS; i++) {
        const char *w = class_table[i].word;
        class_second[w[0] - 'a'] |= (uint32_t)1 << (w[1] - 'a');
    }
}

static pthread_once_t indexes_once = PTHREAD_ONCE_INIT;

void rules_init(void) { pthread_once(&indexes_once, build_indexes); }

bool rules_class_table_sorted(void) {
    for (size_t i = 1; i < N_CLASS_WORDS; i++)
        if (strcmp(class_table[i - 1].word, class_table[i].word) >= 0)
            return false;
    for (size_t i = 0; i < N_CLASS_WORDS; i++) {
        const char *w = class_table[i].word;
        if (class_table[i].len < CLASS_WORD_MIN || class_table[i].len != strlen(w) ||
            w[0] < 'a' || w[0] > 'z' || w[1] < 'a' || w[1] > 'z')
            return false;
    }
    for (size_t i = 1; i < N_TAGS; i++)
        if (strcmp(tag_table[i - 1].name, tag_table[i].name) >= 0)
            return false;
    for (size_t i = 0; i < N_TAGS; i++)
        if (tag_table[i].name[0] < 'a' || tag_table[i].name[0] > 'z')
            return false;
    return true;
}

/* ASCII upper case folded to lower case; other bytes unchanged. */
static unsigned char fold(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

/* A byte of a class word once folded: letter, digit or any non-ASCII byte. */
static bool is_alnum(unsigned char c) {
    c = fold(c);
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* OR of the flags of every table word found in s[0..len), ignoring ASCII case. */
static unsigned class_words(const char *str, size_t len) {
    const unsigned char *s = (const unsigned char *)str;
    unsigned flags = 0;
    if (len < CLASS_WORD_MIN)
        return 0;
    /* Letter indexes; bytes that are no ASCII letter land outside 0..25. */
    unsigned l1 = (unsigned)(s[0] | 0x20) - 'a';
    for (size_t i = 0; i + CLASS_WORD_MIN <= len; i++) {
        unsigned l0 = l1;
        l1 = (unsigned)(s[i + 1] | 0x20) - 'a';
        if (l0 >= 26 || l1 >= 26 || !((class_second[l0] >> l1) & 1))
            continue;
        unsigned char c1 = (unsigned char)('a' + l1);
        /* The words of one first letter are sorted by their second. */
        for (size_t k = class_from[l0]; k < class_from[l0 + 1]; k++) {
            const class_word *w = &class_table[k];
            unsigned char w1 = (unsigned char)w->word[1];
            if (w1 < c1)
                continue;
            if (w1 > c1)
                break;
            size_t wl = w->len;
            if (wl > len - i)
                continue;
            size_t j = CLASS_WORD_MIN;
            while (j < wl && fold(s[i + j]) == (unsigned char)w->word[j])
                j++;
            if (j < wl)
                continue;
            bool start = i == 0 || !is_alnum(s[i - 1]);
            bool end = i + wl == len || !is_alnum(s[i + wl]);
            if ((w->mode == CM_TOK && !(start && end)) || (w->mode == CM_PRE && !start))
                continue;
            if (w->mode == CM_END &&
                (!end || (i + wl < len && (s[i + wl] == '-' || s[i + wl] == '_'))))
                continue;
            flags |= w->flags;
        }
    }
    return flags;
}

static int attr_weight(unsigned flags) {
    return ((flags & CW_POS) ? CLASS_WEIGHT : 0) - ((flags & CW_NEG) ? CLASS_WEIGHT : 0);
}

/* ARIA landmark roles that are never the article. */
static const char *const boiler_roles[] = {"navigation", "complementary", "contentinfo",
                                           "banner",     "search",        "dialog",
                                           "menu",       "menubar",       "alert"};

/* The value of a one-text-node attribute, or NULL. */
static const char *attr_value(const xmlAttr *a) {
    const xmlNode *c = a->children;
    if (!c)
        return "";
    return c->type == XML_TEXT_NODE && !c->next ? (const char *)c->content : NULL;
}

/* Is the attribute name `name` (any case) this lower-case one? The first
 * byte decides for most attributes without a call. */
static bool attr_is(const char *name, const char *want) {
    return fold((unsigned char)name[0]) == (unsigned char)want[0] &&
           !strcasecmp(name, want);
}

static bool style_hides(const char *style);

/* One pass over the attributes: class, id, itemprop, role and the hiding ones. */
void rules_classify(const xmlNode *el, rule_class *out) {
    out->weight = 0;
    out->unlikely = false;
    out->hidden = false;
    unsigned all = 0;
    for (const xmlAttr *a = el->properties; a; a = a->next) {
        const char *name = (const char *)a->name, *v;
        if (!name || !(v = attr_value(a)))
            continue;
        if (attr_is(name, "class") || attr_is(name, "id")) {
            if (!*v)
                continue;
            unsigned f = class_words(v, strnlen(v, CLASS_BUF - 1));
            out->weight += attr_weight(f);
            all |= f;
        } else if (attr_is(name, "itemprop")) {
            if (strstr(v, "articleBody"))
                out->weight += ITEMPROP_BODY_WEIGHT, all |= CW_MAYBE;
        } else if (attr_is(name, "role")) {
            for (size_t i = 0; i < sizeof boiler_roles / sizeof *boiler_roles; i++)
                if (!strcasecmp(v, boiler_roles[i]))
                    out->weight -= 2 * CLASS_WEIGHT, all |= CW_UNLIKELY;
        } else if (attr_is(name, "hidden")) {
            out->hidden = true;
        } else if (attr_is(name, "aria-hidden")) {
            out->hidden |= !strcasecmp(v, "true");
        } else if (attr_is(name, "style")) {
            out->hidden |= style_hides(v);
        }
    }
    out->unlikely = (all & CW_UNLIKELY) && !(all & CW_MAYBE);
    out->hidden |= (all & CW_HIDDEN) != 0;
}

/* Does an inline style hide the element? Spaces are ignored. */
static bool style_hides(const char *style) {
    char buf[CLASS_BUF];
    size_t n = 0;
    for (const char *s = style; *s && n < sizeof buf - 1; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        buf[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[n] = '\0';
    return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

/* ------------------------------------------------------------ measures */

/* How many bytes of a mask with only byte high bits set have it set. */
static uint32_t high_bits_count(uint64_t mask) {
    return (uint32_t)(((mask >> 7) * UTF8_LANE_ONES) >> 56);
}

/* rules_measure() of eight ASCII bytes (no high bit set). */
static void measure_ascii8(uint64_t x, rule_measure *m) {
    /* A byte >= 0x21 gets its high bit set by adding 0x5F, without a carry
     * into the next byte. */
    m->chars += high_bits_count((x + 0x5F * UTF8_LANE_ONES) & UTF8_LANE_HIGH);
    /* Commas: the bytes that x ^ ",,,,,,,," makes zero. */
    uint64_t y = x ^ (',' * UTF8_LANE_ONES);
    uint64_t zero = ~(((y & ~UTF8_LANE_HIGH) + ~UTF8_LANE_HIGH) | y | ~UTF8_LANE_HIGH);
    m->commas += high_bits_count(zero);
}

void rules_measure(const char *s, rule_measure *m) {
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *end = p + strlen(s);
    while (*p) {
        if (end - p >= 8) {
            uint64_t x;
            memcpy(&x, p, sizeof x);
            if (!(x & UTF8_LANE_HIGH)) {
                measure_ascii8(x, m);
                p += 8;
                continue;
            }
        }
        unsigned char c = *p;
        if (c < 0x80) {
            if (c > ' ')
                m->chars++;
            if (c == ',')
                m->commas++;
            p++;
            continue;
        }
        /* U+00A0 no-break space. */
        if (c == 0xC2 && p[1] == 0xA0) {
            p += 2;
            continue;
        }
        /* U+060C Arabic comma. */
        if (c == 0xD8 && p[1] == 0x8C)
            m->commas++;
        if (c == 0xE3 && p[1] == 0x80) {
            /* U+3000 ideographic space; U+3001 ideographic comma. */
            if (p[2] == 0x80) {
                p += 3;
                continue;
            }
            if (p[2] == 0x81)
                m->commas++;
        }
        /* U+FF0C fullwidth comma. */
        if (c == 0xEF && p[1] == 0xBC && p[2] == 0x8C)
            m->commas++;
        /* Lead bytes E3..ED cover U+3000..U+DFFF: kana, CJK ideographs, hangul. */
        m->chars += (c >= 0xE3 && c <= 0xED) ? CJK_CHAR_WEIGHT : 1;
        p++;
        while ((*p & 0xC0) == 0x80)
            p++;
    }
}

/* -------------------------------------------------- paragraph phrases */

/* A phrase and its length in bytes. */
typedef struct {
    const char *s;
    uint8_t len;
} phrase;

#define PH(lit)                                                                          \
    { lit, sizeof lit - 1 }

/* Are p[0..n) and w[0..n) equal, ignoring ASCII case when `nocase`? */
static bool same_bytes(const char *p, const char *w, size_t n, bool nocase) {
    if (!nocase)
        return !memcmp(p, w, n);
    for (size_t i = 0; i < n; i++)
        if (fold((unsigned char)p[i]) != fold((unsigned char)w[i]))
            return false;
    return true;
}

/* The shift-table slot of two adjacent bytes. Without case, bytes are
 * coarsened with | 0x20, which maps both cases of a letter alike. */
static unsigned pair_slot(unsigned char a, unsigned char b, bool nocase) {
    if (nocase) {
        a |= 0x20;
        b |= 0x20;
    }
    return ((unsigned)a << 4 ^ b) & 0xFF;
}

/* Two-byte blocks of each phrase entered in the shift table: the last ones of
 * its first m bytes. More would allow longer shifts but cost more to set up
 * (the table is built per call). */
#define SHIFT_PAIRS 6

/* Does p[0..len) contain one of the n phrases (ignoring ASCII case when
 * `nocase`), m (at least 2) being the length of the shortest? Wu and Manber's
 * multi-pattern search with two-byte blocks: a window as long as the shortest
 * phrase slides along p, and the last two bytes of the window tell how far it
 * can move before a phrase can end there; only windows whose last block ends
 * some phrase's prefix are compared. */
static bool contains_any_shifting(const char *p, size_t len, const phrase *list, size_t n,
                                  size_t m, bool nocase) {
    /* shift[slot]: how far the window end may move when its last two bytes
     * fall in slot. A block entered for offset j allows m - 2 - j; blocks not
     * entered (offsets below m - 1 - SHIFT_PAIRS, or none) allow `most`. */
    size_t most = m - 1 < SHIFT_PAIRS ? m - 1 : SHIFT_PAIRS;
    uint8_t shift[256];
    memset(shift, (int)most, sizeof shift);
    for (size_t k = 0; k < n; k++)
        for (size_t j = m - 1 - most; j + 1 < m; j++) {
            unsigned slot = pair_slot((unsigned char)list[k].s[j],
                                      (unsigned char)list[k].s[j + 1], nocase);
            if (shift[slot] > m - 2 - j)
                shift[slot] = (uint8_t)(m - 2 - j);
        }
    for (size_t end = m - 1; end < len;) {
        uint8_t step =
            shift[pair_slot((unsigned char)p[end - 1], (unsigned char)p[end], nocase)];
        if (step) {
            end += step;
            continue;
        }
        size_t start = end + 1 - m;
        for (size_t k = 0; k < n; k++)
            if (list[k].len <= len - start &&
                same_bytes(p + start, list[k].s, list[k].len, nocase))
                return true;
        end++;
    }
    return false;
}

/* A set of bytes. */
typedef struct {
    uint64_t bits[4];
} byteset;

static void byteset_add(byteset *b, unsigned char c) {
    b->bits[c >> 6] |= (uint64_t)1 << (c & 63);
}

static bool byteset_has(const byteset *b, unsigned char c) {
    return (b->bits[c >> 6] >> (c & 63)) & 1;
}

/* The same, looking only where the first byte of a phrase is: the better way
 * when phrases are short or start with bytes that text rarely has. */
static bool contains_any_at_starts(const char *p, size_t len, const phrase *list,
                                   size_t n, bool nocase) {
    byteset first = {{0, 0, 0, 0}};
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)list[k].s[0];
        byteset_add(&first, nocase ? fold(c) : c);
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)p[i];
        if (nocase)
            c = fold(c);
        if (!byteset_has(&first, c))
            continue;
        for (size_t k = 0; k < n; k++) {
            unsigned char w0 = (unsigned char)list[k].s[0];
            if ((nocase ? fold(w0) : w0) == c && list[k].len <= len - i &&
                same_bytes(p + i, list[k].s, list[k].len, nocase))
                return true;
        }
    }
    return false;
}

/* Shortest phrase for which the shifting search beats looking at every start. */
#define SHIFT_MIN_PHRASE 8

/* Does p[0..len) contain one of the n phrases (ignoring ASCII case when `nocase`)? */
static bool contains_any(const char *p, size_t len, const phrase *list, size_t n,
                         bool nocase) {
    size_t m = SIZE_MAX;
    for (size_t k = 0; k < n; k++)
        if (list[k].len < m)
            m = list[k].len;
    if (!n || !m || len < m)
        return false;
    return m >= SHIFT_MIN_PHRASE ? contains_any_shifting(p, len, list, n, m, nocase)
                                 : contains_any_at_starts(p, len, list, n, nocase);
}

/* Paragraphs longer than this are never judged by their opening words. */
#define BOILER_MAX_LEN 160

/* Paragraphs that start with one of these (case-insensitive, then a word
 * boundary) are site furniture, not article text. */
static const phrase boiler_prefixes[] = {
    PH("(reporting by"),
    PH("\xc2\xa9"), /* © */
    PH("ad feedback"),
    PH("additional reporting by"),
    PH("advertisement"),
    PH("also read"),
    PH("also see"),
    PH("article continues below"),
    PH("associated press writers"),
    PH("back to top"),
    PH("click here to"),
    PH("comments are closed"),
    PH("contact the reporter"),
    PH("contact the writer"),
    PH("continue reading"),
    PH("copyright"),
    PH("download our app"),
    PH("download the app"),
    PH("editing by"),
    PH("filed under"),
    PH("follow us"),
    PH("get the latest"),
    PH("if you enjoyed this"),
    PH("if you liked this"),
    PH("image caption"),
    PH("image source"),
    PH("join our"),
    PH("jump to"),
    PH("keep reading"),
    PH("leave a comment"),
    PH("lesezeit"),
    PH("like this story"),
    PH("listen to this article"),
    PH("media caption"),
    PH("more from"),
    PH("more stories"),
    PH("most popular"),
    PH("most read"),
    PH("most viewed"),
    PH("please enable javascript"),
    PH("reach the reporter"),
    PH("reach the writer"),
    PH("read also"),
    PH("read more"),
    PH("read next"),
    PH("reading time"),
    PH("recommended for you"),
    PH("related articles"),
    PH("related content"),
    PH("related coverage"),
    PH("related links"),
    PH("related stories"),
    PH("related:"),
    PH("reporting by"),
    PH("scroll to continue"),
    PH("see also"),
    PH("share on"),
    PH("share this"),
    PH("share via"),
    PH("share:"),
    PH("sign up"),
    PH("skip to"),
    PH("sponsored content"),
    PH("story continues below"),
    PH("subscribe"),
    PH("tags:"),
    PH("tempo de leitura"),
    PH("temps de lecture"),
    PH("this site uses cookies"),
    PH("tiempo de lectura"),
    PH("topics:"),
    PH("watch:"),
    PH("we use cookies"),
    PH("writing by"),
    PH("you may also like"),
    PH("you might also like"),
    /* French */
    PH("lire aussi"),
    PH("\xc3\xa0 lire aussi"), /* à */
    PH("\xc3\x80 lire aussi"), /* À */
    PH("voir aussi"),
    PH("lire la suite"),
    PH("les plus lus"),
    PH("articles similaires"),
    PH("sur le m\xc3\xaame sujet"),
    PH("abonnez-vous"),
    PH("partager sur"),
    PH("suivez-nous"),
    /* German */
    PH("lesen sie auch"),
    PH("lesen sie mehr"),
    PH("mehr zum thema"),
    PH("weitere artikel"),
    PH("meistgelesen"),
    PH("teilen auf"),
    PH("folgen sie uns"),
    PH("jetzt abonnieren"),
    /* Spanish */
    PH("lee tambi\xc3\xa9n"),
    PH("lea tambi\xc3\xa9n"),
    PH("te puede interesar"),
    PH("le puede interesar"),
    PH("lo m\xc3\xa1s le\303\255do"), /* octal: a hex escape would eat the "d" */
    PH("noticias relacionadas"),
    PH("compartir en"),
    PH("s\xc3\xadguenos"),
    /* Italian */
    PH("leggi anche"),
    PH("potrebbe interessarti"),
    PH("articoli correlati"),
    PH("condividi su"),
    PH("seguici su"),
    /* Portuguese */
    PH("leia tamb\xc3\xa9m"),
    PH("leia mais"),
    PH("veja tamb\xc3\xa9m"),
    PH("not\303\255cias relacionadas"),
    PH("mais lidas"),
    /* Dutch */
    PH("lees ook"),
    PH("meest gelezen"),
    PH("gerelateerde artikelen"),
    /* Russian: "read also", "subscribe to" */
    PH("\xd0\xa7\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 "
       "\xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5"),
    PH("\xd0\x9f\xd0\xbe\xd0\xb4\xd0\xbf\xd0\xb8\xd1\x88\xd0\xb8\xd1\x82\xd0\xb5\xd1\x81"
       "\xd1\x8c \xd0\xbd\xd0\xb0"),
    /* Chinese: "related reading", "recommended reading", "editor in charge" */
    PH("\xe7\x9b\xb8\xe5\x85\xb3\xe9\x98\x85\xe8\xaf\xbb"),
    PH("\xe6\x8e\xa8\xe8\x8d\x90\xe9\x98\x85\xe8\xaf\xbb"),
    PH("\xe8\xb4\xa3\xe4\xbb\xbb\xe7\xbc\x96\xe8\xbe\x91"),
    /* Japanese: "related articles" */
    PH("\xe9\x96\xa2\xe9\x80\xa3\xe8\xa8\x98\xe4\xba\x8b"),

};

/* Paragraphs that are exactly one of these (ignoring case and trailing
 * punctuation) are buttons and labels. */
static const phrase boiler_exact[] = {
    PH("ad"),
    PH("advert"),
    PH("advertisement"),
    PH("advertising"),
    PH("afp"),
    PH("associated press"),
    PH("back"),
    PH("close"),
    PH("comment"),
    PH("comments"),
    PH("copied"),
    PH("copy link"),
    PH("don't miss"),
    PH("editor's picks"),
    PH("editors' picks"),
    PH("email"),
    PH("facebook"),
    PH("flipboard"),
    PH("follow"),
    PH("gallery"),
    PH("home"),
    PH("in other news"),
    PH("latest"),
    PH("latest news"),
    PH("linkedin"),
    PH("listen"),
    PH("loading"),
    PH("log in"),
    PH("login"),
    PH("menu"),
    PH("more"),
    PH("more news"),
    PH("most commented"),
    PH("most shared"),
    PH("next"),
    PH("photo"),
    PH("photos"),
    PH("pinterest"),
    PH("play"),
    PH("popular"),
    PH("popular now"),
    PH("previous"),
    PH("print"),
    PH("read more"),
    PH("recommended"),
    PH("reddit"),
    PH("register"),
    PH("related"),
    PH("related news"),
    PH("related posts"),
    PH("reuters"),
    PH("save"),
    PH("search"),
    PH("see more"),
    PH("share"),
    PH("show more"),
    PH("sign in"),
    PH("skip"),
    PH("sponsored"),
    PH("subscribe"),
    PH("text size"),
    PH("the associated press"),
    PH("top"),
    PH("top stories"),
    PH("trending"),
    PH("trending now"),
    PH("tweet"),
    PH("twitter"),
    PH("video"),
    PH("whatsapp"),
    PH("you may like"),
    /* French, German, Spanish, Italian, Portuguese, Dutch labels */
    PH("publicit\xc3\xa9"),
    PH("partager"),
    PH("lire plus"),
    PH("anzeige"),
    PH("werbung"),
    PH("teilen"),
    PH("weiterlesen"),
    PH("publicidad"),
    PH("compartir"),
    PH("leer m\xc3\xa1s"),
    PH("pubblicit\xc3\xa0"),
    PH("condividi"),
    PH("publicidade"),
    PH("compartilhar"),
    PH("advertentie"),
    PH("lees meer"),

};

/* Short paragraphs that contain one of these (case-insensitive) are contact
 * lines, social prompts and legal notices. */
static const phrase boiler_contains[] = {
    PH("all rights reserved"),
    PH("can be reached at"),
    PH("follow her @"),
    PH("follow her on"),
    PH("follow him @"),
    PH("follow him on"),
    PH("follow me on"),
    PH("follow us @"),
    PH("follow us on"),
    PH("may be reached at"),
    PH("sign up for our"),
    PH("subscribe to our"),
    PH("slideshow requires javascript"),
};

/* Longest contact line (a lone address or handle, or "Write to ... at ..."). */
#define CONTACT_MAX_LEN 100
/* Paragraphs longer than this are never judged by what they contain. */
#define BOILER_CONTAINS_MAX_LEN 300

static bool ascii_alnum(unsigned char c);

/* Is there a "name@host.tld" in p? */
static bool has_email(const char *p, size_t len) {
    for (size_t i = 1; i + 1 < len; i++) {
        if (p[i] != '@' || !ascii_alnum((unsigned char)p[i - 1]) ||
            !ascii_alnum((unsigned char)p[i + 1]))
            continue;
        for (size_t k = i + 1; k + 1 < len && p[k] != ' '; k++)
            if (p[k] == '.' && ascii_alnum((unsigned char)p[k + 1]))
                return true;
    }
    return false;
}

static bool ascii_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool rules_is_boilerplate_phrase(const char *p, size_t len) {
    if (len > BOILER_CONTAINS_MAX_LEN)
        return false;
    /* A lone e-mail address or @handle, or a short line with an e-mail
     * address ("Write to Al Root at al@example.com"), is a contact line. */
    if (len < CONTACT_MAX_LEN && memchr(p, '@', len) &&
        (!memchr(p, ' ', len) || has_email(p, len)))
        return true;
    if (contains_any(p, len, boiler_contains,
                     sizeof boiler_contains / sizeof *boiler_contains, true))
        return true;
    if (len > BOILER_MAX_LEN)
        return false;
    unsigned char p0 = fold((unsigned char)p[0]);
    for (size_t i = 0; i < sizeof boiler_prefixes / sizeof *boiler_prefixes; i++) {
        const phrase *w = &boiler_prefixes[i];
        size_t wl = w->len;
        if (wl <= len && fold((unsigned char)w->s[0]) == p0 &&
            same_bytes(p, w->s, wl, true) &&
            (wl == len || !ascii_alnum((unsigned char)w->s[wl - 1]) ||
             !ascii_alnum((unsigned char)p[wl])))
            return true;
    }
    /* Exact labels: strip trailing punctuation and spaces first. */
    size_t n = len;
    while (n && !ascii_alnum((unsigned char)p[n - 1]) && (unsigned char)p[n - 1] < 0x80)
        n--;
    for (size_t i = 0; i < sizeof boiler_exact / sizeof *boiler_exact; i++) {
        const phrase *w = &boiler_exact[i];
        if (w->len == n && same_bytes(p, w->s, n, true))
            return true;
    }
    return false;
}

/* Date lines: every word is a number, a month or weekday, or one of these
 * ("Image 2 of 5" gallery counters are furniture of the same kind). */
static const char *const date_words[] = {
    "a",         "aedt",      "aest",     "ago",    "am",        "and",     "apr",
    "april",     "at",        "aug",      "august", "bst",       "cdt",     "cest",
    "cet",       "cst",       "ct",       "day",    "days",      "dec",     "december",
    "edt",       "eest",      "eet",      "est",    "et",        "feb",     "february",
    "fri",       "friday",    "gmt",      "hkt",    "hour",      "hours",   "hr",
    "hrs",       "hst",       "image",    "images", "ist",       "jan",     "january",
    "jst",       "jul",       "july",     "jun",    "june",      "kst",     "last",
    "m",         "mar",       "march",    "may",    "mdt",       "min",     "mins",
    "minute",    "minutes",   "modified", "mon",    "monday",    "msk",     "mst",
    "mt",        "nov",       "november", "oct",    "october",   "of",      "on",
    "p",         "pdt",       "photo",    "photos", "pm",        "posted",  "pst",
    "pt",        "published", "read",     "sat",    "saturday",  "sep",     "sept",
    "september", "sgt",       "slide",    "sun",    "sunday",    "thu",     "thurs",
    "thursday",  "today",     "tue",      "tues",   "tuesday",   "updated", "utc",
    "wed",       "wednesday", "wet",      "wib",    "yesterday",
};

/* Longest line that can be "just a date". */
#define DATE_LINE_MAX 80
/* Longest date word in the table, plus room. */
#define DATE_WORD_MAX 16

static bool is_month_word(const char *w) {
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    for (size_t i = 0; i < 12; i++)
        if (!strncmp(w, months[i], 3))
            return true;
    return false;
}

static bool is_number_word(const char *w, size_t n) {
    size_t d = 0;
    while (d < n && w[d] >= '0' && w[d] <= '9')
        d++;
    if (!d)
        return false;
    /* 1st, 2nd, 3rd, 4th. */
    return d == n || (n - d == 2 && (!strcmp(w + d, "st") || !strcmp(w + d, "nd") ||
                                     !strcmp(w + d, "rd") || !strcmp(w + d, "th") ||
                                     !strcmp(w + d, "am") || !strcmp(w + d, "pm")));
}

static bool is_date_word(const char *w) {
    size_t lo = 0, hi = sizeof date_words / sizeof *date_words;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(w, date_words[mid]);
        if (!c)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

bool rules_is_date_line(const char *p, size_t len) {
    if (len > DATE_LINE_MAX)
        return false;
    bool dated = false;
    size_t i = 0;
    while (i < len) {
        while (i < len && !ascii_alnum((unsigned char)p[i])) {
            if ((unsigned char)p[i] >= 0x80)
                return false; /* a non-ASCII letter: not an English date line */
            i++;
        }
        char w[DATE_WORD_MAX];
        size_t n = 0;
        while (i < len && ascii_alnum((unsigned char)p[i])) {
            if (n < sizeof w - 1)
                w[n++] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
            else
                return false;
            i++;
        }
        if (!n)
            break;
        w[n] = '\0';
        if (is_number_word(w, n))
            dated = true;
        else if (is_date_word(w))
            dated |= is_month_word(w) && n >= 3;
        else
            return false;
    }
    return dated;
}

/* Longest "By Jane Doe and John Roe" line we drop. */
#define BYLINE_MAX 80
/* Most words a byline line has ("By Jane Doe, Staff Writer | Reuters"). */
#define BYLINE_MAX_WORDS 10

bool rules_is_byline_line(const char *p, size_t len) {
    if (len > BYLINE_MAX || len < 4)
        return false;
    static const char *const openers[] = {"by ",        "by:",       "written by ",
                                          "posted by ", "story by ", "words by "};
    size_t skip = 0;
    for (size_t i = 0; i < sizeof openers / sizeof *openers && !skip; i++)
        if (!strncasecmp(p, openers[i], strlen(openers[i])))
            skip = strlen(openers[i]);
    if (!skip)
        return false;
    while (skip < len && p[skip] == ' ')
        skip++;
    /* The name must start with a capital (or a non-ASCII letter): "By contrast" is text.
     */
    unsigned char c = (unsigned char)p[skip];
    if (!((c >= 'A' && c <= 'Z') || c >= 0x80))
        return false;
    size_t words = 1;
    for (size_t i = skip; i < len; i++)
        words += p[i] == ' ';
    return words <= BYLINE_MAX_WORDS;
}

/* Longest caption/credit line we drop. */
#define CREDIT_MAX 200

bool rules_is_credit_line(const char *p, size_t len) {
    static const phrase marks[] = {
        PH("Getty Images"),  PH("AP Photo"), PH("Photo:"),       PH("Photograph:"),
        PH("Image:"),        PH("Credit:"),  PH("Photo credit"), PH("Image credit"),
        PH("Shutterstock"),  PH("iStock"),   PH("Photo by "),    PH("Illustration:"),
        PH("Image source:"), PH("(Photo"),   PH("Pictured:"),    PH("\xc2\xa9"), /* © */
    };
    if (len > CREDIT_MAX)
        return false;
    return contains_any(p, len, marks, sizeof marks / sizeof *marks, false);
}

/* The next significant character at *i: ASCII letters folded to lower case,
 * digits, any non-ASCII byte except the general punctuation block U+2000..U+206F
 * (quotes, dashes, ellipsis), which is skipped with ASCII punctuation and spaces.
 * Returns -1 at the end. */
static int next_sig(const char *s, size_t len, size_t *i) {
    while (*i < len) {
        unsigned char c = (unsigned char)s[*i];
        if (c == 0xE2 && *i + 2 < len &&
            ((unsigned char)s[*i + 1] == 0x80 || (unsigned char)s[*i + 1] == 0x81)) {
            *i += 3;
            continue;
        }
        (*i)++;
        if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))
            return c;
        if (c >= 'A' && c <= 'Z')
            return c + 32;
    }
    return -1;
}

bool rules_same_text(const char *a, size_t a_len, const char *b, bool prefix) {
    size_t i = 0, j = 0, b_len = strlen(b), n = 0;
    for (;;) {
        int ca = next_sig(a, a_len, &i), cb = next_sig(b, b_len, &j);
        if (ca < 0)
            return n > 0 && (cb < 0 || prefix);
        if (ca != cb)
            return false;
        n++;
    }
}

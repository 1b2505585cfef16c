/* Evidence tables of main-content detection and the text measures the
 * scorer uses. The class/id words follow the conventions of the field
 * (Readability's "unlikely"/"positive"/"negative" idea, boilerpipe's and
 * jusText's boilerplate phrases), with this project's own lists. */
#include "rules.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../html/dom.h"

/* ------------------------------------------------------------------ tags */

/* Sorted by name (bsearch). init: the starting score of a candidate with this
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

static const rule_tag inline_tag = {"", RK_INLINE, 0, 0, 0};

static int tag_cmp(const void *key, const void *elem) {
    return strcmp((const char *)key, ((const rule_tag *)elem)->name);
}

const rule_tag *rules_tag(const xmlNode *el) {
    if (!el || el->type != XML_ELEMENT_NODE || !el->name)
        return &inline_tag;
    const rule_tag *t = bsearch(el->name, tag_table, sizeof tag_table / sizeof *tag_table,
                                sizeof *tag_table, tag_cmp);
    return t ? t : &inline_tag;
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
    uint8_t mode;
    uint8_t flags;
} class_word;

#define NEG_U (CW_NEG | CW_UNLIKELY)

/* Sorted by word (strcmp order); rules_class_table_sorted() checks it. */
static const class_word class_table[] = {
    {"ad", CM_TOK, NEG_U},
    {"ads", CM_TOK, NEG_U},
    {"advert", CM_SUB, NEG_U},
    {"agegate", CM_SUB, NEG_U},
    {"article", CM_SUB, CW_POS | CW_MAYBE},
    {"aside", CM_SUB, NEG_U},
    {"author", CM_SUB, CW_NEG},
    {"banner", CM_SUB, NEG_U},
    {"bio", CM_TOK, CW_NEG},
    {"blog", CM_SUB, CW_POS},
    {"body", CM_SUB, CW_POS | CW_MAYBE},
    {"breadcrumb", CM_SUB, NEG_U},
    {"byline", CM_SUB, NEG_U},
    {"caption", CM_SUB, NEG_U},
    {"column", CM_SUB, CW_MAYBE},
    {"combx", CM_SUB, NEG_U},
    {"comment", CM_SUB, NEG_U},
    {"community", CM_SUB, NEG_U},
    {"consent", CM_SUB, NEG_U},
    {"contact", CM_SUB, CW_NEG},
    {"content", CM_SUB, CW_POS | CW_MAYBE},
    {"copyright", CM_SUB, NEG_U},
    {"credit", CM_SUB, NEG_U},
    {"dfp", CM_TOK, NEG_U},
    {"disclaimer", CM_SUB, CW_NEG},
    {"disqus", CM_SUB, NEG_U},
    {"donate", CM_SUB, NEG_U},
    {"entry", CM_SUB, CW_POS},
    {"extra", CM_TOK, NEG_U},
    {"follow", CM_SUB, NEG_U},
    {"footer", CM_SUB, NEG_U},
    {"footnote", CM_SUB, CW_NEG},
    {"gdpr", CM_SUB, NEG_U},
    {"header", CM_SUB, NEG_U},
    {"hid", CM_TOK, CW_NEG},
    {"hidden", CM_TOK, CW_NEG},
    {"legends", CM_SUB, NEG_U},
    {"login", CM_SUB, NEG_U},
    {"main", CM_SUB, CW_POS | CW_MAYBE},
    {"masthead", CM_SUB, NEG_U},
    {"media", CM_SUB, CW_NEG},
    {"menu", CM_SUB, NEG_U},
    {"meta", CM_PRE, CW_NEG},
    {"modal", CM_SUB, NEG_U},
    {"more", CM_TOK, NEG_U},
    {"most", CM_TOK, NEG_U},
    {"mostread", CM_SUB, NEG_U},
    {"nav", CM_PRE, NEG_U},
    {"newsletter", CM_SUB, NEG_U},
    {"outbrain", CM_SUB, NEG_U},
    {"overlay", CM_SUB, NEG_U},
    {"page", CM_TOK, CW_POS},
    {"pager", CM_SUB, NEG_U},
    {"pagination", CM_SUB, NEG_U},
    {"popular", CM_SUB, NEG_U},
    {"popup", CM_SUB, NEG_U},
    {"post", CM_PRE, CW_POS},
    {"print", CM_TOK, CW_NEG},
    {"promo", CM_SUB, NEG_U},
    {"prose", CM_TOK, CW_POS},
    {"rail", CM_TOK, NEG_U},
    {"recommend", CM_SUB, NEG_U},
    {"related", CM_SUB, NEG_U},
    {"remark", CM_SUB, NEG_U},
    {"replies", CM_SUB, NEG_U},
    {"reply", CM_SUB, CW_NEG},
    {"rss", CM_TOK, NEG_U},
    {"screen-reader", CM_SUB, CW_HIDDEN},
    {"scroll", CM_SUB, CW_NEG},
    {"share", CM_SUB, NEG_U},
    {"sharing", CM_SUB, NEG_U},
    {"shopping", CM_SUB, CW_NEG},
    {"shoutbox", CM_SUB, NEG_U},
    {"sidebar", CM_SUB, NEG_U},
    {"signup", CM_SUB, NEG_U},
    {"skip", CM_TOK, NEG_U},
    {"skyscraper", CM_SUB, NEG_U},
    {"social", CM_SUB, NEG_U},
    {"sponsor", CM_SUB, NEG_U},
    {"sr-only", CM_SUB, CW_HIDDEN},
    {"story", CM_SUB, CW_POS | CW_MAYBE},
    {"subscri", CM_SUB, NEG_U},
    {"supplemental", CM_SUB, NEG_U},
    {"taboola", CM_SUB, NEG_U},
    {"tag", CM_TOK, CW_NEG},
    {"tags", CM_TOK, CW_NEG},
    {"teaser", CM_SUB, CW_NEG},
    {"text", CM_END, CW_POS},
    {"tool", CM_SUB, CW_NEG},
    {"topics", CM_TOK, CW_NEG},
    {"trending", CM_SUB, NEG_U},
    {"viewed", CM_TOK, NEG_U},
    {"visually-hidden", CM_SUB, CW_HIDDEN},
    {"visuallyhidden", CM_SUB, CW_HIDDEN},
    {"widget", CM_SUB, NEG_U},
};

#define N_CLASS_WORDS (sizeof class_table / sizeof *class_table)

/* Each attribute that says "content" or "boilerplate" moves the weight this much. */
#define CLASS_WEIGHT 25
/* itemprop="articleBody" is the page telling us outright. */
#define ITEMPROP_BODY_WEIGHT 50
/* Longest class/id value we read; longer values are cut (the words that
 * matter come first in practice). */
#define CLASS_BUF 256

bool rules_class_table_sorted(void) {
    for (size_t i = 1; i < N_CLASS_WORDS; i++)
        if (strcmp(class_table[i - 1].word, class_table[i].word) >= 0)
            return false;
    for (size_t i = 1; i < sizeof tag_table / sizeof *tag_table; i++)
        if (strcmp(tag_table[i - 1].name, tag_table[i].name) >= 0)
            return false;
    return true;
}

static bool is_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* First table index whose word starts with a byte >= c. */
static size_t class_lower_bound(unsigned char c) {
    size_t lo = 0, hi = N_CLASS_WORDS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((unsigned char)class_table[mid].word[0] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* OR of the flags of every table word found in the lower-case string s. */
static unsigned class_words(const char *s, size_t len) {
    unsigned flags = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!is_alnum(c) || c >= 0x80)
            continue;
        for (size_t k = class_lower_bound(c);
             k < N_CLASS_WORDS && (unsigned char)class_table[k].word[0] == c; k++) {
            const class_word *w = &class_table[k];
            size_t wl = strlen(w->word);
            if (wl > len - i || memcmp(s + i, w->word, wl))
                continue;
            bool start = i == 0 || !is_alnum((unsigned char)s[i - 1]);
            bool end = i + wl == len || !is_alnum((unsigned char)s[i + wl]);
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

static size_t lower_copy(char *dst, const char *src) {
    size_t n = 0;
    for (; src[n] && n < CLASS_BUF - 1; n++) {
        unsigned char c = (unsigned char)src[n];
        dst[n] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    dst[n] = '\0';
    return n;
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

static bool style_hides(const char *style);

/* One pass over the attributes: class, id, itemprop, role and the hiding ones. */
void rules_classify(const xmlNode *el, rule_class *out) {
    out->weight = 0;
    out->unlikely = false;
    out->hidden = false;
    char buf[CLASS_BUF];
    unsigned all = 0;
    for (const xmlAttr *a = el->properties; a; a = a->next) {
        const char *name = (const char *)a->name, *v;
        if (!name || !(v = attr_value(a)))
            continue;
        if (!strcasecmp(name, "class") || !strcasecmp(name, "id")) {
            if (!*v)
                continue;
            unsigned f = class_words(buf, lower_copy(buf, v));
            out->weight += attr_weight(f);
            all |= f;
        } else if (!strcasecmp(name, "itemprop")) {
            if (strstr(v, "articleBody"))
                out->weight += ITEMPROP_BODY_WEIGHT, all |= CW_MAYBE;
        } else if (!strcasecmp(name, "role")) {
            for (size_t i = 0; i < sizeof boiler_roles / sizeof *boiler_roles; i++)
                if (!strcasecmp(v, boiler_roles[i]))
                    out->weight -= 2 * CLASS_WEIGHT, all |= CW_UNLIKELY;
        } else if (!strcasecmp(name, "hidden")) {
            out->hidden = true;
        } else if (!strcasecmp(name, "aria-hidden")) {
            out->hidden |= !strcasecmp(v, "true");
        } else if (!strcasecmp(name, "style")) {
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

void rules_measure(const char *s, rule_measure *m) {
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
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

/* Paragraphs longer than this are never judged by their opening words. */
#define BOILER_MAX_LEN 160

/* Paragraphs that start with one of these (case-insensitive, then a word
 * boundary) are site furniture, not article text. */
static const char *const boiler_prefixes[] = {
    "(reporting by",
    "\xc2\xa9", /* © */
    "ad feedback",
    "additional reporting by",
    "advertisement",
    "also read",
    "also see",
    "article continues below",
    "associated press writers",
    "back to top",
    "click here to",
    "comments are closed",
    "contact the reporter",
    "contact the writer",
    "continue reading",
    "copyright",
    "download our app",
    "download the app",
    "editing by",
    "filed under",
    "follow us",
    "get the latest",
    "if you enjoyed this",
    "if you liked this",
    "image caption",
    "image source",
    "join our",
    "jump to",
    "keep reading",
    "leave a comment",
    "lesezeit",
    "like this story",
    "listen to this article",
    "media caption",
    "more from",
    "more stories",
    "most popular",
    "most read",
    "most viewed",
    "please enable javascript",
    "reach the reporter",
    "reach the writer",
    "read also",
    "read more",
    "read next",
    "reading time",
    "recommended for you",
    "related articles",
    "related content",
    "related coverage",
    "related links",
    "related stories",
    "related:",
    "reporting by",
    "scroll to continue",
    "see also",
    "share on",
    "share this",
    "share via",
    "share:",
    "sign up",
    "skip to",
    "sponsored content",
    "story continues below",
    "subscribe",
    "tags:",
    "tempo de leitura",
    "temps de lecture",
    "this site uses cookies",
    "tiempo de lectura",
    "topics:",
    "watch:",
    "we use cookies",
    "writing by",
    "you may also like",
    "you might also like",

};

/* Paragraphs that are exactly one of these (ignoring case and trailing
 * punctuation) are buttons and labels. */
static const char *const boiler_exact[] = {
    "ad",
    "advert",
    "advertisement",
    "advertising",
    "afp",
    "associated press",
    "back",
    "close",
    "comment",
    "comments",
    "copied",
    "copy link",
    "don't miss",
    "editor's picks",
    "editors' picks",
    "email",
    "facebook",
    "flipboard",
    "follow",
    "gallery",
    "home",
    "in other news",
    "latest",
    "latest news",
    "linkedin",
    "listen",
    "loading",
    "log in",
    "login",
    "menu",
    "more",
    "more news",
    "most commented",
    "most shared",
    "next",
    "photo",
    "photos",
    "pinterest",
    "play",
    "popular",
    "popular now",
    "previous",
    "print",
    "read more",
    "recommended",
    "reddit",
    "register",
    "related",
    "related news",
    "related posts",
    "reuters",
    "save",
    "search",
    "see more",
    "share",
    "show more",
    "sign in",
    "skip",
    "sponsored",
    "subscribe",
    "text size",
    "the associated press",
    "top",
    "top stories",
    "trending",
    "trending now",
    "tweet",
    "twitter",
    "video",
    "whatsapp",
    "you may like",

};

/* Short paragraphs that contain one of these (case-insensitive) are contact
 * lines, social prompts and legal notices. */
static const char *const boiler_contains[] = {
    "all rights reserved",
    "can be reached at",
    "follow her @",
    "follow her on",
    "follow him @",
    "follow him on",
    "follow me on",
    "follow us @",
    "follow us on",
    "may be reached at",
    "sign up for our",
    "subscribe to our",
    "slideshow requires javascript",
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

static bool contains_nocase(const char *p, size_t len, const char *w) {
    size_t wl = strlen(w);
    for (size_t i = 0; i + wl <= len; i++)
        if ((p[i] | 0x20) == w[0] && !strncasecmp(p + i, w, wl))
            return true;
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
    for (size_t i = 0; i < sizeof boiler_contains / sizeof *boiler_contains; i++)
        if (contains_nocase(p, len, boiler_contains[i]))
            return true;
    if (len > BOILER_MAX_LEN)
        return false;
    for (size_t i = 0; i < sizeof boiler_prefixes / sizeof *boiler_prefixes; i++) {
        const char *w = boiler_prefixes[i];
        size_t wl = strlen(w);
        if (wl <= len && !strncasecmp(p, w, wl) &&
            (wl == len || !ascii_alnum((unsigned char)w[wl - 1]) ||
             !ascii_alnum((unsigned char)p[wl])))
            return true;
    }
    /* Exact labels: strip trailing punctuation and spaces first. */
    size_t n = len;
    while (n && !ascii_alnum((unsigned char)p[n - 1]) && (unsigned char)p[n - 1] < 0x80)
        n--;
    for (size_t i = 0; i < sizeof boiler_exact / sizeof *boiler_exact; i++) {
        const char *w = boiler_exact[i];
        if (strlen(w) == n && !strncasecmp(p, w, n))
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
    static const char *const marks[] = {
        "Getty Images",  "AP Photo", "Photo:",       "Photograph:",
        "Image:",        "Credit:",  "Photo credit", "Image credit",
        "Shutterstock",  "iStock",   "Photo by ",    "Illustration:",
        "Image source:", "(Photo",   "Pictured:",    "\xc2\xa9", /* © */
    };
    if (len > CREDIT_MAX)
        return false;
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        const char *m = marks[i];
        size_t ml = strlen(m);
        for (size_t k = 0; k + ml <= len; k++)
            if (p[k] == m[0] && !memcmp(p + k, m, ml))
                return true;
    }
    return false;
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

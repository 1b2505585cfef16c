/* The metadata stage: one walk over the page collects every source, then each
 * field takes the best-ranked source that gives a usable value, with
 * agreement between independent sources as evidence: the publication date
 * is the candidate most source families back, bounded by the modified date;
 * a visible byline outvotes a structured author that fewer sources name. */
#include "meta.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../html/dom.h"
#include "meta_int.h"

/* Most <meta> tags and byline candidates remembered from one page. */
#define SCAN_MAX_METAS 512
#define SCAN_MAX_CANDIDATES 16
/* Nodes looked at for an element's first text: a byline's "By" opens it,
 * and the bound keeps the scan linear on deep, empty markup. */
#define FIRST_TEXT_MAX_NODES 32
/* Longest element text looked at as a byline ("By ... | Updated ..."). */
#define BYLINE_TEXT_MAX 240
/* Headlines sharing at least this share of words (%) tell the same story. */
#define HEADLINE_SAME_STORY_PCT 50
/* A metadata headline sharing this share of words (%) with the <h1> is a
 * variant of the same headline ("Dropbox's ATF - ..." vs "Dropbox ATF: ...")
 * and keeps its rank. */
#define HEADLINE_VARIANT_PCT 70
/* An <h1> overrides a metadata headline only with at least this many words
 * (shorter ones are section names and logos). */
#define HEADLINE_H1_MIN_WORDS 4
/* Words compared between two headlines. */
#define HEADLINE_MAX_WORDS 64
/* Longest link text compared with a one-word name (bytes). */
#define NAME_LINK_TEXT_MAX 64
/* Longest byline kept as written; longer text is a paragraph. */
#define BYLINE_WRITTEN_MAX 120
/* Most tags kept. */
#define META_MAX_TAGS 32
/* A headline shorter than this (bytes) is not trusted over the <title>. */
#define HEADLINE_MIN_LEN 8
/* Class, id and itemprop values up to this long (bytes, with the NUL) are
 * lower-cased once on the stack for the marker tests. */
#define FOLDED_VALUE_MAX 256
/* Most words in one marker list. */
#define MARKER_WORDS_MAX 16

typedef enum { DATE_ROLE_NONE, DATE_ROLE_PUBLISHED, DATE_ROLE_MODIFIED } date_role;

typedef struct {
    const char *key, *value; /* into the DOM: valid during meta_extract only */
    uint32_t firsts;         /* key_first_bit() of each word of key */
    date_role role;          /* date_name_role(key), read once */
} meta_pair;

/* An element that may hold the byline, with its position in document order. */
typedef struct {
    xmlNode *node;
    size_t order;
} candidate;

typedef struct {
    meta_pair metas[SCAN_MAX_METAS];
    size_t n_metas;
    xmlNode *title, *base, *canonical, *first_h1;
    size_t h1_order;
    candidate rel_author[SCAN_MAX_CANDIDATES], byline_class[SCAN_MAX_CANDIDATES],
        by_line[SCAN_MAX_CANDIDATES], times[SCAN_MAX_CANDIDATES],
        itemprop_dates[SCAN_MAX_CANDIDATES], date_lines[SCAN_MAX_CANDIDATES],
        dated_images[SCAN_MAX_CANDIDATES];
    size_t n_rel_author, n_byline_class, n_by_line, n_times, n_itemprop_dates,
        n_date_lines, n_dated_images;
} page_scan;

/* ------------------------------------------------------------ sources */

/* Meta keys per field, best first. Each entry is also the provenance name. */
static const char *const published_keys[] = {
    "article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "originalpublicationdate",
    "date",
    "citation_publication_date",
    "citation_date",
    "og:article:published_time",
};
static const char *const modified_keys[] = {
    "article:modified_time", "og:updated_time",  "datemodified",
    "dc.date.modified",      "dcterms.modified", "last-modified",
    "article.updated",       "lastmod",          "og:article:modified_time",
};
/* Words of a meta or itemprop name that say which date it holds, for names
 * the tables above do not list ("og:original_time", "dateUpdate",
 * "post-publish-date"): the name must also say "date" or "time". A name with
 * a change word is the modified date even when it also says "publish"
 * ("publish_updated_time"). */
static const char *const date_name_words[] = {"date", "time"};
static const char *const modified_name_words[] = {"modif", "updat", "lastmod", "revis"};
static const char *const published_name_words[] = {"publish", "pubdate", "issued",
                                                   "created", "original"};

static bool has_any(const char *s, const char *const *words, size_t n) {
    for (size_t i = 0; s && i < n; i++)
        if (strcasestr(s, words[i]))
            return true;
    return false;
}

/* The date a meta or itemprop name says it holds. */
static date_role date_name_role(const char *name) {
    if (!has_any(name, date_name_words, COUNT(date_name_words)))
        return DATE_ROLE_NONE;
    if (has_any(name, modified_name_words, COUNT(modified_name_words)))
        return DATE_ROLE_MODIFIED;
    if (has_any(name, published_name_words, COUNT(published_name_words)))
        return DATE_ROLE_PUBLISHED;
    return DATE_ROLE_NONE;
}

static const char *const author_keys[] = {
    "dc:creator",      "dcterm:creator",    "author",
    "article:author",  "dc.creator",        "dcterms.creator",
    "parsely-author",  "sailthru.author",   "byl",
    "citation_author", "og:article:author", "og:author",
};
static const char *const description_keys[] = {"description", "og:description",
                                               "twitter:description", "dc.description"};
static const char *const image_keys[] = {"og:image", "og:image:url",
                                         "og:image:secure_url", "twitter:image",
                                         "twitter:image:src"};
static const char *const site_keys[] = {"og:site_name", "application-name",
                                        "apple-mobile-web-app-title"};
static const char *const language_keys[] = {"content-language", "language", "dc.language",
                                            "og:locale"};
static const char *const section_keys[] = {"article:section", "parsely-section",
                                           "sailthru.section"};
static const char *const tag_keys[] = {"article:tag", "keywords", "news_keywords",
                                       "parsely-tags", "sailthru.tags"};
/* "headline": schema.org microdata's <meta itemprop="headline">. */
static const char *const headline_keys[] = {
    "dc:title",      "dcterm:title",  "dc.title",       "og:title",
    "twitter:title", "parsely-title", "sailthru.title", "headline"};

/* Class/id words that mark a byline element, and words that disqualify one
 * (an author's biography or avatar, a comment's author). */
static const char *const byline_markers[] = {"byline",  "by-line",     "author",
                                             "writer",  "contributor", "reporter",
                                             "creator", "p-author",    "story-credit"};
static const char *const byline_vetoes[] = {
    "comment", "bio",    "avatar", "image",  "img",   "photo", "about",
    "related", "follow", "more",   "social", "share", "quote"};
/* itemprop values that mark an author element. */
static const char *const itemprop_author_words[] = {"author", "creator"};
/* Elements whose content is not the article's own credit: a figure's
 * caption names the photographer, an aside or a sidebar other stories, a
 * quotation the person quoted. */
static const char *const aside_elements[] = {"figure", "figcaption", "aside",
                                             "blockquote", "q"};
/* Class or id words of containers of that kind. */
static const char *const aside_markers[] = {"sidebar", "quote"};
/* Ancestors looked at for one of them. */
#define ASIDE_MAX_DEPTH 16
/* Class words of elements that carry a date in their title attribute, the
 * microformats way: <abbr class="published" title="2016-11-12">. */
static const char *const titled_date_classes[] = {"publish", "updat", "date"};
/* Class words of an element whose text alone is the date when it has no
 * title (<abbr class="published">12.11.16</abbr>): the hAtom "published"
 * and "updated" and their variants; a bare "date" class is too common on
 * lists of other stories to be read so. */
static const char *const text_date_classes[] = {"publish", "updat"};

_Static_assert(COUNT(byline_markers) <= MARKER_WORDS_MAX &&
                   COUNT(byline_vetoes) <= MARKER_WORDS_MAX &&
                   COUNT(itemprop_author_words) <= MARKER_WORDS_MAX &&
                   COUNT(aside_markers) <= MARKER_WORDS_MAX &&
                   COUNT(titled_date_classes) <= MARKER_WORDS_MAX &&
                   COUNT(text_date_classes) <= MARKER_WORDS_MAX,
               "marker lists fit a word_set");

/* ------------------------------------------------------------ scanning */

/* Appends a candidate. A full list still takes candidates after the first
 * <h1> (where the article's own byline is) by dropping its oldest entry from
 * before it, so menus full of author links cannot crowd the byline out. */
static void add_candidate(const page_scan *s, candidate *list, size_t *n, xmlNode *node,
                          size_t order) {
    if (*n < SCAN_MAX_CANDIDATES) {
        list[(*n)++] = (candidate){node, order};
        return;
    }
    if (!s->first_h1 || list[0].order > s->h1_order)
        return;
    memmove(list, list + 1, (*n - 1) * sizeof *list);
    list[*n - 1] = (candidate){node, order};
}

/* The first non-empty text under n, or NULL (a cheap look at how it starts). */
static const char *first_text(xmlNode *n) {
    size_t budget = FIRST_TEXT_MAX_NODES;
    for (xmlNode *c = n; c && budget--;
         c = dom_next(n, c, c->type == XML_ELEMENT_NODE && dom_is_non_text(c))) {
        if (c->type != XML_TEXT_NODE || !c->content)
            continue;
        const char *t = (const char *)c->content;
        while (*t == ' ' || *t == '\n' || *t == '\t' || *t == '\r')
            t++;
        if (*t)
            return t;
    }
    return NULL;
}

/* What an element is to the scan, looked up once per element. */
typedef enum {
    ROLE_OTHER,
    ROLE_META,
    ROLE_LINK, /* <link> and <a>: rel=canonical, rel=author */
    ROLE_TITLE,
    ROLE_BASE,
    ROLE_H1,
    ROLE_TIME,
    ROLE_CONTAINER, /* can hold a visible "By ..." line */
    ROLE_WRAPPER,   /* never a byline itself: html, body, article, img */
} element_role;

static const struct {
    const char *name;
    element_role role;
} element_roles[] = {
    {"meta", ROLE_META},        {"link", ROLE_LINK},         {"a", ROLE_LINK},
    {"title", ROLE_TITLE},      {"base", ROLE_BASE},         {"h1", ROLE_H1},
    {"time", ROLE_TIME},        {"p", ROLE_CONTAINER},       {"div", ROLE_CONTAINER},
    {"span", ROLE_CONTAINER},   {"address", ROLE_CONTAINER}, {"li", ROLE_CONTAINER},
    {"td", ROLE_CONTAINER},     {"header", ROLE_CONTAINER},  {"small", ROLE_CONTAINER},
    {"strong", ROLE_CONTAINER}, {"b", ROLE_CONTAINER},       {"em", ROLE_CONTAINER},
    {"h3", ROLE_CONTAINER},     {"h4", ROLE_CONTAINER},      {"h5", ROLE_CONTAINER},
    {"h6", ROLE_CONTAINER},     {"section", ROLE_CONTAINER}, {"font", ROLE_CONTAINER},
    {"i", ROLE_CONTAINER},      {"html", ROLE_WRAPPER},      {"body", ROLE_WRAPPER},
    {"article", ROLE_WRAPPER},  {"img", ROLE_WRAPPER},
};

/* The entries of element_roles by first letter, in table order: an element
 * is compared only with the names that open as its own does. Built once by
 * meta_init(). */
typedef struct {
    size_t n;
    unsigned char entries[COUNT(element_roles)];
} role_bucket;
static role_bucket roles_by_letter[26];

static void roles_index_build(void) {
    for (size_t i = 0; i < COUNT(element_roles); i++) {
        unsigned char c = (unsigned char)element_roles[i].name[0];
        if (c >= 'a' && c <= 'z') {
            role_bucket *b = &roles_by_letter[c - 'a'];
            b->entries[b->n++] = (unsigned char)i;
        }
    }
}

static element_role role_of(const xmlNode *n) {
    const char *name = (const char *)n->name;
    if (!name || name[0] < 'a' || name[0] > 'z')
        return ROLE_OTHER; /* every name of the table is lower-case ASCII */
    const role_bucket *bucket = &roles_by_letter[name[0] - 'a'];
    for (size_t k = 0; k < bucket->n; k++) {
        size_t i = bucket->entries[k];
        if (!strcmp(element_roles[i].name, name))
            return element_roles[i].role;
    }
    return ROLE_OTHER;
}

/* The set of ASCII letters a-z in a string, one bit each: a word can only
 * occur in a value holding all of its letters. */
static uint32_t letter_bit(unsigned char c) {
    return c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 0;
}

/* An attribute value lower-cased once for the word tests below; values too
 * long for the buffer are searched in place, case-insensitively. */
typedef struct {
    const char *value; /* as in the DOM, or NULL */
    const char *lower; /* lower-case copy in buf, or NULL when too long */
    uint32_t letters;  /* letter_bit() of every byte of lower */
    char buf[FOLDED_VALUE_MAX];
} folded_value;

/* Every byte lower-cased (ASCII) and its letter_bit(), looked up in one
 * step per byte of the values folded; built by meta_init(). */
static unsigned char fold_lower[256];
static uint32_t fold_bits[256];

static void fold_tables_build(void) {
    for (unsigned c = 0; c < 256; c++) {
        unsigned char l =
            c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : (unsigned char)c;
        fold_lower[c] = l;
        fold_bits[c] = letter_bit(l);
    }
}

static void fold_value(folded_value *f, const char *v) {
    f->value = v;
    f->lower = NULL;
    f->letters = 0;
    if (!v)
        return;
    size_t i = 0;
    uint32_t letters = 0;
    for (; v[i] && i + 1 < sizeof f->buf; i++) {
        unsigned char c = (unsigned char)v[i];
        f->buf[i] = (char)fold_lower[c];
        letters |= fold_bits[c];
    }
    f->letters = letters;
    if (v[i])
        return;
    f->buf[i] = '\0';
    f->lower = f->buf;
}

/* Lower-case ASCII words looked for in attribute values, with their letters. */
typedef struct {
    const char *const *words;
    size_t count;
    uint32_t letters[MARKER_WORDS_MAX];
} word_set;

static void word_set_init(word_set *ws, const char *const *words, size_t count) {
    ws->words = words;
    ws->count = count < MARKER_WORDS_MAX ? count : MARKER_WORDS_MAX;
    for (size_t i = 0; i < ws->count; i++) {
        ws->letters[i] = 0;
        for (const char *p = words[i]; *p; p++)
            ws->letters[i] |= letter_bit((unsigned char)*p);
    }
}

/* The marker and date-class lists as word sets, derived once by
 * meta_init(); the scan tests them on values it folded once per element. */
static word_set markers, vetoes, itemprop_authors, asides, titled_dates, text_dates;
static pthread_once_t word_sets_once = PTHREAD_ONCE_INIT;

static void word_sets_build(void) {
    word_set_init(&markers, byline_markers, COUNT(byline_markers));
    word_set_init(&vetoes, byline_vetoes, COUNT(byline_vetoes));
    word_set_init(&itemprop_authors, itemprop_author_words, COUNT(itemprop_author_words));
    word_set_init(&asides, aside_markers, COUNT(aside_markers));
    word_set_init(&titled_dates, titled_date_classes, COUNT(titled_date_classes));
    roles_index_build();
    fold_tables_build();
    word_set_init(&text_dates, text_date_classes, COUNT(text_date_classes));
}

void meta_init(void) {
    pthread_once(&word_sets_once, word_sets_build);
    meta_lang_init();
}

/* True when the value contains word (lower-case ASCII, with these letters),
 * ignoring case. */
static bool has_substr(const folded_value *f, const char *word, uint32_t letters) {
    if (!f->value)
        return false;
    if (!f->lower)
        return strcasestr(f->value, word) != NULL;
    return (letters & ~f->letters) == 0 && strstr(f->lower, word) != NULL;
}

/* True when the value contains one of the words (case-insensitive). */
static bool has_word(const folded_value *f, const word_set *ws) {
    for (size_t i = 0; f->value && i < ws->count; i++)
        if (has_substr(f, ws->words[i], ws->letters[i]))
            return true;
    return false;
}

/* Characters pages put between the words of a meta name in no fixed way:
 * "last-modified", "last_modified" and "lastmodified" are one name. The
 * namespace separators ':' and '.' are kept: "dc:title" (RDFa) and
 * "DC.title" (HTML meta) are different tags, and a page with both means
 * the first. */
static bool is_key_separator(char c) { return c == '-' || c == '_'; }

/* The bit of the first letter of a meta name's word (separators skipped),
 * lower-cased; every other first byte shares one bit. A name
 * can only match a key whose first letter's bit its words have. */
static uint32_t key_first_bit(const char *word) {
    while (is_key_separator(*word))
        word++;
    unsigned char c = (unsigned char)tolower((unsigned char)*word);
    return c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 1u << 26;
}

static void add_meta(page_scan *s, const char *k, const char *v) {
    if (s->n_metas >= SCAN_MAX_METAS)
        return;
    uint32_t firsts = 0;
    for (const char *p = k; *p;) {
        while (*p == ' ')
            p++;
        if (*p)
            firsts |= key_first_bit(p);
        p += strcspn(p, " ");
    }
    s->metas[s->n_metas++] = (meta_pair){k, v, firsts, date_name_role(k)};
}

static void scan_meta(page_scan *s, xmlNode *n) {
    const char *k = dom_attr(n, "property");
    if (!k)
        k = dom_attr(n, "name");
    if (!k)
        k = dom_attr(n, "itemprop");
    if (!k)
        k = dom_attr(n, "http-equiv");
    const char *v = dom_attr(n, "content");
    if (!v)
        v = dom_attr(n, "value");
    if (!v) /* <meta itemprop="dateModified" datetime="..."> */
        v = dom_attr(n, "datetime");
    if (k && v && *v)
        add_meta(s, k, v);
}

static void scan_link(page_scan *s, xmlNode *n, size_t order) {
    const char *rel = dom_attr(n, "rel");
    if (!rel)
        return;
    if (!strcasecmp(rel, "canonical") && !s->canonical && dom_attr(n, "href"))
        s->canonical = n;
    else if (!strcasecmp(rel, "author") && dom_is(n, "a"))
        add_candidate(s, s->rel_author, &s->n_rel_author, n, order);
    else if (!strcasecmp(rel, "image_src") && dom_attr(n, "href") &&
             s->n_metas < SCAN_MAX_METAS)
        add_meta(s, "image_src", dom_attr(n, "href"));
}

/* The attributes every element is looked at for, read in one walk. */
enum {
    SCAN_ATTR_ITEMPROP,
    SCAN_ATTR_CLASS,
    SCAN_ATTR_ID,
    SCAN_ATTR_TESTID,    /* data-testid="AuthorURL": test hooks name the part */
    SCAN_ATTR_COMPONENT, /* data-component="Byline" */
    SCAN_ATTR_TITLE,     /* <abbr class="published" title="2016-11-12"> */
    SCAN_ATTR_COUNT
};
static const char *const scan_attr_names[SCAN_ATTR_COUNT] = {
    "itemprop", "class", "id", "data-testid", "data-component", "title"};

/* Longest text such an element may hold ("Published on 12 November 2016,
 * 10:35 am"); a longer one is a paragraph about publishing. */
#define DATE_ELEMENT_TEXT_MAX 48

/* fc: the folded class; title: the element's title attribute. */
static bool is_titled_date(const folded_value *fc, const char *title) {
    return fc->value && title && has_word(fc, &titled_dates);
}

/* The text of n when it is short enough to be only a date, else NULL. */
static char *short_date_text(lede_arena *a, const xmlNode *n) {
    char *t = dom_text(a, n, DATE_ELEMENT_TEXT_MAX + 1);
    return t && *t && strlen(t) <= DATE_ELEMENT_TEXT_MAX ? t : NULL;
}

/* True when a <time> lies under n (looking at a bounded number of nodes): it
 * is a candidate of its own, with the machine-readable value. */
static bool holds_time(xmlNode *n) {
    size_t budget = FIRST_TEXT_MAX_NODES;
    for (xmlNode *c = n->children ? n : NULL; c && budget--; c = dom_next(n, c, false))
        if (c != n && c->type == XML_ELEMENT_NODE && dom_is(c, "time"))
            return true;
    return false;
}

static bool is_text_date(lede_arena *a, xmlNode *n, const folded_value *fc,
                         const char *title) {
    return fc->value && !title && has_word(fc, &text_dates) && !holds_time(n) &&
           short_date_text(a, n);
}

/* A visible date line: a short text ("Published 3 June 2021", "Datum:
 * 10.11.2017") that stands on a line of its own, the last resort for pages
 * that date themselves nowhere else. Longest line, in bytes. */
#define DATE_LINE_MAX 64
/* Shortest run of digits that can be a date's year; a line without one is
 * not parsed at all (relative dates, "5 min read") unless it opens with a
 * date label, after which a two-digit year is read ("Stand: 1.4.18"). */
#define DATE_LINE_YEAR_DIGITS 4

/* Elements that continue a line of text rather than start one. */
static const char *const inline_elements[] = {
    "a",    "abbr",  "b",    "cite",   "em",  "font", "i",    "label",
    "mark", "small", "span", "strong", "sub", "sup",  "time", "u"};
/* Elements whose text is never the page's date line: headings name the
 * story (a date there is its subject: "Weekly Edition for March 26"),
 * links name other pages, <option> and <title> are no visible lines. */
static const char *const no_date_line_elements[] = {"a",  "h1",    "h2",     "h3",
                                                    "h4", "title", "option", "textarea"};

static bool is_one_of(const xmlNode *n, const char *const *names, size_t count) {
    for (size_t i = 0; n && i < count; i++)
        if (dom_is(n, names[i]))
            return true;
    return false;
}

static bool has_digit_run(const char *t, size_t run) {
    size_t k = 0;
    for (; *t && k < run; t++)
        k = isdigit((unsigned char)*t) ? k + 1 : 0;
    return k >= run;
}

/* True when text node t stands on a line of its own: <br> (or nothing) on
 * both sides, or the nearest block element around it holds no more text
 * than a date line ("<div><span>By X</span> <span>June 3, 2021</span></div>",
 * never "<p>On <b>June 3, 2021</b>, the council ...</p>"). */
static bool on_own_line(lede_arena *a, xmlNode *t) {
    const xmlNode *prev = t->prev, *next = t->next;
    if ((!prev || dom_is(prev, "br")) && (!next || dom_is(next, "br")) && (prev || next))
        return true;
    xmlNode *block = t->parent;
    while (block && block->type == XML_ELEMENT_NODE &&
           is_one_of(block, inline_elements, COUNT(inline_elements)))
        block = block->parent;
    if (!block || block->type != XML_ELEMENT_NODE)
        return false;
    char *text = dom_text(a, block, DATE_LINE_MAX + 1);
    return text && strlen(text) <= DATE_LINE_MAX;
}

static void scan_date_line(page_scan *s, lede_arena *a, xmlNode *t, size_t order) {
    const char *text = (const char *)t->content;
    if (!text || strnlen(text, DATE_LINE_MAX + 1) > DATE_LINE_MAX)
        return;
    /* The first digit first: most text nodes hold none and are no date
     * line, whatever label they open with. */
    const char *digit = strpbrk(text, "0123456789");
    if (!digit ||
        !(has_digit_run(digit, DATE_LINE_YEAR_DIGITS) || meta_date_label_at(text)))
        return;
    for (xmlNode *p = t->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (is_one_of(p, no_date_line_elements, COUNT(no_date_line_elements)))
            return;
    if (on_own_line(a, t))
        add_candidate(s, s->date_lines, &s->n_date_lines, t, order);
}

/* An <img> whose address holds a date (/2019/05/05/, /2019-05-05/). */
static void scan_image(page_scan *s, xmlNode *n, size_t order) {
    char buf[META_DATE_MAX];
    if (meta_date_from_url(dom_attr(n, "src"), 0, buf))
        add_candidate(s, s->dated_images, &s->n_dated_images, n, order);
}

/* One walk over the document collecting every metadata source, JSON-LD
 * scripts into `jsonld`. */
static void scan_page(page_scan *s, xmlNode *root, json_t *jsonld, lede_arena *a) {
    size_t order = 0;
    xmlNode *n = root;
    while (n) {
        bool skip = false;
        if (n->type == XML_ELEMENT_NODE) {
            order++;
            element_role role = role_of(n);
            const char *attrs[SCAN_ATTR_COUNT];
            dom_attrs(n, scan_attr_names, attrs, SCAN_ATTR_COUNT);
            const char *itemprop = attrs[SCAN_ATTR_ITEMPROP];
            if (role == ROLE_META)
                scan_meta(s, n);
            else if (role == ROLE_LINK)
                scan_link(s, n, order);
            else if (role == ROLE_TITLE && !s->title)
                s->title = n;
            else if (role == ROLE_BASE && !s->base && dom_attr(n, "href"))
                s->base = n;
            else if (role == ROLE_H1 && !s->first_h1)
                s->first_h1 = n, s->h1_order = order;
            else if (role == ROLE_TIME && (dom_attr(n, "datetime") || n->children))
                add_candidate(s, s->times, &s->n_times, n, order);
            else if (role == ROLE_WRAPPER && dom_is(n, "img"))
                scan_image(s, n, order);
            const char *cls = attrs[SCAN_ATTR_CLASS], *id = attrs[SCAN_ATTR_ID];
            const char *title = attrs[SCAN_ATTR_TITLE];
            /* The class, folded once for the date and the byline tests. */
            folded_value fc;
            fold_value(&fc, role != ROLE_META && role != ROLE_WRAPPER ? cls : NULL);
            if (role != ROLE_TIME && fc.value &&
                (is_titled_date(&fc, title) || is_text_date(a, n, &fc, title)))
                add_candidate(s, s->times, &s->n_times, n, order);
            if (itemprop && role != ROLE_META) {
                folded_value f;
                fold_value(&f, itemprop);
                if (has_word(&f, &itemprop_authors))
                    add_candidate(s, s->rel_author, &s->n_rel_author, n, order);
                else if (date_name_role(itemprop) != DATE_ROLE_NONE)
                    add_candidate(s, s->itemprop_dates, &s->n_itemprop_dates, n, order);
            }
            const char *hook = attrs[SCAN_ATTR_TESTID] ? attrs[SCAN_ATTR_TESTID]
                                                       : attrs[SCAN_ATTR_COMPONENT];
            bool marked = false;
            if (role != ROLE_META && role != ROLE_WRAPPER && (cls || id || hook)) {
                folded_value fi, fh;
                fold_value(&fi, id);
                fold_value(&fh, hook);
                marked = (has_word(&fc, &markers) || has_word(&fi, &markers) ||
                          has_word(&fh, &markers)) &&
                         !has_word(&fc, &vetoes) && !has_word(&fh, &vetoes);
            }
            /* <author>: a CMS's own element for the credit. */
            if (marked || (role == ROLE_OTHER && dom_is(n, "author")))
                add_candidate(s, s->byline_class, &s->n_byline_class, n, order);
            if (role == ROLE_CONTAINER && meta_byline_prefixed(first_text(n)))
                add_candidate(s, s->by_line, &s->n_by_line, n, order);
            /* Elements with a role are never script, style or the like. A
             * skipped element (noscript, template, svg...) may still hold
             * JSON-LD. */
            skip = role == ROLE_OTHER && dom_is_non_text(n) && !dom_is(n, "head");
            if (skip)
                meta_jsonld_scripts_under(jsonld, a, n);
        } else if (n->type == XML_TEXT_NODE) {
            scan_date_line(s, a, n, order);
        }
        n = dom_next(root, n, skip);
    }
}

/* True when the w bytes at p spell key, ignoring case and separators. */
static bool key_word_equal(const char *p, size_t w, const char *key) {
    const char *end = p + w;
    for (;;) {
        while (p < end && is_key_separator(*p))
            p++;
        while (*key && is_key_separator(*key))
            key++;
        if (p == end || !*key)
            return p == end && !*key;
        if (tolower((unsigned char)*p) != tolower((unsigned char)*key))
            return false;
        p++, key++;
    }
}

/* True when the meta key (possibly several, space-separated: "dc:title
 * og:title") names key. */
static bool key_matches(const char *keys, const char *key) {
    const char *k = key;
    while (is_key_separator(*k))
        k++;
    int first = tolower((unsigned char)*k);
    for (const char *p = keys; *p;) {
        while (*p == ' ')
            p++;
        /* A word whose first letter differs is passed by unread: most meta
         * names are not the one asked for. */
        const char *q = p;
        while (is_key_separator(*q))
            q++;
        if (*q && *q != ' ' && tolower((unsigned char)*q) != first) {
            const char *space = strchr(q, ' ');
            if (!space)
                return false;
            p = space;
            continue;
        }
        size_t w = strcspn(p, " ");
        if (w && key_word_equal(p, w, key))
            return true;
        p += w;
    }
    return false;
}

/* True when the meta tag m is named key: its words' first letters first. */
static bool meta_is(const meta_pair *m, const char *key) {
    return (m->firsts & key_first_bit(key)) && key_matches(m->key, key);
}

/* The value of the first meta tag named key, or NULL. */
static const char *meta_get(const page_scan *s, const char *key) {
    uint32_t bit = key_first_bit(key);
    for (size_t i = 0; i < s->n_metas; i++)
        if ((s->metas[i].firsts & bit) && key_matches(s->metas[i].key, key))
            return s->metas[i].value;
    return NULL;
}

/* ------------------------------------------------------------ helpers */

/* True when s holds a letter or digit (any non-ASCII byte counts): a title
 * or byline of punctuation alone is no value. */
static bool has_letters(const char *s) {
    for (; s && *s; s++)
        if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)
            return true;
    return false;
}

/* The cleaned value of the first key of keys that has one; *which names it. */
static char *first_meta(lede_job *job, const page_scan *s, const char *const *keys,
                        size_t n, const char **which) {
    for (size_t i = 0; i < n; i++) {
        char *v = meta_clean(job->arena, meta_get(s, keys[i]));
        if (v && has_letters(v)) {
            if (which)
                *which = keys[i];
            return v;
        }
    }
    return NULL;
}

/* The sources that agree on one field's value, winner first. */
#define SOURCES_MAX 24
typedef struct {
    const char *names[SOURCES_MAX];
    size_t n;
} source_list;

static void sources_add(source_list *l, const char *name) {
    if (!name)
        return;
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->names[i], name))
            return;
    if (l->n < SOURCES_MAX)
        l->names[l->n++] = name;
}

/* "json-ld,og:title,h1", or NULL for an empty list. */
static const char *sources_join(lede_job *job, const source_list *l) {
    if (!l->n)
        return NULL;
    strbuf b;
    strbuf_init(&b, job->arena, 512);
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            strbuf_puts(&b, ",");
        strbuf_puts(&b, l->names[i]);
    }
    return arena_strndup(job->arena, strbuf_peek(&b), b.len);
}

/* Remembers a headline candidate for the agreement check. */
static void head_candidate(lede_job *job, const char *value, const char *source) {
    if (value && has_letters(value) && job->n_head < LEDE_HEAD_CANDIDATES_MAX) {
        job->head_values[job->n_head] = value;
        job->head_sources[job->n_head++] = source;
    }
}

static char *node_text(lede_job *job, const xmlNode *n, size_t cap) {
    char *t = dom_text(job->arena, n, cap);
    return t ? meta_clean(job->arena, t) : NULL;
}

/* The page's base for relative URLs: <base href> resolved against the URL. */
static const char *page_base(lede_job *job, const page_scan *s) {
    const char *url = job->res->url;
    if (s->base) {
        char *b = meta_url_resolve(job->arena, url, dom_attr(s->base, "href"));
        if (b)
            return b;
    }
    return url;
}

/* The k-th candidate in the order we trust them: those after the first <h1>
 * (in document order), then those before it. */
static const candidate *nth_after_h1(const page_scan *s, const candidate *list, size_t n,
                                     size_t k) {
    size_t first_after = 0;
    while (first_after < n && s->first_h1 && list[first_after].order < s->h1_order)
        first_after++;
    if (first_after == n)
        first_after = 0;
    return k < n ? &list[(first_after + k) % n] : NULL;
}

/* ------------------------------------------------------------ fields */

static void set_headline(lede_job *job, const page_scan *s, json_t *article) {
    lede_result *res = job->res;
    lede_arena *a = job->arena;
    const char *host =
        meta_url_host(a, res->canonical_url ? res->canonical_url : res->url);
    char *v = NULL;
    head_candidate(job, meta_clean(a, meta_jsonld_headline(article)), "json-ld");
    for (size_t i = 0; i < COUNT(headline_keys); i++)
        head_candidate(job, meta_clean(a, meta_get(s, headline_keys[i])),
                       headline_keys[i]);
    if (s->title)
        head_candidate(job, node_text(job, s->title, META_FIELD_MAX), "title");
    if ((v = meta_clean(a, meta_jsonld_headline(article))) && has_letters(v))
        res->provenance.headline = "json-ld";
    else
        v = NULL;
    const char *which = NULL;
    if (!v && (v = first_meta(job, s, headline_keys, COUNT(headline_keys), &which)))
        res->provenance.headline = which;
    if (v) {
        v = meta_title_cut_site(a, v, res->site_name);
        if (host && !strcmp(v, meta_title_cut_site(a, v, host)))
            v = meta_title_cut_site(a, v, host);
        res->headline = v;
        return;
    }
    char *title = s->title ? node_text(job, s->title, META_FIELD_MAX) : NULL;
    if (title && has_letters(title)) {
        char *cut = meta_title_cut_site(a, title, res->site_name);
        if (!strcmp(cut, title) && host)
            cut = meta_title_cut_site(a, title, host);
        if (!strcmp(cut, title))
            cut = meta_title_cut(a, title, NULL);
        res->headline = cut;
        res->provenance.headline = "title";
    }
}

static void set_site(lede_job *job, const page_scan *s, json_t *article) {
    lede_result *res = job->res;
    const char *which = NULL;
    char *v = first_meta(job, s, site_keys, 1, &which);
    if (!v) {
        json_t *pub = json_object_get(article, "publisher");
        if (json_is_object(pub) && !json_object_get(pub, "name"))
            pub = meta_jsonld_by_id(job->jsonld,
                                    json_string_value(json_object_get(pub, "@id")));
        if ((v = meta_clean(job->arena, meta_jsonld_str(pub, "name"))))
            which = "json-ld";
    }
    if (!v)
        v = first_meta(job, s, site_keys + 1, COUNT(site_keys) - 1, &which);
    if (!v && (v = meta_url_site(job->arena, res->url ? res->url : res->canonical_url)))
        which = "url";
    res->site_name = v;
    res->provenance.site_name = v ? which : NULL;
}

static void set_urls(lede_job *job, const page_scan *s, json_t *article) {
    lede_result *res = job->res;
    const char *base = page_base(job, s);
    char *v = NULL;
    if (s->canonical &&
        (v = meta_url_resolve(job->arena, base, dom_attr(s->canonical, "href"))))
        res->provenance.canonical_url = "link:canonical";
    else if ((v = meta_url_resolve(job->arena, base, meta_get(s, "og:url"))))
        res->provenance.canonical_url = "og:url";
    res->canonical_url = v;

    const char *which = NULL;
    v = NULL;
    for (size_t i = 0; i < COUNT(image_keys) && !v; i++)
        if ((v = meta_url_resolve(job->arena, base, meta_get(s, image_keys[i]))))
            which = image_keys[i];
    if (!v) {
        json_t *img = json_object_get(article, "image");
        if (json_is_array(img))
            img = json_array_get(img, 0);
        const char *u = json_is_string(img)
                            ? json_string_value(img)
                            : json_string_value(json_object_get(img, "url"));
        if ((v = meta_url_resolve(job->arena, base, u)))
            which = "json-ld";
    }
    if (!v && (v = meta_url_resolve(job->arena, base, meta_get(s, "image_src"))))
        which = "link:image_src";
    res->image = v;
    res->provenance.image = v ? which : NULL;
}

static void set_text_fields(lede_job *job, const page_scan *s, json_t *article) {
    lede_result *res = job->res;
    const char *which = NULL;
    char *v = first_meta(job, s, description_keys, COUNT(description_keys), &which);
    if (!v && (v = meta_clean(job->arena, meta_jsonld_str(article, "description"))))
        which = "json-ld";
    res->description = v;
    res->provenance.description = v ? which : NULL;

    v = first_meta(job, s, section_keys, 1, NULL);
    if (!v)
        v = meta_clean(job->arena, meta_jsonld_str(article, "articleSection"));
    if (!v)
        v = first_meta(job, s, section_keys + 1, COUNT(section_keys) - 1, NULL);
    res->section = v;
}

/* Adds the comma-separated tags in v to res->tags, without duplicates. */
static void add_tags(lede_job *job, const char *v) {
    lede_result *res = job->res;
    char *all = meta_clean(job->arena, v);
    for (char *p = all; p && *p && res->n_tags < META_MAX_TAGS;) {
        size_t n = strcspn(p, ",;");
        char *t = meta_clean(job->arena, arena_strndup(job->arena, p, n));
        bool dup = !t;
        for (size_t i = 0; !dup && i < res->n_tags; i++)
            dup = !strcasecmp(res->tags[i], t);
        if (!dup)
            res->tags[res->n_tags++] = t;
        p += n;
        if (*p)
            p++;
    }
}

static void set_tags(lede_job *job, const page_scan *s, json_t *article) {
    lede_result *res = job->res;
    res->tags = arena_calloc(job->arena, META_MAX_TAGS, sizeof *res->tags);
    if (!res->tags)
        return;
    for (size_t i = 0; i < s->n_metas; i++)
        if (meta_is(&s->metas[i], "article:tag"))
            add_tags(job, s->metas[i].value);
    json_t *kw = json_object_get(article, "keywords");
    if (json_is_string(kw))
        add_tags(job, json_string_value(kw));
    size_t i;
    json_t *one;
    json_array_foreach(kw, i, one) {
        if (json_is_string(one))
            add_tags(job, json_string_value(one));
    }
    for (size_t k = 1; !res->n_tags && k < COUNT(tag_keys); k++)
        add_tags(job, meta_get(s, tag_keys[k]));
}

static void set_language(lede_job *job, const page_scan *s, xmlNode *root,
                         json_t *article) {
    lede_result *res = job->res;
    char *v = meta_lang_normalise(job->arena, dom_attr(root, "lang"));
    if (!v)
        v = meta_lang_normalise(job->arena, dom_attr(root, "xml:lang"));
    if (v) {
        res->language = v;
        res->provenance.language = "html-lang";
        return;
    }
    for (size_t i = 0; i < COUNT(language_keys); i++)
        if ((v = meta_lang_normalise(job->arena, meta_get(s, language_keys[i])))) {
            res->language = v;
            res->provenance.language = language_keys[i];
            return;
        }
    if ((v = meta_lang_normalise(job->arena, meta_jsonld_str(article, "inLanguage")))) {
        res->language = v;
        res->provenance.language = "json-ld";
    }
}

/* ------------------------------------------------------------ dates */

/* Whether the page's region writes numeric dates month first: its
 * <html lang>, og:locale or Content-Language names one ("en-US"). */
static bool page_month_first(const page_scan *s, xmlNode *root) {
    return meta_region_month_first(dom_attr(root, "lang")) ||
           meta_region_month_first(meta_get(s, "og:locale")) ||
           meta_region_month_first(meta_get(s, "content-language"));
}

/* Parses the value of a date source (a meta tag, JSON-LD, a <time>) into
 * *out; month_first as page_month_first() says. */
static bool date_from(lede_job *job, bool month_first, const char *text,
                      const char **out) {
    char buf[META_DATE_MAX];
    if (!text || !meta_date_parse_field(text, job->now, month_first, buf))
        return false;
    *out = arena_strdup(job->arena, buf);
    return *out != NULL;
}

/* Like date_from() for free text (a byline line), where a two-digit year is
 * not read. */
static bool date_from_text(lede_job *job, bool month_first, const char *text,
                           const char **out) {
    char buf[META_DATE_MAX];
    if (!text || !meta_date_parse(text, job->now, month_first, buf))
        return false;
    *out = arena_strdup(job->arena, buf);
    return *out != NULL;
}

/* A date-bearing element's value: datetime, content, a title that reads as a
 * date ("12th December 2018" on a date badge), or its text. */
static const char *element_date_text(lede_job *job, xmlNode *n) {
    const char *v = dom_attr(n, "datetime");
    if (!v)
        v = dom_attr(n, "content");
    const char *title = v ? NULL : dom_attr(n, "title");
    char probe[META_DATE_MAX];
    if (title && meta_date_parse(title, job->now, false, probe))
        v = title;
    if (!v)
        v = dom_text(job->arena, n, BYLINE_TEXT_MAX);
    return v;
}

/* A date candidate's value: a <time>'s as element_date_text() reads it, a
 * microformat element's title alone when it has one (its text is then a
 * label: "Sunday"), else its short text. */
static const char *time_text(lede_job *job, xmlNode *n) {
    if (dom_is(n, "time"))
        return element_date_text(job, n);
    const char *title = dom_attr(n, "title");
    return title ? title : short_date_text(job->arena, n);
}

/* Class words of a date element that shows the last change, not the
 * publication: <time class="updated">, "date-modified". */
static const char *const update_classes[] = {"updat", "modif"};

static bool marks_update(const xmlNode *n) {
    const char *cls = dom_attr(n, "class");
    /* "entry-date published updated": the one date is both */
    if (!cls || strcasestr(cls, "publish"))
        return false;
    for (size_t i = 0; i < COUNT(update_classes); i++)
        if (strcasestr(cls, update_classes[i]))
            return true;
    return false;
}

/* Calendar day of an ISO 8601 date ("2024-03-05T18:20:00+09:00" ->
 * "2024-03-05"), as the page wrote it: comparing days, not instants, keeps a
 * page's time-zone slips (a modified time stamped in UTC, a published time in
 * local time) from looking like an inconsistency. */
static bool iso_day(const char *iso, char day[11]) {
    if (!iso || strlen(iso) < 10 || iso[4] != '-' || iso[7] != '-')
        return false;
    memcpy(day, iso, 10);
    day[10] = '\0';
    return true;
}

/* Date sources come in families that do not check each other: the meta
 * tags of one page are written by one template (og:published_time and
 * article:published_time say the same thing once), its JSON-LD by another.
 * Agreement counts between families only. */
typedef enum {
    DATE_FAMILY_JSONLD,
    DATE_FAMILY_META,
    DATE_FAMILY_MICRODATA, /* itemprop */
    DATE_FAMILY_TIME,      /* <time> and microformat elements */
    DATE_FAMILY_BYLINE,    /* a date written next to the byline */
    DATE_FAMILY_URL,
    DATE_FAMILY_LINE, /* a visible date line ("Updated 3 June 2021") */
    DATE_FAMILY_COUNT
} date_family;

/* A source that names the publication date outright (datePublished,
 * article:published_time, <time pubdate>) weighs more than one that implies
 * it (dateCreated, the first <time> after the headline, the byline's date,
 * the URL). */
#define DATE_WEIGHT_EXPLICIT 3
#define DATE_WEIGHT_IMPLIED 2
/* Most publication-date candidates kept from one page. */
#define DATE_CANDIDATES_MAX 48

typedef struct {
    const char *value, *source; /* ISO 8601; provenance name */
    date_family family;
    int weight;
} date_candidate;

/* In the order the sources are trusted when nothing else decides. */
typedef struct {
    date_candidate c[DATE_CANDIDATES_MAX];
    size_t n;
} date_candidates;

static void candidate_add(lede_job *job, date_candidates *l, bool mf, const char *text,
                          const char *source, date_family family, int weight) {
    const char *iso = NULL;
    if (l->n < DATE_CANDIDATES_MAX && date_from(job, mf, text, &iso))
        l->c[l->n++] = (date_candidate){iso, source, family, weight};
}

/* Two dates agree when they fall on the same day as written, or name the
 * same instant in different zones ("2017-02-23T17:18:13-08:00" and
 * "2017-02-24T01:18:13Z"). */
static bool dates_agree(const char *a, const char *b) {
    char da[11], db[11];
    int64_t ta, tb;
    if (iso_day(a, da) && iso_day(b, db) && !strcmp(da, db))
        return true;
    return meta_date_instant(a, &ta) && meta_date_instant(b, &tb) && ta == tb;
}

/* The evidence for candidate k: per family, the weight of its best member
 * agreeing with k, summed; `extra` (a modified date taken as a bound, or
 * nothing) joins as one more member. */
static int candidate_score(const date_candidates *l, size_t k,
                           const date_candidate *extra) {
    int best[DATE_FAMILY_COUNT] = {0};
    for (size_t i = 0; i < l->n; i++)
        if (dates_agree(l->c[i].value, l->c[k].value) &&
            l->c[i].weight > best[l->c[i].family])
            best[l->c[i].family] = l->c[i].weight;
    if (extra && extra->weight > best[extra->family])
        best[extra->family] = extra->weight;
    int sum = 0;
    for (size_t f = 0; f < DATE_FAMILY_COUNT; f++)
        sum += best[f];
    return sum;
}

/* The best-supported candidate whose day is not after `bound` (NULL: any);
 * ties go to the more trusted source. Returns the index or l->n; *score is
 * its evidence. */
static size_t candidate_best(const date_candidates *l, const char *bound,
                             const date_candidate *extra, int *score) {
    size_t best = l->n;
    *score = 0;
    char day[11];
    for (size_t k = 0; k < l->n; k++) {
        if (bound && (!iso_day(l->c[k].value, day) || strncmp(day, bound, 10) > 0))
            continue;
        int sc = candidate_score(l, k, extra);
        if (sc > *score)
            best = k, *score = sc;
    }
    return best;
}

/* Length of "YYYY-MM-DDTHH:MM:SS": what follows in a date of ours is its zone. */
#define ISO_ZONE_AT 19

/* A modified time before the published time of the same day, both written
 * in the same zone, cannot be a slip between local time and UTC: the
 * modified value is wrong as written (a 12-hour clock without its "PM"), so
 * it goes (warning "modified_before_published"). Days were compared before,
 * in choose_published(); different zones are left alone. */
static void modified_not_before_published(lede_job *job) {
    lede_result *res = job->res;
    const char *pub = res->published, *mod = res->modified;
    int64_t tp, tm;
    if (!pub || !mod || strlen(pub) <= ISO_ZONE_AT || strlen(mod) <= ISO_ZONE_AT ||
        strcmp(pub + ISO_ZONE_AT, mod + ISO_ZONE_AT) || !meta_date_instant(pub, &tp) ||
        !meta_date_instant(mod, &tm) || tm >= tp)
        return;
    res->modified = NULL;
    res->provenance.modified = NULL;
    job_warn(job, "modified_before_published");
}

/* The publication date: the candidate with the most evidence. The page's
 * newest date, its modified date, bounds it: nothing is published after its
 * last change. When the best candidate falls on a later day than the
 * modified date, one of the two is wrong, and the evidence decides: the
 * best candidate not after the modified date, with the modified date's own
 * source joining its evidence, against the best candidate alone. When the
 * first wins, both dates stand; otherwise the modified date is dropped
 * (warning "modified_before_published"). Dates after the fetch time never
 * get here: meta_date_parse() refuses them. */
static void choose_published(lede_job *job, const date_candidates *l,
                             const date_candidate *mod) {
    lede_result *res = job->res;
    int score = 0, bounded = 0;
    size_t k = candidate_best(l, NULL, NULL, &score);
    if (k == l->n)
        return;
    char pub[11], mday[11];
    if (mod && iso_day(l->c[k].value, pub) && iso_day(mod->value, mday) &&
        strcmp(pub, mday) > 0) {
        size_t b = candidate_best(l, mday, mod, &bounded);
        if (b < l->n && bounded > score) {
            k = b;
        } else {
            res->modified = NULL;
            res->provenance.modified = NULL;
            job_warn(job, "modified_before_published");
        }
    }
    res->published = l->c[k].value;
    res->provenance.published = l->c[k].source;
}

/* provenance.published_sources: the winner, then every candidate and every
 * <time> on the page that agrees with it (dates_agree(): the same day, or
 * the same instant in another zone). */
static void published_sources(lede_job *job, const page_scan *s, bool mf,
                              const date_candidates *pub) {
    lede_result *res = job->res;
    if (!res->published)
        return;
    source_list l = {0};
    sources_add(&l, res->provenance.published);
    for (size_t i = 0; i < pub->n; i++)
        if (dates_agree(pub->c[i].value, res->published))
            sources_add(&l, pub->c[i].source);
    for (size_t i = 0; i < s->n_times; i++) {
        const char *d = NULL;
        if (date_from(job, mf, time_text(job, s->times[i].node), &d) &&
            dates_agree(d, res->published))
            sources_add(&l, "time");
    }
    res->provenance.published_sources = sources_join(job, &l);
}

/* A meta name, lower-cased, as provenance writes it. */
static const char *lower_name(lede_job *job, const char *key) {
    char *name = arena_strdup(job->arena, key);
    for (char *c = name; c && *c; c++)
        *c = (char)tolower((unsigned char)*c);
    return name;
}

/* Meta tags the key tables do not list but whose names say they hold the
 * publication date (date_name_role(): "og:original_time",
 * "post-publish-date"): each is a candidate, named as the page writes it. */
static void named_meta_dates(lede_job *job, const page_scan *s, bool mf,
                             date_candidates *pub) {
    for (size_t i = 0; i < s->n_metas; i++)
        if (s->metas[i].role == DATE_ROLE_PUBLISHED)
            candidate_add(job, pub, mf, s->metas[i].value,
                          lower_name(job, s->metas[i].key), DATE_FAMILY_META,
                          DATE_WEIGHT_EXPLICIT);
}

/* The newest date in the addresses of the page's images: the page's own
 * image (og:image) first, else its <img> elements. A page embeds only
 * pictures uploaded before it was put together, so their newest day is the
 * nearest bound on its own date that the page gives. */
static bool image_date(lede_job *job, const page_scan *s, char out[META_DATE_MAX]) {
    if (meta_date_from_url(job->res->image, job->now, out))
        return true;
    bool found = false;
    for (size_t i = 0; i < s->n_dated_images; i++) {
        char buf[META_DATE_MAX];
        if (meta_date_from_url(dom_attr(s->dated_images[i].node, "src"), job->now, buf) &&
            (!found || strcmp(buf, out) > 0)) {
            memcpy(out, buf, META_DATE_MAX);
            found = true;
        }
    }
    return found;
}

/* A date line's date: the first after the <h1> (where the article is),
 * else the first on the page, among the lines that announce the last change
 * ("Updated 3 June 2021", "Stand: 1.4.18") when `update` is set, else among
 * the others. A line opening with a date label may write a two-digit year. */
static bool date_line_date(lede_job *job, const page_scan *s, bool mf, bool update,
                           const char **out) {
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < s->n_date_lines; i++) {
            const candidate *c = &s->date_lines[i];
            if (pass == 0 && (!s->first_h1 || c->order <= s->h1_order))
                continue;
            char *text = meta_clean(job->arena, (const char *)c->node->content);
            char buf[META_DATE_MAX];
            if (text && meta_date_label_is_update(text) == update &&
                meta_date_parse_line(text, job->now, mf, buf)) {
                *out = arena_strdup(job->arena, buf);
                return *out != NULL;
            }
        }
    return false;
}

/* A page that dates only its last change was published that day or
 * before; its one date stands for both, and says so (provenance
 * "modified", warning "published_is_modified"). */
static void published_is_modified(lede_job *job) {
    lede_result *res = job->res;
    if (res->published || !res->modified)
        return;
    res->published = res->modified;
    res->provenance.published = "modified";
    job_warn(job, "published_is_modified");
}

/* The last resorts of a page that dates itself in no metadata, no <time>,
 * byline or URL, weakest last: a date standing on a line of its own (one
 * that does not announce a change), the modified date when a line gave it,
 * a full date in the <title> (the day a report or an edition is of), the
 * newest image upload day. The provenance names which ("date-line",
 * "modified", "title", "image-url"). */
static void weak_dates(lede_job *job, const page_scan *s, bool mf) {
    lede_result *res = job->res;
    char buf[META_DATE_MAX];
    if (date_line_date(job, s, mf, false, &res->published))
        res->provenance.published = "date-line";
    else if (res->modified)
        published_is_modified(job);
    else if (s->title &&
             date_from_text(job, mf, dom_text(job->arena, s->title, META_FIELD_MAX),
                            &res->published))
        res->provenance.published = "title";
    else if (image_date(job, s, buf)) {
        res->published = arena_strdup(job->arena, buf);
        res->provenance.published = "image-url";
    }
}

/* The candidates <time> elements give: each one marked as the publication
 * (pubdate, a "publish" class), then the first unmarked one after the
 * headline (or the last one before it), which stands for the article's
 * date only as weaker evidence. Marked updates are modified dates. */
static void time_candidates(lede_job *job, const page_scan *s, bool mf,
                            date_candidates *pub) {
    for (size_t i = 0; i < s->n_times; i++) {
        xmlNode *n = s->times[i].node;
        const char *cls = dom_attr(n, "class");
        if (!marks_update(n) &&
            (dom_attr(n, "pubdate") || (cls && strcasestr(cls, "publish"))))
            candidate_add(job, pub, mf, time_text(job, n), "time", DATE_FAMILY_TIME,
                          DATE_WEIGHT_EXPLICIT);
    }
    for (size_t i = 0; i < s->n_times; i++) {
        xmlNode *n = s->times[i].node;
        if (marks_update(n) ||
            (s->first_h1 && s->times[i].order < s->h1_order && i + 1 < s->n_times))
            continue;
        size_t before = pub->n;
        candidate_add(job, pub, mf, time_text(job, n), "time", DATE_FAMILY_TIME,
                      DATE_WEIGHT_IMPLIED);
        if (pub->n > before)
            break;
    }
}

/* Every source of the publication date, in the order they are trusted. */
static void published_candidates(lede_job *job, const page_scan *s, json_t *article,
                                 bool mf, xmlNode *byline_node, const char *url,
                                 date_candidates *pub) {
    candidate_add(job, pub, mf, meta_jsonld_str(article, "datePublished"), "json-ld",
                  DATE_FAMILY_JSONLD, DATE_WEIGHT_EXPLICIT);
    candidate_add(job, pub, mf, meta_jsonld_str(article, "dateCreated"), "json-ld",
                  DATE_FAMILY_JSONLD, DATE_WEIGHT_IMPLIED);
    for (size_t i = 0; i < COUNT(published_keys); i++)
        candidate_add(job, pub, mf, meta_get(s, published_keys[i]), published_keys[i],
                      DATE_FAMILY_META, DATE_WEIGHT_EXPLICIT);
    named_meta_dates(job, s, mf, pub);
    for (size_t i = 0; i < s->n_itemprop_dates; i++) {
        xmlNode *n = s->itemprop_dates[i].node;
        if (date_name_role(dom_attr(n, "itemprop")) == DATE_ROLE_PUBLISHED)
            candidate_add(job, pub, mf, element_date_text(job, n), "itemprop",
                          DATE_FAMILY_MICRODATA, DATE_WEIGHT_EXPLICIT);
    }
    time_candidates(job, s, mf, pub);
    /* A date written next to the byline ("Updated: 2021-11-16 19:35"): the
     * byline element, else its parent, unless a <time> there speaks for
     * that date with its own role (<time class="updated">). */
    for (xmlNode *n = byline_node; n; n = n->parent) {
        const char *iso = NULL;
        if (n != byline_node && holds_time(n))
            break;
        if (pub->n < DATE_CANDIDATES_MAX &&
            date_from_text(job, mf, dom_text(job->arena, n, BYLINE_TEXT_MAX), &iso)) {
            pub->c[pub->n++] = (date_candidate){iso, "visible-byline", DATE_FAMILY_BYLINE,
                                                DATE_WEIGHT_IMPLIED};
            break;
        }
        if (n != byline_node)
            break;
    }
    char buf[META_DATE_MAX];
    if (pub->n < DATE_CANDIDATES_MAX && meta_date_from_url(url, job->now, buf))
        pub->c[pub->n++] = (date_candidate){arena_strdup(job->arena, buf), "url",
                                            DATE_FAMILY_URL, DATE_WEIGHT_IMPLIED};
}

/* The modified date: the first source that gives one, JSON-LD, the meta
 * tables, meta names that say so, itemprop, a <time> marked as an update;
 * *family says where it came from. */
static void set_modified(lede_job *job, const page_scan *s, json_t *article, bool mf,
                         date_family *family) {
    lede_result *res = job->res;
    lede_provenance *pv = &res->provenance;
    *family = DATE_FAMILY_META;
    if (date_from(job, mf, meta_jsonld_str(article, "dateModified"), &res->modified)) {
        pv->modified = "json-ld";
        *family = DATE_FAMILY_JSONLD;
        return;
    }
    for (size_t i = 0; !res->modified && i < COUNT(modified_keys); i++)
        if (date_from(job, mf, meta_get(s, modified_keys[i]), &res->modified))
            pv->modified = modified_keys[i];
    if (res->modified)
        return;
    for (size_t i = 0; i < s->n_metas && !res->modified; i++)
        if (s->metas[i].role == DATE_ROLE_MODIFIED &&
            date_from(job, mf, s->metas[i].value, &res->modified))
            pv->modified = lower_name(job, s->metas[i].key);
    if (res->modified)
        return;
    *family = DATE_FAMILY_MICRODATA;
    for (size_t i = 0; i < s->n_itemprop_dates && !res->modified; i++) {
        xmlNode *n = s->itemprop_dates[i].node;
        if (date_name_role(dom_attr(n, "itemprop")) == DATE_ROLE_MODIFIED &&
            date_from(job, mf, element_date_text(job, n), &res->modified))
            pv->modified = "itemprop";
    }
    if (res->modified)
        return;
    *family = DATE_FAMILY_TIME;
    for (size_t i = 0; i < s->n_times && !res->modified; i++)
        if (marks_update(s->times[i].node) &&
            date_from(job, mf, time_text(job, s->times[i].node), &res->modified))
            pv->modified = "time";
    if (res->modified)
        return;
    *family = DATE_FAMILY_LINE;
    if (date_line_date(job, s, mf, true, &res->modified))
        pv->modified = "date-line";
}

/* Adds source when text parses to a date agreeing with `with`. */
static void modified_agrees(lede_job *job, source_list *l, bool mf, const char *text,
                            const char *with, const char *source) {
    const char *d = NULL;
    if (date_from(job, mf, text, &d) && dates_agree(d, with))
        sources_add(l, source);
}

/* provenance.modified_sources: the winner, then every modified-date source
 * (JSON-LD, meta tags and names, itemprop, <time> marked as an update) that
 * agrees with it. */
static void modified_sources(lede_job *job, const page_scan *s, json_t *article,
                             bool mf) {
    lede_result *res = job->res;
    const char *mod = res->modified;
    if (!mod)
        return;
    source_list l = {0};
    sources_add(&l, res->provenance.modified);
    modified_agrees(job, &l, mf, meta_jsonld_str(article, "dateModified"), mod,
                    "json-ld");
    for (size_t i = 0; i < COUNT(modified_keys); i++)
        modified_agrees(job, &l, mf, meta_get(s, modified_keys[i]), mod,
                        modified_keys[i]);
    for (size_t i = 0; i < s->n_metas; i++)
        if (s->metas[i].role == DATE_ROLE_MODIFIED)
            modified_agrees(job, &l, mf, s->metas[i].value, mod,
                            lower_name(job, s->metas[i].key));
    for (size_t i = 0; i < s->n_itemprop_dates; i++) {
        xmlNode *n = s->itemprop_dates[i].node;
        if (date_name_role(dom_attr(n, "itemprop")) == DATE_ROLE_MODIFIED)
            modified_agrees(job, &l, mf, element_date_text(job, n), mod, "itemprop");
    }
    for (size_t i = 0; i < s->n_times; i++)
        if (marks_update(s->times[i].node))
            modified_agrees(job, &l, mf, time_text(job, s->times[i].node), mod, "time");
    res->provenance.modified_sources = sources_join(job, &l);
}

static void set_dates(lede_job *job, const page_scan *s, xmlNode *root, json_t *article,
                      xmlNode *byline_node) {
    lede_result *res = job->res;
    bool mf = page_month_first(s, root);
    const char *url = res->url ? res->url : res->canonical_url;
    date_family mod_family;
    set_modified(job, s, article, mf, &mod_family);
    date_candidates pub = {0};
    published_candidates(job, s, article, mf, byline_node, url, &pub);
    date_candidate mod = {res->modified, res->provenance.modified, mod_family,
                          DATE_WEIGHT_EXPLICIT};
    choose_published(job, &pub, res->modified ? &mod : NULL);
    /* A modified date from metadata stands in before the visible lines; one
     * a line gave waits for them (weak_dates()). */
    if (mod_family != DATE_FAMILY_LINE)
        published_is_modified(job);
    if (!res->published)
        weak_dates(job, s, mf);
    modified_not_before_published(job);
    published_sources(job, s, mf, &pub);
    modified_sources(job, s, article, mf);
}

/* ------------------------------------------------------------ bylines */

/* Authors from one source; true when it named at least one person. */
static bool authors_from(lede_job *job, const char *text, meta_byline *out) {
    if (!text)
        return false;
    meta_byline_parse(job->arena, text, out);
    return out->n_authors > 0;
}

/* Appends the text under n to b: text nodes joined with a space (bylines put
 * the name, the outlet and the date in adjacent elements: "IGN
 * Staff</span><span>Updated"), except before punctuation ("Jane
 * Doe</span>, Staff Writer"). `space` carries the pending space from one
 * call to the next. Returns -1 when b is full. */
static int append_byline_text(strbuf *b, xmlNode *n, bool *space) {
    for (xmlNode *c = n; c; c = dom_next(n, c, dom_is_non_text(c))) {
        if (c->type != XML_TEXT_NODE || !c->content || !c->content[0])
            continue;
        const char *t = (const char *)c->content, *first = t;
        while (isspace((unsigned char)*first))
            first++;
        bool punct = *first && strchr(",.;:)!?", *first);
        if (punct)
            t = first; /* "Digby</a>\n,\n<a>Minh Do" reads "Digby, Minh Do" */
        /* Collapsed as it is appended: the length cap counts words, not
         * the page's indentation. */
        if (*space && !punct && dom_append_collapsed(b, " "))
            return -1;
        if (dom_append_collapsed(b, t))
            return -1;
        *space = true;
    }
    return 0;
}

/* Inline elements that can carry a name after a "By" label. */
static bool is_inline_name_holder(const xmlNode *n) {
    static const char *const names[] = {"a",    "span", "strong", "b",   "em",  "i",
                                        "font", "abbr", "cite",   "bdi", "time"};
    for (size_t i = 0; i < COUNT(names); i++)
        if (dom_is(n, names[i]))
            return true;
    return false;
}

/* The text of a byline element, trimmed to the byline proper. `last` (may
 * be NULL) is set to the last node read: n, or the last sibling read after
 * a label. */
static char *byline_text_upto(lede_job *job, xmlNode *n, xmlNode **last) {
    strbuf b;
    strbuf_init(&b, job->arena, BYLINE_TEXT_MAX);
    bool space = false;
    int full = append_byline_text(&b, n, &space);
    xmlNode *end = n;
    /* A label alone ("<span>By</span> <a>Jane Doe</a>"): the names are in
     * the next element, and in the inline elements and text after it. */
    if (!full && meta_byline_opener_only(strbuf_peek(&b))) {
        bool took_element = false;
        for (xmlNode *sib = n->next; sib && !full; sib = sib->next) {
            if (sib->type == XML_ELEMENT_NODE) {
                if (took_element && !is_inline_name_holder(sib))
                    break;
                took_element = true;
            } else if (sib->type != XML_TEXT_NODE) {
                continue;
            }
            full = append_byline_text(&b, sib, &space);
            end = sib;
        }
    }
    if (last)
        *last = end;
    return b.len ? meta_byline_trim(job->arena, strbuf_peek(&b)) : NULL;
}

static char *byline_text(lede_job *job, xmlNode *n) {
    return byline_text_upto(job, n, NULL);
}

/* True when name, its letters and digits lower-cased and run together,
 * is the first label of the site's domain ("Business Insider" and
 * businessinsider.com). */
static bool names_domain(const char *name, const char *domain) {
    if (!name || !domain)
        return false;
    const char *d = domain;
    for (const char *p = name; *p; p++) {
        if (!isalnum((unsigned char)*p))
            continue;
        if (tolower((unsigned char)*p) != *d++)
            return false;
    }
    return d > domain && *d == '.';
}

/* The names the site goes by: its name, the JSON-LD publisher's name and
 * its registrable domain. An author who is one of these is the outlet (a
 * feed, the site's account), not a person. */
typedef struct {
    const char *site, *publisher, *domain;
} outlet_names;

/* True when the author is the outlet itself: "Business Insider" on a site
 * or publisher named so, or on businessinsider.com when the site name
 * begins with it ("Business Insider Deutschland"); "Futurism" in a
 * syndicated byline. Desk and staff credits ("News Desk", "Reuters Staff")
 * are refused earlier, by their words (meta_name_is_junk). */
static bool is_outlet(const outlet_names *o, const char *a) {
    if ((o->site && meta_loose_equal(a, o->site)) ||
        (o->publisher && meta_loose_equal(a, o->publisher)))
        return true;
    return names_domain(a, o->domain) &&
           (!o->site || !strncasecmp(o->site, a, strlen(a)) ||
            (o->publisher && !strncasecmp(o->publisher, a, strlen(a))));
}

/* Removes authors that are the outlet itself. */
static void drop_outlet_authors(const outlet_names *o, meta_byline *by) {
    size_t kept = 0;
    for (size_t i = 0; i < by->n_authors; i++)
        if (!is_outlet(o, by->authors[i]))
            by->authors[kept++] = by->authors[i];
    by->n_authors = kept;
}

/* Persons named by one source, outlet names left out; true when it named at
 * least one. */
static bool persons_from(lede_job *job, const char *text, const outlet_names *o,
                         meta_byline *out) {
    if (!text)
        return false;
    meta_byline one = {.min_two_words = out->min_two_words};
    meta_byline_parse(job->arena, text, &one);
    drop_outlet_authors(o, &one);
    for (size_t i = 0; i < one.n_authors && out->n_authors < META_MAX_AUTHORS; i++) {
        bool dup = false;
        for (size_t k = 0; k < out->n_authors && !dup; k++)
            dup = meta_loose_equal(out->authors[k], one.authors[i]);
        if (!dup)
            out->authors[out->n_authors++] = one.authors[i];
    }
    if (!out->dateline)
        out->dateline = one.dateline;
    return one.n_authors > 0;
}

/* True when a bracket opened in s is never closed ("Views(" cut before its
 * counter): a widget's label, not a byline. */
static bool unclosed_bracket(const char *s) {
    int depth = 0;
    for (; *s; s++) {
        if (*s == '(' || *s == '[')
            depth++;
        else if ((*s == ')' || *s == ']') && depth > 0)
            depth--;
        else if (!strncmp(s, "\xEF\xBC\x88", 3)) /* fullwidth ( */
            depth++, s += 2;
        else if (!strncmp(s, "\xEF\xBC\x89", 3) && depth > 0)
            depth--, s += 2;
    }
    return depth > 0;
}

/* True when n is inside a figure, an aside, a quotation or a sidebar: a
 * credit there is not the article's byline. */
static bool in_aside(const xmlNode *n) {
    size_t depth = 0;
    for (const xmlNode *p = n;
         p && p->type == XML_ELEMENT_NODE && depth < ASIDE_MAX_DEPTH;
         p = p->parent, depth++) {
        for (size_t i = 0; i < COUNT(aside_elements); i++)
            if (dom_is(p, aside_elements[i]))
                return true;
        if (dom_is(p, "body") || dom_is(p, "html"))
            break; /* their classes are layout flags ("sidebar-primary") */
        folded_value fc, fi;
        fold_value(&fc, dom_attr(p, "class"));
        fold_value(&fi, dom_attr(p, "id"));
        if (has_word(&fc, &asides) || has_word(&fi, &asides))
            return true;
    }
    return false;
}

/* True when the text of a link among the nodes first..last (siblings) and
 * their descendants is the name. */
static bool is_link_text(lede_job *job, xmlNode *first, xmlNode *last, const char *name) {
    for (xmlNode *sib = first; sib; sib = sib == last ? NULL : sib->next)
        for (xmlNode *c = sib; c; c = dom_next(sib, c, dom_is_non_text(c)))
            if (dom_is(c, "a") &&
                meta_loose_equal(dom_text(job->arena, c, NAME_LINK_TEXT_MAX), name))
                return true;
    return false;
}

/* True when the byline names someone and every one-word name in it is the
 * whole text of a link ("by <a href=/profile/338>Sleyca</a>"): a profile
 * link makes a one-word pen name an author, where free text ("By subject",
 * "Washington") does not. */
static bool one_word_names_linked(lede_job *job, xmlNode *n, xmlNode *last,
                                  const char *text) {
    meta_byline any = {0};
    if (!authors_from(job, text, &any))
        return false;
    for (size_t i = 0; i < any.n_authors; i++)
        if (!strchr(any.authors[i], ' ') && !is_link_text(job, n, last, any.authors[i]))
            return false;
    return true;
}

/* A visible byline: the trimmed text of n when it names at least one person
 * and is short enough to be a byline; else NULL. *one_word is set when
 * one-word names count in it (one_word_names_linked). */
static char *visible_byline(lede_job *job, xmlNode *n, bool *one_word) {
    *one_word = false;
    if (in_aside(n))
        return NULL;
    xmlNode *last;
    char *t = byline_text_upto(job, n, &last);
    if (!t || strlen(t) > BYLINE_WRITTEN_MAX || unclosed_bracket(t))
        return NULL;
    meta_byline probe = {.min_two_words = true};
    if (authors_from(job, t, &probe))
        return t;
    *one_word = one_word_names_linked(job, n, last, t);
    return *one_word ? t : NULL;
}

/* The byline as written by a source that gave one string, when it reads as
 * a byline (short, no link); else NULL. */
static const char *as_written(lede_job *job, const char *raw) {
    char *v = meta_clean(job->arena, raw);
    if (!v || !has_letters(v) || strlen(v) > BYLINE_WRITTEN_MAX || strstr(v, "://"))
        return NULL;
    return v;
}

/* A visible byline found on the page. */
typedef struct {
    xmlNode *node;
    char *text; /* trimmed, as written */
    const char *source;
    bool one_word; /* its one-word names are links: they count */
} visible_pick;

/* The visible byline: a "By ..." line after the headline, else a
 * class-marked element that names someone. */
static visible_pick find_visible(lede_job *job, const page_scan *s) {
    visible_pick v = {NULL, NULL, "visible-byline", false};
    for (size_t i = 0; i < s->n_by_line && !v.text; i++) {
        xmlNode *n = nth_after_h1(s, s->by_line, s->n_by_line, i)->node;
        if ((v.text = visible_byline(job, n, &v.one_word)))
            v.node = n;
    }
    for (size_t i = 0; i < s->n_byline_class && !v.text; i++) {
        xmlNode *n = nth_after_h1(s, s->byline_class, s->n_byline_class, i)->node;
        if ((v.text = visible_byline(job, n, &v.one_word)))
            v.node = n, v.source = "byline-class";
    }
    return v;
}

/* The authors from the best-ranked structured source. */
typedef struct {
    meta_byline by;
    const char *source;          /* provenance of the authors */
    const char *written;         /* that source's byline as one string */
    const char *fallback;        /* a stated byline naming no person */
    const char *fallback_source; /* its provenance */
} author_pick;

static void pick_fallback(author_pick *p, const char *value, const char *source) {
    if (value && !p->fallback)
        p->fallback = value, p->fallback_source = source;
}

/* True when text names someone and every name is the outlet's. */
static bool names_only_outlet(lede_job *job, const char *text, const outlet_names *o) {
    meta_byline by = {0};
    meta_byline_parse(job->arena, text, &by);
    size_t named = by.n_authors;
    drop_outlet_authors(o, &by);
    return named && !by.n_authors;
}

/* The text of a rel=author or itemprop=author element. A microdata Person
 * (itemscope) names itself in its itemprop=name part; its other parts are a
 * photo, a date, a job title. */
static const char *author_element_text(lede_job *job, xmlNode *n) {
    const char *v = dom_attr(n, "content");
    if (v)
        return v;
    if (dom_attr(n, "itemscope"))
        for (xmlNode *c = n->children; c; c = dom_next(n, c, false)) {
            const char *prop =
                c->type == XML_ELEMENT_NODE ? dom_attr(c, "itemprop") : NULL;
            if (prop && !strcasecmp(prop, "name")) {
                n = c;
                if ((v = dom_attr(c, "content")))
                    return v;
                break;
            }
        }
    return byline_text(job, n);
}

/* The JSON-LD publisher's name, or NULL. */
static const char *publisher_name(lede_job *job, json_t *article) {
    json_t *pub = json_object_get(article, "publisher");
    if (json_is_object(pub) && !json_object_get(pub, "name"))
        pub = meta_jsonld_by_id(job->jsonld,
                                json_string_value(json_object_get(pub, "@id")));
    return meta_clean(job->arena, meta_jsonld_str(pub, "name"));
}

/* The authors of the best-ranked structured source that names a person who
 * is not the outlet: a JSON-LD author that is the site, a feed or a desk
 * lets the next source (and at last the visible byline) speak. */
static author_pick find_authors(lede_job *job, const page_scan *s, json_t *article,
                                const outlet_names *o) {
    author_pick p = {0};
    /* 1. JSON-LD authors. */
    const char *names[META_MAX_AUTHORS];
    size_t n_names = 0;
    const char *org =
        meta_jsonld_authors(job->jsonld, article, names, &n_names, META_MAX_AUTHORS);
    pick_fallback(&p, org ? as_written(job, org) : NULL, "json-ld");
    for (size_t i = 0; i < n_names; i++)
        persons_from(job, names[i], o, &p.by);
    if (p.by.n_authors) {
        p.source = "json-ld";
        if (n_names == 1)
            p.written = as_written(job, names[0]);
        return p;
    }
    for (size_t i = 0; i < n_names; i++) /* the outlet as the only author */
        if (names_only_outlet(job, names[i], o))
            pick_fallback(&p, as_written(job, names[i]), "json-ld");
    /* 2. <meta name=author> and its relatives; co-authors may each have a
     * tag of the same name. */
    for (size_t i = 0; i < COUNT(author_keys); i++) {
        const char *v = meta_get(s, author_keys[i]);
        if (persons_from(job, v, o, &p.by)) {
            p.source = author_keys[i], p.written = as_written(job, v);
            size_t named = p.by.n_authors;
            for (size_t k = 0; k < s->n_metas; k++)
                if (s->metas[k].value != v && meta_is(&s->metas[k], author_keys[i]))
                    persons_from(job, s->metas[k].value, o, &p.by);
            if (p.by.n_authors > named) /* several tags: no one string says it */
                p.written = NULL;
            return p;
        }
        pick_fallback(&p, v ? as_written(job, v) : NULL, "meta:author");
    }
    /* 3. rel=author and itemprop=author elements. */
    for (size_t i = 0; i < s->n_rel_author; i++) {
        xmlNode *n = s->rel_author[i].node;
        if (in_aside(n))
            continue;
        const char *v = author_element_text(job, n);
        if (persons_from(job, v, o, &p.by)) {
            p.source = dom_attr(n, "itemprop") ? "itemprop-author" : "rel-author";
            p.written = as_written(job, v);
            return p;
        }
    }
    return p;
}

/* True when text names the person first among the chosen authors. */
static bool names_first_author(lede_job *job, const char *text, const outlet_names *o,
                               const char *first) {
    meta_byline by = {0};
    if (!persons_from(job, text, o, &by))
        return false;
    for (size_t i = 0; i < by.n_authors; i++)
        if (meta_loose_equal(by.authors[i], first))
            return true;
    return false;
}

/* provenance.byline_sources: the winner, then every source naming the same
 * first author (JSON-LD, meta tags, rel/itemprop author, the visible line). */
static void byline_sources(lede_job *job, const page_scan *s, json_t *article,
                           const outlet_names *o, const char *visible,
                           const char *visible_source) {
    lede_result *res = job->res;
    if (!res->byline)
        return;
    source_list l = {0};
    sources_add(&l, res->provenance.byline);
    if (res->n_authors) {
        const char *first = res->authors[0];
        const char *names[META_MAX_AUTHORS];
        size_t n_names = 0;
        meta_jsonld_authors(job->jsonld, article, names, &n_names, META_MAX_AUTHORS);
        for (size_t i = 0; i < n_names; i++)
            if (names_first_author(job, names[i], o, first))
                sources_add(&l, "json-ld");
        for (size_t i = 0; i < COUNT(author_keys); i++)
            if (names_first_author(job, meta_get(s, author_keys[i]), o, first))
                sources_add(&l, author_keys[i]);
        for (size_t i = 0; i < s->n_rel_author; i++) {
            xmlNode *n = s->rel_author[i].node;
            const char *v = author_element_text(job, n);
            if (names_first_author(job, v, o, first))
                sources_add(&l,
                            dom_attr(n, "itemprop") ? "itemprop-author" : "rel-author");
        }
        if (names_first_author(job, visible, o, first))
            sources_add(&l, visible_source);
    }
    res->provenance.byline_sources = sources_join(job, &l);
}

/* The independent sources that name `name` among their authors: JSON-LD,
 * the author meta tags (one template: one voice), rel/itemprop author
 * elements, the visible byline. */
static size_t author_support(lede_job *job, const page_scan *s, json_t *article,
                             const outlet_names *o, const char *visible,
                             const char *name) {
    const char *names[META_MAX_AUTHORS];
    size_t n_names = 0, n = 0;
    meta_jsonld_authors(job->jsonld, article, names, &n_names, META_MAX_AUTHORS);
    bool in_jsonld = false, in_meta = false, in_element = false;
    for (size_t i = 0; i < n_names && !in_jsonld; i++)
        in_jsonld = names_first_author(job, names[i], o, name);
    for (size_t i = 0; i < COUNT(author_keys) && !in_meta; i++)
        in_meta = names_first_author(job, meta_get(s, author_keys[i]), o, name);
    for (size_t i = 0; i < s->n_rel_author && !in_element; i++)
        in_element = !in_aside(s->rel_author[i].node) &&
                     names_first_author(
                         job, author_element_text(job, s->rel_author[i].node), o, name);
    n += in_jsonld + in_meta + in_element;
    return n + names_first_author(job, visible, o, name);
}

/* "A, B and C" */
static char *join_names(lede_job *job, const meta_byline *by) {
    strbuf b;
    strbuf_init(&b, job->arena, BYLINE_TEXT_MAX * 2);
    for (size_t i = 0; i < by->n_authors; i++) {
        if (i)
            strbuf_puts(&b, i + 1 == by->n_authors ? " and " : ", ");
        strbuf_puts(&b, by->authors[i]);
    }
    return arena_strndup(job->arena, strbuf_peek(&b), b.len);
}

/* Sets byline, authors and dateline; returns the visible byline element
 * when it was used (dates are looked for next to it). */
static xmlNode *set_byline(lede_job *job, const page_scan *s, json_t *article) {
    lede_result *res = job->res;
    outlet_names o = {
        res->site_name, publisher_name(job, article),
        meta_url_site(job->arena, res->canonical_url ? res->canonical_url : res->url)};
    visible_pick vis = find_visible(job, s);
    author_pick p = find_authors(job, s, article, &o);
    /* 4. The visible byline, when no structured source names anyone. */
    p.by.min_two_words = !vis.one_word;
    if (!p.source && vis.text && persons_from(job, vis.text, &o, &p.by))
        p.source = vis.source;

    /* The dateline and the byline as written come from the visible line when
     * it names the same first person. */
    meta_byline seen = {.min_two_words = !vis.one_word};
    if (vis.text)
        meta_byline_parse(job->arena, vis.text, &seen);
    bool agrees = vis.text && seen.n_authors && p.by.n_authors &&
                  meta_loose_equal(seen.authors[0], p.by.authors[0]);
    /* The visible byline and the structured source name different people:
     * the one more independent sources name wins; on a tie the structured
     * source keeps its rank. */
    if (!agrees && vis.text && seen.n_authors && p.by.n_authors &&
        author_support(job, s, article, &o, vis.text, seen.authors[0]) >
            author_support(job, s, article, &o, vis.text, p.by.authors[0])) {
        p.by = seen;
        p.source = vis.source;
        agrees = true;
    }
    if (agrees) {
        res->byline = vis.text;
        res->dateline = seen.dateline;
        if (seen.n_authors > p.by.n_authors) /* the page shows more names */
            p.by = seen;
    } else if (p.written) {
        res->byline = p.written;
    } else if (p.by.n_authors) {
        res->byline = join_names(job, &p.by);
    } else if (p.fallback) {
        /* No person named, but the page states a byline ("BBC News"). */
        res->byline = p.fallback;
        p.source = p.fallback_source;
    }
    if (!res->dateline) /* schema.org NewsArticle.dateline */
        res->dateline = meta_clean(job->arena, meta_jsonld_str(article, "dateline"));
    drop_outlet_authors(&o, &p.by);
    if (p.by.n_authors) {
        res->authors = arena_calloc(job->arena, p.by.n_authors, sizeof *res->authors);
        if (res->authors) {
            memcpy(res->authors, p.by.authors, p.by.n_authors * sizeof *res->authors);
            res->n_authors = p.by.n_authors;
        }
    }
    res->provenance.byline = res->byline ? p.source : NULL;
    byline_sources(job, s, article, &o, vis.text, vis.source);
    return agrees || p.source == vis.source ? vis.node : NULL;
}

/* ------------------------------------------------------------ warnings */

static void check_article(lede_job *job, const page_scan *s, json_t *article) {
    const char *og_type = meta_get(s, "og:type");
    bool website =
        og_type && (!strcasecmp(og_type, "website") || !strcasecmp(og_type, "profile"));
    json_t *t = json_object_get(article, "@type");
    bool ld_article = article && t && !meta_loose_equal(json_string_value(t), "WebPage");
    bool signals = ld_article || meta_get(s, "article:published_time") ||
                   job->res->n_authors || job->res->published;
    if (website && !signals)
        job_warn(job, "not_an_article");
}

lede_status meta_extract(lede_job *job) {
    meta_init();
    xmlNode *root = job->doc ? xmlDocGetRootElement(job->doc) : NULL;
    if (!root)
        return LEDE_OK;
    page_scan *s = arena_calloc(job->arena, 1, sizeof *s);
    json_t *jsonld = json_array();
    if (!s || !jsonld) {
        json_decref(jsonld);
        return LEDE_ERR_NOMEM;
    }
    scan_page(s, root, jsonld, job->arena);
    lede_status st = meta_jsonld_finish(job, jsonld);
    if (st != LEDE_OK)
        return st;
    json_t *article = meta_jsonld_article(job->jsonld);
    set_urls(job, s, article);
    set_site(job, s, article);
    set_headline(job, s, article);
    set_text_fields(job, s, article);
    set_tags(job, s, article);
    set_language(job, s, root, article);
    xmlNode *byline_node = set_byline(job, s, article);
    set_dates(job, s, root, article, byline_node);
    check_article(job, s, article);
    return LEDE_OK;
}

/* ------------------------------------------------------------ finalize */

/* The <h1> that belongs to the article: inside it, else the last one before
 * it, else the page's first. */
static xmlNode *article_h1(lede_job *job, xmlNode *root) {
    xmlNode *first = NULL, *before = NULL;
    bool passed = false;
    /* Text nodes are passed by without a call: they are neither. */
    for (xmlNode *n = root; n;
         n = dom_next(root, n, n->type == XML_ELEMENT_NODE && dom_is_non_text(n))) {
        if (n == job->article_root)
            passed = true;
        if (n->type != XML_ELEMENT_NODE || !dom_is(n, "h1"))
            continue;
        if (!first)
            first = n;
        if (!job->article_root)
            break;
        if (passed) {
            /* inside the article, or the first after it when none before */
            for (xmlNode *p = n; p; p = p->parent)
                if (p == job->article_root)
                    return n;
            return before ? before : n;
        }
        before = n;
    }
    return before ? before : first;
}

/* The page's <title> text, or NULL. */
static char *page_title(lede_job *job, xmlNode *root) {
    for (xmlNode *n = root; n; n = dom_next(root, n, dom_is(n, "script")))
        if (dom_is(n, "title"))
            return node_text(job, n, META_FIELD_MAX);
    return NULL;
}

/* Case-insensitive containment of two cleaned strings. */
static bool contains(const char *hay, const char *needle) {
    return hay && needle && strcasestr(hay, needle);
}

static size_t count_words(const char *s) {
    size_t n = 0;
    for (const char *p = s; *p; p++)
        n += *p != ' ' && (p == s || p[-1] == ' ');
    return n;
}

/* The words of s (lower-cased ASCII letters and digits, other bytes kept),
 * at most max, as offsets into a lower-cased copy. */
static size_t split_words(char *s, const char **words, size_t max) {
    size_t n = 0;
    for (char *p = s; *p && n < max;) {
        while (*p && !isalnum((unsigned char)*p) && (unsigned char)*p < 0x80)
            p++;
        if (!*p)
            break;
        words[n++] = p;
        while (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)) {
            *p = (char)tolower((unsigned char)*p);
            p++;
        }
        if (*p)
            *p++ = '\0';
    }
    return n;
}

/* Shared words of a and b, in percent of the shorter one's words. */
static unsigned word_overlap_pct(const char *a, const char *b) {
    char ca[META_FIELD_MAX], cb[META_FIELD_MAX];
    snprintf(ca, sizeof ca, "%s", a);
    snprintf(cb, sizeof cb, "%s", b);
    const char *wa[HEADLINE_MAX_WORDS], *wb[HEADLINE_MAX_WORDS];
    size_t na = split_words(ca, wa, HEADLINE_MAX_WORDS);
    size_t nb = split_words(cb, wb, HEADLINE_MAX_WORDS);
    size_t shared = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t k = 0; k < nb; k++)
            if (!strcmp(wa[i], wb[k])) {
                shared++;
                break;
            }
    size_t shorter = na < nb ? na : nb;
    return shorter ? (unsigned)(shared * 100 / shorter) : 0;
}

static bool is_truncated(const char *s) {
    size_t n = strlen(s);
    return (n > 3 && !strcmp(s + n - 3, "...")) ||
           (n > 3 && !strcmp(s + n - 3, "\xE2\x80\xA6"));
}

/* True when the title opens with h and a separator follows ("Story -
 * Site", "Story | Section"): the title backs h. */
static bool title_leads_with(const char *title, const char *h) {
    size_t n = h ? strlen(h) : 0;
    if (!title || !n || strncasecmp(title, h, n))
        return false;
    const char *p = title + n;
    while (*p == ' ')
        p++;
    return (*p && strchr("|-:", *p)) || !strncmp(p, "\xC2\xB7", 2) ||
           !strncmp(p, "\xE2\x80\x93", 3) || !strncmp(p, "\xE2\x80\x94", 3) ||
           !strncmp(p, "\xE2\x80\xA2", 3);
}

/* True when a headline candidate names the chosen headline: equal, equal
 * once the site's part is cut, or opening it before a separator. */
static bool headline_agrees(lede_job *job, const char *cand, const char *h) {
    lede_arena *a = job->arena;
    const char *site = job->res->site_name;
    return meta_loose_equal(cand, h) || title_leads_with(cand, h) ||
           meta_loose_equal(meta_title_cut(a, cand, site), h) ||
           (site && meta_loose_equal(meta_title_cut_site(a, cand, site), h));
}

/* provenance.headline_sources: the winner, then every other source (JSON-LD,
 * meta tags, the article's <h1>, the <title>) that names the same headline. */
static void headline_sources(lede_job *job, const char *h1) {
    lede_result *res = job->res;
    if (!res->headline)
        return;
    source_list l = {0};
    sources_add(&l, res->provenance.headline);
    for (size_t i = 0; i < job->n_head; i++)
        if (headline_agrees(job, job->head_values[i], res->headline))
            sources_add(&l, job->head_sources[i]);
    if (h1 && headline_agrees(job, h1, res->headline))
        sources_add(&l, "h1");
    res->provenance.headline_sources = sources_join(job, &l);
}

/* Cross-checks the headline against the visible <h1> and the <title>. */
static void check_headline(lede_job *job, xmlNode *root) {
    lede_result *res = job->res;
    xmlNode *h1 = article_h1(job, root);
    char *h = h1 ? node_text(job, h1, META_FIELD_MAX) : NULL;
    if (!h || strlen(h) < HEADLINE_MIN_LEN || meta_loose_equal(h, res->site_name)) {
        headline_sources(job, NULL);
        return;
    }
    const char *cur = res->headline;
    bool use_h1 = false;
    if (!cur) {
        use_h1 = true;
    } else if (!strcmp(res->provenance.headline, "title")) {
        /* The <h1> beats the <title> when they tell the same story: the
         * title starts with the h1 ("Story | Section | Site"), or the h1
         * extends the cut title. An <h1> matching a later part of the title
         * is the site's banner: that part is cut instead. */
        use_h1 = !strncasecmp(cur, h, strlen(h)) || contains(h, cur);
        if (!use_h1)
            res->headline = meta_title_cut_site(job->arena, cur, h);
    } else if (!meta_loose_equal(cur, h)) {
        char *title = page_title(job, root);
        size_t n = strlen(cur);
        /* "Story | Site" where the page shows "Story"; "Story about ...". */
        use_h1 = (contains(cur, h) && n > strlen(h)) ||
                 (is_truncated(cur) && !strncasecmp(h, cur, n - 3));
        /* A metadata headline about something else than the visible <h1>
         * (a generic or stale og:title), when the <title> does not back it. */
        char *story = title ? meta_title_cut(job->arena, title, res->site_name) : NULL;
        use_h1 = use_h1 || (story && !contains(title, cur) &&
                            (meta_loose_equal(story, h) || title_leads_with(title, h)) &&
                            word_overlap_pct(cur, h) < HEADLINE_VARIANT_PCT);
        use_h1 = use_h1 || (!contains(title, cur) &&
                            word_overlap_pct(cur, h) < HEADLINE_SAME_STORY_PCT &&
                            (!title || contains(title, h)) &&
                            count_words(h) >= HEADLINE_H1_MIN_WORDS);
    }
    if (use_h1) {
        res->headline = h;
        res->provenance.headline = "h1";
    }
    headline_sources(job, h);
}

lede_status meta_finalize(lede_job *job) {
    xmlNode *root = job->doc ? xmlDocGetRootElement(job->doc) : NULL;
    if (root)
        check_headline(job, root);
    lede_result *res = job->res;
    if (!res->language) {
        const char *g = meta_lang_guess(res->text, res->text_len);
        if (g) {
            res->language = g;
            res->provenance.language = "text";
        }
    }
    return LEDE_OK;
}

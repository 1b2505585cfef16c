/* Pass 2 of content detection: walks the chosen subtrees once and writes the
 * article as paragraphs (and, when asked, as cleaned markup), pruning what is
 * not article text: boilerplate containers (negative class/id evidence,
 * link-heavy lists and boxes), headline and byline repeats, "Read more" and
 * share lines, lone dates, photo credits and captions. */
#include <libxml/uri.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "../html/dom.h"
#include "content_int.h"

/* A container with more link text than this share is navigation. */
#define PRUNE_MAX_LD 0.5f
/* Data tables are navigation only when nearly all their text is links. */
#define DATA_TABLE_MAX_LD 0.8f
/* Elements looked at when telling a data table from a layout table. */
#define DATA_TABLE_SCAN_MAX 4000
/* Lists (ul/ol/dl) are link lists already at this share. */
#define PRUNE_LIST_MAX_LD 0.5f
/* Containers with fewer clause marks than this and link density above
 * PRUNE_THIN_MAX_LD are teaser boxes, unless their class says "content". */
#define PRUNE_THIN_COMMAS 10
#define PRUNE_THIN_MAX_LD 0.33f
#define PRUNE_POSITIVE_WEIGHT 25
/* An inline element inside a paragraph with this many links and this much
 * mostly-linked text is a hover card or a link strip, not part of a sentence. */
#define CARD_MIN_LINKS 3
#define CARD_MIN_CHARS 100
/* A list item or heading whose text is more than half links is a link, not prose
 * (a link list left inside the article); paragraphs proper keep their links,
 * as annotators keep bare URLs and linked sentences in article text. */
#define PARA_MAX_LD 0.5f
/* A paragraph proper goes only when it is (nearly) one link: a linked
 * headline between paragraphs, not a linked sentence or a written-out URL. */
#define PARA_LINK_MAX_LD 0.8f
/* ...unless the words outside the link make a sentence of their own (a linked
 * headline followed by its summary in a news digest). */
#define PARA_MIN_PLAIN_CHARS 20
/* A lead paragraph that starts with the byline and is this short is the
 * byline line itself; bylines shorter than the minimum are too ambiguous. */
#define BYLINE_LINE_MAX 80
#define MIN_BYLINE_LEN 5
/* Headline and byline repeats are looked for among the first paragraphs. */
#define LEAD_PARAS 3
/* A paragraph this long (weighted chars) is prose, not a teaser. */
#define LONG_PARA_CHARS 80
/* No heading run at the end of the text so far. */
#define NO_TRAIL ((size_t)-1)
/* Separator between the cells of one table row. */
#define CELL_SEP " | "

typedef struct {
    cscore *s;
    const lede_options *opt;
    strbuf out, para, html;
    bool want_html;
    uint32_t para_chars, para_link, total_chars, root_text, root_link;
    size_t n_paras, n_long_paras;
    xmlNode *para_owner; /* the block the current paragraph began with */
    size_t html_mark;    /* markup length before para_owner's open tag */
    unsigned caption_depth, link_depth;
    bool cell_sep; /* a cell began: separate it from the row's text so far */
    size_t trail;  /* text length before a run of headings that ends the text */
    bool truncated, oom;
    const char *headline, *byline;
    xmlChar *base; /* base URL for links and images (markup only) */
} rstate;

/* ------------------------------------------------------------- pruning */

static bool card_like(const cnode *c) {
    return c->tag->kind == RK_INLINE && c->n_links >= CARD_MIN_LINKS &&
           c->text >= CARD_MIN_CHARS && (float)c->link > PRUNE_MAX_LD * (float)c->text;
}

/* An inline hover card or link strip: the innermost card-like element, so
 * that a linked name wrapping its own hover card keeps the name. */
static bool is_card(const cscore *s, const cnode *c) {
    if (!card_like(c))
        return false;
    for (const xmlNode *k = c->node->children; k; k = k->next) {
        const cnode *kc = cn_of(s, k);
        if (kc && card_like(kc))
            return false;
    }
    return true;
}

/* A table of data rather than of layout: header cells or a caption, at least
 * two rows, and no table inside it. */
static bool is_data_table(const xmlNode *table) {
    size_t rows = 0, seen = 0;
    bool header = false;
    for (xmlNode *n = table->children; n; n = dom_next(table, n, false)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (++seen > DATA_TABLE_SCAN_MAX)
            return false; /* a huge table is layout; also keeps the scan bounded */
        if (dom_is(n, "table"))
            return false;
        rows += dom_is(n, "tr");
        header |= dom_is(n, "th") || dom_is(n, "caption");
    }
    return header && rows >= 2;
}

/* Nodes looked at for how a list item begins. */
#define ITEM_START_MAX_NODES 16
/* A list item shorter than this (weighted chars) is a label, not a sentence. */
#define PROSE_ITEM_MIN_CHARS 25

/* Does the list item begin with words of its own before any link ("Gijs
 * <a>fixed the toolbar</a>"), as sentences do, rather than with a link
 * (menus, lists of headlines)? */
static bool item_starts_plain(const xmlNode *li) {
    size_t budget = ITEM_START_MAX_NODES;
    for (const xmlNode *n = li->children; n && budget--;
         n = dom_next(li, (xmlNode *)n, dom_is(n, "a"))) {
        if (n->type == XML_ELEMENT_NODE && dom_is(n, "a"))
            return false;
        if (n->type != XML_TEXT_NODE || !n->content)
            continue;
        for (const unsigned char *t = n->content; *t; t++)
            if ((*t >= 'A' && *t <= 'Z') || (*t >= 'a' && *t <= 'z') ||
                (*t >= '0' && *t <= '9') || (*t >= 0xC3 && *t < 0xF0))
                return true; /* a letter or digit, Latin or beyond (not emoji) */
    }
    return false;
}

/* Longest heading or label read as the title of a list. */
#define LIST_TITLE_MAX 120

/* Is the list introduced as more reading: a heading or label right before
 * it that begins with "More" ("More Great Stories") or speaks of related,
 * recommended, popular or latest stories? */
static bool titled_as_teasers(const rstate *r, const xmlNode *list) {
    static const char *const marks[] = {
        "stories",   "related",   "recommended", "popular",   "trending",  "latest",
        "also read", "read next", "you may",     "you might", "don't miss"};
    const xmlNode *prev = list->prev;
    while (prev && prev->type != XML_ELEMENT_NODE)
        prev = prev->prev;
    if (!prev)
        return false;
    char *title = dom_text(r->s->job->arena, prev, LIST_TITLE_MAX);
    if (!title || !*title || strlen(title) >= LIST_TITLE_MAX)
        return false;
    if (!strncasecmp(title, "more ", 5))
        return true;
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (strcasestr(title, marks[i]))
            return true;
    return false;
}

/* A list whose items are sentences with links inside them (a changelog, a
 * digest of who did what): article text however many links it has. Two
 * thirds of its items must start with words of their own and be longer than
 * a label, and the list must not be introduced as more reading. */
static bool prose_list(const rstate *r, const cnode *c) {
    if (!dom_is(c->node, "ul") && !dom_is(c->node, "ol"))
        return false;
    unsigned items = 0, prose = 0;
    for (const xmlNode *li = c->node->children; li; li = li->next) {
        if (li->type != XML_ELEMENT_NODE || !dom_is(li, "li"))
            continue;
        items++;
        const cnode *ci = cn_of(r->s, li);
        prose += ci && ci->text >= PROSE_ITEM_MIN_CHARS && item_starts_plain(li);
    }
    return items >= 2 && prose * 3 >= items * 2 && !titled_as_teasers(r, c->node);
}

/* Readability's "clean conditionally", with jusText's link density: is this
 * container inside the article boilerplate? */
static bool prune(const rstate *r, cnode *c) {
    if (c->flags & CN_SKIP)
        return true;
    if ((c->tag->flags & RF_HEADING) && c->tag->name[1] == '1')
        return true;
    if (c->tag->kind == RK_INLINE)
        return is_card(r->s, c);
    if (!(c->tag->flags & RF_CLEAN) || !c->text || (c->flags & CN_ROOT))
        return false;
    /* Never prune the bulk of the article on a class name. */
    if (c->text * 2 > r->root_text)
        return false;
    float ld = (float)c->link / (float)c->text;
    if (c->weight < 0)
        return true;
    /* Data tables (film lists, results) link many of their cells. */
    if (c->tag->flags & RF_CONTAINER && dom_is(c->node, "table") &&
        is_data_table(c->node))
        return ld > DATA_TABLE_MAX_LD;
    bool linky = ld > PRUNE_MAX_LD ||
                 ((c->tag->flags & RF_LIST) && ld > PRUNE_LIST_MAX_LD) ||
                 (c->commas < PRUNE_THIN_COMMAS && c->weight < PRUNE_POSITIVE_WEIGHT &&
                  ld > PRUNE_THIN_MAX_LD);
    if (linky && (c->tag->flags & RF_LIST) && prose_list(r, c)) {
        c->flags |= CN_PROSE_LIST;
        return false;
    }
    return linky;
}

/* ----------------------------------------------------------- paragraphs */

/* A paragraph that is an address written out ("http://...", "www...."). */
static bool is_bare_url(const char *p, size_t len) {
    return (len > 4 && !strncasecmp(p, "http", 4)) ||
           (len > 4 && !strncasecmp(p, "www.", 4));
}

/* An item of a prose list: a sentence, whatever share of it is linked. */
static bool prose_item(const rstate *r, const xmlNode *owner) {
    const cnode *list = owner && dom_is(owner, "li") ? cn_of(r->s, owner->parent) : NULL;
    return list && (list->flags & CN_PROSE_LIST);
}

/* List items and headings made of a link are teasers and link lists. */
static bool link_list_item(const xmlNode *owner) {
    if (!owner)
        return false;
    const rule_tag *t = rules_tag(owner);
    return (t->flags & RF_HEADING) || dom_is(owner, "li") || dom_is(owner, "dt") ||
           dom_is(owner, "dd");
}

static bool para_keep(const rstate *r, const char *p, size_t len) {
    /* In an article that is mostly links itself (a list of sources), links are the text.
     */
    bool linky_root = (float)r->root_link > PARA_MAX_LD * (float)r->root_text;
    if (r->para_chars && r->para_chars - r->para_link < PARA_MIN_PLAIN_CHARS &&
        !prose_item(r, r->para_owner)) {
        float ld = (float)r->para_link / (float)r->para_chars;
        if (link_list_item(r->para_owner)
                ? ld > PARA_MAX_LD
                : !linky_root && ld > PARA_LINK_MAX_LD && !is_bare_url(p, len))
            return false;
    }
    if (rules_is_boilerplate_phrase(p, len) || rules_is_credit_line(p, len) ||
        rules_is_date_line(p, len) || rules_is_byline_line(p, len))
        return false;
    if (r->n_paras < LEAD_PARAS) {
        if (r->headline && len * 2 >= strlen(r->headline) &&
            rules_same_text(p, len, r->headline, true))
            return false;
        if (r->byline && rules_same_text(p, len, r->byline, false))
            return false;
        /* "Jane Doe, Staff Writer" when the byline is "Jane Doe". */
        size_t bl = r->byline ? strlen(r->byline) : 0;
        if (bl >= MIN_BYLINE_LEN && len <= BYLINE_LINE_MAX &&
            rules_same_text(r->byline, bl, p, true))
            return false;
    }
    return true;
}

/* Longest prefix of s[0..n) that ends on a UTF-8 character boundary. */
static size_t utf8_cut(const char *s, size_t n) {
    while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

static void emit_para(rstate *r, const char *p, size_t len) {
    size_t sep = r->out.len ? 2 : 0;
    size_t cap = r->opt->max_text_len ? r->opt->max_text_len : SIZE_MAX;
    if (r->out.len + sep + len > cap) {
        r->truncated = true;
        if (r->out.len + sep >= cap)
            return;
        len = utf8_cut(p, cap - r->out.len - sep);
        if (!len)
            return;
    }
    bool heading = r->para_owner && (rules_tag(r->para_owner)->flags & RF_HEADING);
    if (!heading)
        r->trail = NO_TRAIL;
    else if (r->trail == NO_TRAIL)
        r->trail = r->out.len;
    if ((sep && strbuf_append(&r->out, "\n\n", 2)) || strbuf_append(&r->out, p, len)) {
        r->oom = true;
        return;
    }
    r->n_paras++;
    r->n_long_paras += r->para_chars >= LONG_PARA_CHARS;
    r->total_chars += r->para_chars;
}

/* Ends the current paragraph. Returns true when it had text and was dropped. */
static bool flush(rstate *r) {
    size_t len = r->para.len;
    while (len && r->para.data[len - 1] == ' ')
        len--;
    bool dropped = false;
    if (len && !r->truncated) {
        dropped = !para_keep(r, r->para.data, len);
        if (!dropped)
            emit_para(r, r->para.data, len);
    }
    r->para.len = 0;
    r->para_chars = r->para_link = 0;
    r->cell_sep = false;
    return dropped;
}

static bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* --------------------------------------------------------------- markup */

static void html_puts(rstate *r, const char *s) {
    if (r->want_html && strbuf_puts(&r->html, s))
        r->oom = true;
}

/* Appends s escaped for text or a double-quoted attribute. */
static void html_escaped(rstate *r, const char *s, bool collapse) {
    if (!r->want_html)
        return;
    for (; *s; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        default: break;
        }
        if (collapse && is_space((unsigned char)*s)) {
            if (r->html.len && r->html.data[r->html.len - 1] == ' ')
                continue;
            rep = " ";
        }
        if (rep ? strbuf_puts(&r->html, rep) : strbuf_putc(&r->html, *s)) {
            r->oom = true;
            return;
        }
    }
}

/* Writes ` name="url"` with url resolved against the page's base. */
static void html_url_attr(rstate *r, const char *name, const char *url) {
    if (!url || !*url)
        return;
    while (is_space((unsigned char)*url))
        url++;
    if (!strncasecmp(url, "javascript:", 11))
        return;
    xmlChar *abs = r->base ? xmlBuildURI((const xmlChar *)url, r->base) : NULL;
    html_puts(r, " ");
    html_puts(r, name);
    html_puts(r, "=\"");
    html_escaped(r, abs ? (const char *)abs : url, false);
    html_puts(r, "\"");
    xmlFree(abs);
}

static void html_open(rstate *r, const cnode *c) {
    if (!r->want_html || !(c->tag->flags & RF_KEEP_HTML))
        return;
    const char *name = (const char *)c->node->name;
    html_puts(r, "<");
    html_puts(r, name);
    if (c->tag->kind == RK_LINK) {
        html_url_attr(r, "href", dom_attr(c->node, "href"));
    } else if (c->tag->kind == RK_IMG) {
        const char *src = dom_attr(c->node, "src");
        /* Lazy-loading pages keep the real address in data-src. */
        const char *lazy = dom_attr(c->node, "data-src");
        if (lazy && (!src || !strncmp(src, "data:", 5)))
            src = lazy;
        html_url_attr(r, "src", src);
        const char *alt = dom_attr(c->node, "alt");
        if (alt) {
            html_puts(r, " alt=\"");
            html_escaped(r, alt, true);
            html_puts(r, "\"");
        }
    }
    html_puts(r, ">");
}

static void html_close(rstate *r, const cnode *c) {
    if (!r->want_html || !(c->tag->flags & RF_KEEP_HTML) || c->tag->kind == RK_IMG ||
        c->tag->kind == RK_BR)
        return;
    html_puts(r, "</");
    html_puts(r, (const char *)c->node->name);
    html_puts(r, ">");
}

/* Does the markup written since `mark` hold an image? */
static bool has_image(const rstate *r, size_t mark) {
    return r->html.data && mark < r->html.len && strstr(r->html.data + mark, "<img");
}

/* ---------------------------------------------------------------- walk */

static bool render_enter(void *ud, xmlNode *el, unsigned depth) {
    (void)depth;
    rstate *r = ud;
    cnode *c = cn_of(r->s, el);
    if (!c || r->oom || prune(r, c))
        return false;
    switch (c->tag->kind) {
    case RK_BLOCK:
        if (c->tag->flags & RF_CAPTION) {
            if (!r->want_html)
                return false;
            r->caption_depth++;
        }
        flush(r);
        r->para_owner = el;
        r->html_mark = r->html.len;
        c->html_mark = (uint32_t)r->html.len;
        c->paras_in = (uint32_t)r->n_paras;
        html_open(r, c);
        return true;
    case RK_CELL:
        r->cell_sep = r->para.len > 0;
        html_open(r, c);
        return true;
    case RK_BR:
        flush(r);
        r->para_owner = NULL;
        html_open(r, c);
        return false;
    case RK_IMG: html_open(r, c); return false;
    case RK_LINK:
        r->link_depth++;
        html_open(r, c);
        return true;
    default: return true;
    }
}

static void render_leave(void *ud, xmlNode *el) {
    rstate *r = ud;
    cnode *c = cn_of(r->s, el);
    if (!c)
        return;
    switch (c->tag->kind) {
    case RK_BLOCK:
        /* A dropped paragraph goes from the markup too, and so does an element
         * of which nothing was kept (no empty shells). */
        if (flush(r) && r->para_owner == el && r->want_html)
            r->html.len = r->html_mark;
        else if (r->want_html && !(c->tag->flags & RF_CAPTION) &&
                 r->n_paras == c->paras_in && !has_image(r, c->html_mark))
            r->html.len = c->html_mark;
        else
            html_close(r, c);
        if (r->want_html && r->html.data)
            r->html.data[r->html.len] = '\0';
        if (c->tag->flags & RF_CAPTION)
            r->caption_depth--;
        r->para_owner = NULL;
        break;
    case RK_LINK:
        r->link_depth--;
        html_close(r, c);
        break;
    default: html_close(r, c); break;
    }
}

static void render_text(void *ud, xmlNode *t) {
    rstate *r = ud;
    if (!t->content || r->oom)
        return;
    const char *s = (const char *)t->content;
    html_escaped(r, s, true);
    if (r->caption_depth)
        return;
    rule_measure m = {0, 0};
    rules_measure(s, &m);
    if (!m.chars) {
        if (r->para.len && dom_append_collapsed(&r->para, " "))
            r->oom = true;
        return;
    }
    /* Past the text limit the paragraph is cut anyway: stop growing it. */
    if (r->opt->max_text_len && r->para.len >= r->opt->max_text_len)
        return;
    if (r->cell_sep) {
        while (r->para.len && r->para.data[r->para.len - 1] == ' ')
            r->para.len--;
        if (strbuf_puts(&r->para, CELL_SEP))
            r->oom = true;
        r->cell_sep = false;
    }
    if (dom_append_collapsed(&r->para, s))
        r->oom = true;
    r->para_chars += m.chars;
    if (r->link_depth)
        r->para_link += m.chars;
}

/* The page's <base href> resolved against its URL, else its URL (libxml2
 * returns NULL for HTML documents without <base>). */
static xmlChar *page_base(xmlDocPtr doc) {
    xmlChar *base = xmlNodeGetBase(doc, xmlDocGetRootElement(doc));
    if (!base)
        return doc->URL ? xmlStrdup(doc->URL) : NULL;
    if (base && doc->URL) {
        xmlChar *abs = xmlBuildURI(base, doc->URL);
        if (abs) {
            xmlFree(base);
            base = abs;
        }
    }
    return base;
}

lede_status content_render(cscore *s, crender *out) {
    lede_job *job = s->job;
    rstate r;
    memset(&r, 0, sizeof r);
    r.s = s;
    r.opt = job->opt;
    r.want_html = job->opt->include_html;
    r.headline = job->res->headline;
    r.trail = NO_TRAIL;
    r.byline = job->res->byline;
    strbuf_init(&r.out, job->arena, job->opt->max_text_len);
    /* Markup is bounded by the page itself (and the arena cap). */
    /* Bounded by max_text_len plus one text node (render_text stops growing it). */
    strbuf_init(&r.para, job->arena, 0);
    strbuf_init(&r.html, job->arena, 0);
    if (r.want_html && job->doc)
        r.base = page_base(job->doc);
    for (size_t i = 0; i < s->n_roots; i++) {
        cnode *c = cn_of(s, s->roots[i]);
        if (c) {
            r.root_text += c->text;
            r.root_link += c->link;
            c->flags |= CN_ROOT;
        }
    }
    dom_visitor v = {render_enter, render_leave, render_text, &r};
    for (size_t i = 0; i < s->n_roots && !r.oom; i++) {
        xmlNode *root = s->roots[i];
        dom_walk(root, dom_depth(root), job->opt->max_dom_depth, &v);
        flush(&r);
    }
    xmlFree(r.base);
    if (r.oom)
        return LEDE_ERR_NOMEM;
    /* Headings that end the article head boxes we pruned ("Related", "Most read"). */
    if (r.trail != NO_TRAIL && r.trail > 0 && r.out.data) {
        r.out.len = r.trail;
        r.out.data[r.out.len] = '\0';
    }
    out->text = strbuf_peek(&r.out);
    out->text_len = r.out.len;
    out->chars = r.total_chars;
    out->n_paras = r.n_paras;
    out->n_long_paras = r.n_long_paras;
    out->truncated = r.truncated;
    out->html = NULL;
    if (r.want_html) {
        while (r.html.len && r.html.data[r.html.len - 1] == ' ')
            r.html.data[--r.html.len] = '\0';
        const char *h = strbuf_peek(&r.html);
        out->html = h + strspn(h, " ");
    }
    return LEDE_OK;
}

/* The article as Markdown (CommonMark, with GFM tables), from the cleaned
 * markup of the content stage or, without it, from the text paragraphs. */
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <string.h>
#include <strings.h>

#include "format.h"

/* Elements nested deeper than this are not walked (the content stage bounds
 * its markup by max_dom_depth already; this keeps the recursion bounded on
 * any input). */
#define MD_MAX_DEPTH 128
/* Columns of a table beyond this are dropped (a layout grid, not data). */
#define MD_MAX_COLUMNS 64
/* The longest run of digits that can open an ordered list item. */
#define MD_LIST_NUMBER_MAX 9

/* Characters escaped wherever they appear: emphasis, code, links, raw HTML,
 * table cells and strikethrough. */
static const char md_always[] = "\\`*_[]<>|~";
/* Characters that open a block only at the start of a line. */
static const char md_line_start[] = "#+-=>";

/* Where inline text stands inside its block. */
typedef struct {
    bool at_line_start; /* nothing written on this line yet */
    bool space;         /* whitespace seen and not yet written */
} inl;

static bool is_ws(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static bool is_elem(const xmlNode *n, const char *name) {
    return n->type == XML_ELEMENT_NODE && !strcasecmp((const char *)n->name, name);
}

/* h2 -> 2, anything else -> 0. */
static int heading_level(const xmlNode *n) {
    const char *s = (const char *)n->name;
    if (n->type != XML_ELEMENT_NODE || (s[0] != 'h' && s[0] != 'H') || s[1] < '1' ||
        s[1] > '6' || s[2])
        return 0;
    return s[1] - '0';
}

static bool is_block(const xmlNode *n) {
    static const char *const blocks[] = {
        "p",      "ul",    "ol",      "li",         "table",  "blockquote", "pre",
        "figure", "div",   "section", "article",    "header", "footer",     "hr",
        "dl",     "dt",    "dd",      "figcaption", "main",   "aside",      "thead",
        "tbody",  "tfoot", "tr",      "caption"};
    if (n->type != XML_ELEMENT_NODE)
        return false;
    if (heading_level(n))
        return true;
    for (size_t i = 0; i < sizeof blocks / sizeof *blocks; i++)
        if (!strcasecmp((const char *)n->name, blocks[i]))
            return true;
    return false;
}

/* Does "&..." at s look like a character reference Markdown would decode? */
static bool entity_like(const char *s) {
    size_t i = 1;
    if (s[i] == '#')
        i++;
    size_t start = i;
    while (isalnum((unsigned char)s[i]))
        i++;
    return i > start && s[i] == ';';
}

/* Writes "1." / "12)" at a line start with its punctuation escaped, so a
 * sentence starting with a year does not become a numbered list. Returns the
 * bytes consumed, 0 when s does not start that way. */
static size_t ordered_marker(fbuf *out, const char *s) {
    size_t n = 0;
    while (n < MD_LIST_NUMBER_MAX && isdigit((unsigned char)s[n]))
        n++;
    if (!n || (s[n] != '.' && s[n] != ')'))
        return 0;
    fbuf_append(out, s, n);
    fbuf_putc(out, '\\');
    fbuf_putc(out, s[n]);
    return n + 1;
}

/* Appends text escaped, with runs of whitespace collapsed to one space. */
static void md_text(fbuf *out, inl *st, const char *s) {
    while (*s) {
        if (is_ws((unsigned char)*s)) {
            st->space = !st->at_line_start;
            s++;
            continue;
        }
        if (st->space) {
            fbuf_putc(out, ' ');
            st->space = false;
        }
        if (st->at_line_start) {
            st->at_line_start = false;
            size_t n = ordered_marker(out, s);
            if (n) {
                s += n;
                continue;
            }
            if (strchr(md_line_start, *s)) {
                fbuf_putc(out, '\\');
                fbuf_putc(out, *s++);
                continue;
            }
        }
        if (strchr(md_always, *s) || (*s == '&' && entity_like(s)) ||
            (*s == '!' && s[1] == '['))
            fbuf_putc(out, '\\');
        fbuf_putc(out, *s++);
    }
}

/* Writes a link or image destination: spaces, parentheses, angle brackets
 * and controls percent-encoded so the destination cannot end early. */
static void md_url(fbuf *out, const char *url) {
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p <= ' ' || *p == '(' || *p == ')' || *p == '<' || *p == '>' || *p == 0x7f) {
            char enc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            fbuf_append(out, enc, 3);
        } else {
            fbuf_putc(out, (char)*p);
        }
    }
}

static const char *attr(const xmlNode *n, const char *name) {
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (!strcasecmp((const char *)a->name, name) && a->children &&
            a->children->content)
            return (const char *)a->children->content;
    return NULL;
}

static void md_inline(fbuf *out, inl *st, const xmlNode *n, unsigned depth);

static void md_inline_children(fbuf *out, inl *st, const xmlNode *n, unsigned depth) {
    for (const xmlNode *k = n->children; k; k = k->next)
        md_inline(out, st, k, depth + 1);
}

static void md_space(fbuf *out, inl *st) {
    if (st->space) {
        fbuf_putc(out, ' ');
        st->space = false;
    }
    st->at_line_start = false;
}

static void md_link(fbuf *out, inl *st, const xmlNode *n, unsigned depth) {
    const char *href = attr(n, "href");
    if (!href || !*href) {
        md_inline_children(out, st, n, depth);
        return;
    }
    md_space(out, st);
    size_t mark = out->len;
    fbuf_putc(out, '[');
    md_inline_children(out, st, n, depth);
    st->space = false;
    if (out->len == mark + 1) { /* no text: drop the link */
        out->len = mark;
        if (out->data)
            out->data[mark] = '\0';
        return;
    }
    fbuf_puts(out, "](");
    md_url(out, href);
    fbuf_putc(out, ')');
}

static void md_image(fbuf *out, inl *st, const xmlNode *n) {
    const char *src = attr(n, "src");
    if (!src || !*src)
        return;
    md_space(out, st);
    fbuf_puts(out, "![");
    const char *alt = attr(n, "alt");
    inl alt_st = {false, false};
    if (alt)
        md_text(out, &alt_st, alt);
    fbuf_puts(out, "](");
    md_url(out, src);
    fbuf_putc(out, ')');
}

static void md_inline(fbuf *out, inl *st, const xmlNode *n, unsigned depth) {
    if (depth > MD_MAX_DEPTH)
        return;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            md_text(out, st, (const char *)n->content);
        return;
    }
    if (n->type != XML_ELEMENT_NODE)
        return;
    if (is_elem(n, "a"))
        md_link(out, st, n, depth);
    else if (is_elem(n, "img"))
        md_image(out, st, n);
    else if (is_elem(n, "br")) {
        /* A backslash before the newline is CommonMark's hard line break. */
        if (!st->at_line_start)
            fbuf_puts(out, "\\\n");
        st->at_line_start = true;
        st->space = false;
    } else
        md_inline_children(out, st, n, depth);
}

/* -------------------------------------------------------------- blocks */

static void md_blocks(fbuf *out, const xmlNode *parent, const char *sep, unsigned depth);

/* Starts a new block in out: the separator when something came before. */
static void block_sep(fbuf *out, const char *sep) {
    if (out->len)
        fbuf_puts(out, sep);
}

/* Appends src with `first` before its first line and `rest` before every
 * later non-empty line (list markers, quote marks, indentation). */
static void prefixed(fbuf *out, const fbuf *src, const char *first, const char *rest) {
    if (!src->len)
        return;
    const char *p = src->data, *end = src->data + src->len;
    bool first_line = true;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (first_line)
            fbuf_puts(out, first);
        else if (n)
            fbuf_puts(out, rest);
        else if (rest[0] == '>')
            fbuf_putc(out, '>');
        fbuf_append(out, p, n);
        if (nl)
            fbuf_putc(out, '\n');
        p += n + (nl ? 1 : 0);
        first_line = false;
    }
}

static void md_list(fbuf *out, const xmlNode *list, unsigned depth) {
    bool ordered = is_elem(list, "ol");
    unsigned number = 1;
    for (const xmlNode *li = list->children; li; li = li->next) {
        if (li->type != XML_ELEMENT_NODE)
            continue;
        fbuf item;
        fbuf_init(&item, out->cap);
        md_blocks(&item, li, "\n", depth + 1);
        if (item.failed)
            out->failed = true;
        if (item.len) {
            char marker[16];
            int w = ordered ? snprintf(marker, sizeof marker, "%u. ", number++)
                            : snprintf(marker, sizeof marker, "- ");
            char indent[16];
            memset(indent, ' ', (size_t)w);
            indent[w] = '\0';
            if (out->len && out->data[out->len - 1] != '\n')
                fbuf_putc(out, '\n');
            prefixed(out, &item, marker, indent);
        }
        fbuf_free(&item);
    }
}

/* The rows of a table, through thead/tbody/tfoot, in order. */
static size_t table_rows(const xmlNode *n, const xmlNode **rows, size_t max,
                         size_t count) {
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (is_elem(k, "tr")) {
            if (rows && count < max)
                rows[count] = k;
            count++;
        } else if (is_elem(k, "thead") || is_elem(k, "tbody") || is_elem(k, "tfoot")) {
            count = table_rows(k, rows, max, count);
        }
    }
    return count;
}

static bool is_cell(const xmlNode *n) { return is_elem(n, "td") || is_elem(n, "th"); }

static void md_row(fbuf *out, const xmlNode *tr, size_t cols, unsigned depth) {
    size_t i = 0;
    for (const xmlNode *c = tr->children; c && i < cols; c = c->next) {
        if (!is_cell(c))
            continue;
        inl st = {true, false};
        fbuf_puts(out, i ? " | " : "| ");
        md_inline_children(out, &st, c, depth + 1);
        i++;
    }
    for (; i < cols; i++)
        fbuf_puts(out, i ? " | " : "| ");
    fbuf_puts(out, " |");
}

static void md_table(fbuf *out, const xmlNode *table, unsigned depth) {
    size_t n_rows = table_rows(table, NULL, 0, 0);
    if (!n_rows)
        return;
    const xmlNode **rows = calloc(n_rows, sizeof *rows);
    if (!rows) {
        out->failed = true;
        return;
    }
    table_rows(table, rows, n_rows, 0);
    size_t cols = 0;
    for (size_t r = 0; r < n_rows; r++) {
        size_t n = 0;
        for (const xmlNode *c = rows[r]->children; c; c = c->next)
            n += is_cell(c);
        if (n > cols)
            cols = n;
    }
    if (cols > MD_MAX_COLUMNS)
        cols = MD_MAX_COLUMNS;
    if (cols) {
        /* GFM wants a header row: the first row is it. */
        for (size_t r = 0; r < n_rows; r++) {
            if (r)
                fbuf_putc(out, '\n');
            md_row(out, rows[r], cols, depth);
            if (r == 0) {
                fbuf_putc(out, '\n');
                for (size_t i = 0; i < cols; i++)
                    fbuf_puts(out, i ? " | ---" : "| ---");
                fbuf_puts(out, " |");
            }
        }
    }
    free(rows);
}

/* A fenced code block, the fence longer than any backtick run inside. */
static void md_pre(fbuf *out, const xmlNode *pre) {
    xmlChar *text = xmlNodeGetContent(pre);
    if (!text)
        return;
    size_t run = 0, longest = 0;
    for (const xmlChar *p = text; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    size_t fence = longest >= 3 ? longest + 1 : 3;
    for (size_t i = 0; i < fence; i++)
        fbuf_putc(out, '`');
    fbuf_putc(out, '\n');
    size_t len = strlen((const char *)text);
    while (len && text[len - 1] == '\n')
        len--;
    fbuf_append(out, (const char *)text, len);
    fbuf_putc(out, '\n');
    for (size_t i = 0; i < fence; i++)
        fbuf_putc(out, '`');
    xmlFree(text);
}

/* One block element into out (which it starts with `sep` when not empty). */
static void md_block(fbuf *out, const xmlNode *n, const char *sep, unsigned depth) {
    int level = heading_level(n);
    if (level) {
        block_sep(out, sep);
        for (int i = 0; i < level; i++)
            fbuf_putc(out, '#');
        fbuf_putc(out, ' ');
        inl st = {false, false};
        size_t mark = out->len;
        md_inline_children(out, &st, n, depth);
        if (out->len == mark) /* an empty heading */
            fbuf_puts(out, "\\#");
    } else if (is_elem(n, "ul") || is_elem(n, "ol")) {
        block_sep(out, sep);
        md_list(out, n, depth);
    } else if (is_elem(n, "table")) {
        block_sep(out, sep);
        md_table(out, n, depth);
    } else if (is_elem(n, "pre")) {
        block_sep(out, sep);
        md_pre(out, n);
    } else if (is_elem(n, "hr")) {
        block_sep(out, sep);
        fbuf_puts(out, "---");
    } else if (is_elem(n, "blockquote")) {
        fbuf inner;
        fbuf_init(&inner, out->cap);
        md_blocks(&inner, n, "\n\n", depth + 1);
        if (inner.failed)
            out->failed = true;
        if (inner.len) {
            block_sep(out, sep);
            prefixed(out, &inner, "> ", "> ");
        }
        fbuf_free(&inner);
    } else if (is_elem(n, "figcaption") || is_elem(n, "caption")) {
        fbuf inner;
        fbuf_init(&inner, out->cap);
        inl st = {true, false};
        md_inline_children(&inner, &st, n, depth);
        if (inner.failed)
            out->failed = true;
        if (inner.len) {
            block_sep(out, sep);
            fbuf_putc(out, '*');
            fbuf_append(out, inner.data, inner.len);
            fbuf_putc(out, '*');
        }
        fbuf_free(&inner);
    } else {
        /* p, div, figure, li content...: their children, blocks or inline. */
        md_blocks(out, n, sep, depth + 1);
    }
}

/* The children of parent: runs of inline content become paragraphs, block
 * elements render as themselves; blocks are joined by sep. */
static void md_blocks(fbuf *out, const xmlNode *parent, const char *sep, unsigned depth) {
    if (depth > MD_MAX_DEPTH)
        return;
    inl st = {true, false};
    bool in_para = false;
    for (const xmlNode *k = parent->children; k; k = k->next) {
        if (is_block(k)) {
            in_para = false;
            md_block(out, k, sep, depth);
            continue;
        }
        if (!in_para) {
            /* Whitespace between blocks opens no paragraph. */
            if (k->type == XML_TEXT_NODE && k->content &&
                strspn((const char *)k->content, " \t\r\n\f") ==
                    strlen((const char *)k->content))
                continue;
            if (k->type != XML_TEXT_NODE && k->type != XML_ELEMENT_NODE)
                continue;
            block_sep(out, sep);
            st.at_line_start = true;
            st.space = false;
            in_para = true;
        }
        md_inline(out, &st, k, depth + 1);
    }
}

/* Paragraphs of result->text, escaped, when there is no markup. */
static void md_from_text(fbuf *out, const char *text, size_t len) {
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *brk = strstr(p, "\n\n");
        size_t n = brk && brk < end ? (size_t)(brk - p) : (size_t)(end - p);
        char *para = strndup(p, n);
        if (!para) {
            out->failed = true;
            return;
        }
        inl st = {true, false};
        block_sep(out, "\n\n");
        md_text(out, &st, para);
        free(para);
        p += n + (brk && brk < end ? 2 : 0);
    }
}

static void md_article_html(fbuf *out, const char *html) {
    htmlDocPtr doc =
        htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                       HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc) {
        out->failed = true;
        return;
    }
    const xmlNode *root = xmlDocGetRootElement(doc);
    const xmlNode *body = NULL;
    for (const xmlNode *k = root ? root->children : NULL; k; k = k->next)
        if (is_elem(k, "body"))
            body = k;
    if (body) {
        fbuf part;
        fbuf_init(&part, out->cap);
        md_blocks(&part, body, "\n\n", 0);
        if (part.len) {
            block_sep(out, "\n\n");
            fbuf_append(out, part.data, part.len);
        }
        out->failed |= part.failed;
        fbuf_free(&part);
    }
    xmlFreeDoc(doc);
}

void format_markdown(const lede_result *r, fbuf *out) {
    if (r->headline && *r->headline) {
        inl st = {false, false};
        fbuf_puts(out, "# ");
        md_text(out, &st, r->headline);
    }
    if (r->byline && *r->byline) {
        inl st = {false, false};
        block_sep(out, "\n\n");
        fbuf_putc(out, '*');
        md_text(out, &st, r->byline);
        fbuf_putc(out, '*');
    }
    if (r->html && *r->html)
        md_article_html(out, r->html);
    else if (r->text && r->text_len)
        md_from_text(out, r->text, r->text_len);
    if (out->len)
        fbuf_putc(out, '\n');
}

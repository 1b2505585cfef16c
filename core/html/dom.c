#include "dom.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

bool dom_is(const xmlNode *n, const char *name) {
    return n && n->type == XML_ELEMENT_NODE && n->name &&
           !strcmp((const char *)n->name, name);
}

/* An attribute's value as dom_attr() returns it. */
static const char *attr_value(const xmlAttr *a) {
    const xmlNode *c = a->children;
    if (!c)
        return "";
    if (c->type == XML_TEXT_NODE && !c->next && c->content)
        return (const char *)c->content;
    return NULL;
}

const char *dom_attr(const xmlNode *n, const char *name) {
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (!a->name || strcasecmp((const char *)a->name, name))
            continue;
        return attr_value(a);
    }
    return NULL;
}

static unsigned char ascii_lower(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

void dom_attrs(const xmlNode *n, const char *const *names, const char **values,
               size_t count) {
    if (count > DOM_ATTRS_MAX)
        count = DOM_ATTRS_MAX;
    for (size_t i = 0; i < count; i++)
        values[i] = NULL;
    if (!n || n->type != XML_ELEMENT_NODE)
        return;
    uint32_t found = 0, all = count == DOM_ATTRS_MAX ? UINT32_MAX : (1u << count) - 1;
    for (const xmlAttr *a = n->properties; a && found != all; a = a->next) {
        if (!a->name)
            continue;
        unsigned char first = ascii_lower(a->name[0]);
        for (size_t i = 0; i < count; i++) {
            /* The first attribute of each name counts, as in dom_attr(). */
            if ((found >> i) & 1u || (unsigned char)names[i][0] != first ||
                strcasecmp((const char *)a->name, names[i]))
                continue;
            found |= 1u << i;
            values[i] = attr_value(a);
        }
    }
}

xmlNode *dom_next(const xmlNode *root, xmlNode *n, bool skip_children) {
    if (!skip_children && n->children)
        return n->children;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

bool dom_is_non_text(const xmlNode *n) {
    static const char *const names[] = {"script", "style",  "noscript", "template",
                                        "svg",    "iframe", "object",   "head"};
    if (!n || n->type != XML_ELEMENT_NODE || !n->name)
        return false;
    const char *name = (const char *)n->name;
    /* Most elements differ in the first byte: no call for those. */
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i][0] == name[0] && !strcmp(name, names[i]))
            return true;
    return false;
}

/* Bytes of collapsed text gathered on the stack before they go to the buffer. */
#define COLLAPSE_CHUNK 512

/* Length of the whitespace (ASCII or U+00A0) at s, 0 when none. */
static size_t space_len(const char *s) {
    unsigned char c = (unsigned char)*s;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        return 1;
    return c == 0xC2 && (unsigned char)s[1] == 0xA0 ? 2 : 0;
}

/* Appends chunk[0..n) to b. At b's cap it appends as many bytes as fit, as
 * appending them one at a time would, and fails. */
static int flush_chunk(strbuf *b, const char *chunk, size_t n) {
    if (!strbuf_append(b, chunk, n))
        return 0;
    for (size_t i = 0; i < n && !strbuf_putc(b, chunk[i]); i++)
        ;
    return -1;
}

/* The text is gathered in chunks, so the buffer grows once per chunk rather
 * than once per byte. */
int dom_append_collapsed(strbuf *b, const char *s) {
    char chunk[COLLAPSE_CHUNK];
    size_t n = 0;
    for (;;) {
        unsigned char c = (unsigned char)*s;
        /* Most bytes are neither whitespace, the lead byte of U+00A0 nor the end. */
        size_t ws = c > ' ' && c != 0xC2 ? 0 : space_len(s);
        if (!ws && !c)
            break;
        if (ws) {
            do
                s += ws;
            while ((ws = space_len(s)) != 0);
            char last = n ? chunk[n - 1] : b->len ? b->data[b->len - 1] : '\0';
            if (!last || last == ' ' || last == '\n')
                continue;
            c = ' ';
        } else {
            s++;
        }
        if (n == sizeof chunk) {
            if (flush_chunk(b, chunk, n))
                return -1;
            n = 0;
        }
        chunk[n++] = (char)c;
    }
    return n ? flush_chunk(b, chunk, n) : 0;
}

int dom_text_append(strbuf *b, const xmlNode *root) {
    xmlNode *n = (xmlNode *)root;
    while (n) {
        bool skip = dom_is_non_text(n);
        if (!skip && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
            n->content)
            if (dom_append_collapsed(b, (const char *)n->content))
                return -1;
        if (!skip && dom_is(n, "br"))
            if (dom_append_collapsed(b, " "))
                return -1;
        n = dom_next(root, n, skip || n->type != XML_ELEMENT_NODE);
    }
    return 0;
}

char *dom_text(lede_arena *a, const xmlNode *n, size_t cap) {
    strbuf b;
    strbuf_init(&b, a, cap);
    dom_text_append(&b, n);
    size_t len = b.len;
    while (len && b.data[len - 1] == ' ')
        len--;
    return arena_strndup(a, strbuf_peek(&b), len);
}

void dom_walk(xmlNode *root, unsigned depth, unsigned max_depth, const dom_visitor *v) {
    xmlNode *n = root;
    if (!n)
        return;
    for (;;) {
        if (n->type == XML_ELEMENT_NODE) {
            if (depth <= max_depth && v->enter(v->ud, n, depth)) {
                if (n->children) {
                    n = n->children;
                    depth++;
                    continue;
                }
                v->leave(v->ud, n);
            }
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
                   n != root && v->text) {
            v->text(v->ud, n);
        }
        while (n != root && !n->next) {
            n = n->parent;
            depth--;
            v->leave(v->ud, n);
        }
        if (n == root)
            return;
        n = n->next;
    }
}

unsigned dom_depth(const xmlNode *n) {
    unsigned d = 0;
    for (; n && n->type == XML_ELEMENT_NODE; n = n->parent)
        d++;
    return d;
}

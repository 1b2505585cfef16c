/* A DOM as the stages see it, written out as one string, so that two parses
 * can be compared: the DOM of a page and the DOM of the prefiltered page must
 * give the same string. Shared by tests/unit/test_prefilter.c and
 * tests/fuzz/fuzz_prefilter.c.
 *
 * Elements are written with the attributes html_attr_kept() keeps, in order.
 * Comments are left out and the text between two element boundaries is
 * joined, with runs of blanks collapsed and the ends trimmed (libxml2 keeps
 * or drops a blank-only text node depending on what follows it, and a
 * dropped comment can change what follows). Script and style bodies are left
 * out unless the script is JSON-LD. */
#ifndef LEDE_TEST_DOM_EQUIV_H
#define LEDE_TEST_DOM_EQUIV_H

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html/html.h"

typedef struct {
    char *data;
    size_t len, cap;
    int failed;
} dom_out;

static inline void dom_out_put(dom_out *o, const char *s, size_t n) {
    if (o->failed)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 4096;
        while (cap < o->len + n + 1)
            cap *= 2;
        char *d = realloc(o->data, cap);
        if (!d) {
            o->failed = 1;
            return;
        }
        o->data = d, o->cap = cap;
    }
    memcpy(o->data + o->len, s, n);
    o->len += n;
    o->data[o->len] = '\0';
}

static inline void dom_out_puts(dom_out *o, const char *s) {
    dom_out_put(o, s, strlen(s));
}

/* Pending text: collapsed as it arrives, trimmed when written. */
static inline void dom_text_add(dom_out *text, const char *s) {
    for (; *s; s++) {
        int blank = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
        if (blank && (!text->len || text->data[text->len - 1] == ' '))
            continue;
        dom_out_put(text, blank ? " " : s, 1);
    }
}

static inline void dom_text_flush(dom_out *o, dom_out *text) {
    while (text->len && text->data[text->len - 1] == ' ')
        text->len--;
    if (text->len) {
        dom_out_puts(o, "\n#text ");
        dom_out_put(o, text->data, text->len);
    }
    text->len = 0;
}

static inline int dom_is_json_ld(const xmlNode *n) {
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (!strcasecmp((const char *)a->name, "type") && a->children &&
            a->children->content && strstr((const char *)a->children->content, "ld+json"))
            return 1;
    return 0;
}

static inline void dom_write(dom_out *o, dom_out *text, const xmlNode *n,
                             bool keep_markup) {
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                dom_text_add(text, (const char *)n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue; /* comments, the DTD, processing instructions */
        dom_text_flush(o, text);
        dom_out_puts(o, "\n<");
        dom_out_puts(o, (const char *)n->name);
        for (const xmlAttr *a = n->properties; a; a = a->next) {
            const char *name = (const char *)a->name;
            if (!html_attr_kept((const char *)n->name, strlen((const char *)n->name),
                                name, strlen(name), keep_markup))
                continue;
            dom_out_puts(o, " ");
            dom_out_puts(o, name);
            dom_out_puts(o, "=");
            for (const xmlNode *v = a->children; v; v = v->next)
                if (v->content)
                    dom_out_puts(o, (const char *)v->content);
        }
        dom_out_puts(o, ">");
        int raw = !strcmp((const char *)n->name, "script") ||
                  !strcmp((const char *)n->name, "style");
        if (!raw || dom_is_json_ld(n))
            dom_write(o, text, n->children, keep_markup);
        dom_text_flush(o, text);
        dom_out_puts(o, "\n</");
        dom_out_puts(o, (const char *)n->name);
        dom_out_puts(o, ">");
    }
}

/* The DOM libxml2 builds from html (len bytes), written out ("" for empty
 * input) with the attributes the prefilter keeps for keep_markup; NULL when
 * the parse fails. The caller frees the string. */
static inline char *dom_equiv_string(const char *html, size_t len, bool keep_markup) {
    htmlDocPtr doc =
        htmlReadMemory(html, (int)len, NULL, "UTF-8",
                       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    if (!doc) /* libxml2 builds no document from empty input */
        return len ? NULL : strdup("");
    dom_out o = {0}, text = {0};
    dom_out_puts(&o, "");
    dom_write(&o, &text, doc->children, keep_markup);
    dom_text_flush(&o, &text);
    xmlFreeDoc(doc);
    free(text.data);
    if (o.failed) {
        free(o.data);
        return NULL;
    }
    return o.data;
}

#endif

/* A whole libxml2 document written out exactly, so that the arena tree of
 * html_parse() (core/html/tree.c) can be compared with the tree libxml2's own
 * SAX2 callbacks build from the same bytes. Every node is written with its
 * type, name and content, every attribute with its name and value nodes, in
 * order. The walk also checks each node's links (parent, prev, the parent's
 * last, doc) and writes "!link" where one is wrong, so that a broken link
 * makes the strings differ too. Shared by tests/unit/test_html.c,
 * tests/fuzz/fuzz_tree.c and tests/fuzz/fuzz_moved.c. */
#ifndef LEDE_TEST_DOM_EXACT_H
#define LEDE_TEST_DOM_EXACT_H

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "dom_equiv.h"
#include "html/html.h"

static inline void exact_node(dom_out *o, const xmlNode *n, unsigned depth) {
    char head[64];
    snprintf(head, sizeof head, "\n%u %d ", depth, (int)n->type);
    dom_out_puts(o, head);
    dom_out_puts(o, n->name ? (const char *)n->name : "(no name)");
    if (n->type == XML_ELEMENT_NODE) {
        for (const xmlAttr *a = n->properties; a; a = a->next) {
            dom_out_puts(o, " @");
            dom_out_puts(o, (const char *)a->name);
            if (a->parent != n || (a->prev ? a->prev->next != a : n->properties != a))
                dom_out_puts(o, "!link");
            for (const xmlNode *v = a->children; v; v = v->next) {
                dom_out_puts(o, v->name == xmlStringText ? "=" : "=(not text)");
                dom_out_puts(o, v->content ? (const char *)v->content : "(null)");
                if (v->parent != (const xmlNode *)a || (!v->next && a->last != v))
                    dom_out_puts(o, "!link");
            }
        }
    } else if (n->type != XML_DTD_NODE) {
        dom_out_puts(o, " ");
        dom_out_puts(o, n->content ? (const char *)n->content : "(null)");
    }
}

/* The document written out; NULL when out of memory. The caller frees it. */
static inline char *dom_exact_string(const xmlDoc *doc) {
    dom_out o = {0};
    dom_out_puts(&o, "");
    const xmlNode *top = (const xmlNode *)doc;
    const xmlNode *n = top->children;
    unsigned depth = 1;
    /* Iterative pre-order walk: libxml2 trees can be a few hundred deep. */
    while (n) {
        exact_node(&o, n, depth);
        const xmlNode *parent = n->parent;
        if (n->doc != doc || (n->prev ? n->prev->next != n : parent->children != n) ||
            (!n->next && parent->last != n))
            dom_out_puts(&o, "!link");
        if (n->type == XML_ELEMENT_NODE && n->children) {
            if (n->children->parent != n)
                dom_out_puts(&o, "!link");
            n = n->children;
            depth++;
            continue;
        }
        while (n && n != top && !n->next) {
            n = n->parent;
            depth--;
        }
        if (n && n != top) {
            if (n->next->parent != n->parent)
                dom_out_puts(&o, "!link");
            n = n->next;
        } else {
            n = NULL;
        }
    }
    if (o.failed) {
        free(o.data);
        return NULL;
    }
    return o.data;
}

/* The flags html_parse() gives libxml2. */
#define DOM_EXACT_FLAGS                                                                  \
    (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | \
     HTML_PARSE_COMPACT)

/* Compares the arena tree with libxml2's and frees both: 0 when they are the
 * same, when both parses failed, or when lede refused the page for a limit
 * (`limited`); 1 when they differ (the two strings, when wanted, left in
 * *libxml2_out and *arena_out for the caller to show and free); -1 when only
 * one parse failed. */
static inline int dom_exact_result(htmlDocPtr mine, htmlDocPtr theirs, bool limited,
                                   char **libxml2_out, char **arena_out) {
    int result = -1;
    char *x = NULL, *y = NULL;
    if (limited || (!mine && !theirs)) {
        result = 0;
    } else if (mine && theirs) {
        x = dom_exact_string(theirs);
        y = dom_exact_string(mine);
        result = x && y && !strcmp(x, y) ? 0 : 1;
    }
    html_doc_free(mine);
    if (theirs)
        xmlFreeDoc(theirs);
    if (libxml2_out && arena_out && result == 1) {
        *libxml2_out = x, *arena_out = y;
    } else {
        free(x);
        free(y);
    }
    return result;
}

/* Parses html both ways and returns 0 when the trees are the same, 1 when
 * they differ (the two strings, when wanted, are left in *libxml2_out and
 * *arena_out for the caller to show and free), -1 when a parse failed on
 * one side only. `limited` is set when html_parse() refused the page for a
 * limit, which the default parse does not have. */
static inline int dom_exact_compare(const char *html, size_t len, char **libxml2_out,
                                    char **arena_out, int *limited) {
    lede_options opt;
    lede_options_init(&opt);
    lede_arena *a = arena_new(0);
    htmlDocPtr mine = NULL;
    lede_status st = html_parse(a, html, len, NULL, &opt, &mine);
    /* The same entry point as html_parse(), with libxml2's own callbacks
     * (htmlReadMemory() differs: it gives no document for empty input). */
    htmlParserCtxtPtr pc = htmlNewParserCtxt();
    htmlDocPtr theirs =
        pc ? htmlCtxtReadMemory(pc, html, (int)len, NULL, "UTF-8", DOM_EXACT_FLAGS)
           : NULL;
    if (pc)
        htmlFreeParserCtxt(pc);
    *limited = st == LEDE_ERR_LIMIT || st == LEDE_ERR_NOMEM;
    int result = dom_exact_result(mine, theirs, *limited, libxml2_out, arena_out);
    arena_free(a);
    return result;
}

/* The pipeline's parse path against libxml2 with nothing moved: html (NUL
 * terminated, len bytes) goes through html_prefilter_moving() and
 * html_parse_moved() on one side, html_prefilter() and libxml2's own
 * callbacks on the other. Returns 0 when the trees are the same (or lede
 * refused the page for a limit), 1 when they differ (the two strings left in
 * *libxml2_out and *arena_out for the caller to show and free), -1 when only
 * one parse failed. *n_moved is the number of values moved. */
static inline int dom_exact_compare_moved(const char *html, size_t len, bool keep_markup,
                                          char **libxml2_out, char **arena_out,
                                          size_t *n_moved) {
    char *plain = malloc(len + 1), *moving = malloc(len + 1);
    lede_arena *a = arena_new(0);
    if (!plain || !moving || !a)
        abort();
    memcpy(plain, html, len + 1);
    memcpy(moving, html, len + 1);
    size_t n_plain = html_prefilter(plain, len, keep_markup);
    html_moved_attrs moved = {.arena = a};
    size_t n_moving = html_prefilter_moving(moving, len, keep_markup, &moved);
    lede_options opt;
    lede_options_init(&opt);
    htmlDocPtr mine = NULL;
    lede_status st = html_parse_moved(a, moving, n_moving, NULL, &opt, &moved, &mine);
    htmlParserCtxtPtr pc = htmlNewParserCtxt();
    htmlDocPtr theirs =
        pc ? htmlCtxtReadMemory(pc, plain, (int)n_plain, NULL, "UTF-8", DOM_EXACT_FLAGS)
           : NULL;
    if (pc)
        htmlFreeParserCtxt(pc);
    int result =
        dom_exact_result(mine, theirs, st == LEDE_ERR_LIMIT || st == LEDE_ERR_NOMEM,
                         libxml2_out, arena_out);
    *n_moved = moved.n;
    arena_free(a);
    free(plain);
    free(moving);
    return result;
}

#endif

/*
 * dom — small read-only helpers over the libxml2 DOM that the content and
 * metadata stages share: element tests, attribute lookup without allocation,
 * collecting an element's visible text with whitespace normalised, and a
 * depth-limited, non-recursive walk with enter/leave events.
 *
 * The `_private` field of element nodes belongs to the content stage, which
 * hangs its per-element scores there; other stages leave it alone.
 */
#ifndef LEDE_DOM_H
#define LEDE_DOM_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "../arena.h"

/* True when n is an element with this (lower-case ASCII) name. */
bool dom_is(const xmlNode *n, const char *name);

/* The value of attribute `name` (case-insensitive) or NULL. The pointer is
 * into the DOM; no copy is made. Entity-split values return NULL. */
const char *dom_attr(const xmlNode *n, const char *name);

/* dom_attr() of several names in one walk of n's attributes: values[i] is
 * set to dom_attr(n, names[i]) for each i < count (at most DOM_ATTRS_MAX).
 * Names are lower-case ASCII. */
#define DOM_ATTRS_MAX 32
void dom_attrs(const xmlNode *n, const char *const *names, const char **values,
               size_t count);

/* The next element in document order after n, not descending into n when
 * skip_children is true; NULL at the end of the subtree rooted at `root`. */
xmlNode *dom_next(const xmlNode *root, xmlNode *n, bool skip_children);

/* Appends s to b with runs of whitespace (U+00A0 included) collapsed to one
 * space, and no space right after a space or newline already in b. */
int dom_append_collapsed(strbuf *b, const char *s);

/* Appends n's text to b with runs of whitespace collapsed to one space and no
 * leading space at the start of b. Script, style and template are skipped. */
int dom_text_append(strbuf *b, const xmlNode *n);

/* n's normalised text as a new arena string (never NULL unless out of memory). */
char *dom_text(lede_arena *a, const xmlNode *n, size_t cap);

/* Elements whose text is never content: script, style, noscript, template... */
bool dom_is_non_text(const xmlNode *n);

/* Callbacks of dom_walk(). `enter` is called for each element no deeper than
 * the limit and returns whether to walk its children; `leave` follows for every
 * element whose `enter` returned true, after its children; `text` is called
 * for the text and CDATA children of entered elements. */
typedef struct {
    bool (*enter)(void *ud, xmlNode *el, unsigned depth);
    void (*leave)(void *ud, xmlNode *el);
    void (*text)(void *ud, xmlNode *text);
    void *ud;
} dom_visitor;

/* Walks the subtree of root in document order without recursion. `depth` is
 * root's depth (the <html> element has depth 1); elements deeper than
 * max_depth are neither entered nor walked. */
void dom_walk(xmlNode *root, unsigned depth, unsigned max_depth, const dom_visitor *v);

/* The depth of n: 1 for the root element, 0 for the document. */
unsigned dom_depth(const xmlNode *n);

#endif

/*
 * dom — small read-only helpers over the libxml2 DOM that the content and
 * metadata stages share: element tests, attribute lookup without allocation,
 * and collecting an element's visible text with whitespace normalised.
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

/* The next element in document order after n, not descending into n when
 * skip_children is true; NULL at the end of the subtree rooted at `root`. */
xmlNode *dom_next(const xmlNode *root, xmlNode *n, bool skip_children);

/* Appends n's text to b with runs of whitespace collapsed to one space and no
 * leading space at the start of b. Script, style and template are skipped. */
int dom_text_append(strbuf *b, const xmlNode *n);

/* n's normalised text as a new arena string (never NULL unless out of memory). */
char *dom_text(lede_arena *a, const xmlNode *n, size_t cap);

/* Elements whose text is never content: script, style, noscript, template... */
bool dom_is_non_text(const xmlNode *n);

#endif

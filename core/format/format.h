/*
 * format — the article as text or Markdown instead of JSON (lede_result_render).
 *
 * Plain text is the headline over result->text. Markdown is rendered from the
 * cleaned article markup (result->html) the content stage wrote, a small and
 * known tag set (p, h2-h6, ul/ol/li, table/tr/th/td, a, img, blockquote, pre,
 * figure, br), so it keeps subheadings, lists, tables and links; without
 * markup it falls back to the text paragraphs. The module never sees the page
 * itself and does no extraction of its own.
 *
 * Output goes to an fbuf: a malloc'd string with a hard cap fixed from the
 * input size (escaping at most doubles a character, and markup adds a bounded
 * amount per element), so a pathological input cannot grow it without end.
 */
#ifndef LEDE_FORMAT_H
#define LEDE_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

#include "lede/lede.h"

typedef struct {
    char *data; /* NUL-terminated once anything was appended */
    size_t len, size, cap;
    bool failed; /* an allocation failed or the cap was reached */
} fbuf;

void fbuf_init(fbuf *b, size_t cap);
void fbuf_free(fbuf *b);
/* Appends; on failure sets b->failed and leaves the contents as they were. */
void fbuf_append(fbuf *b, const char *s, size_t n);
void fbuf_puts(fbuf *b, const char *s);
void fbuf_putc(fbuf *b, char c);

/* Writes r as Markdown into out. */
void format_markdown(const lede_result *r, fbuf *out);

#endif

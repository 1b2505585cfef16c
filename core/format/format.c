/* lede_result_render: the bounded output buffer and the plain-text format. */
#include "format.h"

#include <stdlib.h>
#include <string.h>

/* Output bytes allowed per input byte: escaping doubles a character at most,
 * and link and table syntax adds a few bytes per element. */
#define FORMAT_GROWTH 4
/* Room for the fixed parts (markers, separators) of a tiny article. */
#define FORMAT_SLACK 4096
#define FBUF_INITIAL 4096

void fbuf_init(fbuf *b, size_t cap) {
    memset(b, 0, sizeof *b);
    b->cap = cap;
}

void fbuf_free(fbuf *b) {
    free(b->data);
    memset(b, 0, sizeof *b);
}

void fbuf_append(fbuf *b, const char *s, size_t n) {
    if (b->failed)
        return;
    if (n > b->cap - b->len) {
        b->failed = true;
        return;
    }
    if (b->len + n + 1 > b->size) {
        size_t size = b->size ? b->size : FBUF_INITIAL;
        while (size < b->len + n + 1)
            size *= 2;
        char *p = realloc(b->data, size);
        if (!p) {
            b->failed = true;
            return;
        }
        b->data = p;
        b->size = size;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void fbuf_puts(fbuf *b, const char *s) { fbuf_append(b, s, strlen(s)); }
void fbuf_putc(fbuf *b, char c) { fbuf_append(b, &c, 1); }

static size_t slen(const char *s) { return s ? strlen(s) : 0; }

static void format_text(const lede_result *r, fbuf *out) {
    if (r->headline && *r->headline) {
        fbuf_puts(out, r->headline);
        fbuf_puts(out, "\n\n");
    }
    if (r->text && r->text_len)
        fbuf_append(out, r->text, r->text_len);
    if (out->len && out->data[out->len - 1] != '\n')
        fbuf_putc(out, '\n');
}

lede_status lede_result_render(const lede_result *r, lede_format fmt, char **out,
                               size_t *out_len) {
    if (!r || !out || (fmt != LEDE_FORMAT_TEXT && fmt != LEDE_FORMAT_MARKDOWN))
        return LEDE_ERR_INVALID;
    *out = NULL;
    size_t in = slen(r->headline) + slen(r->byline) + r->text_len + slen(r->html);
    fbuf b;
    fbuf_init(&b, in * FORMAT_GROWTH + FORMAT_SLACK);
    if (fmt == LEDE_FORMAT_TEXT)
        format_text(r, &b);
    else
        format_markdown(r, &b);
    if (!b.failed && !b.data)
        fbuf_append(&b, "", 0);
    if (b.failed) {
        fbuf_free(&b);
        return LEDE_ERR_NOMEM;
    }
    *out = b.data;
    if (out_len)
        *out_len = b.len;
    return LEDE_OK;
}

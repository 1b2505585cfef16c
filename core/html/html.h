/*
 * html — from raw page bytes to a libxml2 DOM.
 *
 * html_decode() finds the page's charset the way browsers do (byte-order mark,
 * then the HTTP Content-Type, then <meta charset> / http-equiv in the first
 * bytes, then UTF-8 when the bytes mostly are, then windows-1252) and converts
 * the bytes to valid UTF-8 without NULs. html_prefilter() then removes, in
 * place, what no stage reads (comments, script and style bodies, unused
 * attributes, long runs of blanks), so that libxml2 parses about a third of
 * the bytes. html_parse() builds the DOM with libxml2's HTML parser, its nodes in
 * the request's arena: no network, no error output, and the configured size
 * and node limits enforced.
 */
#ifndef LEDE_HTML_H
#define LEDE_HTML_H

#include <libxml/HTMLparser.h>

#include "../arena.h"
#include "lede/lede.h"

/* Longest charset label we keep; real labels are far shorter. */
#define HTML_CHARSET_MAX 40

/* Finds the charset label for bytes: writes a lower-case label ("utf-8",
 * "windows-1252", "gbk", ...) into out. content_type may be NULL. */
void html_sniff_charset(const char *bytes, size_t len, const char *content_type,
                        char out[HTML_CHARSET_MAX]);

/* Converts bytes to valid UTF-8 (NUL-terminated, from the arena). The BOM, if
 * any, is dropped. charset_out, when not NULL, receives the label used. */
lede_status html_decode(lede_arena *a, const char *bytes, size_t len,
                        const char *content_type, char **out, size_t *out_len,
                        char charset_out[HTML_CHARSET_MAX]);

/* Shrinks decoded HTML in place to what the stages read, before parsing:
 * drops comments, the bodies of <script> (except JSON-LD) and <style>, and
 * every attribute html_attr_kept() does not keep. libxml2 builds the same
 * DOM from the result, minus those parts. keep_markup keeps what the cleaned
 * article markup (include_html) also reads: links and image addresses.
 * Returns the new length; s[len] is NUL afterwards. */
size_t html_prefilter(char *s, size_t len, bool keep_markup);

/* An attribute value html_prefilter_moving() took out of a start tag: the
 * tag keeps the attribute with an empty quoted value (class=""), and
 * html_parse_moved() puts the value back into the DOM. libxml2 reads an
 * attribute value one character at a time, two function calls a character,
 * and then copies it; a value handed over this way costs it nothing. */
typedef struct {
    size_t tag_end;   /* offset in the output where libxml2 ends the tag: its
                       * '>', the '/' of "/>", or the end of the input */
    const char *name; /* the attribute's name as written, in the output */
    size_t name_len;
    const char *value; /* NUL-terminated, in the arena */
} html_moved_attr;

/* The values taken out of one page, in document order. */
typedef struct {
    lede_arena *arena;
    html_moved_attr *v;
    size_t n, cap;
} html_moved_attrs;

/* html_prefilter(), and in the same pass the longer quoted values of kept
 * attributes moved into `moved` (its arena set, the rest zero): those
 * without character references, the first of their name in the tag, on any
 * element but <meta> (whose attributes libxml2 reads itself). The output
 * is for html_parse_moved() with the same `moved`; any value that cannot be
 * moved (out of memory) stays in place. s is html_decode()'s output: valid
 * UTF-8 (libxml2 counts its positions in the bytes it is given only while
 * they are); with a byte-order mark nothing moves. */
size_t html_prefilter_moving(char *s, size_t len, bool keep_markup,
                             html_moved_attrs *moved);

/* True when attribute `name` (n bytes, any case) of an `element` (may be
 * NULL) survives the prefilter: the attributes some stage reads. */
bool html_attr_kept(const char *element, size_t element_len, const char *name, size_t n,
                    bool keep_markup);

/* Parses UTF-8 HTML into a DOM whose nodes live in arena `a` (tree.c).
 * Fails with LEDE_ERR_LIMIT past opt->max_nodes, LEDE_ERR_NOMEM when the
 * arena is full and LEDE_ERR_PARSE when libxml2 gives up. The document is
 * freed with html_doc_free(), before the arena. */
lede_status html_parse(lede_arena *a, const char *utf8, size_t len, const char *url,
                       const lede_options *opt, htmlDocPtr *out);

/* html_parse() of the output of html_prefilter_moving(): each moved value
 * is back in its attribute, so the DOM is the one html_parse() builds from
 * html_prefilter()'s output. moved may be NULL (nothing moved). */
lede_status html_parse_moved(lede_arena *a, const char *utf8, size_t len, const char *url,
                             const lede_options *opt, const html_moved_attrs *moved,
                             htmlDocPtr *out);

/* Frees a document from html_parse() (never with xmlFreeDoc() alone). */
void html_doc_free(htmlDocPtr doc);

#endif

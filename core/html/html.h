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

/* Frees a document from html_parse() (never with xmlFreeDoc() alone). */
void html_doc_free(htmlDocPtr doc);

#endif

/*
 * meta_int — the pieces the metadata stage is built from, shared between its
 * files and exposed to tests/unit/test_meta.c.
 *
 *   text.c    cleaning strings (entities, tags, whitespace), site-name cutting
 *             of titles, URL resolution;
 *   jsonld.c  collecting every JSON-LD block and finding the article in it;
 *   byline.c  splitting a byline into person names, natural case, junk filter;
 *   date.c    parsing the many date spellings into ISO 8601;
 *   lang.c    language tags and a text-based language guess.
 *
 * Every string these functions return is a fresh arena copy in valid UTF-8,
 * never a pointer into the DOM or into a jansson value.
 */
#ifndef LEDE_META_INT_H
#define LEDE_META_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "../job.h"

/* Number of entries of a fixed array (the word and fact tables). */
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Longest metadata string we keep (a description, a title). */
#define META_FIELD_MAX 4096

/* ------------------------------------------------------------------ text.c */

/* A clean copy of s: HTML entities decoded, tags dropped, invalid UTF-8
 * repaired, zero-width characters removed, every run of (Unicode) white space
 * collapsed to one space and trimmed. NULL when s is NULL or nothing is left. */
char *meta_clean(lede_arena *a, const char *s);

/* The title without the site name: "Story | Site", "Story - Site",
 * "Site: Story" -> "Story". site may be NULL (then a short trailing part after
 * a strong separator is dropped). Returns a new arena string. */
char *meta_title_cut(lede_arena *a, const char *title, const char *site);

/* Like meta_title_cut() but only cuts a part that matches site. */
char *meta_title_cut_site(lede_arena *a, const char *title, const char *site);

/* True when a and b are equal ignoring case, spaces and punctuation. */
bool meta_loose_equal(const char *a, const char *b);

/* ref resolved against base (either may be NULL) with libxml2's xmlBuildURI;
 * only http(s) results are kept. NULL when nothing usable comes out. */
char *meta_url_resolve(lede_arena *a, const char *base, const char *ref);

/* The host of an absolute URL without a leading "www.", or NULL. */
char *meta_url_host(lede_arena *a, const char *url);

/* The registrable part of the URL's host ("global.chinadaily.com.cn" ->
 * "chinadaily.com.cn", "news.bbc.co.uk" -> "bbc.co.uk"), or NULL. */
char *meta_url_site(lede_arena *a, const char *url);

/* The language guess's stop-word table (lang.c); part of meta_init(). */
void meta_lang_init(void);

/* ---------------------------------------------------------------- jsonld.c */

/* JSON-LD, gathered by the page scan: meta_jsonld_script() parses n into
 * `all` (a flat array: top-level objects, array items and @graph items) when
 * it is a <script type="application/ld+json"> and returns whether n is a
 * <script> at all (its children are no markup); meta_jsonld_scripts_under()
 * does that for every script under root, in document order;
 * meta_jsonld_finish() hands `all` to job->jsonld and sets job->jsonld_body
 * from the article's articleBody. */
bool meta_jsonld_script(json_t *all, lede_arena *a, const xmlNode *n);
void meta_jsonld_scripts_under(json_t *all, lede_arena *a, xmlNode *root);
lede_status meta_jsonld_finish(lede_job *job, json_t *all);

/* Appends the objects of one JSON-LD text to `all` (tolerates comments,
 * CDATA, raw control characters and trailing junk). Returns the count added. */
size_t meta_jsonld_parse(json_t *all, const char *text, size_t len);

/* The best article object in `all` (NewsArticle, Article, BlogPosting,
 * Report, ... searched through nesting), else a WebPage, else NULL. */
json_t *meta_jsonld_article(json_t *all);

/* A string property of obj: a string, the first string of an array, or the
 * "name"/"@value" of an object. NULL when absent. Points into jansson. */
const char *meta_jsonld_str(json_t *obj, const char *key);

/* The article's headline, or its name when it is an article type (a page's
 * name is often the site's). Points into jansson; NULL when absent. */
const char *meta_jsonld_headline(json_t *article);

/* The node with this @id in `all`, or NULL. */
json_t *meta_jsonld_by_id(json_t *all, const char *id);

/* Appends the author names of article (Person objects, arrays, strings and
 * @id references) to names[*n] (at most max); organisations are left out.
 * Returns the name of the first organisation author, or NULL. The names
 * point into jansson values. */
const char *meta_jsonld_authors(json_t *all, json_t *article, const char **names,
                                size_t *n, size_t max);

/* ---------------------------------------------------------------- byline.c */

/* Most authors one byline can name. */
#define META_MAX_AUTHORS 12

typedef struct {
    const char *authors[META_MAX_AUTHORS]; /* natural case, arena strings */
    size_t n_authors;
    const char *dateline; /* "Moscow" from "By X in Moscow", or NULL */
    /* Set by the caller for free text (visible lines): one-word Latin names
     * ("By subject", "Washington") are not taken there. */
    bool min_two_words;
} meta_byline;

/* Splits a byline ("By A and B in City", "A, B & C", "REN QI") into person
 * names, dropping junk (agencies, "Staff", dates, e-mail addresses, job
 * titles, "5 min read"). Appends to out, skipping duplicates. */
void meta_byline_parse(lede_arena *a, const char *byline, meta_byline *out);

/* The byline as written, cut at the first separator that ends it
 * ("By X in Moscow | site | Updated: ..." -> "By X in Moscow"). */
char *meta_byline_trim(lede_arena *a, const char *text);

/* A person name in natural case: "REN QI" -> "Ren Qi", "o'brien" ->
 * "O'Brien"; names already in mixed case are kept ("McDonald", "de la Cruz"). */
char *meta_name_case(lede_arena *a, const char *name);

/* True when s cannot be a person's name (agency, "Staff", a date, ...). */
bool meta_name_is_junk(const char *s);

/* True when the text starts like a byline ("By ", "Written by ", ...) or is
 * only such an opener ("By", a label in its own element). */
bool meta_byline_prefixed(const char *s);

/* True when the text, ignoring trailing blanks, is only a byline opener:
 * "By", "by:", "Written by". */
bool meta_byline_opener_only(const char *s);

/* ------------------------------------------------------------------ date.c */

/* Room for "2021-11-16T19:35:00+08:00" and a NUL. */
#define META_DATE_MAX 32

/* Parses a date in any of the common spellings found in s (ISO 8601, RFC 2822,
 * "November 16, 2021 7:35 PM", "16 Nov 2021", epoch seconds/milliseconds)
 * into ISO 8601: "YYYY-MM-DDTHH:MM:SS[+hh:mm|Z]" when a time is given,
 * "YYYY-MM-DD" otherwise. Dates after now + one day are rejected. A
 * numeric date with slashes ("03/04/2021") reads month first when
 * month_first is set (the page's region writes dates so), else day first. */
bool meta_date_parse(const char *s, int64_t now, bool month_first,
                     char out[META_DATE_MAX]);

/* Like meta_date_parse() for a value the page marks as a date (a meta tag,
 * a <time>, an element classed "published"), where a numeric date may also
 * have a two-digit year ("12.11.16" -> 2016-11-12); free text is not read
 * so, since "1.9.17" there is as likely a version or a score. */
bool meta_date_parse_field(const char *s, int64_t now, bool month_first,
                           char out[META_DATE_MAX]);

/* The instant an ISO 8601 date names, in seconds since the epoch, when it
 * has both a time and a zone ("2017-02-23T17:18:13-08:00" and
 * "2017-02-24T01:18:13Z" are one instant); false otherwise. */
bool meta_date_instant(const char *iso, int64_t *t);

/* True when s opens with a date label: "Published", "Updated", "As of",
 * "Veröffentlicht", "Stand", "Publié", "Mis à jour", ... (date.c's table). */
bool meta_date_label_at(const char *s);

/* True when that label announces the last change ("Updated", "As of",
 * "Stand", "Aktualisiert", "Mis à jour"). */
bool meta_date_label_is_update(const char *s);

/* A date on a visible line: like meta_date_parse(), but after a date label
 * ("Veröffentlicht am 1.9.17", "Stand: 1.4.18") a two-digit year is read as
 * meta_date_parse_field() reads it. */
bool meta_date_parse_line(const char *s, int64_t now, bool month_first,
                          char out[META_DATE_MAX]);

/* True when a language tag ("en-US", "en_US", "es-419") names a region
 * that writes numeric dates month first. */
bool meta_region_month_first(const char *tag);

/* A date written in a URL path (/2021/11/16/, /2021-11-16/, /20211116/). */
bool meta_date_from_url(const char *url, int64_t now, char out[META_DATE_MAX]);

/* ------------------------------------------------------------------ lang.c */

/* A BCP 47 tag normalised from "en_US", "EN-us", "en-US,fr" ("en-US"), or NULL
 * when the value is not a language tag. */
char *meta_lang_normalise(lede_arena *a, const char *tag);

/* A guess of the language of UTF-8 text: a static tag ("en", "zh", ...) from
 * the script of its letters and, for Latin script, stop-word counts; NULL when
 * the text is too short or unclear. */
const char *meta_lang_guess(const char *text, size_t len);

#endif

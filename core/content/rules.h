/*
 * content rules — the evidence tables of main-content detection, as data.
 *
 * What kind of element a tag is (block, inline, never text, ...), how much a
 * tag or a class/id word says for or against "this is the article", which
 * short paragraphs are boilerplate ("Read more", "Advertisement", a lone date,
 * a "By ..." line, a photo credit), and the character measures the scorer uses
 * (lengths in code points, CJK weighted, so thresholds work for every script).
 * Nothing here walks the DOM; score.c and render.c do.
 */
#ifndef LEDE_CONTENT_RULES_H
#define LEDE_CONTENT_RULES_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How an element takes part in text and scoring. */
typedef enum {
    RK_INLINE = 0, /* text flows through it (span, em, unknown tags) */
    RK_BLOCK,      /* starts and ends a paragraph (p, div, li, h2, ...) */
    RK_SKIP,       /* never text: script, style, nav, form controls, ... */
    RK_BR,         /* a line break: ends the paragraph it is in */
    RK_CELL,       /* td/th: a block for scoring, a cell of its row's paragraph */
    RK_LINK,       /* a: its text counts as link text */
    RK_IMG,        /* img: no text, kept in the cleaned markup */
} rule_kind;

/* Per-tag flags. */
enum {
    RF_CONTAINER = 1u << 0, /* may hold the article: scored as a candidate itself */
    RF_CLEAN = 1u << 1,     /* pruned inside the article when it looks like boilerplate */
    RF_LIST = 1u << 2,      /* ul/ol/dl: stricter link-density pruning */
    RF_HEADING = 1u << 3,   /* h1-h6 */
    RF_KEEP_HTML = 1u << 4, /* kept (without attributes) in the cleaned markup */
    RF_PARA = 1u << 5,      /* a paragraph proper: sibling-merging candidate */
    RF_CAPTION = 1u << 6,   /* figcaption: in the markup, never in the text */
    RF_ROW = 1u << 7,       /* tr: one paragraph per row */
    RF_ALWAYS = 1u << 8,    /* html, body, article, main: never "unlikely" */
};

typedef struct {
    const char *name;
    uint8_t kind;   /* rule_kind */
    int8_t init;    /* starting score of a candidate with this tag */
    int8_t weight;  /* evidence of the tag itself (aside, footer, header: negative) */
    uint16_t flags; /* RF_* */
} rule_tag;

/* The rule of an element's tag; unknown tags are inline. */
const rule_tag *rules_tag(const xmlNode *el);

/* Evidence of the class, id (and itemprop/role) of an element. */
typedef struct {
    int weight;    /* +/- per attribute that matched positive/negative words */
    bool unlikely; /* boilerplate words and no "could still be content" word */
    bool hidden;   /* hidden, aria-hidden, an inline style or an sr-only class */
} rule_class;

/* Reads the class, id, itemprop, role and hiding attributes in one pass. */
void rules_classify(const xmlNode *el, rule_class *out);

/* Measures of a run of UTF-8 text: weighted length (non-space code points, a
 * CJK/kana/hangul character counting CJK_CHAR_WEIGHT) and clause marks (commas
 * in Latin, CJK and Arabic script). */
typedef struct {
    uint32_t chars;
    uint32_t commas;
} rule_measure;

/* One CJK character carries roughly what a short Latin word does. */
#define CJK_CHAR_WEIGHT 3

void rules_measure(const char *s, rule_measure *m);

/* Paragraph-level boilerplate tests over normalised paragraph text (one line,
 * single spaces). Each is cheap and meant for short paragraphs only. */
bool rules_is_boilerplate_phrase(const char *p, size_t len);
bool rules_is_date_line(const char *p, size_t len);
bool rules_is_byline_line(const char *p, size_t len);
bool rules_is_credit_line(const char *p, size_t len);

/* True when a and b are the same text once case, punctuation and spacing are
 * ignored; with `prefix`, when b starts with all of a (a headline with the
 * site name appended). */
bool rules_same_text(const char *a, size_t a_len, const char *b, bool prefix);

/* For tests: the class-word and tag tables must stay sorted, with words of at
 * least two letters: their letter indexes are derived from that order. */
bool rules_class_table_sorted(void);

/* Derives the tables' letter indexes, which rules_tag() and rules_classify()
 * need; called once per page by content_extract() and at start-up by
 * lede_ctx_new (later calls do nothing). */
void rules_init(void);

#endif

/* The prefilter: decoded HTML shrunk, in place, to what the stages read.
 *
 * About 45% of a typical news page's bytes are script and style bodies, and
 * most of its attributes (data-*, srcset, event handlers, SVG path data) are
 * never looked at. libxml2 still tokenises every byte and allocates three
 * objects per attribute, so it spends most of the parse on them. This pass
 * removes them before libxml2 sees the page, in one linear scan that writes
 * behind its read position.
 *
 * The scan follows the tokenizer of libxml2's HTML parser (HTMLparser.c of
 * the 2.9 series: htmlParseStartTag, htmlParseAttribute, htmlParseComment,
 * htmlParseScript, htmlParsePI) closely enough that the DOM built from the
 * output is the DOM of the input minus the removed parts: a start tag is '<'
 * and an ASCII letter; names are letters, digits and ":-_."; an attribute
 * value runs to its closing quote or, unquoted, to a blank or '>'; a comment
 * ends at the first "-->" or "--!>" after "<!--"; a script or style body ends
 * at "</script" / "</style". tests/unit/test_prefilter.c checks the claim on
 * every development page. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parserInternals.h>

#include "../utf8.h"
#include "html.h"

/* libxml2 reads at most this many characters of a tag or attribute name
 * (HTML_PARSER_BUFFER_SIZE); the rest starts the next attribute. */
#define NAME_MAX_CHARS 100

/* Attributes some stage reads (html/dom.c's dom_attr callers, the content
 * rules' attribute walk) and those libxml2 itself acts on (meta charset).
 * Everything else is dropped. Keep in step with the code: test_prefilter.c
 * fails when a dom_attr() call names an attribute missing here. */
static const char *const kept_attrs[] = {
    /* sorted: names of one first letter lie together */
    "aria-hidden", "charset",   "class",    "content",    "data-component",
    "data-testid", "datetime",  "hidden",   "http-equiv", "id",
    "itemprop",    "itemscope", "lang",     "name",       "property",
    "pubdate",     "rel",       "role",     "style",      "title",
    "type",        "value",     "xml:lang",
};

/* Attributes only the cleaned markup of include_html reads, and the
 * elements that need them all the same (metadata reads <link href> and
 * <base href>). */
static const struct {
    const char *attr;
    const char *const *always_on;
} markup_attrs[] = {
    {"href", (const char *const[]){"link", "base", NULL}},
    {"src", (const char *const[]){"img", NULL}}, /* dates in image paths */
    {"alt", NULL},
    {"data-src", NULL},
};

/* True when s (n bytes, any case) is word (lower case, starting with a
 * letter). The first letter is compared first: this runs for every
 * attribute of every tag. */
static bool word_is(const char *word, const char *s, size_t n) {
    return n && (s[0] | 0x20) == word[0] && strlen(word) == n && !strncasecmp(word, s, n);
}

/* Longer than any name in kept_attrs: a longer name is not kept. */
#define KEPT_NAME_MAX 31

/* This runs for every attribute of every tag: the name is lowered once, and
 * only the kept names of its first letter are compared. */
static bool in_kept_attrs(const char *name, size_t n) {
    char low[KEPT_NAME_MAX + 1];
    if (!n || n > KEPT_NAME_MAX)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    low[n] = '\0';
    for (size_t i = 0; i < sizeof kept_attrs / sizeof kept_attrs[0]; i++) {
        const char *k = kept_attrs[i];
        if (k[0] == low[0] && !strcmp(k, low))
            return true;
        if (k[0] > low[0])
            break;
    }
    return false;
}

bool html_attr_kept(const char *element, size_t element_len, const char *name, size_t n,
                    bool keep_markup) {
    if (n && in_kept_attrs(name, n))
        return true;
    for (size_t i = 0; i < sizeof markup_attrs / sizeof markup_attrs[0]; i++) {
        if (!word_is(markup_attrs[i].attr, name, n))
            continue;
        if (keep_markup)
            return true;
        for (const char *const *e = markup_attrs[i].always_on; e && *e; e++)
            if (element && word_is(*e, element, element_len))
                return true;
        return false;
    }
    return false;
}

/* Character classes, as branch-light tests: these run for every byte. */
#define BLANK_MASK ((1ull << ' ') | (1ull << '\t') | (1ull << '\n') | (1ull << '\r'))

static bool is_blank(char c) {
    unsigned char u = (unsigned char)c;
    return u <= ' ' && (BLANK_MASK >> u) & 1;
}

/* Might two adjacent bytes of the eight at s both lie at or below ' ' (a
 * run of blanks)? The classic test for bytes below a bound in a word: a
 * byte b < 0x21 borrows in b - 0x21 and sets its top bit, which ~b keeps
 * only for b < 0x80. A borrow may also flag a byte above a flagged one, so
 * the answer can be a false yes (the caller looks byte by byte then), never
 * a false no. */
static bool may_hold_blank_pair(const char *s) {
    uint64_t w;
    memcpy(&w, s, sizeof w);
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t low = (w - ones * 0x21) & ~w & highs;
    return (low & (low >> 8)) != 0; /* two neighbours, in either byte order */
}

/* Are the eight bytes at s all ' '? */
static bool all_spaces(const char *s) {
    uint64_t w;
    memcpy(&w, s, sizeof w);
    return w == 0x2020202020202020ull;
}

static bool is_letter(char c) { return (unsigned char)((c | 0x20) - 'a') < 26; }

/* The bytes of a name (letters, digits and ":-_."), as two 64-bit masks
 * over ASCII. */
#define NAME_MASK_LOW ((0x3FFull << '0') | (1ull << ':') | (1ull << '-') | (1ull << '.'))
#define NAME_MASK_HIGH                                                                   \
    ((0x3FFFFFFull << ('A' - 64)) | (0x3FFFFFFull << ('a' - 64)) | (1ull << ('_' - 64)))

static bool is_name_char(char c) {
    unsigned char u = (unsigned char)c;
    return u < 64 ? (NAME_MASK_LOW >> u) & 1
                  : u < 128 && (NAME_MASK_HIGH >> (u - 64)) & 1;
}

/* The scan: s[0, w) is output, s[r, len) is still to read; w <= r. */
typedef struct {
    char *s;
    size_t len, r, w;
    html_moved_attrs *moved; /* NULL: values stay in their tags */
    bool in_element;         /* a start tag has been seen */
    bool prolog;             /* only blanks, comments, PIs and a DOCTYPE so far */
    bool doctype_seen;
    bool keep_markup;   /* keep what include_html reads */
    unsigned pre_depth; /* open elements whose blanks are kept as written */
} scan;

static void emit(scan *sc, const char *from, size_t n) {
    memmove(sc->s + sc->w, from, n);
    sc->w += n;
}

/* Copies input up to position end. */
static void copy_to(scan *sc, size_t end) {
    emit(sc, sc->s + sc->r, end - sc->r);
    sc->r = end;
}

/* Length of a name at p as libxml2 reads it (htmlParseHTMLName); 0 when p
 * does not start one. */
static size_t name_length(const scan *sc, size_t p) {
    if (p >= sc->len)
        return 0;
    char c = sc->s[p];
    if (!(is_letter(c) || c == '_' || c == ':' || c == '.'))
        return 0;
    size_t n = 1, limit = sc->len - p < NAME_MAX_CHARS ? sc->len - p : NAME_MAX_CHARS;
    while (n < limit && is_name_char(sc->s[p + n]))
        n++;
    return n;
}

static size_t skip_blanks(const scan *sc, size_t p) {
    while (p < sc->len && is_blank(sc->s[p]))
        p++;
    return p;
}

static bool at_tag_end(const scan *sc, size_t p) {
    return sc->s[p] == '>' || (sc->s[p] == '/' && p + 1 < sc->len && sc->s[p + 1] == '>');
}

/* Position of the first `needle` at or after p, case-insensitive, or len. */
static size_t find_ci(const scan *sc, size_t p, const char *needle) {
    size_t n = strlen(needle);
    while (p + n <= sc->len) {
        const char *lt = memchr(sc->s + p, needle[0], sc->len - p);
        if (!lt || (size_t)(lt - sc->s) + n > sc->len)
            break;
        p = (size_t)(lt - sc->s);
        if (!strncasecmp(sc->s + p, needle, n))
            return p;
        p++;
    }
    return sc->len;
}

/* Where a comment at r ("<!--") ends: libxml2 ends it after the first
 * "-->" or "--!>" that starts after the opener, or at the end of the input.
 * Comments before the first element stay: libxml2 places content that
 * follows </html> differently when the document opens with a comment. */
static size_t comment_end(const scan *sc) {
    for (size_t p = sc->r + 4; p + 3 <= sc->len; p++) {
        const char *dash = memchr(sc->s + p, '-', sc->len - p);
        if (!dash)
            break;
        p = (size_t)(dash - sc->s);
        if (p + 3 <= sc->len && !memcmp(sc->s + p, "-->", 3))
            return p + 3;
        if (p + 4 <= sc->len && !memcmp(sc->s + p, "--!>", 4))
            return p + 4;
    }
    return sc->len;
}

/* A comment at r: dropped. When it sits between two characters that would
 * join into other markup ("<<!-- -->p", "&amp<!-- -->;"), an empty comment
 * stays as the separator. */
static void drop_comment(scan *sc) {
    size_t end = comment_end(sc);
    char before = sc->w ? sc->s[sc->w - 1] : '>';
    sc->r = end;
    if (end < sc->len && before != '>' && !is_blank(before))
        emit(sc, "<!---->", 7);
}

/* What a start tag told the scan. */
typedef struct {
    size_t out;      /* where its '<' now is in the output */
    size_t name_len; /* its name follows the '<' */
    bool self_closing, json_ld, complete;
} start_tag;

/* Appends input bytes [from, end) of a kept attribute or the tag's end. A
 * blank goes before them unless the last bytes kept ended right where they
 * start (`a="1"b="2"` is two attributes to libxml2): the two stay as they
 * were, and anything else gets a blank, so that a value never joins what
 * follows it. The output never outgrows the input: whenever a blank is
 * added, at least one input byte before `from` was dropped. */
static void emit_after(scan *sc, size_t *kept_end, size_t from, size_t end) {
    if (*kept_end != from)
        sc->s[sc->w++] = ' ';
    emit(sc, sc->s + from, end - from);
    *kept_end = end;
}

/* Shortest value (quotes excluded) worth moving out of its tag: below it,
 * the entry and its lookup cost about what libxml2 spends on the value. */
#define MOVE_MIN_VALUE 4
/* Kept attribute names of one tag remembered for the first-of-its-name rule;
 * a tag with more keeps its later values in place. */
#define MOVE_MAX_NAMES 16

/* What the moving of values knows about the start tag being rewritten. */
typedef struct {
    bool on;      /* values of this tag may still move */
    size_t first; /* the tag's first entry in sc->moved */
    size_t n_names;
    size_t name_at[MOVE_MAX_NAMES]; /* kept names so far, in the output */
    size_t name_len[MOVE_MAX_NAMES];
} tag_moves;

/* Did the tag keep an attribute of the name at input position attr before?
 * libxml2 drops every later one of a name (an error, "redefined"). */
static bool name_seen(const scan *sc, const tag_moves *m, size_t attr, size_t n) {
    for (size_t i = 0; i < m->n_names; i++)
        if (m->name_len[i] == n && !strncasecmp(sc->s + m->name_at[i], sc->s + attr, n))
            return true;
    return false;
}

/* Adds the value at input [from, from + n) to sc->moved, tag end unknown
 * yet; false when out of memory. */
static bool push_moved(scan *sc, size_t name_out, size_t name_len, size_t from,
                       size_t n) {
    html_moved_attrs *m = sc->moved;
    if (m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 64;
        html_moved_attr *v =
            arena_realloc(m->arena, m->v, m->cap * sizeof *v, cap * sizeof *v);
        if (!v)
            return false;
        m->v = v;
        m->cap = cap;
    }
    char *value = arena_strndup(m->arena, sc->s + from, n);
    if (!value)
        return false;
    m->v[m->n++] =
        (html_moved_attr){.name = sc->s + name_out, .name_len = name_len, .value = value};
    return true;
}

/* emit_after() for a kept attribute (name at input position attr, n bytes)
 * while the tag's values may move: a value in closed quotes, from its
 * opening quote at `value` to `end` after the closing one, moves to
 * sc->moved when it can, and the tag keeps the name and an empty value.
 * Returns whether it moved; when not, the caller emits the attribute. */
static bool emit_moving(scan *sc, tag_moves *m, size_t *kept_end, size_t attr, size_t n,
                        size_t value, size_t end, bool quoted) {
    size_t name_out = sc->w + (*kept_end != attr);
    bool first = !name_seen(sc, m, attr, n);
    if (m->n_names == MOVE_MAX_NAMES) {
        m->on = false;
        return false;
    }
    m->name_at[m->n_names] = name_out;
    m->name_len[m->n_names++] = n;
    if (!quoted || !first)
        return false;
    char quote = sc->s[value];
    size_t inner = end - value - 2;
    if (inner < MOVE_MIN_VALUE || memchr(sc->s + value + 1, '&', inner) ||
        !push_moved(sc, name_out, n, value + 1, inner))
        return false;
    if (*kept_end != attr)
        sc->s[sc->w++] = ' ';
    emit(sc, sc->s + attr, value + 1 - attr); /* the name, '=' and a quote */
    sc->s[sc->w++] = quote;
    *kept_end = end;
    return true;
}

/* Sets where libxml2 ends the tag for the entries the tag added. */
static void end_moved(scan *sc, const tag_moves *m, size_t tag_end) {
    for (size_t i = m->first; sc->moved && i < sc->moved->n; i++)
        sc->moved->v[i].tag_end = tag_end;
}

/* A start tag at r ("<" and a letter): rewritten with the kept attributes
 * only. Bogus attribute text, which libxml2 skips, is dropped too. */
static start_tag rewrite_start_tag(scan *sc) {
    start_tag t = {.out = sc->w};
    size_t p = sc->r + 1;
    t.name_len = name_length(sc, p);
    emit(sc, sc->s + sc->r, 1 + t.name_len);
    p += t.name_len;
    tag_moves m = {.on = sc->moved && !word_is("meta", sc->s + t.out + 1, t.name_len),
                   .first = sc->moved ? sc->moved->n : 0};
    size_t kept_end = p; /* input position where the last kept bytes end */
    p = skip_blanks(sc, p);
    while (p < sc->len && !at_tag_end(sc, p)) {
        size_t attr = p, n = name_length(sc, p);
        if (!n) { /* bogus: libxml2 skips it up to a blank or the tag's end */
            while (p < sc->len && !is_blank(sc->s[p]) && !at_tag_end(sc, p))
                p++;
            p = skip_blanks(sc, p);
            continue;
        }
        size_t end = attr + n; /* the blanks after a bare name are not its own */
        p = skip_blanks(sc, end);
        size_t value = p, value_len = 0;
        bool quoted = false;
        if (p < sc->len && sc->s[p] == '=') {
            p = value = skip_blanks(sc, p + 1);
            if (p < sc->len && (sc->s[p] == '"' || sc->s[p] == '\'')) {
                const char *q = memchr(sc->s + p + 1, sc->s[p], sc->len - p - 1);
                p = q ? (size_t)(q - sc->s) + 1 : sc->len;
                quoted = q != NULL;
            } else {
                while (p < sc->len && sc->s[p] != '>' && !is_blank(sc->s[p]))
                    p++;
            }
            value_len = p - value;
            end = p;
        }
        /* The name is read from its copy in the output, which later writes
         * never reach; the input copy may be overwritten by then. */
        if (html_attr_kept(sc->s + t.out + 1, t.name_len, sc->s + attr, n,
                           sc->keep_markup)) {
            if (n == 4 && !strncasecmp(sc->s + attr, "type", 4) && value_len &&
                memmem(sc->s + value, value_len, "ld+json", 7))
                t.json_ld = true;
            if (!(m.on && emit_moving(sc, &m, &kept_end, attr, n, value, end, quoted)))
                emit_after(sc, &kept_end, attr, end);
        }
        p = skip_blanks(sc, p);
    }
    if (p >= sc->len) { /* the input ends inside the tag */
        sc->r = sc->len;
        end_moved(sc, &m, sc->w); /* nothing follows: libxml2 ends it there */
        return t;
    }
    t.complete = true;
    t.self_closing = sc->s[p] == '/';
    size_t close = p + (t.self_closing ? 2 : 1);
    if (t.self_closing) /* "src=a.js />": the '/' must not join the value */
        emit_after(sc, &kept_end, p, close);
    else
        emit(sc, sc->s + p, 1);
    end_moved(sc, &m, sc->w - (close - p)); /* at the '>' or the '/' of "/>" */
    sc->r = close;
    return t;
}

/* Where the body of a script or style element that starts at r ends:
 * libxml2 ends it at the first "</" followed by the element's name in any
 * case, or at the end of the input. */
static size_t raw_text_end(const scan *sc, const char *name) {
    size_t n = strlen(name);
    for (size_t p = sc->r;; p += 2) {
        p = find_ci(sc, p, "</");
        if (p >= sc->len ||
            (p + 2 + n <= sc->len && !strncasecmp(sc->s + p + 2, name, n)))
            return p;
    }
}

/* Copies an end tag, a processing instruction or a DOCTYPE at r through its
 * '>', as libxml2 reads them. */
static void copy_through_gt(scan *sc) {
    const char *gt = memchr(sc->s + sc->r, '>', sc->len - sc->r);
    copy_to(sc, gt ? (size_t)(gt - sc->s) + 1 : sc->len);
}

/* Does a processing instruction's target start at p? libxml2's HTML parser
 * reads one when the first character is a letter (its own XML 1.0 letter
 * table, for non-ASCII too), '_' or ':'. */
static bool pi_target_starts(const scan *sc, size_t p) {
    if (p >= sc->len)
        return false;
    char c = sc->s[p];
    if ((unsigned char)c < 0x80)
        return is_letter(c) || c == '_' || c == ':';
    uint32_t cp;
    utf8_decode(sc->s + p, sc->len - p, &cp);
    return xmlIsLetter((int)cp);
}

static bool starts_ci(const scan *sc, size_t p, const char *word) {
    size_t n = strlen(word);
    return p + n <= sc->len && !strncasecmp(sc->s + p, word, n);
}

/* Start tags that close a script or style element before its body is read,
 * when the body opens with them (libxml2's htmlStartClose table). */
static const struct {
    const char *element, *closer;
} raw_text_closers[] = {
    {"script", "noscript"},
    {"style", "body"},
    {"style", "frameset"},
};

/* True when the input at p opens with a start tag that closes `element`. */
static bool closes(const scan *sc, size_t p, const char *element) {
    if (p + 1 >= sc->len || sc->s[p] != '<' || !is_letter(sc->s[p + 1]))
        return false;
    /* libxml2 looks ahead here with a name reader that stops at '.'. */
    size_t n = 0;
    while (p + 1 + n < sc->len && n < NAME_MAX_CHARS && sc->s[p + 1 + n] != '.' &&
           is_name_char(sc->s[p + 1 + n]))
        n++;
    for (size_t i = 0; i < sizeof raw_text_closers / sizeof raw_text_closers[0]; i++)
        if (!strcmp(raw_text_closers[i].element, element) &&
            strlen(raw_text_closers[i].closer) == n &&
            !strncasecmp(sc->s + p + 1, raw_text_closers[i].closer, n))
            return true;
    return false;
}

/* After a start tag: a script or style body is dropped, except JSON-LD,
 * which is copied as it is (its strings may hold markup). */
static void after_start_tag(scan *sc, start_tag t) {
    static const char *const raw_text[] = {"script", "style"};
    if (!t.complete || t.self_closing)
        return;
    const char *name = sc->s + t.out + 1;
    for (size_t i = 0; i < sizeof raw_text / sizeof raw_text[0]; i++) {
        if (t.name_len != strlen(raw_text[i]) ||
            strncasecmp(name, raw_text[i], t.name_len))
            continue;
        /* Before reading the body as text, libxml2 tries it as markup: a
         * "</" without a name vanishes, and the tries start over. */
        size_t body = sc->r;
        while (starts_ci(sc, body, "</") && !name_length(sc, body + 2))
            body += 2;
        if (closes(sc, body, raw_text[i]))
            return; /* an empty element; what follows is markup */
        /* libxml2 parses a body that opens with an end tag ("<script></head>")
         * as that end tag, which may or may not close the script depending
         * on which elements are open. Rather than guess, the rest of such a
         * (broken) page is left as it is. */
        if (starts_ci(sc, body, "</") && name_length(sc, body + 2) &&
            !starts_ci(sc, body + 2, raw_text[i])) {
            copy_to(sc, sc->len);
            return;
        }
        size_t end = raw_text_end(sc, raw_text[i]), after = end + 2 + strlen(raw_text[i]);
        if (after < sc->len && is_name_char(sc->s[after])) {
            /* "</scripts>": libxml2 ends the body there but then reads on
             * as script text unless an element of that name is open; as
             * above, the rest of the page is left as it is. */
            copy_to(sc, sc->len);
            return;
        }
        if (t.json_ld)
            copy_to(sc, end);
        else
            sc->r = end;
        return;
    }
}

/* Elements whose text keeps its blanks as written. libxml2 may close one
 * earlier than its end tag; then blanks are kept a little longer than
 * needed, which is safe. */
static const char *const preformatted[] = {"pre", "textarea", "listing", "xmp",
                                           "plaintext"};

static bool is_preformatted(const char *name, size_t n) {
    for (size_t i = 0; i < sizeof preformatted / sizeof preformatted[0]; i++)
        if (word_is(preformatted[i], name, n))
            return true;
    return false;
}

/* Copies text up to end with each run of blanks shortened to its first
 * blank ("By \n   Jane" becomes "By Jane"). Every stage collapses blanks,
 * and a run stays a run, so libxml2's choice between keeping and dropping a
 * blank-only text node does not change. */
static void copy_text(scan *sc, size_t end) {
    if (sc->pre_depth) {
        copy_to(sc, end);
        return;
    }
    for (size_t p = sc->r; p + 1 < end; p++) {
        /* past text without a run of blanks, seven bytes at a time: the
         * windows overlap by one byte, so no pair falls between two */
        while (p + 8 <= end && !may_hold_blank_pair(sc->s + p))
            p += 7;
        if (p + 1 >= end)
            break;
        if (!is_blank(sc->s[p]) || !is_blank(sc->s[p + 1]))
            continue;
        copy_to(sc, p + 1);
        /* indentation: eight spaces at a time, then byte by byte */
        while (p + 9 <= end && all_spaces(sc->s + p + 1))
            p += 8;
        while (p + 1 < end && is_blank(sc->s[p + 1]))
            p++;
        sc->r = p + 1;
    }
    copy_to(sc, end);
}

/* Keeps count of open preformatted elements from their start and end tags. */
static void track_preformatted(scan *sc, const char *name, size_t n, bool end_tag) {
    if (!is_preformatted(name, n))
        return;
    if (!end_tag)
        sc->pre_depth++;
    else if (sc->pre_depth)
        sc->pre_depth--;
}

/* A DOCTYPE at r. After content has begun, libxml2 reads what follows a
 * (misplaced) DOCTYPE as a comment, a PI or a start tag, and any other '<'
 * ("</p>", another DOCTYPE) as text. A comment there is read in that same
 * step, so what follows it is read afresh ("<!DOCTYPE><!-- --></p>" ends the
 * p, "<!DOCTYPE></p>" is text): an empty comment stays in its place. */
static void copy_doctype(scan *sc) {
    bool misplaced = !sc->prolog || sc->doctype_seen;
    sc->doctype_seen = true;
    copy_through_gt(sc);
    size_t r = sc->r;
    if (!misplaced || r + 1 >= sc->len || sc->s[r] != '<')
        return;
    if (starts_ci(sc, r, "<!--")) {
        if (!sc->in_element) {
            copy_to(sc, comment_end(sc)); /* see comment_end() */
            return;
        }
        sc->r = comment_end(sc);
        if (sc->r < sc->len)
            emit(sc, "<!---->", 7);
    } else if (sc->s[r + 1] != '?' && !is_letter(sc->s[r + 1])) {
        copy_to(sc, r + 1);
    }
}

static bool all_blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!is_blank(s[i]))
            return false;
    return true;
}

/* An end tag at r: copied through its '>'. */
static void end_tag(scan *sc) {
    sc->prolog = false;
    track_preformatted(sc, sc->s + sc->r + 2, name_length(sc, sc->r + 2), true);
    copy_through_gt(sc);
}

/* A start tag at r: rewritten, then its body handled. */
static void start_tag_at(scan *sc) {
    sc->prolog = false;
    sc->in_element = true;
    start_tag t = rewrite_start_tag(sc);
    if (t.complete && !t.self_closing)
        track_preformatted(sc, sc->s + t.out + 1, t.name_len, false);
    after_start_tag(sc, t);
}

size_t html_prefilter(char *s, size_t len, bool keep_markup) {
    return html_prefilter_moving(s, len, keep_markup, NULL);
}

size_t html_prefilter_moving(char *s, size_t len, bool keep_markup,
                             html_moved_attrs *moved) {
    /* libxml2 skips a byte-order mark, and its offsets would then not be
     * the output's; html_decode() has dropped it already. */
    bool bom = len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3);
    scan sc = {.s = s,
               .len = len,
               .moved = moved && moved->arena && !bom ? moved : NULL,
               .prolog = true,
               .keep_markup = keep_markup};
    while (sc.r < sc.len) {
        const char *lt = memchr(s + sc.r, '<', sc.len - sc.r);
        size_t text_end = lt ? (size_t)(lt - s) : sc.len;
        if (sc.prolog && !all_blank(s + sc.r, text_end - sc.r))
            sc.prolog = false;
        copy_text(&sc, text_end);
        if (!lt)
            break;
        size_t r = sc.r;
        char next = r + 1 < sc.len ? s[r + 1] : '\0';
        bool comment = next == '!' && starts_ci(&sc, r, "<!--");
        if (comment && sc.in_element)
            drop_comment(&sc);
        else if (comment)
            copy_to(&sc, comment_end(&sc)); /* see comment_end() */
        else if (next == '!' && starts_ci(&sc, r, "<!doctype"))
            copy_doctype(&sc);
        else if (next == '?' && pi_target_starts(&sc, r + 2))
            copy_through_gt(&sc); /* a processing instruction ends at '>' */
        else if (next == '/' && name_length(&sc, r + 2))
            end_tag(&sc);
        else if (is_letter(next))
            start_tag_at(&sc);
        else
            sc.prolog = false, copy_to(&sc, r + 1); /* a '<' that is text */
    }
    s[sc.w] = '\0';
    return sc.w;
}

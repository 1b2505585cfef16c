/* Tests for core/html: charset sniffing in browser order, conversion of
 * legacy encodings to valid UTF-8, repair of bad bytes, NUL removal, the
 * parser's node limit, and the arena tree (tree.c) being the tree libxml2
 * itself builds, node for node. */
#include <criterion/criterion.h>
#include <string.h>

#include "arena.h"
#include "dev_pages.h"
#include "dom_exact.h"
#include "html/dom.h"
#include "html/html.h"
#include "utf8.h"

#define TEST_ARENA_CAP ((size_t)64 << 20)
/* A string literal and its length, NULs included. */
#define LIT(s) s, sizeof(s) - 1

static void expect_sniff(const char *bytes, size_t len, const char *ct,
                         const char *want) {
    char got[HTML_CHARSET_MAX];
    html_sniff_charset(bytes, len, ct, got);
    cr_expect_str_eq(got, want, "sniff(%.40s | %s)", bytes, ct ? ct : "-");
}
#define SNIFF(lit, ct, want) expect_sniff(lit, sizeof(lit) - 1, ct, want)

Test(html_charset, bom_wins_over_everything) {
    SNIFF("\xEF\xBB\xBF<meta charset=gbk><p>x", "text/html; charset=shift_jis", "utf-8");
    SNIFF("\xFF\xFE<\0p\0>\0", "text/html; charset=gbk", "utf-16le");
    SNIFF("\xFE\xFF\0<\0p\0>", NULL, "utf-16be");
}

Test(html_charset, content_type_wins_over_meta) {
    SNIFF("<meta charset=windows-1251><p>x", "text/html; charset=GBK", "gbk");
    SNIFF("<p>x", "text/html;charset=\"Shift_JIS\"", "shift_jis");
    SNIFF("<p>x", "text/html; CHARSET = 'euc-kr'", "euc-kr");
    /* A Content-Type without a charset leaves the decision to the page. */
    SNIFF("<meta charset=\"koi8-r\"><p>x", "text/html", "koi8-r");
}

Test(html_charset, meta_charset_and_http_equiv) {
    SNIFF("<html><head><meta charset=\"windows-1251\"></head>", NULL, "windows-1251");
    SNIFF("<html><head><META CHARSET=Big5>", NULL, "big5");
    SNIFF("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
          NULL, "gbk");
    SNIFF("<meta content='text/html; charset=x-sjis' http-equiv='Content-Type'>", NULL,
          "shift_jis");
    /* Pages declaring UTF-16 in a meta tag are ASCII-compatible: UTF-8. */
    SNIFF("<meta charset=utf-16>", NULL, "utf-8");
    /* The HTTP header's UTF-16 label is believed, with or without a BOM. */
    SNIFF("<\0p\0>\0", "text/html; charset=utf-16le", "utf-16le");
    SNIFF("\0<\0p\0>", "text/html; charset=UTF-16BE", "utf-16be");
    SNIFF("<\0p\0>\0", "text/html; charset=utf-16", "utf-16le");
}

Test(html_charset, labels_map_the_way_browsers_do) {
    SNIFF("<meta charset=iso-8859-1>", NULL, "windows-1252");
    SNIFF("<meta charset=latin1>", NULL, "windows-1252");
    SNIFF("<meta charset=us-ascii>", NULL, "windows-1252");
    SNIFF("<meta charset=UTF8>", NULL, "utf-8");
    SNIFF("<meta charset=ks_c_5601-1987>", NULL, "euc-kr");
}

Test(html_charset, defaults_without_a_declaration) {
    SNIFF("<p>plain ascii</p>", NULL, "utf-8");
    SNIFF("<p>caf\xC3\xA9 \xE2\x82\xAC"
          "5</p>",
          NULL, "utf-8");
    SNIFF("<p>caf\xE9 \x80"
          "5</p>",
          NULL, "windows-1252");
    /* A UTF-8 page with one stray windows-1252 byte is still UTF-8. */
    SNIFF("<p>\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
          "\xC3\xA9\xC3\xA9 \x93quoted\x94</p>",
          NULL, "windows-1252");
    /* ... but with many more valid sequences than bad bytes it is UTF-8. */
    char page[2048] = "<p>";
    for (int i = 0; i < 40; i++)
        strcat(page, "\xC3\xA9\xE2\x80\x94");
    strcat(page, "\x93stray</p>");
    expect_sniff(page, strlen(page), NULL, "utf-8");
}

Test(html_charset, meta_beyond_the_prescan_is_ignored) {
    static char page[8192];
    memset(page, ' ', sizeof page);
    memcpy(page, "<!--", 4);
    const char tail[] = "--><meta charset=gbk>";
    memcpy(page + 6000, tail, sizeof tail - 1);
    expect_sniff(page, 6000 + sizeof tail - 1, NULL, "utf-8");
    expect_sniff(page + 3000, 3000 + sizeof tail - 1, NULL, "gbk");
}

static lede_arena *arena;
static void arena_setup(void) { arena = arena_new(TEST_ARENA_CAP); }
static void arena_teardown(void) { arena_free(arena); }
TestSuite(html_decode, .init = arena_setup, .fini = arena_teardown);

static const char *decode(const char *bytes, size_t len, const char *ct,
                          const char *want_charset, size_t *out_len) {
    char *out = NULL;
    size_t n = 0;
    char used[HTML_CHARSET_MAX];
    cr_assert_eq(html_decode(arena, bytes, len, ct, &out, &n, used), LEDE_OK);
    if (want_charset)
        cr_expect_str_eq(used, want_charset);
    cr_assert_not_null(out);
    cr_expect_eq(strlen(out), n, "NUL inside the output");
    cr_expect(utf8_valid(out, n), "output is not valid UTF-8");
    if (out_len)
        *out_len = n;
    return out;
}
#define DECODE(lit, ct, cs) decode(lit, sizeof(lit) - 1, ct, cs, NULL)

Test(html_decode, gbk_to_utf8) {
    /* "中文新闻" in GBK, declared by a meta tag. */
    const char *out =
        DECODE("<meta charset=gbk><p>\xD6\xD0\xCE\xC4\xD0\xC2\xCE\xC5</p>", NULL, "gbk");
    cr_expect(strstr(out, "<p>\xE4\xB8\xAD\xE6\x96\x87\xE6\x96\xB0\xE9\x97\xBB</p>"));
}

Test(html_decode, gbk_label_decodes_gb18030_and_the_euro) {
    /* 0x80 is the euro sign in GBK as browsers decode it; 0x81 0x30 0x81 0x30
     * is a GB18030 four-byte sequence (U+0080). */
    const char *out =
        DECODE("<p>\x80\x81\x30\x81\x30</p>", "text/html; charset=gbk", "gbk");
    cr_expect_str_eq(out, "<p>\xE2\x82\xAC\xC2\x80</p>");
}

Test(html_decode, shift_jis_to_utf8) {
    /* "日本" and the circled digit one (a Windows extension every Shift_JIS
     * page may use). */
    const char *out = DECODE("<p>\x93\xFA\x96\x7B\x87\x40</p>",
                             "text/html; charset=Shift_JIS", "shift_jis");
    cr_expect_str_eq(out, "<p>\xE6\x97\xA5\xE6\x9C\xAC\xE2\x91\xA0</p>");
}

Test(html_decode, windows_1252_to_utf8) {
    const char *out = DECODE("<p>caf\xE9 \x80"
                             "5 \x93quoted\x94 na\xEFve</p>",
                             NULL, "windows-1252");
    cr_expect_str_eq(out, "<p>caf\xC3\xA9 \xE2\x82\xAC"
                          "5 \xE2\x80\x9Cquoted\xE2\x80\x9D "
                          "na\xC3\xAFve</p>");
}

Test(html_decode, iso_8859_1_is_decoded_as_windows_1252) {
    const char *out =
        DECODE("<p>\x93x\x94</p>", "text/html; charset=ISO-8859-1", "windows-1252");
    cr_expect_str_eq(out, "<p>\xE2\x80\x9Cx\xE2\x80\x9D</p>");
}

Test(html_decode, utf16_with_bom) {
    const char *out = DECODE("\xFF\xFE<\0p\0>\0\xE9\0<\0/\0p\0>\0", NULL, "utf-16le");
    cr_expect_str_eq(out, "<p>\xC3\xA9</p>");
    out = DECODE("\xFE\xFF\0<\0p\0>\x4E\x2D\0<\0/\0p\0>", NULL, "utf-16be");
    cr_expect_str_eq(out, "<p>\xE4\xB8\xAD</p>");
}

Test(html_decode, utf16_labelled_in_the_header_without_bom) {
    const char *out =
        DECODE("<\0p\0>\0\xDC\0<\0/\0p\0>\0", "text/html; charset=utf-16le", "utf-16le");
    cr_expect_str_eq(out, "<p>\xC3\x9C</p>");
}

Test(html_decode, utf8_bom_is_dropped) {
    const char *out = DECODE("\xEF\xBB\xBF<p>x</p>", NULL, "utf-8");
    cr_expect_str_eq(out, "<p>x</p>");
}

Test(html_decode, invalid_bytes_are_replaced) {
    /* Declared UTF-8 with a lone continuation byte, an overlong form, a
     * surrogate and a truncated sequence at the end. */
    const char *out = DECODE("<p>a\x80"
                             "b\xC0\xAF"
                             "c\xED\xA0\x80"
                             "d\xE2\x82",
                             "text/html; charset=utf-8", "utf-8");
    cr_expect(strncmp(out,
                      "<p>a\xEF\xBF\xBD"
                      "b",
                      8) == 0,
              "%s", out);
    cr_expect(strstr(out, "c\xEF\xBF\xBD") && strstr(out, "d\xEF\xBF\xBD"), "%s", out);
    /* GBK with an invalid pair and a lead byte cut off at the end. */
    out = DECODE("<p>\xD6\xD0\xFF\xFF\xD6", "text/html; charset=gbk", "gbk");
    cr_expect(strncmp(out, "<p>\xE4\xB8\xAD\xEF\xBF\xBD", 9) == 0, "%s", out);
}

Test(html_decode, nuls_are_removed) {
    size_t n;
    const char *out =
        decode(LIT("<p>a\0b\0\0c</p>"), "text/html; charset=utf-8", "utf-8", &n);
    cr_expect_str_eq(out, "<p>abc</p>");
    out = decode(LIT("<p>\xE9\0x</p>"), "text/html; charset=windows-1252", "windows-1252",
                 &n);
    cr_expect_str_eq(out, "<p>\xC3\xA9x</p>");
    /* A NUL does not make an otherwise UTF-8 page windows-1252. */
    out = decode(LIT("<p>\xC3\xA9\0</p>"), NULL, "utf-8", &n);
    cr_expect_str_eq(out, "<p>\xC3\xA9</p>");
}

Test(html_decode, unknown_label_falls_back_to_windows_1252) {
    const char *out =
        DECODE("<p>\xE9</p>", "text/html; charset=x-no-such-charset", "windows-1252");
    cr_expect_str_eq(out, "<p>\xC3\xA9</p>");
}

Test(html_decode, empty_input) {
    size_t n = 1;
    const char *out = decode("", 0, NULL, "utf-8", &n);
    cr_expect_eq(n, 0);
    cr_expect_str_eq(out, "");
}

static lede_status parse_with_limit(const char *html, size_t max_nodes) {
    lede_options opt;
    lede_options_init(&opt);
    opt.max_nodes = max_nodes;
    lede_arena *a = arena_new(0);
    htmlDocPtr doc = NULL;
    lede_status st = html_parse(a, html, strlen(html), NULL, &opt, &doc);
    cr_expect_eq(st == LEDE_OK, doc != NULL);
    html_doc_free(doc);
    arena_free(a);
    return st;
}

Test(html_parse, node_limit_is_exact) {
    const char *page = "<html><head><title>t</title></head><body><p>a</p><p>b <b>c</b>"
                       "</p><ul><li>1</li><li>2</li></ul></body></html>";
    size_t smallest = 0;
    for (size_t limit = 1; limit < 100 && !smallest; limit++)
        if (parse_with_limit(page, limit) == LEDE_OK)
            smallest = limit;
    /* html, head, title, body, 2 p, b, ul, 2 li and their text nodes. */
    cr_assert_geq(smallest, 15, "the limit counts too few nodes: %zu", smallest);
    cr_expect_eq(parse_with_limit(page, smallest - 1), LEDE_ERR_LIMIT);
    cr_expect_eq(parse_with_limit(page, smallest + 1), LEDE_OK);
}

Test(html_parse, wide_document_hits_the_node_limit) {
    enum { PARAGRAPHS = 5000 };
    static char page[PARAGRAPHS * 8 + 64];
    char *p = page;
    for (int i = 0; i < PARAGRAPHS; i++)
        p += sprintf(p, "<p>x</p>");
    cr_expect_eq(parse_with_limit(page, 1000), LEDE_ERR_LIMIT);
    cr_expect_eq(parse_with_limit(page, 1000000), LEDE_OK);
}

Test(html_parse, deep_nesting_does_not_crash) {
    enum { DEPTH = 20000 };
    static char page[DEPTH * 5 + 64];
    char *p = page;
    for (int i = 0; i < DEPTH; i++)
        p += sprintf(p, "<div>");
    strcpy(p, "deep");
    /* libxml2 stops nesting at its own depth limit; the walk is iterative. */
    lede_status st = parse_with_limit(page, 1000000);
    cr_expect(st == LEDE_OK || st == LEDE_ERR_PARSE, "status %d", st);
}

/* Comments before the first element are looked at once each: 200,000 of
 * them would take minutes if each one walked the ones before it. */
Test(html_parse, many_leading_comments_parse_in_linear_time, .timeout = 30) {
    enum { COMMENTS = 200000 };
    static char page[COMMENTS * 8 + 64];
    char *p = page;
    for (int i = 0; i < COMMENTS; i++)
        p += sprintf(p, "<!--a-->");
    strcpy(p, "<p>x</p>");
    cr_expect_eq(parse_with_limit(page, 1000000), LEDE_OK);
}

Test(html_parse, arena_limit_is_an_error_not_a_crash) {
    lede_options opt;
    lede_options_init(&opt);
    lede_arena *a = arena_new(64 * 1024);
    enum { PARAGRAPHS = 20000 };
    static char page[PARAGRAPHS * 16 + 64];
    char *p = page;
    for (int i = 0; i < PARAGRAPHS; i++)
        p += sprintf(p, "<p class=x>y</p>");
    htmlDocPtr doc = NULL;
    cr_expect_eq(html_parse(a, page, strlen(page), NULL, &opt, &doc), LEDE_ERR_NOMEM);
    cr_expect_null(doc);
    arena_free(a);
}

/* The arena tree must be libxml2's own tree: same nodes, names, attributes,
 * texts and links. */
static void expect_same_tree(const char *what, const char *html, size_t len) {
    char *theirs = NULL, *mine = NULL;
    int limited = 0;
    int r = dom_exact_compare(html, len, &theirs, &mine, &limited);
    cr_expect(!limited, "%s: hit a limit", what);
    cr_expect_neq(r, -1, "%s: only one of the two parses failed", what);
    if (r == 1) {
        size_t i = 0;
        while (theirs[i] && theirs[i] == mine[i])
            i++;
        size_t from = i > 160 ? i - 160 : 0;
        cr_expect_fail("%s: trees differ at %zu:\n--- libxml2\n%.320s\n--- arena\n%.320s",
                       what, i, theirs + from, mine + from);
    }
    free(theirs);
    free(mine);
}

#define SAME_TREE(lit) expect_same_tree(lit, lit, sizeof(lit) - 1)

Test(html_tree, same_tree_as_libxml2_on_tricky_markup) {
    SAME_TREE("");
    SAME_TREE("plain text");
    SAME_TREE("<p>a &amp; b &lt; c &#x263A; &nosuch; d</p>");
    SAME_TREE("<!DOCTYPE html><!-- c --><?pi data?><html><body><p>x</p></body></html>"
              "<!-- after --><p>trailing</p>");
    SAME_TREE("<!-- first --><p>no html element</p>");
    SAME_TREE("<!DOCTYPE a><!DOCTYPE b><p>two doctypes</p>");
    SAME_TREE(
        "<input checked disabled value><div data-x hidden>b</div><option selected>");
    SAME_TREE("<fb:like a:b=\"1\" xmlns:fb=\"x\">t</fb:like><o:p></o:p><x:>y</x:><:a>z");
    SAME_TREE("<p id=a name=b><a name=c id=a>dup ids</a><p id=a>again</p>");
    SAME_TREE("<p a=1 a=2 B=3 b=4>duplicate attributes</p>");
    SAME_TREE("<script>if (a < b) { x = '</p>'; }</script><style>p{}</style>"
              "<script type=\"application/ld+json\">{\"a\": 1}</script>");
    SAME_TREE("<textarea>  <b>not a tag</b>  </textarea><title> a &amp; b </title>");
    SAME_TREE("<html>\n  <head>\n <meta charset=utf-8>\n </head>\n <body>\n <div>\n "
              "<b>x</b>   <i>y</i>\n <pre>\n  p  </pre>  </div>\n</body>  \n</html>\n\n");
    SAME_TREE(
        "<table><tr><td>a<td>b<tr><td>c</table><ul><li>1<li>2</ul><dl><dt>t<dd>d</dl>");
    SAME_TREE("<p>a<p>b<div>c</p>d</div>e</b>f");
    SAME_TREE("text before<html>inside<head>head text<body>body");
    SAME_TREE("<body><p>x</p></body></html><p>after the end</p>text");
    SAME_TREE("<p>a<!-- c -->b<!-- d --><!-- e -->c</p>");
    SAME_TREE("<p>one<br>two<br/>three<img src=x alt='a &quot;b&quot;'>four</p>");
    SAME_TREE("<p>caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80</p>");
    SAME_TREE("<p>bad \xC3 utf-8 \xFF here</p>");
    SAME_TREE("<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/><title>icon</title></svg>");
    SAME_TREE("<noscript><img src=a></noscript><template><p>t</p></template>");
    SAME_TREE("<p>unterminated <a href=\"x");
    SAME_TREE("<p>x<?php echo 1; ?>y</p><![CDATA[z]]>");
    SAME_TREE("<frameset><frame src=a></frameset>");
    SAME_TREE("<head><title>t</title><p>body text in head</p></head>");
}

Test(html_tree, same_tree_as_libxml2_on_long_and_deep_input) {
    enum { N = 4000 };
    static char page[N * 12 + 64];
    char *p = page;
    for (int i = 0; i < N; i++) /* one long text node made of many pieces */
        p += sprintf(p, "a&amp;b&#%d;", 65 + i % 26);
    expect_same_tree("long text", page, strlen(page));
    p = page;
    for (int i = 0; i < 600; i++) /* past libxml2's depth limit */
        p += sprintf(p, "<div>%d", i);
    expect_same_tree("deep", page, strlen(page));
}

/* The tree the pipeline builds, values moved out of their tags by
 * html_prefilter_moving() and put back by html_parse_moved(), must be the
 * tree libxml2 builds from html_prefilter()'s output. Returns the number of
 * values moved. */
static size_t expect_same_tree_moved_as(const char *what, const char *html, size_t len,
                                        bool keep_markup) {
    char *page = malloc(len + 1);
    cr_assert(page);
    memcpy(page, html, len);
    page[len] = '\0';
    char *x = NULL, *y = NULL;
    size_t n_moved = 0;
    int r = dom_exact_compare_moved(page, len, keep_markup, &x, &y, &n_moved);
    free(page);
    cr_expect(r != -1, "%s: only one parse failed", what);
    if (r == 1) {
        size_t i = 0;
        while (x[i] && x[i] == y[i])
            i++;
        size_t from = i > 160 ? i - 160 : 0;
        cr_expect_fail("%s (keep_markup=%d): trees differ at %zu:\n--- libxml2, nothing "
                       "moved\n%.320s\n--- arena, values moved\n%.320s",
                       what, keep_markup, i, x + from, y + from);
        free(x);
        free(y);
    }
    return n_moved;
}

static size_t expect_same_tree_moved(const char *what, const char *html, size_t len) {
    expect_same_tree_moved_as(what, html, len, true);
    return expect_same_tree_moved_as(what, html, len, false);
}

#define SAME_TREE_MOVED(lit) expect_same_tree_moved(lit, lit, sizeof(lit) - 1)

Test(html_tree, moved_values_go_back_into_their_attributes) {
    char page[] = "<p CLASS=\"story body\" id='main-column'>x</p><div class=\"ab\">";
    lede_arena *a = arena_new(0);
    html_moved_attrs moved = {.arena = a};
    size_t n = html_prefilter_moving(page, strlen(page), false, &moved);
    /* Long quoted values leave, short ones stay. */
    cr_expect_str_eq(page, "<p CLASS=\"\" id=''>x</p><div class=\"ab\">");
    cr_expect_eq(n, strlen(page));
    cr_assert_eq(moved.n, 2);
    cr_expect_str_eq(moved.v[0].value, "story body");
    cr_expect_str_eq(moved.v[1].value, "main-column");
    cr_expect(!strncmp(moved.v[0].name, "CLASS", moved.v[0].name_len));
    size_t gt = (size_t)(strchr(page, '>') - page);
    cr_expect_eq(moved.v[0].tag_end, gt);
    cr_expect_eq(moved.v[1].tag_end, gt);
    lede_options opt;
    lede_options_init(&opt);
    htmlDocPtr doc = NULL;
    cr_assert_eq(html_parse_moved(a, page, n, NULL, &opt, &moved, &doc), LEDE_OK);
    const xmlNode *body = xmlDocGetRootElement(doc)->children;
    const xmlNode *p = body->children;
    cr_expect_str_eq(dom_attr(p, "class"), "story body");
    cr_expect_str_eq(dom_attr(p, "id"), "main-column");
    cr_expect_str_eq(dom_attr(p->next, "class"), "ab");
    html_doc_free(doc);
    arena_free(a);
}

Test(html_tree, moved_values_give_the_same_tree_on_tricky_markup) {
    /* a value that moves, so that each case below tests something */
    cr_expect_gt(SAME_TREE_MOVED("<p class=\"lead paragraph\">x</p>"), 0);
    /* after a byte-order mark (which libxml2 skips) nothing moves */
    cr_expect_eq(SAME_TREE_MOVED("\xEF\xBB\xBF<p class=\"after a mark\">x</p>"), 0);
    /* libxml2 keeps the first of a name, in any case; later ones stay put */
    SAME_TREE_MOVED("<p class=\"first one\" CLASS=\"second one\" class=x>t</p>");
    SAME_TREE_MOVED("<p class=first1 class=\"second one\">t</p>");
    SAME_TREE_MOVED("<p class class=\"second one\">t</p>");
    /* references are decoded by libxml2: such values stay */
    SAME_TREE_MOVED("<p title=\"Tom &amp; Jerry\" class=\"a &lt; b\">t</p>");
    /* a misplaced <body> or <html> is dropped with its attributes; the
     * values after it still find their tags */
    SAME_TREE_MOVED("<html class=\"root-class\"><body class=\"body-class\"><p "
                    "class=\"inner one\">a<body class=\"again body\"><html "
                    "lang=\"en-GB-x\"><p class=\"after misplaced\">b</p>");
    SAME_TREE_MOVED("<head><title>t</title></head><head class=\"second head\">"
                    "<p class=\"para class\">x</p>");
    /* <meta> keeps its values: libxml2 reads them itself */
    SAME_TREE_MOVED("<meta http-equiv=\"Content-Type\" content=\"text/html; "
                    "charset=utf-8\"><meta name=\"description\" content=\"words "
                    "here\"><p>x</p>");
    /* blanks, quotes, '>', new lines and non-ASCII inside values */
    SAME_TREE_MOVED("<p title='say \"hi\" > bye' class=\"a\tb\nc\r\nd\" "
                    "id=\"caf\xC3\xA9-\xE6\x97\xA5\">x</p>");
    SAME_TREE_MOVED("<p class = \"spaced out\"id=\"glued-on\"data-x=\"dropped\">x</p>");
    SAME_TREE_MOVED("<img class=\"self closed\"/><img class=\"closed too\" /><br "
                    "class=\"break class\">");
    SAME_TREE_MOVED("<p class=\"\" id=\"\">empty values stay empty</p>");
    /* a tag the input ends in, after a moved value */
    SAME_TREE_MOVED("<p>x<div class=\"never closed\" id=\"tag end\"");
    SAME_TREE_MOVED("<p>x<div class=\"never closed\" title=\"no end quote");
    /* elements libxml2 opens by itself, around a moved value */
    SAME_TREE_MOVED("text first<div class=\"implied body\">y</div>");
    SAME_TREE_MOVED("<td class=\"cell class\">1<td class=\"cell two\">2<li "
                    "class=\"item class\">3");
    SAME_TREE_MOVED("<fb:like class=\"prefixed name\">t</fb:like>");
    SAME_TREE_MOVED("<script class=\"script class\">var a;</script><style "
                    "class=\"style class\">p{}</style><p class=\"after them\">x</p>");
    /* more kept attributes than the tag's name memory */
    SAME_TREE_MOVED("<p class=\"c-1111\" id=\"i-1111\" title=\"t-1111\" role=\"r-1111\" "
                    "lang=\"l-1111\" name=\"n-1111\" rel=\"x-1111\" type=\"y-1111\" "
                    "value=\"v-1111\" style=\"s-1111\" property=\"p-1111\" "
                    "itemprop=\"a-1111\" datetime=\"d-1111\" content=\"o-1111\" "
                    "hidden=\"h-1111\" charset=\"u-1111\" aria-hidden=\"b-1111\" "
                    "class=\"late dup\" data-testid=\"late-one\">x</p>");
}

static void check_page(const char *path, const char *html, size_t len) {
    expect_same_tree(path, html, len);
    /* and as the pipeline parses it: after the prefilter */
    char *copy = malloc(len + 1);
    cr_assert(copy);
    memcpy(copy, html, len + 1);
    size_t n = html_prefilter(copy, len, false);
    expect_same_tree(path, copy, n);
    free(copy);
    /* and with the values moved out of their tags and back, from the page
     * decoded as the pipeline decodes it */
    lede_arena *a = arena_new(0);
    char *utf8;
    size_t utf8_len;
    cr_assert_eq(html_decode(a, html, len, NULL, &utf8, &utf8_len, NULL), LEDE_OK);
    expect_same_tree_moved(path, utf8, utf8_len);
    arena_free(a);
}

Test(html_tree, same_tree_as_libxml2_on_golden_fixtures) {
    cr_expect_gt(for_each_fixture_page(check_page), 10);
}

Test(html_tree, same_tree_as_libxml2_on_development_pages, .timeout = 300) {
    int pages = for_each_development_page(check_page);
    if (!pages)
        cr_skip_test("no development pages under %s", LEDE_SHARED_DIR);
    cr_expect_gt(pages, 100);
}

Test(dom, append_collapsed_joins_blank_runs_and_fills_to_the_cap) {
    lede_arena *a = arena_new(0);
    strbuf b;
    strbuf_init(&b, a, 0);
    cr_assert_eq(dom_append_collapsed(&b, " \n a \t\xC2\xA0 b "), 0);
    cr_assert_eq(dom_append_collapsed(&b, "  c\xC2"), 0);
    cr_expect_str_eq(strbuf_peek(&b), "a b c\xC2");
    /* Longer than one chunk, against a cap: filled up to the cap exactly. */
    static char text[2000];
    for (size_t i = 0; i + 1 < sizeof text; i++)
        text[i] = i % 7 == 6 ? ' ' : 'x';
    strbuf capped;
    strbuf_init(&capped, a, 1000);
    cr_expect_eq(dom_append_collapsed(&capped, text), -1);
    cr_expect_eq(capped.len, 1000);
    cr_expect(!strncmp(strbuf_peek(&capped), text, 1000));
    arena_free(a);
}

/* Tests for core/html/prefilter.c: what it removes, what it must keep, and
 * the claim that libxml2 builds the same DOM (as the stages see it) from the
 * prefiltered page as from the page itself, on tricky snippets written here,
 * on the golden fixtures and on every development page. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dev_pages.h"
#include "dom_equiv.h"
#include "html/html.h"
#include "read_file.h"

/* Largest page or source file the tests read. */
#define MAX_FILE_BYTES ((size_t)16 << 20)

/* The prefilter's output for a string literal. */
static char *filtered_as(const char *in, bool keep_markup) {
    size_t n = strlen(in);
    char *s = malloc(n + 1);
    cr_assert(s);
    memcpy(s, in, n + 1);
    size_t m = html_prefilter(s, n, keep_markup);
    cr_assert_leq(m, n);
    cr_assert_eq(s[m], '\0');
    cr_assert_eq(strlen(s), m, "no NUL inside the output");
    return s;
}

static void expect_filtered_as(const char *in, bool keep_markup, const char *want) {
    char *got = filtered_as(in, keep_markup);
    cr_expect_str_eq(got, want, "prefilter(%s, keep_markup=%d)", in, keep_markup);
    free(got);
}

/* With the markup attributes kept, as for include_html. */
static void expect_filtered(const char *in, const char *want) {
    expect_filtered_as(in, true, want);
}

/* The two DOMs, written out, must be equal; on a difference the message
 * shows where. */
static void expect_same_dom_as(const char *what, const char *html, size_t len,
                               bool keep_markup) {
    char *copy = malloc(len + 1);
    cr_assert(copy);
    memcpy(copy, html, len);
    copy[len] = '\0';
    size_t m = html_prefilter(copy, len, keep_markup);
    char *a = dom_equiv_string(html, len, keep_markup),
         *b = dom_equiv_string(copy, m, keep_markup);
    cr_expect((a == NULL) == (b == NULL), "%s: only one of the two parses failed", what);
    if (a && b) {
        size_t i = 0;
        while (a[i] && a[i] == b[i])
            i++;
        size_t from = i > 120 ? i - 120 : 0;
        cr_expect(a[i] == b[i],
                  "%s (keep_markup=%d): DOMs differ at %zu:\n--- page\n%.240s\n--- "
                  "prefiltered\n%.240s",
                  what, keep_markup, i, a + from, b + from);
    }
    free(a);
    free(b);
    free(copy);
}

static void expect_same_dom(const char *what, const char *html, size_t len) {
    expect_same_dom_as(what, html, len, true);
    expect_same_dom_as(what, html, len, false);
}

#define SAME_DOM(lit) expect_same_dom(lit, lit, sizeof(lit) - 1)

Test(prefilter, drops_comments_and_script_and_style_bodies) {
    expect_filtered("<p>a<!-- note --> b</p>", "<p>a<!----> b</p>");
    expect_filtered("<p>a <!-- note -->b</p>", "<p>a b</p>");
    expect_filtered("<script>var a = '<p>';</script><p>x</p>",
                    "<script></script><p>x</p>");
    expect_filtered("<STYLE type=text/css>p{color:red}</Style>",
                    "<STYLE type=text/css></Style>");
    /* The body ends at "</script" in any case, as libxml2 ends it. */
    expect_filtered("<script>a</SCRIPT >b", "<script></SCRIPT >b");
    /* Unterminated: the rest of the page was script text anyway. */
    expect_filtered("<p>x<script>if (a < b) {", "<p>x<script>");
    expect_filtered("<p>x<!-- never closed <p>y", "<p>x");
    /* Comments before the first element stay (libxml2 places content
     * after </html> differently when the page opens with one). */
    expect_filtered("<!-- a --><p>b<!-- c --></p>", "<!-- a --><p>b<!----></p>");
}

Test(prefilter, keeps_json_ld_verbatim) {
    const char *ld = "<script type=\"application/ld+json\">{\"articleBody\": \"<p "
                     "data-x=1>a</p><!-- c -->\"}</script>";
    expect_filtered(ld, ld);
}

Test(prefilter, a_self_closed_script_has_no_body) {
    expect_filtered("<script src=a.js /><p data-id=3 class=x>text</p>",
                    "<script src=a.js /><p class=x>text</p>");
    expect_filtered("<script async src=a.js data-x=1 /><p>t</p>",
                    "<script src=a.js /><p>t</p>");
}

Test(prefilter, keeps_only_the_attributes_stages_read) {
    expect_filtered(
        "<a href=\"/x\" onclick=\"go()\" data-track='{\"a\":1}' class=link>x</a>",
        "<a href=\"/x\" class=link>x</a>");
    expect_filtered("<img srcset=\"a 1x, b 2x\" src=a.jpg alt='A > B' loading=lazy>",
                    "<img src=a.jpg alt='A > B'>");
    /* Adjacent attributes stay adjacent; a dropped one never glues the next
     * to the tag name. */
    expect_filtered("<p a=\"1\"class=\"x\"b=\"2\"id=\"y\">", "<p class=\"x\" id=\"y\">");
    expect_filtered("<p class=\"x\"id=\"y\">", "<p class=\"x\"id=\"y\">");
    /* Bare names, blanks around '=', upper case. */
    expect_filtered("<div HIDDEN data-a CLASS = \"c\">", "<div HIDDEN CLASS = \"c\">");
    /* An attribute that never ends swallows the page, as in libxml2. */
    expect_filtered("<a aria-label=\"x><p>y", "<a");
    expect_filtered("<a href=\"x><p>y", "<a href=\"x><p>y");
}

Test(prefilter, shortens_runs_of_blanks_outside_preformatted_text) {
    expect_filtered("<div>\n    <p>a  b\t c</p>\n\n  </div>",
                    "<div>\n<p>a b\tc</p>\n</div>");
    expect_filtered("By \n      <a>Jane</a>", "By <a>Jane</a>");
    expect_filtered("<pre>a  b\n\n c</pre>  x", "<pre>a  b\n\n c</pre> x");
    expect_filtered("<PRE class=code>\n  x</PRE>", "<PRE class=code>\n  x</PRE>");
    /* Attribute values keep theirs. */
    expect_filtered("<p aria-label=\"a  b\" class=\"x   y\">", "<p class=\"x   y\">");
}

Test(prefilter, attribute_names_match_whole_and_in_any_case) {
    static const char *const kept[] = {"aria-hidden", "CHARSET", "Class",    "datetime",
                                       "data-testid", "ID",      "xml:lang", "value"};
    static const char *const dropped[] = {"clas", "classes", "data-",  "ids", "a",
                                          "zzz",  "aria",    "titles", "xml", "valuE-x"};
    for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++)
        cr_expect(html_attr_kept("p", 1, kept[i], strlen(kept[i]), false), "%s", kept[i]);
    for (size_t i = 0; i < sizeof dropped / sizeof dropped[0]; i++)
        cr_expect(!html_attr_kept("p", 1, dropped[i], strlen(dropped[i]), false), "%s",
                  dropped[i]);
}

Test(prefilter, blank_runs_found_across_eight_byte_steps) {
    /* runs at every offset from a long run of text, and bytes above 0x7F */
    expect_filtered("abcdefgh  ijklmnopqrstu \n vwxyz\xC3\xA9\xC3\xA9\xC3\xA9  z",
                    "abcdefgh ijklmnopqrstu vwxyz\xC3\xA9\xC3\xA9\xC3\xA9 z");
    expect_filtered("abcdefg  h", "abcdefg h");
    /* indentation runs longer than a step, with a tab inside, at the end */
    expect_filtered("<p>a                    \t         b</p>\n                  ",
                    "<p>a b</p>\n");
    expect_filtered("abcdefghijklmno  ", "abcdefghijklmno ");
}

Test(prefilter, keeps_link_and_image_addresses_only_for_markup) {
    /* Metadata reads <link href>, <base href> and <img src> (a date in an
     * image's path); the other addresses only the cleaned markup. */
    const char *page =
        "<link rel=canonical href=/c><base href=/b><a href=/x class=k>x</a>"
        "<img src=a.jpg data-src=b.jpg alt=A><script src=s.js></script>";
    expect_filtered(page, page);
    expect_filtered_as(page, false,
                       "<link rel=canonical href=/c><base href=/b><a class=k>x</a>"
                       "<img src=a.jpg><script></script>");
}

Test(prefilter, leaves_other_markup_alone) {
    const char *same[] = {
        "<!DOCTYPE html><html lang=en><head><title>a < b</title></head></html>",
        "<p>1 < 2 and 3 > 2, <3, </ p></p>",
        "<?xml version=\"1.0\"?><p>x</p>",
        "<![CDATA[ x ]]><p>y</p>",
        "</div class=\"<!--\"><p>z</p>",
        "",
        "plain text",
    };
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
        expect_filtered(same[i], same[i]);
}

Test(prefilter, same_dom_on_tricky_markup) {
    SAME_DOM("<p>a<!-- x -->b</p><p>c <!-- y --> d</p>");
    SAME_DOM("<<!-- x -->p>text</p>");
    SAME_DOM("<!-- a --><html><body><p>x</p></body></html><p>t</p>");
    SAME_DOM("!<!DOCTYPE></d<S type=\"><f=");
    SAME_DOM("<!DOCTYPE html></d<S type=\"><f=");
    SAME_DOM("l<!DOCTYPE><!DOCTYPE></d<script>,");
    /* A comment right after a misplaced DOCTYPE is read with it: an end tag
     * after the comment is markup, right after the DOCTYPE it is text. */
    SAME_DOM("<h><!DOCTYPE><!----></");
    SAME_DOM("<p>a<!DOCTYPE html><!-- note --></p>b");
    SAME_DOM("<p>a<!DOCTYPE html><!-- one --><!-- two --></p><p>b</p>");
    SAME_DOM("&amp<!-- x -->;");
    SAME_DOM("<p>x<!--->y-->z<!-- a --!>w</p>");
    SAME_DOM("<div><script>document.write('<p class=\"a\">')</script><p>b</p></div>");
    SAME_DOM("<script>a</scriptx>b</script><p>c</p>");
    SAME_DOM("<script type=\"application/ld+json\">{}</scripts><p data-a=1>x</script>");
    SAME_DOM("<style>p:before{content:'</p>'}</style><p>x</p>");
    SAME_DOM("<p a=\"1\"class=\"x\"b=\"2\"id=\"y\" hidden>t</p>");
    SAME_DOM("<p data-a=\"1\"class=\"x\">t</p><p \"bogus\" class=y>u</p>");
    SAME_DOM("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
             "<p>caf\xC3\xA9</p>");
    SAME_DOM("<table><tr><td data-x=1>a<td>b</table><ul><li>c<li>d</ul>");
    SAME_DOM("<?php echo '<script>'; ?><p>x</p>");
    SAME_DOM("<p>a<?\xCC\x93"
             "b <p id='x>y'>c</p>"); /* U+0313 starts no PI target */
    SAME_DOM("<p>a<?\xC3\xA9"
             "t <p id='x>y'>c</p>"); /* U+00E9 starts one */
    SAME_DOM(
        "<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/><title>icon</title></svg><p>y</p>");
    SAME_DOM("<p>unterminated <a href=\"x");
    SAME_DOM("<html>\n  <head>\n  <title> a  b </title>\n </head>\n  <body>\n\n  <div>"
             "\n <b>x</b>   <i>y</i>\n <pre>  p  </pre>  </div>\n</body>  \n</html>\n\n");
    SAME_DOM("<t id=a\" l src");
    SAME_DOM("<t id=a\" l src=b/>x");
    /* A body that opens with an end tag is that end tag to libxml2. */
    SAME_DOM("<head><script type=x></head><body><p class=a>x<!-- c --></p></body>");
    /* ... and one that opens with a start tag that closes it is empty. */
    SAME_DOM("<p>a<style><body><div data-a=1 class=x>b</div>");
    SAME_DOM("<p>a<script><noscript data-a=1><img src=x alt=y></noscript>c</p>");
    SAME_DOM("<style></</<body class=x data-a=1><p>y</p>");
    SAME_DOM("<style><body.x data-a=1>y");
    SAME_DOM("<style></ </p>x</style><p data-a=1>y</p>");
}

static void check_page(const char *path, const char *html, size_t len) {
    expect_same_dom(path, html, len);
}

Test(prefilter, same_dom_on_golden_fixtures) {
    cr_expect_gt(for_each_fixture_page(check_page), 10);
}

Test(prefilter, same_dom_on_development_pages, .timeout = 300) {
    int pages = for_each_development_page(check_page);
    if (!pages)
        cr_skip_test("no development pages under %s", LEDE_SHARED_DIR);
    cr_expect_gt(pages, 100);
}

/* Every attribute name the code asks for in `src`: the string literal of each
 * dom_attr(node, "name") call, and of each strcasecmp(name, "...") in an
 * attribute walk. Returns how many it checked. */
static int check_source(const char *path) {
    char *src = read_file(path, MAX_FILE_BYTES, NULL);
    if (!src)
        return 0;
    static const char *const calls[] = {"dom_attr(", "strcasecmp(name, \""};
    bool walks_attributes = strstr(src, "->properties") != NULL;
    int checked = 0;
    for (size_t c = 0; c < sizeof calls / sizeof calls[0]; c++) {
        if (c == 1 && !walks_attributes)
            continue;
        for (char *p = src; (p = strstr(p, calls[c])); p++) {
            char *close = strchr(p, ')'), *q = strchr(p, '"');
            if (!q || !close || q > close)
                continue; /* a variable name, or the function's own definition */
            char *end = strchr(q + 1, '"');
            if (!end)
                continue;
            cr_expect(html_attr_kept(NULL, 0, q + 1, (size_t)(end - q - 1), true),
                      "%s reads attribute \"%.*s\", which the prefilter drops: add it "
                      "to kept_attrs in core/html/prefilter.c",
                      path, (int)(end - q - 1), q + 1);
            checked++;
        }
    }
    free(src);
    return checked;
}

static int check_tree(const char *dir) {
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int checked = 0;
    struct dirent *e;
    char path[4096];
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st))
            continue;
        size_t l = strlen(e->d_name);
        if (S_ISDIR(st.st_mode))
            checked += check_tree(path);
        else if (l > 2 && !strcmp(e->d_name + l - 2, ".c"))
            checked += check_source(path);
    }
    closedir(d);
    return checked;
}

Test(prefilter, keeps_every_attribute_the_code_reads) {
    cr_expect_gt(check_tree(LEDE_SOURCE_DIR "/core"), 20);
    cr_expect(!html_attr_kept("a", 1, "onclick", 7, true));
    cr_expect(html_attr_kept("a", 1, "CLASS", 5, false));
}

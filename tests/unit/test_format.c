/* core/format: the article as Markdown and as plain text (lede_result_render). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "lede/lede.h"

/* Renders a result built by hand: headline, byline, markup and text. */
static char *render(lede_format fmt, const char *headline, const char *byline,
                    const char *html, const char *text) {
    lede_result r;
    memset(&r, 0, sizeof r);
    r.headline = headline;
    r.byline = byline;
    r.html = html;
    r.text = text;
    r.text_len = text ? strlen(text) : 0;
    char *out = NULL;
    size_t len = 0;
    cr_assert_eq(lede_result_render(&r, fmt, &out, &len), LEDE_OK);
    cr_assert_not_null(out);
    cr_assert_eq(strlen(out), len);
    return out;
}

static char *md(const char *html) {
    return render(LEDE_FORMAT_MARKDOWN, NULL, NULL, html, NULL);
}

#define expect_md(html, want)                                                            \
    do {                                                                                 \
        char *got_ = md(html);                                                           \
        cr_expect_str_eq(got_, want);                                                    \
        free(got_);                                                                      \
    } while (0)

Test(markdown, headline_byline_and_paragraphs) {
    char *out = render(LEDE_FORMAT_MARKDOWN, "Harbour reopens", "By Ann Lee",
                       "<p>First  paragraph.</p>\n<p>Second\nparagraph.</p>", NULL);
    cr_expect_str_eq(out, "# Harbour reopens\n\n*By Ann Lee*\n\nFirst paragraph.\n\n"
                          "Second paragraph.\n");
    free(out);
}

Test(markdown, subheadings_keep_their_level) {
    expect_md("<h2>Background</h2><p>Text.</p><h3>Detail</h3>",
              "## Background\n\nText.\n\n### Detail\n");
}

Test(markdown, unordered_and_ordered_lists) {
    expect_md("<ul><li>one</li><li>two</li></ul>", "- one\n- two\n");
    expect_md("<ol><li>first</li><li>second</li></ol>", "1. first\n2. second\n");
}

Test(markdown, nested_list_is_indented_under_its_item) {
    expect_md("<ul><li>fruit<ul><li>apple</li><li>pear</li></ul></li><li>bread</li></ul>",
              "- fruit\n  - apple\n  - pear\n- bread\n");
}

Test(markdown, table_with_header_row_and_padded_rows) {
    expect_md("<table><tr><th>City</th><th>Rain</th></tr>"
              "<tr><td>Oslo</td><td>12 mm</td></tr><tr><td>Rome</td></tr></table>",
              "| City | Rain |\n| --- | --- |\n| Oslo | 12 mm |\n| Rome |  |\n");
}

Test(markdown, table_cells_escape_the_pipe) {
    expect_md("<table><tr><th>a|b</th></tr><tr><td>c</td></tr></table>",
              "| a\\|b |\n| --- |\n| c |\n");
}

Test(markdown, links_and_images) {
    expect_md("<p>See <a href=\"https://example.com/a(1) b\">the report</a> now.</p>",
              "See [the report](https://example.com/a%281%29%20b) now.\n");
    expect_md("<figure><img src=\"https://example.com/p.jpg\" alt=\"A [ship]\">"
              "<figcaption>The ship</figcaption></figure>",
              "![A \\[ship\\]](https://example.com/p.jpg)\n\n*The ship*\n");
}

Test(markdown, link_without_text_or_address_keeps_only_text) {
    expect_md("<p>a <a href=\"https://x.org/\"></a>b <a>c</a></p>", "a b c\n");
}

Test(markdown, special_characters_are_escaped) {
    expect_md("<p>2*3 = 6, snake_case, `code`, [x](y), &lt;b&gt; & a|b ~ \\</p>",
              "2\\*3 = 6, snake\\_case, \\`code\\`, \\[x\\](y), \\<b\\> & a\\|b \\~ "
              "\\\\\n");
    expect_md("<p>&amp;copy; stays text</p>", "\\&copy; stays text\n");
}

Test(markdown, line_start_markers_are_escaped) {
    expect_md("<p># not a heading</p><p>- not a list</p><p>+ plus</p>"
              "<p>1984. A year</p><p>> not a quote</p>",
              "\\# not a heading\n\n\\- not a list\n\n\\+ plus\n\n1984\\. A year\n\n"
              "\\> not a quote\n");
    /* In the middle of a line they are plain text. */
    expect_md("<p>Item #1 - costs 2.5</p>", "Item #1 - costs 2.5\n");
}

Test(markdown, blockquote_and_code) {
    expect_md("<blockquote><p>We will</p><p>rebuild.</p></blockquote>",
              "> We will\n>\n> rebuild.\n");
    expect_md("<pre>a ``` b\n*x*</pre>", "````\na ``` b\n*x*\n````\n");
}

Test(markdown, line_break_is_a_hard_break) {
    expect_md("<p>one<br>two</p>", "one\\\ntwo\n");
}

Test(markdown, without_markup_the_text_paragraphs_are_used) {
    char *out = render(LEDE_FORMAT_MARKDOWN, "H", NULL, NULL, "One *a*.\n\nTwo.");
    cr_expect_str_eq(out, "# H\n\nOne \\*a\\*.\n\nTwo.\n");
    free(out);
}

Test(markdown, headline_is_escaped) {
    char *out = render(LEDE_FORMAT_MARKDOWN, "Q&A: *why*", NULL, NULL, NULL);
    cr_expect_str_eq(out, "# Q&A: \\*why\\*\n");
    free(out);
}

Test(text, headline_then_text) {
    char *out = render(LEDE_FORMAT_TEXT, "Harbour reopens", "By Ann Lee",
                       "<p>ignored</p>", "First *para*.\n\nSecond.");
    cr_expect_str_eq(out, "Harbour reopens\n\nFirst *para*.\n\nSecond.\n");
    free(out);
}

Test(text, no_headline_and_empty_article) {
    char *out = render(LEDE_FORMAT_TEXT, NULL, NULL, NULL, "Only text.");
    cr_expect_str_eq(out, "Only text.\n");
    free(out);
    out = render(LEDE_FORMAT_TEXT, NULL, NULL, NULL, NULL);
    cr_expect_str_eq(out, "");
    free(out);
}

Test(render, bad_arguments) {
    lede_result r;
    memset(&r, 0, sizeof r);
    char *out;
    cr_expect_eq(lede_result_render(NULL, LEDE_FORMAT_TEXT, &out, NULL),
                 LEDE_ERR_INVALID);
    cr_expect_eq(lede_result_render(&r, (lede_format)42, &out, NULL), LEDE_ERR_INVALID);
    cr_expect_eq(lede_result_render(&r, LEDE_FORMAT_TEXT, NULL, NULL), LEDE_ERR_INVALID);
}

Test(render, extracted_page_to_markdown) {
    lede_ctx *ctx;
    lede_ctx_config cfg = {.data_dir = LEDE_SOURCE_DIR "/core/data"};
    cr_assert_eq(lede_ctx_new(&cfg, &ctx, NULL, 0), LEDE_OK);
    static const char page[] =
        "<html lang=en><head><title>Rain returns to the valley</title></head><body>"
        "<article><h1>Rain returns to the valley</h1>"
        "<p>After a dry summer, farmers in the valley welcomed the first heavy rain, "
        "which fell for three days and filled the reservoirs again.</p>"
        "<h2>What farmers said</h2>"
        "<p>Growers said the harvest would be late but larger than feared, and the "
        "co-operative published <a href=\"/report\">its report</a> on Monday.</p>"
        "<ul><li>Wheat prices fell by a tenth over the week, traders said.</li>"
        "<li>Water limits will end at the start of next month, officials said.</li></ul>"
        "</article></body></html>";
    lede_options opt;
    lede_options_init(&opt);
    opt.include_html = true;
    lede_result *res;
    cr_assert_eq(
        lede_extract(ctx, page, sizeof page - 1, "https://example.com/n/1", &opt, &res),
        LEDE_OK);
    char *out;
    cr_assert_eq(lede_result_render(res, LEDE_FORMAT_MARKDOWN, &out, NULL), LEDE_OK);
    cr_expect(strstr(out, "# Rain returns to the valley\n") == out, "%s", out);
    cr_expect_not_null(strstr(out, "\n\n## What farmers said\n\n"), "%s", out);
    cr_expect_not_null(strstr(out, "[its report](https://example.com/report)"), "%s",
                       out);
    cr_expect_not_null(strstr(out, "\n- Wheat prices fell"), "%s", out);
    free(out);
    lede_result_free(res);
    lede_ctx_free(ctx);
}

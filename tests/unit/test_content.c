/* Main-content detection: scoring, hidden elements, <br> paragraphs, lists
 * and tables, boilerplate pruning, CJK thresholds, limits, cleaned markup,
 * JSON-LD articleBody evidence and the page-kind warnings. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "content/content.h"
#include "content/rules.h"
#include "html/html.h"
#include "lede/lede.h"

static lede_ctx *ctx;

static void setup(void) {
    lede_ctx_config cfg = {.data_dir = LEDE_SOURCE_DIR "/core/data"};
    cr_assert_eq(lede_ctx_new(&cfg, &ctx, NULL, 0), LEDE_OK);
}

static void teardown(void) { lede_ctx_free(ctx); }

TestSuite(content, .init = setup, .fini = teardown);
/* The rules' lookups need their indexes, as content_extract() builds them. */
TestSuite(content_rules, .init = content_init);

/* Extracts html with the given options (NULL = defaults); the caller frees. */
static lede_result *extract_opt(const char *html, lede_options *opt) {
    lede_options defaults;
    if (!opt) {
        lede_options_init(&defaults);
        opt = &defaults;
    }
    opt->stages = LEDE_FIELD_META | LEDE_FIELD_TEXT;
    lede_result *res = NULL;
    cr_assert_eq(
        lede_extract(ctx, html, strlen(html), "https://news.example/a/1.html", opt, &res),
        LEDE_OK);
    cr_assert_not_null(res->text);
    return res;
}

static lede_result *extract(const char *html) { return extract_opt(html, NULL); }

static bool has_warning(const lede_result *r, const char *code) {
    for (size_t i = 0; i < r->n_warnings; i++)
        if (!strcmp(r->warnings[i], code))
            return true;
    return false;
}

#define ASSERT_HAS(res, s)                                                               \
    cr_assert(strstr((res)->text, s), "text lacks \"%s\": [%s]", s, (res)->text)
#define ASSERT_LACKS(res, s)                                                             \
    cr_assert(!strstr((res)->text, s), "text contains \"%s\": [%s]", s, (res)->text)

/* Four sentences of prose, enough for a paragraph to score well. */
#define PROSE(tag)                                                                       \
    "<p>" tag " The committee met on Tuesday to discuss the budget, the schedule, and "  \
    "the new hiring plan, which had been delayed twice since the spring.</p>"

Test(content, article_beats_sidebar_and_comments) {
    lede_result *r =
        extract("<html><body><div class='sidebar'><ul><li><a href='/1'>Link one is a "
                "headline</a></li>"
                "<li><a href='/2'>Link two is another headline</a></li></ul></div>"
                "<div class='article-body'>" PROSE("Alpha.") PROSE("Beta.")
                    PROSE("Gamma.") "</div>"
                                    "<div class='comments'><p>I disagree with everything "
                                    "here, and I have said so, "
                                    "many times, in many places, to many "
                                    "people.</p></div></body></html>");
    ASSERT_HAS(r, "Alpha. The committee");
    ASSERT_HAS(r, "Gamma. The committee");
    ASSERT_LACKS(r, "Link one");
    ASSERT_LACKS(r, "I disagree");
    cr_assert_str_eq(r->provenance.text, "dom");
    cr_assert_not(has_warning(r, "not_an_article"));
    lede_result_free(r);
}

Test(content, strong_siblings_join_the_top_candidate) {
    /* The story split in two blocks around an aside: both halves are kept. */
    lede_result *r = extract("<html><body><div><div class='part'>" PROSE("One.") PROSE(
        "Two.") "</div><aside class='share'><a href='#'>Share</a></aside>"
                "<div class='part'>" PROSE("Three.")
                                 PROSE("Four.") "</div></div></body></html>");
    ASSERT_HAS(r, "Two. The committee");
    ASSERT_HAS(r, "Four. The committee");
    ASSERT_LACKS(r, "Share");
    lede_result_free(r);
}

Test(content, hidden_elements_are_skipped) {
    lede_result *r = extract("<html><body><article>" PROSE(
        "Seen.") "<p hidden>Hidden attribute text is not shown here at all.</p>"
                 "<p aria-hidden='true'>Aria hidden text is not read out at all.</p>"
                 "<div style='display: none'><p>Display none text is invisible.</p></div>"
                 "<p style='visibility:hidden'>Visibility hidden text is gone.</p>"
                 "<span class='sr-only'>Screen reader only label</span>" PROSE(
                     "Also seen.") "</article></body></html>");
    ASSERT_HAS(r, "Seen. The committee");
    ASSERT_HAS(r, "Also seen.");
    ASSERT_LACKS(r, "Hidden attribute");
    ASSERT_LACKS(r, "Aria hidden");
    ASSERT_LACKS(r, "Display none");
    ASSERT_LACKS(r, "Visibility hidden");
    ASSERT_LACKS(r, "Screen reader");
    lede_result_free(r);
}

Test(content, br_separated_text_becomes_paragraphs) {
    lede_result *r = extract(
        "<html><body><div class='post'>The first line of the story is long enough to "
        "count."
        "<br><br>The second line of the story follows after two breaks, as on old sites."
        "<br>The third line follows a single break and is its own paragraph too.</div>"
        "</body></html>");
    cr_assert_str_eq(r->text,
                     "The first line of the story is long enough to count.\n\n"
                     "The second line of the story follows after two breaks, as on old "
                     "sites.\n\nThe third line follows a single break and is its own "
                     "paragraph too.");
    lede_result_free(r);
}

Test(content, lists_and_tables_render_one_paragraph_per_item_and_row) {
    lede_result *r = extract("<html><body><article>" PROSE(
        "Intro.") "<ul><li>First point of the plan</li><li>Second point</li></ul>"
                  "<table><tr><th>City</th><th>People</th></tr>"
                  "<tr><td>Oslo</td><td>709,000</td></tr></table>" PROSE(
                      "Outro.") "</article></body></html>");
    ASSERT_HAS(r, "\n\nFirst point of the plan\n\nSecond point\n\n");
    ASSERT_HAS(r, "\n\nCity | People\n\nOslo | 709,000\n\n");
    lede_result_free(r);
}

Test(content, linked_headlines_go_but_linked_sentences_and_urls_stay) {
    lede_result *r = extract("<html><body><article>" PROSE(
        "One.") "<p><a href='/other'>Fans vote for the band in the hall of fame "
                "poll</a></p>"
                "<p>Thanks to the volunteers, users can now <a href='/x'>import their "
                "old "
                "records</a></p>"
                "<p><a "
                "href='http://short.example/abc'>http://short.example/abc</a></p>" PROSE(
                    "Two.") "</article></body></html>");
    ASSERT_LACKS(r, "Fans vote");
    ASSERT_HAS(r, "users can now import their old records");
    ASSERT_HAS(r, "http://short.example/abc");
    lede_result_free(r);
}

Test(content, data_tables_with_linked_cells_are_kept) {
    lede_result *r = extract("<html><body><article>" PROSE("Intro.") PROSE(
        "More.") "<table><tr><th>Film</th><th>Year</th></tr>"
                 "<tr><td><a href='/f/1'>The Loop</a></td><td>1993</td></tr>"
                 "<tr><td><a href='/f/2'>Again and Again</a></td><td>2004</td></tr>"
                 "</table>" PROSE("Outro.") "</article></body></html>");
    ASSERT_HAS(r, "The Loop | 1993");
    ASSERT_HAS(r, "Again and Again | 2004");
    lede_result_free(r);
}

/* Items that are sentences with a link inside, written by the article. */
#define CHANGELOG_ITEMS                                                                  \
    "<li>Gijs <a href='/b/1'>made the bookmarks toolbar load later at startup</a></li>"  \
    "<li>Emma <a href='/b/2'>fixed a flicker when the browser opens a window</a></li>"   \
    "<li>Omar <a href='/b/3'>removed an unused attribute from the dialogs</a></li>"

Test(content, lists_of_linked_sentences_are_kept) {
    lede_result *r = extract("<html><body><article>" PROSE(
        "Intro.") "<h3>Performance</h3>"
                  "<ul>" CHANGELOG_ITEMS
                  "</ul>" PROSE("Outro.") "</article></body></html>");
    ASSERT_HAS(r, "Gijs made the bookmarks toolbar load later at startup");
    ASSERT_HAS(r, "Omar removed an unused attribute");
    lede_result_free(r);
}

Test(content, linked_lists_introduced_as_more_reading_go) {
    /* the same shape under "More stories", and lists that start with their link */
    lede_result *r = extract("<html><body><article>" PROSE("Intro.") PROSE(
        "Outro.") "<h3>More Great "
                  "Stories</h3>"
                  "<ul>" CHANGELOG_ITEMS "</ul>"
                  "<ul><li><a href='/s/1'>Council approves the new budget</a> today</li>"
                  "<li><a href='/s/2'>Storm closes the coastal road</a> today</li>"
                  "<li><a href='/s/3'>Schools to reopen on Monday</a> today</li></ul>"
                  "</article></body></html>");
    ASSERT_HAS(r, "Outro.");
    ASSERT_LACKS(r, "Gijs");
    ASSERT_LACKS(r, "Council approves");
    lede_result_free(r);
}

Test(content, boilerplate_inside_the_article_is_pruned) {
    lede_result *r = extract(
        "<html><head><meta property='og:title' content='Budget talks "
        "resume'></head><body>"
        "<article><h1>Budget talks resume</h1><p>Budget talks resume</p>"
        "<p>By Anna Lindqvist</p><p>Updated: March 3, 2024 10:45 am</p>"
        "<div class='share-tools'><a href='#'>Share</a><a href='#'>Tweet</a></div>" PROSE(
            "Body one.") "<p>Read more: <a href='/x'>The budget explained in ten charts "
                         "and a map</a></p>"
                         "<figure><img src='a.jpg'><figcaption>The hall. Photo: Getty "
                         "Images</figcaption></figure>"
                         "<p>Photo: Getty Images</p>"
                         "<div class='newsletter'><p>Sign up for our newsletter today "
                         "and never miss a "
                         "story.</p></div>"
                         "<p>Advertisement</p>" PROSE(
                             "Body two.") "<ul class='related'><li><a href='/r1'>Related "
                                          "story one about the budget</a></li>"
                                          "<li><a href='/r2'>Related story two about the "
                                          "schedule</a></li></ul>"
                                          "</article></body></html>");
    ASSERT_HAS(r, "Body one. The committee");
    ASSERT_HAS(r, "Body two. The committee");
    cr_assert(!strncmp(r->text, "Body one.", 9), "leading boilerplate left: [%s]",
              r->text);
    ASSERT_LACKS(r, "Budget talks");
    ASSERT_LACKS(r, "Lindqvist");
    ASSERT_LACKS(r, "March 3");
    ASSERT_LACKS(r, "Tweet");
    ASSERT_LACKS(r, "Read more");
    ASSERT_LACKS(r, "The hall");
    ASSERT_LACKS(r, "Getty");
    ASSERT_LACKS(r, "newsletter");
    ASSERT_LACKS(r, "Advertisement");
    ASSERT_LACKS(r, "Related story");
    ASSERT_LACKS(r, "herald.example");
    /* A heading left at the very end heads a box that was pruned. */
    ASSERT_LACKS(r, "Keep exploring");
    lede_result_free(r);
}

Test(content, inline_hover_cards_are_pruned_but_the_name_stays) {
    lede_result *r = extract("<html><body><article>" PROSE(
        "One.") "<p>Rep. <span class='rollover'><a href='/p/1'>Jane Roe</a><span "
                "class='card'>"
                "<a href='/p/1'>Jane Roe</a><a href='/s/1'>Roe wins the primary by a "
                "wide margin "
                "again</a> <a href='/s/2'>Roe backs the new transit plan for the "
                "city</a> <a href='/s/3'>Roe and the mayor clash over school "
                "funding</a></span>"
                "</span> said on Monday that the bill would pass, and that it would pass "
                "soon.</p>" PROSE("Two.") "</article></body></html>");
    ASSERT_HAS(r, "Rep. Jane Roe said on Monday that the bill would pass");
    ASSERT_LACKS(r, "primary");
    lede_result_free(r);
}

Test(content, cjk_paragraphs_count_by_characters) {
    /* Each paragraph is short in code points but long in weighted characters. */
    lede_result *r = extract(
        "<html><body><div class='nav'><a href='/'>首页</a><a href='/n'>新闻</a></div>"
        "<div class='main'><p>市政府今天宣布新的公共交通计划。</p>"
        "<p>计划包括三条新的公交线路和一条地铁延长线。</p>"
        "<p>官员表示，项目将在明年春天开工。</p></div></body></html>");
    ASSERT_HAS(r, "市政府今天宣布新的公共交通计划。\n\n计划包括");
    ASSERT_HAS(r, "项目将在明年春天开工");
    ASSERT_LACKS(r, "首页");
    lede_result_free(r);
}

Test(content, rules_measure_weights_cjk) {
    rule_measure m = {0, 0};
    rules_measure("ab c", &m);
    cr_assert_eq(m.chars, 3);
    rule_measure k = {0, 0};
    rules_measure("市政府，今天", &k);
    cr_assert_eq(k.chars, 5 * CJK_CHAR_WEIGHT + 1); /* + the fullwidth comma */
    cr_assert_eq(k.commas, 1);
}

/* A page whose only paragraph sits `depth` elements below <html>. */
static char *nested_page(unsigned depth, const char *text) {
    static char buf[16384];
    size_t n = (size_t)snprintf(buf, sizeof buf, "<html><body>");
    for (unsigned d = 3; d < depth; d++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "<div>");
    n += (size_t)snprintf(buf + n, sizeof buf - n, "<p>%s</p>", text);
    for (unsigned d = 3; d < depth; d++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "</div>");
    snprintf(buf + n, sizeof buf - n, "</body></html>");
    return buf;
}

Test(content, dom_depth_limit_is_respected_at_the_limit) {
    const char *text =
        "Deep text of the story, which sits far down in the tree, with clauses.";
    lede_options opt;
    lede_options_init(&opt);
    opt.max_dom_depth = 40;
    /* html = 1, body = 2, divs 3..39, p = 40: exactly at the limit, read. */
    lede_result *r = extract_opt(nested_page(40, text), &opt);
    ASSERT_HAS(r, "Deep text of the story");
    lede_result_free(r);
    /* One level deeper: the paragraph is past the limit and not walked. */
    lede_options_init(&opt);
    opt.max_dom_depth = 40;
    r = extract_opt(nested_page(41, text), &opt);
    ASSERT_LACKS(r, "Deep text");
    cr_assert(has_warning(r, "no_article_body"));
    lede_result_free(r);
}

static bool valid_utf8(const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80         ? 1
                     : (c >> 5) == 6  ? 2
                     : (c >> 4) == 14 ? 3
                     : (c >> 3) == 30 ? 4
                                      : 0;
        if (!len || i + len > n)
            return false;
        for (size_t k = 1; k < len; k++)
            if (((unsigned char)s[i + k] & 0xC0) != 0x80)
                return false;
        i += len;
    }
    return true;
}

Test(content, text_length_limit_cuts_on_a_character_boundary) {
    lede_options opt;
    lede_options_init(&opt);
    opt.max_text_len = 101; /* 101 bytes lands inside a 3-byte character below */
    lede_result *r = extract_opt(
        "<html><body><article>"
        "<p>第一段文字很长，用来测试文本长度的限制是否在字符边界上截断。</p>"
        "<p>第二段文字也很长，用来测试文本长度的限制是否在字符边界上截断。</p>"
        "<p>第三段文字同样很长，用来测试文本长度的限制是否在字符边界上截断。</p>"
        "</article></body></html>",
        &opt);
    cr_assert_leq(r->text_len, 101);
    cr_assert_gt(r->text_len, 90);
    cr_assert_eq(strlen(r->text), r->text_len);
    cr_assert(valid_utf8(r->text, r->text_len));
    cr_assert(has_warning(r, "text_truncated"));
    lede_result_free(r);
}

Test(content, one_paragraph_longer_than_the_limit_is_cut_not_an_error) {
    static char page[64 * 1024];
    size_t n = (size_t)snprintf(page, sizeof page, "<html><body><article><p>");
    for (int i = 0; i < 500; i++)
        n += (size_t)snprintf(page + n, sizeof page - n, "word%d, and more, ", i);
    snprintf(page + n, sizeof page - n, "</p></article></body></html>");
    lede_options opt;
    lede_options_init(&opt);
    opt.max_text_len = 1000;
    lede_result *r = extract_opt(page, &opt);
    cr_assert_leq(r->text_len, 1000);
    cr_assert_gt(r->text_len, 900);
    cr_assert(has_warning(r, "text_truncated"));
    lede_result_free(r);
}

Test(content, index_pages_are_not_articles) {
    char page[16384];
    size_t n = (size_t)snprintf(page, sizeof page, "<html><body><ul>");
    for (int i = 0; i < 25; i++)
        n += (size_t)snprintf(page + n, sizeof page - n,
                              "<li><a href='/s/%d'>Headline number %d about the city</a>"
                              "</li>",
                              i, i);
    snprintf(page + n, sizeof page - n, "</ul></body></html>");
    lede_result *r = extract(page);
    cr_assert(has_warning(r, "not_an_article"));
    lede_result_free(r);
}

Test(content, include_html_gives_clean_markup) {
    lede_options opt;
    lede_options_init(&opt);
    opt.include_html = true;
    lede_result *r = extract_opt(
        "<html><head><base href='https://cdn.example/base/'></head><body>"
        "<article class='story' id='x'>" PROSE(
            "One.") "<p style='color:red' onclick='evil()'>See <a href='../doc.html' "
                    "class='l'>the "
                    "report</a> &amp; <b>its</b> annex, which was published, reviewed, "
                    "and cited.</p>"
                    "<script>alert(1)</script><figure><img src='pic.jpg' alt='A "
                    "&quot;pic&quot;' "
                    "width='5'><figcaption>Caption text</figcaption></figure>" PROSE(
                        "Two.") "</article></body></html>",
        &opt);
    cr_assert_not_null(r->html);
    cr_assert(strstr(r->html, "<p>One. The committee"), "%s", r->html);
    cr_assert(strstr(r->html,
                     "<a href=\"https://cdn.example/doc.html\">the report</a> &amp; "
                     "its annex"),
              "%s", r->html);
    cr_assert(strstr(r->html, "<img src=\"https://cdn.example/base/pic.jpg\" "
                              "alt=\"A &quot;pic&quot;\">"),
              "%s", r->html);
    cr_assert(strstr(r->html, "<figcaption>Caption text</figcaption>"), "%s", r->html);
    cr_assert_null(strstr(r->html, "script"));
    cr_assert_null(strstr(r->html, "alert"));
    cr_assert_null(strstr(r->html, "class="));
    cr_assert_null(strstr(r->html, "style="));
    cr_assert_null(strstr(r->html, "onclick"));
    /* Captions are markup only, never text. */
    ASSERT_LACKS(r, "Caption text");
    lede_result_free(r);
}

Test(content, markup_links_resolve_against_the_page_url) {
    lede_options opt;
    lede_options_init(&opt);
    opt.include_html = true;
    lede_result *r = extract_opt(
        "<html><body><article>" PROSE(
            "One.") "<p>A <a href='/b/2.html'>link</a> and <img src='x.png'> "
                    "in a sentence that is long enough, with clauses, to stay."
                    "</p></article></body></html>",
        &opt);
    cr_assert(strstr(r->html, "<a href=\"https://news.example/b/2.html\">link</a>"), "%s",
              r->html);
    cr_assert(strstr(r->html, "<img src=\"https://news.example/a/x.png\">"), "%s",
              r->html);
    lede_result_free(r);
}

Test(content, html_is_null_unless_asked) {
    lede_result *r =
        extract("<html><body><article>" PROSE("One.") "</article></body></html>");
    cr_assert_null(r->html);
    lede_result_free(r);
}

/* Runs content_extract() directly, with a JSON-LD body as the meta stage
 * would leave it. */
static void run_with_jsonld(const char *html, const char *body, lede_result *res,
                            lede_arena *a, lede_options *opt) {
    lede_job job;
    memset(&job, 0, sizeof job);
    job.ctx = ctx;
    job.opt = opt;
    job.arena = a;
    job.res = res;
    job.jsonld_body = body;
    cr_assert_eq(html_parse(a, html, strlen(html), NULL, opt, &job.doc), LEDE_OK);
    cr_assert_eq(content_extract(&job), LEDE_OK);
    html_doc_free(job.doc);
}

Test(content, jsonld_body_is_used_when_the_dom_has_too_little) {
    lede_options opt;
    lede_options_init(&opt);
    lede_arena *a = arena_new(0);
    lede_result *res = arena_calloc(a, 1, sizeof *res);
    const char *body =
        "The full story is only in the structured data of this page, "
        "because the page draws its text with a script.\n\nIt has a second "
        "paragraph as well, which says that the vote was postponed until "
        "after the summer, and a third clause for good measure, with more words.";
    run_with_jsonld("<html><body><div id='app'>Loading...</div></body></html>", body, res,
                    a, &opt);
    cr_assert_str_eq(res->provenance.text, "json-ld");
    cr_assert(strstr(res->text, "script.\n\nIt has a second paragraph"), "%s", res->text);
    arena_free(a);
}

Test(content, jsonld_body_written_as_html_is_cleaned) {
    lede_options opt;
    lede_options_init(&opt);
    lede_arena *a = arena_new(0);
    lede_result *res = arena_calloc(a, 1, sizeof *res);
    const char *body = "<p>The story arrives as markup in the structured data, with "
                       "<b>bold</b> words &amp; entities, because the site builds its "
                       "pages with a script.</p><p>A second paragraph follows, and it "
                       "says that the vote was postponed until after the long summer "
                       "break.</p>";
    run_with_jsonld("<html><body><div id='app'></div></body></html>", body, res, a, &opt);
    cr_assert_str_eq(res->provenance.text, "json-ld");
    cr_assert_str_eq(
        res->text, "The story arrives as markup in the structured data, with bold words "
                   "& entities, because the site builds its pages with a script.\n\nA "
                   "second paragraph follows, and it says that the vote was postponed "
                   "until after the long summer break.");
    arena_free(a);
}

Test(content, jsonld_body_does_not_replace_a_good_dom_text) {
    lede_options opt;
    lede_options_init(&opt);
    lede_arena *a = arena_new(0);
    lede_result *res = arena_calloc(a, 1, sizeof *res);
    run_with_jsonld(
        "<html><body><article>" PROSE("One.") PROSE("Two.")
            PROSE("Three.") "</article></body></html>",
        "A short teaser that the page gives as its article body, and that is "
        "long enough to count as evidence but far shorter than the real text.",
        res, a, &opt);
    cr_assert_str_eq(res->provenance.text, "dom");
    cr_assert(strstr(res->text, "Three. The committee"));
    arena_free(a);
}

Test(content, headline_and_byline_set_by_meta_are_not_repeated) {
    lede_options opt;
    lede_options_init(&opt);
    lede_arena *a = arena_new(0);
    lede_result *res = arena_calloc(a, 1, sizeof *res);
    res->headline = "Council approves the harbour budget | The Herald";
    res->byline = "Maria Keller";
    run_with_jsonld("<html><body><article><p>Council approves the harbour budget</p>"
                    "<p>Maria Keller, Staff Writer</p>" PROSE("One.")
                        PROSE("Two.") "</article></body></html>",
                    NULL, res, a, &opt);
    cr_assert(!strncmp(res->text, "One. The committee", 18), "%s", res->text);
    arena_free(a);
}

Test(content, empty_page_warns_no_article_body) {
    lede_result *r = extract("<html><body></body></html>");
    cr_assert_str_eq(r->text, "");
    cr_assert(has_warning(r, "no_article_body"));
    cr_assert_null(r->provenance.text);
    lede_result_free(r);
}

/* ----------------------------------------------------------- rule tables */

Test(content_rules, tables_are_sorted) { cr_assert(rules_class_table_sorted()); }

Test(content_rules, date_lines) {
    static const char *const yes[] = {"November 12, 2023",
                                      "Updated: 2021-11-16 19:35",
                                      "Mon 3 Jun 2019 10.45 BST",
                                      "5 min read",
                                      "Published 2 hours ago",
                                      "Image 1 of 5",
                                      "Published Monday, November 18, 2019 8:22AM EST"};
    static const char *const no[] = {"May the best team win",
                                     "2023 was a good year for us",
                                     "The vote on 12 March", "Monday"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        cr_assert(rules_is_date_line(yes[i], strlen(yes[i])), "%s", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        cr_assert_not(rules_is_date_line(no[i], strlen(no[i])), "%s", no[i]);
}

Test(content_rules, byline_lines) {
    cr_assert(rules_is_byline_line("By Jane Doe", 11));
    cr_assert(rules_is_byline_line("By: JANE DOE and JOHN ROE", 25));
    cr_assert_not(rules_is_byline_line("By contrast, the rest held", 26));
    cr_assert_not(rules_is_byline_line("Bystanders ran away", 19));
}

static bool boiler(const char *s) { return rules_is_boilerplate_phrase(s, strlen(s)); }

Test(content_rules, boilerplate_phrases_in_other_languages) {
    cr_assert(boiler("Leggi anche"));
    cr_assert(boiler("Lire aussi : le budget"));
    cr_assert(boiler("\xc3\x80 lire aussi"));
    cr_assert(boiler("Lesen Sie auch: Der Haushalt"));
    cr_assert(boiler("Anzeige"));
    cr_assert(boiler("Lo m\xc3\xa1s le\xc3\xad"
                     "do"));
    cr_assert(boiler("Leia tamb\xc3\xa9m"));
    cr_assert(boiler("Publicit\xc3\xa9"));
    cr_assert(boiler("\xd0\xa7\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 "
                     "\xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5"));
    cr_assert(boiler("\xe8\xb4\xa3\xe4\xbb\xbb\xe7\xbc\x96\xe8\xbe\x91\xef\xbc\x9a"
                     "\xe7\x8e\x8b\xe4\xb8\x80")); /* 责任编辑：王一 */
    /* a word boundary after the phrase, and labels only when alone */
    cr_assert_not(boiler("Anzeigen gingen zur\xc3\xbc"
                         "ck, sagte die Polizei."));
    cr_assert_not(boiler("Leggi anchecosa"));
    cr_assert_not(boiler("Teilen der Stadt fehlt Strom."));
}

Test(content_rules, boilerplate_phrases) {
    cr_assert(rules_is_boilerplate_phrase("Read more: the budget", 21));
    cr_assert(rules_is_boilerplate_phrase("Advertisement", 13));
    cr_assert(rules_is_boilerplate_phrase("Share", 5));
    cr_assert(rules_is_boilerplate_phrase("Facebook", 8));
    cr_assert(rules_is_boilerplate_phrase("Trending now:", 13));
    cr_assert_not(rules_is_boilerplate_phrase("Trending stocks fell", 20));
    cr_assert_not(rules_is_boilerplate_phrase("Facebook said on Tuesday it would", 33));
    cr_assert_not(rules_is_boilerplate_phrase("Subscribers will pay more", 25));
    cr_assert_not(rules_is_boilerplate_phrase("Readers wrote in", 16));
    const char *contact = "Email the author at a@b.example or follow him on Twitter.";
    cr_assert(rules_is_boilerplate_phrase(contact, strlen(contact)));
    const char *write = "Write to Al Root at al.root@news.example";
    cr_assert(rules_is_boilerplate_phrase(write, strlen(write)));
    const char *at = "The deal closed at 5 p.m. @ the exchange, traders said.";
    cr_assert_not(rules_is_boilerplate_phrase(at, strlen(at)));
    const char *credit = "(Reporting by Jane Roe; Editing by John Doe)";
    cr_assert(rules_is_boilerplate_phrase(credit, strlen(credit)));
}

Test(content_rules, same_text_ignores_case_and_punctuation) {
    const char *h = "Harbour bridge reopens – after repairs | The Herald";
    cr_assert(rules_same_text("harbour bridge reopens after repairs", 36,
                              "Harbour Bridge Reopens, After Repairs!", false));
    cr_assert(rules_same_text("Harbour bridge reopens after repairs", 36, h, true));
    cr_assert_not(rules_same_text("Harbour bridge reopens after repairs", 36, h, false));
    cr_assert_not(rules_same_text("Harbour bridge closes", 21, h, true));
}

Test(content_rules, class_words) {
    xmlDocPtr doc = htmlReadDoc((const xmlChar *)"<div class='article-body' id='x'></div>"
                                                 "<div class='sidebar-widget'></div>"
                                                 "<div class='header content'></div>"
                                                 "<div class='text-center'></div>",
                                NULL, "UTF-8", HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    xmlNode *body = xmlDocGetRootElement(doc)->children;
    xmlNode *d1 = body->children, *d2 = d1->next, *d3 = d2->next, *d4 = d3->next;
    rule_class c;
    rules_classify(d1, &c);
    cr_assert_gt(c.weight, 0);
    cr_assert_not(c.unlikely);
    rules_classify(d2, &c);
    cr_assert_lt(c.weight, 0);
    cr_assert(c.unlikely);
    rules_classify(d3, &c);
    cr_assert_not(c.unlikely, "a content word keeps an element from being unlikely");
    rules_classify(d4, &c);
    cr_assert_eq(c.weight, 0, "a text-* utility class says nothing about content");
    xmlFreeDoc(doc);
}

/* The weight and verdict of one element parsed from `html` (a single div). */
static rule_class classify_one(const char *html) {
    xmlDocPtr doc = htmlReadDoc((const xmlChar *)html, NULL, "UTF-8",
                                HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    cr_assert_not_null(doc);
    xmlNode *div = xmlDocGetRootElement(doc)->children->children;
    cr_assert_not_null(div);
    rule_class c;
    rules_classify(div, &c);
    xmlFreeDoc(doc);
    return c;
}

Test(content_rules, class_words_ignore_case_and_respect_word_modes) {
    cr_assert_gt(classify_one("<div class='ARTICLE-Body'></div>").weight, 0);
    rule_class c = classify_one("<div id='SideBar'></div>");
    cr_assert_lt(c.weight, 0);
    cr_assert(c.unlikely);
    /* "ad" is a whole-token word: "shadow" and "adsense" do not match it. */
    cr_assert_eq(classify_one("<div class='shadow adsense'></div>").weight, 0);
    cr_assert(classify_one("<div class='top ad'></div>").unlikely);
    cr_assert(classify_one("<div class='AD-slot'></div>").unlikely);
    /* "nav" is a prefix word: "navbar" matches, "canvas" does not. */
    cr_assert(classify_one("<div class='navbar'></div>").unlikely);
    cr_assert_not(classify_one("<div class='canvas'></div>").unlikely);
    /* "text" is a word end: "body-text" is content, "text-center" says nothing. */
    cr_assert_eq(classify_one("<div class='textarea'></div>").weight, 0);
    cr_assert_gt(classify_one("<div class='x-text'></div>").weight, 0);
    cr_assert_eq(classify_one("<div class='x-text_big'></div>").weight, 0);
    /* class and id each count once, however many words they hold. */
    cr_assert_eq(classify_one("<div class='story' id='main-content'></div>").weight, 50);
    cr_assert_eq(classify_one("<div class='story' id='comments'></div>").weight, 0);
    cr_assert(classify_one("<div class='SR-ONLY'>x</div>").hidden);
    cr_assert(classify_one("<div style='DISPLAY: none'>x</div>").hidden);
    cr_assert(classify_one("<div role='Navigation'>x</div>").unlikely);
}

Test(content_rules, long_class_values_are_read_up_to_the_cut) {
    char html[1024];
    /* 250 bytes of filler, then "sidebar" straddling the 255-byte cut: not seen. */
    char filler[300];
    memset(filler, 'x', 250);
    filler[250] = '\0';
    snprintf(html, sizeof html, "<div class='%s sidebar'></div>", filler);
    cr_assert_not(classify_one(html).unlikely);
    /* A word ending exactly at the cut still counts, even cut from a longer token. */
    memset(filler, 'x', 252);
    filler[252] = '\0';
    snprintf(html, sizeof html, "<div class='%s adzzzz'></div>", filler);
    cr_assert(classify_one(html).unlikely);
    snprintf(html, sizeof html, "<div class='menu %s'></div>", filler);
    cr_assert(classify_one(html).unlikely);
}

Test(content_rules, tags_are_looked_up_exactly) {
    static const struct {
        const char *name;
        int kind;
    } cases[] = {
        {"a", RK_LINK},        {"abbr", RK_INLINE},   {"address", RK_BLOCK},
        {"b", RK_INLINE},      {"br", RK_BR},         {"td", RK_CELL},
        {"h6", RK_BLOCK},      {"h7", RK_INLINE},     {"img", RK_IMG},
        {"video", RK_SKIP},    {"videos", RK_INLINE}, {"DIV", RK_INLINE},
        {"zzz", RK_INLINE},    {"", RK_INLINE},       {"script", RK_SKIP},
        {"section", RK_BLOCK}, {"span", RK_INLINE},   {"1a", RK_INLINE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        xmlNode n;
        memset(&n, 0, sizeof n);
        n.type = XML_ELEMENT_NODE;
        n.name = (const xmlChar *)cases[i].name;
        const rule_tag *t = rules_tag(&n);
        cr_assert_eq(t->kind, cases[i].kind, "%s", cases[i].name);
        if (t->kind != RK_INLINE)
            cr_assert_str_eq(t->name, cases[i].name);
    }
}

Test(content_rules, credit_lines_and_contained_phrases) {
    static const char *const credit[] = {
        "Photo: Jane Doe", "A boat at dawn (Photo by Al Roe)",
        "Sunset over the bay. Getty Images", "\xc2\xa9 2024 Example Media"};
    static const char *const not_credit[] = {"photo: jane doe", "Getty",
                                             "The photographer waited for dawn."};
    for (size_t i = 0; i < sizeof credit / sizeof *credit; i++)
        cr_assert(rules_is_credit_line(credit[i], strlen(credit[i])), "%s", credit[i]);
    for (size_t i = 0; i < sizeof not_credit / sizeof *not_credit; i++)
        cr_assert_not(rules_is_credit_line(not_credit[i], strlen(not_credit[i])), "%s",
                      not_credit[i]);
    const char *rights = "Example Media Ltd. ALL RIGHTS RESERVED.";
    cr_assert(rules_is_boilerplate_phrase(rights, strlen(rights)));
    static const char *const contained[] = {
        "All rights reserved 2024", "Jane Roe can be reached at the desk",
        "Questions? Follow us on X", "ffollow us on X", "xx subscribe to our list"};
    for (size_t i = 0; i < sizeof contained / sizeof *contained; i++)
        cr_assert(rules_is_boilerplate_phrase(contained[i], strlen(contained[i])), "%s",
                  contained[i]);
    /* A phrase cut by the end of the paragraph is not there. */
    cr_assert_not(rules_is_boilerplate_phrase("Example all rights reserve", 26));
    cr_assert(rules_is_boilerplate_phrase("SIGN IN.", 8));
    cr_assert(rules_is_boilerplate_phrase("\xc2\xa9 Example", 10));
    cr_assert_not(rules_is_boilerplate_phrase("Signing in took an hour", 23));
    cr_assert_not(rules_is_boilerplate_phrase("Copyrighted material", 20));
}

Test(content_rules, rules_measure_counts_long_ascii_runs_and_mixed_text) {
    static const struct {
        const char *s;
        uint32_t chars, commas;
    } cases[] = {
        {"a,b,c,d,e,f,g,h,i,j", 19, 9},
        {"  The vote, which was held on Tuesday,\t\nwas close ,, very close.  ", 50, 4},
        {"caf\xc3\xa9, na\xc3\xafve,\xc2\xa0\xe6\x9d\xb1\xe4\xba\xac\xe3\x80\x81 done, "
         "and\xef\xbc\x8cmore, text here ok",
         44, 6},
        {"~!\x7f,,,,,,,,,,,,,,,, !!", 21, 16},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        rule_measure m = {0, 0};
        rules_measure(cases[i].s, &m);
        cr_assert_eq(m.chars, cases[i].chars, "%s: chars %u", cases[i].s, m.chars);
        cr_assert_eq(m.commas, cases[i].commas, "%s: commas %u", cases[i].s, m.commas);
    }
}

/* Whitespace runs (ASCII and U+00A0) as one space, trimmed: what the text of
 * one paragraph should read as. */
static void collapse_ref(const char *s, char *out) {
    size_t n = 0;
    bool space = false;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        if (c == 0xC2 && (unsigned char)s[1] == 0xA0) {
            ws = true;
            s++;
        }
        if (ws) {
            space = n > 0;
            continue;
        }
        if (space)
            out[n++] = ' ';
        space = false;
        out[n++] = (char)c;
    }
    out[n] = '\0';
}

Test(content, long_paragraph_text_is_collapsed_exactly) {
    /* Long runs without spaces, spaces at every offset of a word, tabs,
     * newlines, no-break spaces, the 0xC2 lead byte of another character and
     * more than one stack chunk of text. */
    char para[4096] = "";
    const char *const pieces[] = {
        "Alpha\xc2\xa0\xc2\xa0"
        "beta \t\n gamma,  delta\xc2\xa9 epsilon. ",
        "Averyveryverylongwordwithoutanyspaceatall, and short ones: a b cd efg hijk. ",
        "Tabs\there\tand\r\nnewlines,\r\n\r\n   and  double  spaces, as pages have. "};
    for (int i = 0; i < 24; i++)
        strcat(para, pieces[i % 3]);
    char html[5000];
    snprintf(html, sizeof html, "<html><body><article><p>%s</p></article></body></html>",
             para);
    char expected[4096];
    collapse_ref(para, expected);
    lede_result *r = extract(html);
    cr_assert_str_eq(r->text, expected);
    lede_result_free(r);
}

/*
 * The metadata stage: string cleaning, titles, JSON-LD, bylines and names,
 * dates, URLs and language, each tested on its own, then through
 * lede_extract() on small pages.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "lede/lede.h"
#include "meta/meta_int.h"

static lede_arena *arena;

static void setup(void) { arena = arena_new(0); }
static void teardown(void) { arena_free(arena); }

TestSuite(meta, .init = setup, .fini = teardown);

/* ------------------------------------------------------------ JSON-LD */

Test(meta, jsonld_graph_array_and_junk) {
    json_t *all = json_array();
    const char *graph =
        "<!--{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"WebSite\",\"@id\":\"#site\",\"name\":\"Site\"},"
        "{\"@type\":\"NewsArticle\",\"headline\":\"Line\nbreak\","
        "\"author\":{\"@id\":\"#p1\"}},"
        "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Ann Lee\"}]}-->";
    cr_assert_eq(meta_jsonld_parse(all, graph, strlen(graph)), 3);
    const char *arr = "[{\"@type\":\"Organization\",\"name\":\"X\"}] ; junk";
    cr_assert_eq(meta_jsonld_parse(all, arr, strlen(arr)), 1);
    const char *bad = "{\"@type\": \"Article\", ";
    cr_assert_eq(meta_jsonld_parse(all, bad, strlen(bad)), 0);
    json_t *art = meta_jsonld_article(all);
    cr_assert_not_null(art);
    cr_assert_str_eq(meta_jsonld_str(art, "headline"), "Line break");
    const char *names[4];
    size_t n = 0;
    cr_assert_null(meta_jsonld_authors(all, art, names, &n, 4));
    cr_assert_eq(n, 1);
    cr_assert_str_eq(names[0], "Ann Lee");
    json_decref(all);
}

Test(meta, jsonld_nested_article_and_person_array) {
    json_t *all = json_array();
    const char *s =
        "{\"@type\":\"WebPage\",\"name\":\"Page\",\"mainEntity\":{\"@type\":"
        "[\"BlogPosting\"],\"headline\":\"Post\",\"author\":[{\"@type\":\"Person\","
        "\"name\":\"A One\"},{\"@type\":\"Organization\",\"name\":\"Reuters\"},"
        "\"B Two\"]}}{\"@type\":\"BreadcrumbList\"}";
    cr_assert_eq(meta_jsonld_parse(all, s, strlen(s)), 2);
    json_t *art = meta_jsonld_article(all);
    cr_assert_str_eq(meta_jsonld_str(art, "headline"), "Post");
    const char *names[4];
    size_t n = 0;
    cr_assert_str_eq(meta_jsonld_authors(all, art, names, &n, 4), "Reuters");
    cr_assert_eq(n, 2);
    cr_assert_str_eq(names[0], "A One");
    cr_assert_str_eq(names[1], "B Two");
    json_decref(all);
}

Test(meta, jsonld_body_through_extract) {
    const char *page =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"headline\":\"H\",\"articleBody\":\"Body text.\"}</script></head>"
        "<body><p>x</p></body></html>";
    lede_ctx *ctx = NULL;
    lede_ctx_config cfg = {.data_dir = LEDE_SOURCE_DIR "/core/data"};
    cr_assert_eq(lede_ctx_new(&cfg, &ctx, NULL, 0), LEDE_OK);
    lede_result *r = NULL;
    cr_assert_eq(lede_extract(ctx, page, strlen(page), NULL, NULL, &r), LEDE_OK);
    cr_assert_str_eq(r->headline, "H");
    cr_assert_str_eq(r->provenance.headline, "json-ld");
    lede_result_free(r);
    lede_ctx_free(ctx);
}

/* ------------------------------------------------------------ bylines */

static void parse(const char *s, meta_byline *out) {
    memset(out, 0, sizeof *out);
    meta_byline_parse(arena, s, out);
}

Test(meta, byline_china_daily_style) {
    meta_byline b;
    parse("By REN QI in Moscow | chinadaily.com.cn | Updated: 2021-11-16 19:35", &b);
    cr_assert_eq(b.n_authors, 1);
    cr_assert_str_eq(b.authors[0], "Ren Qi");
    cr_assert_str_eq(b.dateline, "Moscow");
    cr_assert_str_eq(
        meta_byline_trim(arena, "By REN QI in Moscow | chinadaily.com.cn | Updated: x"),
        "By REN QI in Moscow");
}

Test(meta, byline_written_by_edited_by) {
    meta_byline b;
    parse("Written by Rob Ewaschuk Edited by Betsy Beyer", &b);
    cr_assert_eq(b.n_authors, 1);
    cr_assert_str_eq(b.authors[0], "Rob Ewaschuk");
}

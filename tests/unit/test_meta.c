/*
 * The metadata stage: string cleaning, titles, JSON-LD, bylines and names,
 * dates, URLs and language, each tested on its own, then through
 * lede_extract() on small pages.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "html/dom.h"
#include "lede/lede.h"
#include "meta/meta_int.h"

static lede_arena *arena;

static lede_ctx *ctx; /* loaded by the tests that extract whole pages */

static void setup(void) { arena = arena_new(0); }
static void teardown(void) {
    arena_free(arena);
    lede_ctx_free(ctx);
    ctx = NULL;
}

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

Test(meta, byline_ends_before_author_menus) {
    cr_assert_str_eq(meta_byline_trim(arena,
                                      "By Ann Lee and Omar Haddad View author archive "
                                      "Get author RSS feed Email the author"),
                     "By Ann Lee and Omar Haddad");
    meta_byline b;
    parse("By Ann Lee and Omar Haddad View author archive Get author RSS feed", &b);
    cr_assert_eq(b.n_authors, 2);
    cr_assert_str_eq(b.authors[1], "Omar Haddad");
    cr_assert_str_eq(meta_byline_trim(arena, "Jane Doe Contact Subscribe"), "Jane Doe");
}

Test(meta, byline_ends_at_on_before_a_weekday_or_date) {
    cr_assert_str_eq(
        meta_byline_trim(arena, "By Ines Moreau, Tomas Berg on Monday, March 4th"),
        "By Ines Moreau, Tomas Berg");
    cr_assert_str_eq(meta_byline_trim(arena, "By Jane Doe on March 4, 2024"),
                     "By Jane Doe");
    /* "on" before anything else is part of the byline */
    cr_assert_str_eq(meta_byline_trim(arena, "By Jane Doe on assignment"),
                     "By Jane Doe on assignment");
}

Test(meta, byline_credentials_are_not_names) {
    meta_byline b;
    parse("By Brenda Goodman, MA WebMD Health News", &b);
    cr_assert_eq(b.n_authors, 1);
    cr_assert_str_eq(b.authors[0], "Brenda Goodman");
    meta_byline c;
    parse("By Jane Doe MD and John Roe, PhD", &c);
    cr_assert_eq(c.n_authors, 2);
    cr_assert_str_eq(c.authors[0], "Jane Doe");
    cr_assert_str_eq(c.authors[1], "John Roe");
    meta_byline d; /* written as a name, "Ma" is a surname */
    parse("By Jack Ma", &d);
    cr_assert_eq(d.n_authors, 1);
    cr_assert_str_eq(d.authors[0], "Jack Ma");
}

Test(meta, byline_initialled_name_before_its_outlet) {
    meta_byline b;
    parse("Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader", &b);
    cr_assert_eq(b.n_authors, 2);
    cr_assert_str_eq(b.authors[1], "Trevor J. Mitchell");
}

Test(meta, byline_opener_alone_is_a_label) {
    cr_assert(meta_byline_opener_only("By"));
    cr_assert(meta_byline_opener_only("by \n "));
    cr_assert(meta_byline_opener_only("Written by"));
    cr_assert(meta_byline_opener_only("by:"));
    cr_assert_not(meta_byline_opener_only("By Jane Doe"));
    cr_assert_not(meta_byline_opener_only("Sort by"));
    cr_assert_not(meta_byline_opener_only("bypass"));
    cr_assert(meta_byline_prefixed("By"));
    cr_assert(meta_byline_prefixed("By Jane Doe"));
    cr_assert_not(meta_byline_prefixed("Bypass"));
}

Test(meta, byline_written_by_edited_by) {
    meta_byline b;
    parse("Written by Rob Ewaschuk Edited by Betsy Beyer", &b);
    cr_assert_eq(b.n_authors, 1);
    cr_assert_str_eq(b.authors[0], "Rob Ewaschuk");
}

Test(meta, byline_several_authors_and_junk) {
    meta_byline b;
    parse("By Jane Doe, John Smith and Ann Lee", &b);
    cr_assert_eq(b.n_authors, 3);
    cr_assert_str_eq(b.authors[2], "Ann Lee");
    parse("By Jane Doe and Reuters Staff | 5 min read", &b);
    cr_assert_eq(b.n_authors, 1);
    cr_assert_str_eq(b.authors[0], "Jane Doe");
    parse("Jane Doe, Senior Correspondent; jane@example.com", &b);
    cr_assert_eq(b.n_authors, 1);
    parse("By A. B. Smith & Maria de la Cruz in New York", &b);
    cr_assert_eq(b.n_authors, 2);
    cr_assert_str_eq(b.authors[0], "A. B. Smith");
    cr_assert_str_eq(b.authors[1], "Maria de la Cruz");
    cr_assert_str_eq(b.dateline, "New York");
    parse("Reuters, Washington", &b);
    cr_assert_eq(b.n_authors, 0);
    cr_assert_str_eq(b.dateline, "Washington");
    parse("Martin Untersinger (avec Damien Leloup et Morgane Tual)", &b);
    cr_assert_eq(b.n_authors, 3);
    cr_assert_str_eq(b.authors[1], "Damien Leloup");
    parse("Bradley M. Kuhn (http://ebb.org/bkuhn/)", &b);
    cr_assert_eq(b.n_authors, 1);
    cr_assert_str_eq(b.authors[0], "Bradley M. Kuhn");
    parse("By John Smith on November 16, 2021", &b);
    cr_assert_eq(b.n_authors, 1);
    cr_assert_str_eq(b.authors[0], "John Smith");
    parse("Text: Jane Doe", &b);
    cr_assert_str_eq(b.authors[0], "Jane Doe");
}

/* A dropped aside or link leaves one space between the words around it. */
Test(meta, byline_aside_inside_a_name) {
    meta_byline b;
    parse("By Jane (J.D.) Doe", &b);
    cr_assert_eq(b.n_authors, 1);
    cr_assert_str_eq(b.authors[0], "Jane Doe");
    parse("Tom [staff] Lee and Ann www.example.org Kay", &b);
    cr_assert_eq(b.n_authors, 2);
    cr_assert_str_eq(b.authors[0], "Tom Lee");
    cr_assert_str_eq(b.authors[1], "Ann Kay");
}

Test(meta, byline_rejects_non_names) {
    const char *junk[] = {"Staff",
                          "Associated Press",
                          "AP",
                          "Updated",
                          "5 min read",
                          "and",
                          "Nov 16, 2021",
                          "a@b.com",
                          "chinadaily.com.cn",
                          "*****Notes*****",
                          "The Editorial Board"};
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++)
        cr_expect(meta_name_is_junk(junk[i]), "%s should be junk", junk[i]);
    cr_expect(!meta_name_is_junk("Ren Qi"));
    cr_expect(!meta_name_is_junk("肖春芳"));
    meta_byline b;
    parse("By the way, this is not a byline", &b);
    cr_assert_eq(b.n_authors, 0);
    parse("By clicking \"Submit,\" you agree to the Privacy Policy and Terms of Use", &b);
    cr_assert_eq(b.n_authors, 0);
    parse("Kevin Johnson and Kevin McCoy USA TODAY", &b);
    cr_assert_eq(b.n_authors, 2);
    cr_assert_str_eq(b.authors[1], "Kevin McCoy");
    parse("By DANICA KIRKA and JILL LAWLESS Associated Press", &b);
    cr_assert_eq(b.n_authors, 2);
    cr_assert_str_eq(b.authors[1], "Jill Lawless");
    meta_byline strict = {.min_two_words = true};
    meta_byline_parse(arena, "By subject", &strict);
    cr_assert_eq(strict.n_authors, 0);
}

Test(meta, name_natural_case) {
    cr_assert_str_eq(meta_name_case(arena, "REN QI"), "Ren Qi");
    cr_assert_str_eq(meta_name_case(arena, "McDonald"), "McDonald");
    cr_assert_str_eq(meta_name_case(arena, "MICHAEL MCDONALD"), "Michael McDonald");
    cr_assert_str_eq(meta_name_case(arena, "maria de la cruz"), "Maria de la Cruz");
    cr_assert_str_eq(meta_name_case(arena, "Maria de la Cruz"), "Maria de la Cruz");
    cr_assert_str_eq(meta_name_case(arena, "SEAN O'BRIEN"), "Sean O'Brien");
    cr_assert_str_eq(meta_name_case(arena, "JEAN-PAUL SARTRE"), "Jean-Paul Sartre");
    cr_assert_str_eq(meta_name_case(arena, "John SMITH"), "John Smith");
    cr_assert_str_eq(meta_name_case(arena, "RENÉ LÉVESQUE"), "René Lévesque");
    cr_assert_str_eq(meta_name_case(arena, "АННА ПЕТРОВА"), "Анна Петрова");
}

/* ------------------------------------------------------------ titles, text */

Test(meta, title_site_cut) {
    cr_assert_str_eq(
        meta_title_cut(arena, "Story of the day | Example News", "Example News"),
        "Story of the day");
    cr_assert_str_eq(meta_title_cut(arena, "Story of the day - Example", "Example News"),
                     "Story of the day");
    cr_assert_str_eq(meta_title_cut(arena, "Example: Story of the day", "Example"),
                     "Story of the day");
    cr_assert_str_eq(meta_title_cut(arena, "A long story title here – Site", NULL),
                     "A long story title here");
    /* No site and no short tail: the title stays whole. */
    cr_assert_str_eq(meta_title_cut(arena, "Brexit - what it means for you", NULL),
                     "Brexit - what it means for you");
    cr_assert_str_eq(meta_title_cut(arena,
                                    "Putin, Macron talk - World - Chinadaily.com.cn",
                                    "chinadaily.com.cn"),
                     "Putin, Macron talk - World");
    cr_assert_str_eq(meta_title_cut_site(arena, "Story | Other", "Site"),
                     "Story | Other");
}

Test(meta, clean_entities_tags_space) {
    cr_assert_str_eq(meta_clean(arena, "  Tom &amp; Jerry&#39;s\n\t&ldquo;day&rdquo;  "),
                     "Tom & Jerry's \u201cday\u201d");
    cr_assert_str_eq(meta_clean(arena, "<em>Big</em> news\u00a0today\u200b"),
                     "Big news today");
    cr_assert_str_eq(meta_clean(arena, "a < b &unknown; c"), "a < b &unknown; c");
    cr_assert_null(meta_clean(arena, " \u3000 "));
    cr_assert_null(meta_clean(arena, NULL));
}

Test(meta, url_resolution) {
    cr_assert_str_eq(meta_url_resolve(arena, "https://ex.com/a/b.html", "../c/d.html"),
                     "https://ex.com/c/d.html");
    cr_assert_str_eq(meta_url_resolve(arena, "https://ex.com/a/", "/img/x.jpg"),
                     "https://ex.com/img/x.jpg");
    cr_assert_str_eq(meta_url_resolve(arena, NULL, "https://ex.com/x"),
                     "https://ex.com/x");
    cr_assert_str_eq(meta_url_resolve(arena, NULL, "//cdn.ex.com/x.png"),
                     "https://cdn.ex.com/x.png");
    cr_assert_null(meta_url_resolve(arena, NULL, "relative/only.html"));
    cr_assert_null(meta_url_resolve(arena, "https://ex.com/", "javascript:void(0)"));
    cr_assert_str_eq(meta_url_host(arena, "https://www.Example.com:8080/x?y"),
                     "example.com");
}

/* ------------------------------------------------------------ dates */

/* 2021-11-20T00:00:00Z */
#define NOW 1637366400

static const char *date(const char *s) {
    static char out[META_DATE_MAX];
    return meta_date_parse(s, NOW, false, out) ? out : "none";
}

Test(meta, numeric_dates_follow_the_region) {
    char out[META_DATE_MAX];
    cr_assert_str_eq(date("03/04/2021"), "2021-04-03");
    cr_assert(meta_date_parse("03/04/2021", NOW, true, out));
    cr_assert_str_eq(out, "2021-03-04");
    /* a first number over 12 is a day in any region; dots are never US */
    cr_assert(meta_date_parse("16/11/2021", NOW, true, out));
    cr_assert_str_eq(out, "2021-11-16");
    cr_assert(meta_date_parse("03.04.2021", NOW, true, out));
    cr_assert_str_eq(out, "2021-04-03");
    cr_assert(meta_region_month_first("en-US"));
    cr_assert(meta_region_month_first("en_us"));
    cr_assert(meta_region_month_first("fil-PH"));
    cr_assert_not(meta_region_month_first("en-GB"));
    cr_assert_not(meta_region_month_first("en"));
    cr_assert_not(meta_region_month_first("us")); /* a language, not a region */
    cr_assert_not(meta_region_month_first(NULL));
}

Test(meta, date_formats) {
    cr_assert_str_eq(date("2021-11-16T19:35:00+08:00"), "2021-11-16T19:35:00+08:00");
    cr_assert_str_eq(date("2021-11-16T11:35:00.000Z"), "2021-11-16T11:35:00Z");
    cr_assert_str_eq(date("2021-11-16T19:35:00+0800"), "2021-11-16T19:35:00+08:00");
    cr_assert_str_eq(date("Updated: 2021-11-16 19:35"), "2021-11-16T19:35:00");
    cr_assert_str_eq(date("2021-11-16"), "2021-11-16");
    cr_assert_str_eq(date("2021/11/16"), "2021-11-16");
    cr_assert_str_eq(date("November 16, 2021"), "2021-11-16");
    cr_assert_str_eq(date("Nov. 16, 2021 7:35 PM EST"), "2021-11-16T19:35:00-05:00");
    cr_assert_str_eq(date("16 Nov 2021"), "2021-11-16");
    cr_assert_str_eq(date("Tue, 16 Nov 2021 19:35:00 GMT"), "2021-11-16T19:35:00Z");
    cr_assert_str_eq(date("16.11.2021 19:35"), "2021-11-16T19:35:00");
    cr_assert_str_eq(date("16.11.2021"), "2021-11-16"); /* "16.11" is no time */
    cr_assert_str_eq(date("19:35 16 Nov 2021"), "2021-11-16T19:35:00");
    cr_assert_str_eq(date("16. November 2021"), "2021-11-16");
    cr_assert_str_eq(date("1637091300"), "2021-11-16T19:35:00Z");
    cr_assert_str_eq(date("1637091300000"), "2021-11-16T19:35:00Z");
    cr_assert_str_eq(date("Published 12:01 am, March 3, 2020"), "2020-03-03T00:01:00");
}

Test(meta, relative_dates_count_back_from_the_fetch_time) {
    /* NOW is 2021-11-20T00:00:00Z. */
    cr_assert_str_eq(date("Updated 3 hours ago"), "2021-11-19T21:00:00Z");
    cr_assert_str_eq(date("an hour ago"), "2021-11-19T23:00:00Z");
    cr_assert_str_eq(date("45 mins ago"), "2021-11-19T23:15:00Z");
    cr_assert_str_eq(date("2 days ago"), "2021-11-18");
    cr_assert_str_eq(date("Published 1 week ago"), "2021-11-13");
    cr_assert_str_eq(date("yesterday"), "2021-11-19");
    /* An absolute date wins; other counts are not dates. */
    cr_assert_str_eq(date("Nov 16, 2021 (4 days ago)"), "2021-11-16");
    cr_assert_str_eq(date("5 min read"), "none");
    cr_assert_str_eq(date("3 hours"), "none");
    cr_assert_str_eq(date("3 hours agony"), "none");
    char out[META_DATE_MAX];
    cr_assert(!meta_date_parse("3 hours ago", 0, false, out),
              "no fetch time, no relative date");
}

Test(meta, date_rejects_bad_and_future) {
    cr_assert_str_eq(date("2021-02-30"), "none");
    cr_assert_str_eq(date("Marketing 16 2021"), "none");
    cr_assert_str_eq(date("5 min read"), "none");
    cr_assert_str_eq(date("2031-11-16"), "none");
    /* Within a day of the fetch time is allowed (time zones). */
    cr_assert_str_eq(date("2021-11-20T20:00:00"), "2021-11-20T20:00:00");
    cr_assert_str_eq(date("2021-11-22"), "none");
    char out[META_DATE_MAX];
    cr_assert(meta_date_from_url("https://ex.com/world/2021/11/16/story.html", NOW, out));
    cr_assert_str_eq(out, "2021-11-16");
    cr_assert(meta_date_from_url("https://ex.com/news/20211116/story", NOW, out));
    cr_assert_str_eq(out, "2021-11-16");
    cr_assert(!meta_date_from_url("https://ex.com/2031/11/16/x", NOW, out));
    cr_assert(!meta_date_from_url("https://ex.com/item/12345678/x", NOW, out));
}

/* ------------------------------------------------------------ language */

Test(meta, language_tags_and_guess) {
    cr_assert_str_eq(meta_lang_normalise(arena, "en_us"), "en-US");
    cr_assert_str_eq(meta_lang_normalise(arena, "zh-hans-cn"), "zh-Hans-CN");
    cr_assert_str_eq(meta_lang_normalise(arena, "fr, en"), "fr");
    cr_assert_null(meta_lang_normalise(arena, "x"));
    cr_assert_null(meta_lang_normalise(arena, "12"));
    const char *en = "The minister said that the plan was not ready and that it would be "
                     "delayed for at least a year, according to the report.";
    const char *fr = "Le ministre a dit que le plan n'est pas prêt et qu'il sera retardé "
                     "d'au moins un an, selon le rapport publié dans la presse.";
    const char *de = "Der Minister sagte, dass der Plan nicht fertig sei und sich um "
                     "mindestens ein Jahr verzögern werde, wie die Zeitung berichtet.";
    const char *es =
        "El ministro dijo que el plan no está listo y que se retrasará por lo "
        "menos un año, según el informe publicado por la prensa.";
    const char *zh =
        "俄罗斯总统普京周一与法国总统马克龙通电话，双方讨论了乌克兰东部局势。";
    const char *ja =
        "トレンドマイクロは、公衆無線LANを安全に使うためのアプリを発表した。";
    const char *ru = "Президент России Владимир Путин провел телефонный разговор с "
                     "президентом Франции.";
    cr_assert_str_eq(meta_lang_guess(en, strlen(en)), "en");
    cr_assert_str_eq(meta_lang_guess(fr, strlen(fr)), "fr");
    cr_assert_str_eq(meta_lang_guess(de, strlen(de)), "de");
    cr_assert_str_eq(meta_lang_guess(es, strlen(es)), "es");
    cr_assert_str_eq(meta_lang_guess(zh, strlen(zh)), "zh");
    cr_assert_str_eq(meta_lang_guess(ja, strlen(ja)), "ja");
    cr_assert_str_eq(meta_lang_guess(ru, strlen(ru)), "ru");
    cr_assert_null(meta_lang_guess("Hi", 2));
}

/* Every language's stop words are found, including words listed by several
 * languages and words with accents; a word that only starts like a stop word
 * or runs past the longest one counts for nothing. */
Test(meta, lang_guess_every_latin_language) {
    static const struct {
        const char *lang, *text;
    } cases[] = {
        {"it", "Il sindaco ha detto che la strada sarà chiusa per una settimana, anche "
               "se non sono ancora chiari i motivi della decisione."},
        {"pt", "O prefeito disse que a estrada vai ficar fechada por uma semana, mas "
               "não explicou os motivos da decisão aos moradores."},
        {"nl", "De burgemeester zei dat de weg een week dicht blijft, maar hij wilde "
               "niet zeggen waarom het besluit door de raad werd genomen."},
        {"sv", "Borgmästaren sade att vägen kommer att vara stängd en vecka, men han "
               "ville inte säga varför det beslutet togs av rådet."},
        {"pl", "Burmistrz powiedział, że droga będzie zamknięta przez tydzień, ale nie "
               "wyjaśnił, jak do tego doszło i co będzie dalej z ruchem."},
        {"tr", "Belediye başkanı yolun bir hafta kapalı kalacağını söyledi ve bu karar "
               "için daha çok bilgi verilmesi gerektiğini ama sonra açıklanacağını "
               "belirtti."},
        {"id", "Wali kota mengatakan bahwa jalan itu akan ditutup selama satu minggu "
               "dan tidak ada yang tahu kapan jalan ini dibuka untuk umum."},
        {"es", "También dijo que el puente estaba cerrado para los coches y que la "
               "ciudad no tenía otra ruta entre los barrios del norte."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *g = meta_lang_guess(cases[i].text, strlen(cases[i].text));
        cr_expect(g && !strcmp(g, cases[i].lang), "%s guessed as %s", cases[i].lang,
                  g ? g : "nothing");
    }
    /* Near misses: prefixes, extensions and overlong words of stop words. */
    const char *near = "Theory andes offer tower innate isthmus thatched forty itself "
                       "wasabi ontology without assist histories heaven saidst "
                       "thesauruses andandandand ofofofofof";
    cr_assert_null(meta_lang_guess(near, strlen(near)));
}

/* ------------------------------------------------------------ through lede_extract */

static lede_result *extract(const char *page, const char *url) {
    if (!ctx) {
        lede_ctx_config cfg = {.data_dir = LEDE_SOURCE_DIR "/core/data"};
        cr_assert_eq(lede_ctx_new(&cfg, &ctx, NULL, 0), LEDE_OK);
    }
    lede_options opt;
    lede_options_init(&opt);
    opt.fetch_time = NOW;
    lede_result *r = NULL;
    cr_assert_eq(lede_extract(ctx, page, strlen(page), url, &opt, &r), LEDE_OK);
    return r;
}

static bool has_warning(const lede_result *r, const char *code) {
    for (size_t i = 0; i < r->n_warnings; i++)
        if (!strcmp(r->warnings[i], code))
            return true;
    return false;
}

Test(meta, provenance_names_each_winner) {
    lede_result *r = extract("<html lang=\"en\"><head><title>T | Site</title>"
                             "<meta property=\"og:title\" content=\"Og headline here\">"
                             "<meta name=\"twitter:title\" content=\"Tw\">"
                             "<meta property=\"og:site_name\" content=\"Site\">"
                             "<meta name=\"author\" content=\"Jane Doe\">"
                             "<meta name=\"sailthru.date\" content=\"2021-11-16 10:00\">"
                             "<link rel=\"canonical\" href=\"/a\"></head>"
                             "<body><h1>Og headline here</h1><p>Text of the story goes "
                             "here.</p></body></html>",
                             "https://site.example/x");
    cr_assert_str_eq(r->provenance.headline, "og:title");
    cr_assert_str_eq(r->provenance.byline, "author");
    cr_assert_str_eq(r->provenance.published, "sailthru.date");
    cr_assert_str_eq(r->published, "2021-11-16T10:00:00");
    cr_assert_str_eq(r->provenance.site_name, "og:site_name");
    cr_assert_str_eq(r->provenance.language, "html-lang");
    cr_assert_str_eq(r->canonical_url, "https://site.example/a");
    cr_assert_str_eq(r->provenance.canonical_url, "link:canonical");
    lede_result_free(r);
}

Test(meta, headline_cross_checked_with_h1) {
    /* A generic og:title that neither the <title> nor the <h1> backs. */
    lede_result *r = extract("<html><head><title>Storm closes schools - Daily</title>"
                             "<meta property=\"og:title\" content=\"Daily news site\">"
                             "</head><body><h1>Storm closes schools</h1>"
                             "<p>Text of the story goes here.</p></body></html>",
                             NULL);
    cr_assert_str_eq(r->headline, "Storm closes schools");
    cr_assert_str_eq(r->provenance.headline, "h1");
    lede_result_free(r);
    /* "Story | Site" in og:title where the page shows "Story". */
    r = extract("<html><head><meta property=\"og:title\" content=\"Storm closes schools "
                "| Daily\"></head><body><h1>Storm closes schools</h1><p>Text.</p></body>"
                "</html>",
                NULL);
    cr_assert_str_eq(r->headline, "Storm closes schools");
    lede_result_free(r);
    /* No metadata: the <h1> wins over the <title>. */
    r = extract("<html><head><title>Storm closes schools | Section | Daily</title></head>"
                "<body><h1>Storm closes schools</h1><p>Text.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->headline, "Storm closes schools");
    cr_assert_str_eq(r->provenance.headline, "h1");
    lede_result_free(r);
}

/* Class, id and itemprop mark bylines in any case, in long values too, and a
 * veto word in the class keeps an author's biography out. */
Test(meta, byline_markers_in_any_case) {
    lede_result *r = extract("<html><body><h1>Storm closes all schools</h1>"
                             "<div class=\"Story-BYLINE\">Jane Doe</div>"
                             "<p>Text of the story goes here.</p></body></html>",
                             NULL);
    cr_assert_eq(r->n_authors, 1);
    cr_assert_str_eq(r->authors[0], "Jane Doe");
    cr_assert_str_eq(r->provenance.byline, "byline-class");
    lede_result_free(r);
    char page[2048], pad[600];
    memset(pad, 'x', sizeof pad - 1);
    pad[sizeof pad - 1] = '\0';
    snprintf(page, sizeof page,
             "<html><body><h1>Storm closes all schools</h1><div class=\"%s Writer\">"
             "Ann Lee</div><p>Text of the story goes here.</p></body></html>",
             pad);
    r = extract(page, NULL);
    cr_assert_eq(r->n_authors, 1);
    cr_assert_str_eq(r->authors[0], "Ann Lee");
    lede_result_free(r);
    r = extract("<html><body><h1>Storm closes all schools</h1>"
                "<div id=\"mainAUTHOR\">Tom Kay</div>"
                "<div class=\"AuthorBio\">Jane Doe</div>"
                "<p>Text of the story goes here.</p></body></html>",
                NULL);
    cr_assert_eq(r->n_authors, 1);
    cr_assert_str_eq(r->authors[0], "Tom Kay");
    lede_result_free(r);
    r = extract("<html><body><h1>Storm closes all schools</h1>"
                "<div class=\"AuthorBio\">Jane Doe</div>"
                "<p>Text of the story goes here.</p></body></html>",
                NULL);
    cr_assert_eq(r->n_authors, 0);
    lede_result_free(r);
    r = extract("<html><body><h1>Storm closes all schools</h1><p>Story text.</p>"
                "<span class=\"x\" itemprop=\"Author\">Ann Lee</span></body></html>",
                NULL);
    cr_assert_eq(r->n_authors, 1);
    cr_assert_str_eq(r->provenance.byline, "itemprop-author");
    lede_result_free(r);
}

/* JSON-LD is found wherever its script sits, also inside elements whose
 * text is no content (noscript, template). */
Test(meta, jsonld_inside_noscript_and_template) {
    lede_result *r = extract(
        "<html><head><title>T</title></head><body><noscript><div><script "
        "type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
        "\"Hidden headline here\"}</script></div></noscript><p>Text.</p></body></html>",
        NULL);
    cr_assert_str_eq(r->headline, "Hidden headline here");
    cr_assert_str_eq(r->provenance.headline, "json-ld");
    lede_result_free(r);
    r = extract("<html><head><title>T</title></head><body><template><script "
                "type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
                "{\"name\":\"Ann Lee\"}}</script></template><p>Text.</p></body></html>",
                NULL);
    cr_assert_eq(r->n_authors, 1);
    cr_assert_str_eq(r->authors[0], "Ann Lee");
    lede_result_free(r);
}

/* dom_attrs() gives what dom_attr() gives for each name, in one walk. */
Test(meta, dom_attrs_matches_dom_attr) {
    const char *html = "<p ID=\"a\" data-x=\"\" class=\"c d\" itemprop=\"author\" "
                       "title=\"t\">x</p>";
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    cr_assert_not_null(doc);
    xmlNode *p = xmlDocGetRootElement(doc);
    while (p && !dom_is(p, "p"))
        p = dom_next(xmlDocGetRootElement(doc), p, false);
    cr_assert_not_null(p);
    static const char *const names[] = {"class",   "id",    "data-x",
                                        "missing", "title", "itemprop"};
    const char *got[6];
    dom_attrs(p, names, got, 6);
    for (size_t i = 0; i < 6; i++) {
        const char *want = dom_attr(p, names[i]);
        cr_assert((!want && !got[i]) || (want && got[i] && !strcmp(want, got[i])),
                  "%s: %s vs %s", names[i], got[i] ? got[i] : "NULL",
                  want ? want : "NULL");
    }
    cr_assert_str_eq(got[0], "c d");
    cr_assert_str_eq(got[1], "a");
    cr_assert_str_eq(got[2], "");
    cr_assert_null(got[3]);
    dom_attrs(NULL, names, got, 6);
    cr_assert_null(got[0]);
    xmlFreeDoc(doc);
}

Test(meta, not_an_article_warning) {
    lede_result *r = extract("<html><head><meta property=\"og:type\" content=\"website\">"
                             "<title>Home</title></head><body><ul><li>A</li></ul>"
                             "<p>Welcome to our home page.</p></body></html>",
                             NULL);
    cr_assert(has_warning(r, "not_an_article"));
    lede_result_free(r);
    r = extract("<html><head><meta property=\"og:type\" content=\"website\">"
                "<meta property=\"article:published_time\" content=\"2021-11-16\">"
                "</head><body><p>By Jane Doe</p><p>Story.</p></body></html>",
                NULL);
    cr_assert(!has_warning(r, "not_an_article"));
    cr_assert_str_eq(r->published, "2021-11-16");
    lede_result_free(r);
}

Test(meta, future_dates_rejected_in_pages) {
    lede_result *r =
        extract("<html><head>"
                "<meta property=\"article:published_time\" content=\"2031-01-01\">"
                "<meta name=\"date\" content=\"2021-11-15\"></head>"
                "<body><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2021-11-15");
    cr_assert_str_eq(r->provenance.published, "date");
    lede_result_free(r);
}

Test(meta, jsonld_name_and_empty_values) {
    lede_result *r = extract("<html><head><script type=\"application/ld+json\">"
                             "{\"@type\":\"Article\",\"name\":\"Named article\"}</script>"
                             "<title>:</title><meta name=\"author\" content=\",\">"
                             "</head><body><p>Story.</p></body></html>",
                             NULL);
    cr_assert_str_eq(r->headline, "Named article");
    cr_assert_str_eq(r->provenance.headline, "json-ld");
    cr_assert_null(r->byline);
    lede_result_free(r);
    /* A page's name is not a headline; punctuation is not a title. */
    r = extract("<html><head><script type=\"application/ld+json\">"
                "{\"@type\":\"WebPage\",\"name\":\"Site\"}</script><title>|</title>"
                "</head><body><p>Story.</p></body></html>",
                NULL);
    cr_assert_null(r->headline);
    lede_result_free(r);
}

Test(meta, organisation_byline_names_no_person) {
    lede_result *r =
        extract("<html><head><script type=\"application/ld+json\">"
                "{\"@type\":\"Article\",\"headline\":\"H\",\"author\":"
                "{\"@type\":\"Organization\",\"name\":\"Contributors to X\"}}"
                "</script></head><body><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->byline, "Contributors to X");
    cr_assert_eq(r->n_authors, 0);
    cr_assert_str_eq(r->provenance.byline, "json-ld");
    lede_result_free(r);
}

Test(meta, title_part_naming_the_site_is_not_cut) {
    /* The story names the blog; the site is the trailing part. */
    cr_assert_str_eq(meta_title_cut(arena, "Autumn trip (2) @ Steven's Home :: PIXNET ::",
                                    "Steven's Home"),
                     "Autumn trip (2) @ Steven's Home :: PIXNET ::");
    cr_assert_str_eq(
        meta_title_cut(arena, "Autumn trip (2) @ Steven's Home :: PIXNET", "PIXNET"),
        "Autumn trip (2) @ Steven's Home");
}

/* ------------------------------------------------------------ issue 17 */

static bool has_author(const lede_result *r, const char *name) {
    for (size_t i = 0; i < r->n_authors; i++)
        if (!strcmp(r->authors[i], name))
            return true;
    return false;
}

Test(meta, co_authors_kept_from_every_spelling) {
    lede_result *r =
        extract("<html><head><title>Storm closes schools</title></head><body>"
                "<h1>Storm closes schools</h1><p class=\"byline\">By Jane "
                "Doe and John Roe</p><p>Text of the story.</p></body></html>",
                NULL);
    cr_assert_eq(r->n_authors, 2);
    cr_assert(has_author(r, "Jane Doe") && has_author(r, "John Roe"));
    lede_result_free(r);
    r = extract("<html><head><meta name=\"author\" content=\"Ann Lee, Bo Park and Cy "
                "Ruiz\"></head><body><p>Story.</p></body></html>",
                NULL);
    cr_assert_eq(r->n_authors, 3);
    cr_assert(has_author(r, "Ann Lee") && has_author(r, "Bo Park") &&
              has_author(r, "Cy Ruiz"));
    lede_result_free(r);
    r = extract(
        "<html><head><script type=\"application/ld+json\">{\"@type\":"
        "\"NewsArticle\",\"headline\":\"Storm closes schools\",\"author\":["
        "{\"@type\":\"Person\",\"name\":\"Jane Doe\"},{\"@type\":\"Person\","
        "\"name\":\"John Roe\"}]}</script></head><body><p>Story.</p></body></html>",
        NULL);
    cr_assert_eq(r->n_authors, 2);
    cr_assert(has_author(r, "Jane Doe") && has_author(r, "John Roe"));
    lede_result_free(r);
}

Test(meta, outlet_or_desk_author_gives_way_to_the_visible_byline) {
    /* JSON-LD names the site (a Person by type) and a desk; the page shows
     * the reporter. */
    const char *pages[] = {
        "{\"@type\":\"Person\",\"name\":\"Harbor Gazette\"}",
        "{\"@type\":\"Person\",\"name\":\"Harbor Courier\"}", /* the publisher */
        "{\"@type\":\"Person\",\"name\":\"News Desk\"}",
        "{\"@type\":\"Person\",\"name\":\"Harbor Gazette Staff\"}",
    };
    for (size_t i = 0; i < COUNT(pages); i++) {
        char page[2048];
        snprintf(page, sizeof page,
                 "<html><head><meta property=\"og:site_name\" content=\"Harbor Gazette\">"
                 "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                 "\"headline\":\"Storm closes schools\",\"publisher\":{\"@type\":"
                 "\"Organization\",\"name\":\"Harbor Courier\"},\"author\":%s}</script>"
                 "</head><body><h1>Storm closes schools</h1><div class=\"byline\">By "
                 "Maria Lopez</div><p>Text of the story.</p></body></html>",
                 pages[i]);
        lede_result *r = extract(page, "https://harborgazette.example/a");
        cr_assert_eq(r->n_authors, 1, "case %zu", i);
        cr_assert_str_eq(r->authors[0], "Maria Lopez", "case %zu", i);
        cr_assert_str_eq(r->byline, "By Maria Lopez", "case %zu", i);
        cr_assert_str_eq(r->provenance.byline, "visible-byline", "case %zu", i);
        lede_result_free(r);
    }
    /* The site name as the only author and no visible byline: the stated
     * byline is kept, naming no person. */
    lede_result *r =
        extract("<html><head><meta property=\"og:site_name\" content=\"Harbor "
                "Gazette\"><meta name=\"author\" content=\"Harbor Gazette\">"
                "</head><body><p>Story.</p></body></html>",
                NULL);
    cr_assert_eq(r->n_authors, 0);
    lede_result_free(r);
}

Test(meta, byline_named_by_more_independent_sources_wins) {
    /* JSON-LD names one person; the author meta tag and the visible line
     * name another: two sources against one. */
    lede_result *r = extract(
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"headline\":\"Harbor reopens\",\"author\":{\"@type\":\"Person\",\"name\":"
        "\"Dana Reyes\"}}</script><meta name=\"author\" content=\"Tom Hale\"></head>"
        "<body><h1>Harbor reopens</h1><p class=\"byline\">By Tom Hale</p><p>Story.</p>"
        "</body></html>",
        NULL);
    cr_assert_eq(r->n_authors, 1);
    cr_assert_str_eq(r->authors[0], "Tom Hale");
    cr_assert_str_eq(r->byline, "By Tom Hale");
    cr_assert_str_eq(r->provenance.byline_sources, "visible-byline,author");
    lede_result_free(r);
    /* One against one: the structured source keeps its rank. */
    r = extract(
        "<html><head><script type=\"application/ld+json\">{\"@type\":"
        "\"NewsArticle\",\"headline\":\"Harbor reopens\",\"author\":{\"@type\":"
        "\"Person\",\"name\":\"Dana Reyes\"}}</script></head><body><h1>Harbor "
        "reopens</h1><p class=\"byline\">By Tom Hale</p><p>Story.</p></body></html>",
        NULL);
    cr_assert_eq(r->n_authors, 1);
    cr_assert_str_eq(r->authors[0], "Dana Reyes");
    cr_assert_str_eq(r->provenance.byline, "json-ld");
    lede_result_free(r);
}

Test(meta, junk_bylines_rejected) {
    const char *junk[] = {
        "Updated 5 hours ago",
        "November 16, 2021",
        "@janedoe",
        "Follow",
        "jane.doe@example.com",
        "Views(",
        "Posted by Mobile Developers", /* a group, not a person */
        "By the time the storm had passed over the harbour the schools had already "
        "closed their doors and the buses had stopped running along every route",
    };
    for (size_t i = 0; i < COUNT(junk); i++) {
        char page[1024];
        snprintf(page, sizeof page,
                 "<html><body><h1>Storm closes schools</h1><p class=\"byline\">%s</p>"
                 "<p>Text of the story.</p></body></html>",
                 junk[i]);
        lede_result *r = extract(page, NULL);
        cr_assert_eq(r->n_authors, 0, "case %zu: %s", i, junk[i]);
        cr_assert_null(r->byline, "case %zu: %s", i, junk[i]);
        lede_result_free(r);
    }
}

Test(meta, future_dates_rejected_in_every_source) {
    /* NOW is the fetch time: JSON-LD, meta and <time> dates after it lose to
     * the first source that is not in the future. */
    lede_result *r =
        extract("<html><head><script type=\"application/ld+json\">{\"@type\":"
                "\"NewsArticle\",\"headline\":\"Storm\",\"datePublished\":"
                "\"2040-05-01T10:00:00Z\"}</script>"
                "<meta property=\"article:published_time\" "
                "content=\"2039-01-01\"></head><body><h1>Storm closes "
                "schools</h1><time datetime=\"2021-11-14\">Nov 14</time>"
                "<p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2021-11-14");
    cr_assert_str_eq(r->provenance.published, "time");
    lede_result_free(r);
}

Test(meta, provenance_lists_the_agreeing_sources) {
    lede_result *r = extract(
        "<html><head><title>Storm closes schools | Harbor Gazette</title>"
        "<meta property=\"og:site_name\" content=\"Harbor Gazette\">"
        "<meta property=\"og:title\" content=\"Storm closes schools\">"
        "<meta name=\"twitter:title\" content=\"Something else entirely here\">"
        "<meta name=\"author\" content=\"Maria Lopez\">"
        "<meta property=\"article:published_time\" content=\"2021-11-15T08:00:00Z\">"
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
        "\"Storm closes schools\",\"datePublished\":\"2021-11-15T09:00:00Z\",\"author\":"
        "{\"@type\":\"Person\",\"name\":\"Maria Lopez\"}}</script></head><body>"
        "<h1>Storm closes schools</h1><p class=\"byline\">By Maria Lopez</p>"
        "<time datetime=\"2021-11-12\">Nov 12</time><p>Story.</p></body></html>",
        "https://harborgazette.example/2021/11/15/storm");
    cr_assert_str_eq(r->headline, "Storm closes schools");
    cr_assert_str_eq(r->provenance.headline_sources, "json-ld,og:title,title,h1");
    cr_assert_str_eq(r->provenance.byline_sources, "json-ld,author,visible-byline");
    cr_assert_str_eq(r->provenance.published_sources,
                     "json-ld,article:published_time,url");
    /* The JSON carries them next to the winners. */
    json_t *j = lede_result_to_json(r, 0);
    json_t *p = json_object_get(j, "provenance");
    cr_assert_str_eq(json_string_value(json_object_get(p, "headline")), "json-ld");
    cr_assert_str_eq(json_string_value(json_object_get(p, "byline_sources")),
                     "json-ld,author,visible-byline");
    json_decref(j);
    lede_result_free(r);
}

/* A page with a headline and the given head elements. */
static lede_result *dated(const char *head, const char *body, const char *url) {
    static char page[4096];
    snprintf(page, sizeof page,
             "<html><head>%s</head><body><h1>Harbor reopens after the storm</h1>%s"
             "<p>Story.</p></body></html>",
             head, body);
    return extract(page, url);
}

#define JSONLD_DATES(pub, mod)                                                           \
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","                   \
    "\"datePublished\":\"" pub "\",\"dateModified\":\"" mod "\"}</script>"

Test(meta, publication_date_candidates_are_scored_together) {
    /* Two sources disagree: nothing else speaks, the more trusted wins. */
    lede_result *r =
        dated(JSONLD_DATES("2021-11-15",
                           "2021-11-16") "<meta property=\"article:published_time\" "
                                         "content=\"2021-11-14\">",
              "", NULL);
    cr_assert_str_eq(r->published, "2021-11-15");
    cr_assert_str_eq(r->provenance.published, "json-ld");
    lede_result_free(r);
    /* The URL, an independent source, agrees with the meta tag: two against one. */
    r = dated(JSONLD_DATES("2021-11-15",
                           "2021-11-16") "<meta property=\"article:published_time\" "
                                         "content=\"2021-11-14\">",
              "", "https://ex.com/2021/11/14/harbor");
    cr_assert_str_eq(r->published, "2021-11-14");
    cr_assert_str_eq(r->provenance.published, "article:published_time");
    lede_result_free(r);
    /* Two tags of one template are one voice: og: and article: agreeing do
     * not outvote JSON-LD. */
    r = dated(
        JSONLD_DATES(
            "2021-11-15",
            "2021-11-16") "<meta property=\"article:published_time\" "
                          "content=\"2021-11-14\">"
                          "<meta property=\"og:published_time\" content=\"2021-11-14\">",
        "", NULL);
    cr_assert_str_eq(r->published, "2021-11-15");
    lede_result_free(r);
    /* A <time pubdate> is another voice. */
    r = dated(JSONLD_DATES("2021-11-15",
                           "2021-11-16") "<meta property=\"article:published_time\" "
                                         "content=\"2021-11-14\">",
              "<time pubdate datetime=\"2021-11-14\">Nov 14</time>", NULL);
    cr_assert_str_eq(r->published, "2021-11-14");
    cr_assert_str_eq(r->provenance.published_sources, "article:published_time,time");
    lede_result_free(r);
}

Test(meta, one_instant_in_two_zones_is_one_date) {
    /* JSON-LD's dateCreated in UTC is the next day; the meta tag gives the
     * same instant in the page's zone and the <time> agrees with its day. */
    lede_result *r =
        dated("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
              "\"dateCreated\":\"2021-11-16T02:30:00Z\"}</script>"
              "<meta property=\"article:published_time\" "
              "content=\"2021-11-15T18:30:00-08:00\">",
              "<time datetime=\"2021-11-15T18:30:00\">Nov 15</time>", NULL);
    cr_assert_str_eq(r->published, "2021-11-15T18:30:00-08:00");
    cr_assert_str_eq(r->provenance.published, "article:published_time");
    cr_assert_str_eq(r->provenance.published_sources,
                     "article:published_time,json-ld,time");
    lede_result_free(r);
    int64_t a, b;
    cr_assert(meta_date_instant("2021-11-16T02:30:00Z", &a));
    cr_assert(meta_date_instant("2021-11-15T18:30:00-08:00", &b));
    cr_assert_eq(a, b);
    cr_assert(!meta_date_instant("2021-11-15T18:30:00", &a), "no zone, no instant");
    cr_assert(!meta_date_instant("2021-11-15", &a));
}

Test(meta, modified_date_bounds_the_published_one) {
    /* JSON-LD contradicts itself (published after modified); the meta tag's
     * date is not after the modified one, and the two families together
     * outweigh JSON-LD's published date alone. */
    const char *head = JSONLD_DATES(
        "2021-11-15",
        "2021-11-12") "<meta property=\"article:published_time\" content=\"2021-11-10\">"
                      "<meta property=\"article:modified_time\" content=\"2021-11-12\">";
    lede_result *r = dated(
        head, "<time class=\"updated\" datetime=\"2021-11-11\">Nov 11</time>", NULL);
    cr_assert_str_eq(r->published, "2021-11-10");
    cr_assert_str_eq(r->modified, "2021-11-12");
    cr_assert_str_eq(r->provenance.modified_sources, "json-ld,article:modified_time");
    cr_assert_not(has_warning(r, "modified_before_published"));
    lede_result_free(r);
    /* Nothing supports a date before the modified one: the modified date is
     * the wrong one and goes. */
    r = dated(JSONLD_DATES("2021-11-15", "2021-11-12"), "", NULL);
    cr_assert_str_eq(r->published, "2021-11-15");
    cr_assert_null(r->modified);
    cr_assert_null(r->provenance.modified);
    cr_assert_null(r->provenance.modified_sources);
    cr_assert(has_warning(r, "modified_before_published"));
    lede_result_free(r);
    /* On the same day, hours in two zones may be a slip between local time
     * and UTC: no contradiction. */
    r = dated(JSONLD_DATES("2021-11-15T10:00:00+05:30", "2021-11-15T08:00:00Z"), "",
              NULL);
    cr_assert_str_eq(r->modified, "2021-11-15T08:00:00Z");
    cr_assert_not(has_warning(r, "modified_before_published"));
    lede_result_free(r);
    /* In one zone they are not: a change two hours before the publication. */
    r = dated(JSONLD_DATES("2021-11-15T13:38:00+05:30", "2021-11-15T01:41:00+05:30"), "",
              NULL);
    cr_assert_str_eq(r->published, "2021-11-15T13:38:00+05:30");
    cr_assert_null(r->modified);
    cr_assert(has_warning(r, "modified_before_published"));
    lede_result_free(r);
    r = dated(JSONLD_DATES("2021-11-15T10:00:00Z", "2021-11-15T10:05:00Z"), "", NULL);
    cr_assert_str_eq(r->modified, "2021-11-15T10:05:00Z");
    lede_result_free(r);
    /* A modified date after the fetch time is no bound: it is refused. */
    r = dated(JSONLD_DATES("2021-11-15", "2031-01-01"), "", NULL);
    cr_assert_str_eq(r->published, "2021-11-15");
    cr_assert_null(r->modified);
    lede_result_free(r);
}

Test(meta, microdata_headline_meta_names_the_story) {
    lede_result *r = extract("<html><head><meta itemprop=\"headline\" content=\"Harbor "
                             "reopens after the storm\"></head><body><p>Story.</p>"
                             "</body></html>",
                             NULL);
    cr_assert_str_eq(r->headline, "Harbor reopens after the storm");
    cr_assert_str_eq(r->provenance.headline, "headline");
    lede_result_free(r);
}

Test(meta, title_that_opens_with_the_h1_beats_a_jsonld_description) {
    /* JSON-LD "headline" holds a description; the <h1> and the <title> agree. */
    lede_result *r =
        extract("<html><head><title>Hermit crab - Encyclopedia</title>"
                "<script type=\"application/ld+json\">{\"@type\":\"Article\","
                "\"headline\":\"small crustacean living in borrowed "
                "shells\"}</script></head><body><h1>Hermit crab</h1>"
                "<p>Text of the story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->headline, "Hermit crab");
    cr_assert_str_eq(r->provenance.headline, "h1");
    lede_result_free(r);
}

/* ------------------------------------------------------------ issue 17: metaset rules */

Test(meta, byline_names_lose_emoji_handles_and_affiliations) {
    meta_byline b;
    parse("Maria Lopez \xE2\x9C\xA8\xEF\xB8\x8F", &b); /* sparkles + VS16 */
    cr_assert_eq(b.n_authors, 1);
    cr_assert_str_eq(b.authors[0], "Maria Lopez");
    parse("Maria Lopez @mlopez_writes", &b);
    cr_assert_eq(b.n_authors, 1);
    cr_assert_str_eq(b.authors[0], "Maria Lopez");
    cr_assert_str_eq(meta_byline_trim(arena, "By Maria Lopez @mlopez 10:02AM"),
                     "By Maria Lopez");
    parse("By Maria Lopez For The Coastal Courier", &b);
    cr_assert_eq(b.n_authors, 1);
    cr_assert_str_eq(b.authors[0], "Maria Lopez");
    parse("Tom Avery from Harbor Weekly and Li Wei", &b);
    cr_assert_eq(b.n_authors, 2);
    cr_assert_str_eq(b.authors[0], "Tom Avery");
    cr_assert_str_eq(b.authors[1], "Li Wei");
    /* One word before "for": an organisation's name, not a person's. */
    parse("Alliance for Open Maps", &b);
    cr_assert_eq(b.n_authors, 0);
}

Test(meta, every_author_meta_tag_of_a_name_is_an_author) {
    lede_result *r = extract("<html><head><meta name=\"author\" content=\"Ann Lee\">"
                             "<meta name=\"author\" content=\"Bo Park\"></head>"
                             "<body><p>Story.</p></body></html>",
                             NULL);
    cr_assert_eq(r->n_authors, 2);
    cr_assert(has_author(r, "Ann Lee") && has_author(r, "Bo Park"));
    cr_assert_str_eq(r->byline, "Ann Lee and Bo Park");
    lede_result_free(r);
    r = extract("<html><head><meta property=\"og:author\" content=\"Cy Ruiz\"></head>"
                "<body><p>Story.</p></body></html>",
                NULL);
    cr_assert_eq(r->n_authors, 1);
    cr_assert(has_author(r, "Cy Ruiz"));
    cr_assert_str_eq(r->provenance.byline, "og:author");
    lede_result_free(r);
}

Test(meta, credits_in_figures_asides_and_quotes_are_no_byline) {
    static const char *const pages[] = {
        "<html><body><figure><img src=\"a.jpg\"><figcaption><span class=\"author\">Ann "
        "Lee</span></figcaption></figure><p>Story.</p></body></html>",
        "<html><body><div class=\"page-sidebar\"><div class=\"author\">Ann Lee</div>"
        "</div><p>Story.</p></body></html>",
        "<html><body><aside><a rel=\"author\" href=\"/ann\">Ann Lee</a></aside>"
        "<p>Story.</p></body></html>",
        "<html><body><blockquote><p>Words.</p><p class=\"author\">Ann Lee</p>"
        "</blockquote><p>Story.</p></body></html>",
        "<html><body><div class=\"pull\"><p>Words.</p><p class=\"quote-author\">Ann "
        "Lee</p></div><p>Story.</p></body></html>",
    };
    for (size_t i = 0; i < COUNT(pages); i++) {
        lede_result *r = extract(pages[i], NULL);
        cr_assert_eq(r->n_authors, 0, "page %zu", i);
        lede_result_free(r);
    }
    /* A layout flag on <body> is no sidebar around the byline. */
    lede_result *r =
        extract("<html><body class=\"sidebar-left\"><div class=\"author\">By Ann Lee"
                "</div><p>Story.</p></body></html>",
                NULL);
    cr_assert(has_author(r, "Ann Lee"));
    lede_result_free(r);
}

Test(meta, microdata_person_and_test_hooks_name_the_author) {
    /* The Person's name part, not its photo, date and reviewer. */
    lede_result *r = extract(
        "<html><body><div itemprop=\"author\" itemscope itemtype=\"http://schema.org/"
        "Person\"><img alt=\"Ann Lee\" src=\"a.jpg\"><span>By <a href=\"/ann\"><span "
        "itemprop=\"name\">Ann Lee</span></a></span><span>June 3 2022</span><span>"
        "Checked by <a href=\"/bo\">Bo Park</a></span></div><p>Story.</p></body></html>",
        NULL);
    cr_assert_eq(r->n_authors, 1);
    cr_assert(has_author(r, "Ann Lee"));
    lede_result_free(r);
    r = extract("<html><body><div><a data-testid=\"AuthorLink\" href=\"/by/x\">Cy Ruiz"
                "</a></div><p>Story.</p></body></html>",
                NULL);
    cr_assert(has_author(r, "Cy Ruiz"));
    lede_result_free(r);
    r = extract("<html><body><author>Dee Kaur</author><p>Story.</p></body></html>", NULL);
    cr_assert(has_author(r, "Dee Kaur"));
    lede_result_free(r);
}

Test(meta, ordinal_days_before_the_month) {
    cr_assert_str_eq(date("16th November 2021"), "2021-11-16");
    cr_assert_str_eq(date("1st Nov 2021"), "2021-11-01");
    cr_assert_str_eq(date("the 2nd of November, 2021"), "2021-11-02");
    cr_assert_str_eq(date("Posted 3rd of Nov 2021"), "2021-11-03");
    /* a spelled-out ordinal is no number */
    cr_assert_str_eq(date("Fourth November 2021"), "none");
}

Test(meta, microformat_titles_and_update_times) {
    /* hAtom: the date is the title of an element classed "published". */
    lede_result *r =
        extract("<html><body><h1>Harbor reopens</h1><abbr class=\"published\" "
                "title=\"2021-10-03T08:00:00Z\">Sunday</abbr><p>Story.</p>"
                "</body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2021-10-03T08:00:00Z");
    lede_result_free(r);
    r = extract("<html><body><h1>Harbor reopens</h1><a class=\"post-date\" title=\"3rd "
                "October 2021\" href=\"/\">Read</a><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2021-10-03");
    lede_result_free(r);
    /* A title that is no date leaves the element's text to speak. */
    r = extract("<html><body><h1>Harbor reopens</h1><span class=\"date\" title=\"When "
                "it ran\">October 3, 2021</span><p>Story.</p></body></html>",
                NULL);
    /* Such an element speaks by its title only; its text, a line of its
     * own, is the last resort of a page with no other date. */
    cr_assert_str_eq(r->published, "2021-10-03");
    cr_assert_str_eq(r->provenance.published, "date-line");
    lede_result_free(r);
    /* A time marked as the last update is the modified date, never the
     * published one, whatever its place. */
    r = extract("<html><body><h1>Harbor reopens</h1><time class=\"updated\" "
                "datetime=\"2021-10-05\"></time><time class=\"entry-date\" "
                "datetime=\"2021-10-03\"></time><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2021-10-03");
    cr_assert_str_eq(r->modified, "2021-10-05");
    cr_assert_str_eq(r->provenance.modified, "time");
    lede_result_free(r);
    /* The only date, a change's, stands for the publication too and says so. */
    r = extract("<html><body><h1>Harbor reopens</h1><time class=\"updated\" "
                "datetime=\"2021-10-05\"></time><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->modified, "2021-10-05");
    cr_assert_str_eq(r->published, "2021-10-05");
    cr_assert_str_eq(r->provenance.published, "modified");
    cr_assert(has_warning(r, "published_is_modified"));
    lede_result_free(r);
    /* One element marked as both is the publication (WordPress themes). */
    r = extract("<html><body><h1>Harbor reopens</h1><time class=\"entry-date published "
                "updated\" datetime=\"2021-10-05\"></time><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2021-10-05");
    cr_assert_null(r->modified);
    lede_result_free(r);
    /* Microdata written on <meta> with a datetime attribute. */
    r = extract("<html><head><meta itemprop=\"dateModified\" datetime=\"2021-10-06\">"
                "</head><body><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->modified, "2021-10-06");
    lede_result_free(r);
}

Test(meta, meta_names_ignore_word_separators) {
    /* "lastmodified" and "last_modified" are the table's "last-modified". */
    lede_result *r =
        extract("<html><head><meta name=\"lastmodified\" content=\"2021-10-06\">"
                "</head><body><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->modified, "2021-10-06");
    cr_assert_str_eq(r->provenance.modified, "last-modified");
    lede_result_free(r);
    r = extract("<html><head><meta name=\"publish_date\" content=\"2021-10-04\"><meta "
                "name=\"Last_Modified\" content=\"2021-10-06\"></head><body><p>Story.</p>"
                "</body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2021-10-04");
    cr_assert_str_eq(r->modified, "2021-10-06");
    lede_result_free(r);
    /* Namespace separators still tell tags apart: property dc:title is not
     * name DC.title. */
    r = extract("<html><head><meta name=\"DC.title\" content=\"Name title here\"><meta "
                "property=\"dc:title\" content=\"Property title here\"></head><body>"
                "<p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->headline, "Property title here");
    lede_result_free(r);
}

Test(meta, date_names_not_in_the_tables_say_their_role) {
    /* og:original_time is the publication, a later og:updated_time the
     * change; neither is taken for the other. */
    lede_result *r =
        extract("<html><head><meta property=\"OG:Updated_Time\" "
                "content=\"2021-10-06\"><meta property=\"og:original_time\" "
                "content=\"2021-10-02\"></head><body><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2021-10-02");
    cr_assert_str_eq(r->provenance.published, "og:original_time");
    cr_assert_str_eq(r->modified, "2021-10-06");
    lede_result_free(r);
    /* Microdata names outside schema.org: dateUpdate is a change. */
    r = extract("<html><head><meta itemprop=\"dateUpdate\" datetime=\"2021-10-06\">"
                "</head><body><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->modified, "2021-10-06");
    cr_assert_str_eq(r->provenance.modified, "dateupdate");
    lede_result_free(r);
    r = extract("<html><body><h1>Harbor reopens</h1><span itemprop=\"dateCreated\">"
                "October 3, 2021</span><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2021-10-03");
    cr_assert_str_eq(r->provenance.published, "itemprop");
    lede_result_free(r);
    /* A name with no date word, or a date word with no role, says nothing. */
    r = extract(
        "<html><head><meta name=\"publisher\" content=\"2021-10-06\"><meta "
        "name=\"expiration_date\" content=\"2021-10-07\"></head><body><p>Story.</p>"
        "</body></html>",
        NULL);
    cr_assert_null(r->published);
    cr_assert_null(r->modified);
    lede_result_free(r);
}

Test(meta, two_digit_years_only_in_date_fields) {
    static char out[META_DATE_MAX];
    cr_assert(meta_date_parse_field("am 12.11.16", NOW, false, out));
    cr_assert_str_eq(out, "2016-11-12");
    cr_assert(meta_date_parse_field("3/09/15 8:00am", NOW, true, out));
    cr_assert_str_eq(out, "2015-03-09T08:00:00");
    cr_assert(meta_date_parse_field("12.11.95", NOW, false, out));
    cr_assert_str_eq(out, "1995-11-12"); /* after the fetch year: last century */
    cr_assert(!meta_date_parse_field("version 1.2.12.16", NOW, false, out));
    cr_assert(!meta_date_parse_field("12.11.165", NOW, false, out));
    /* Free text does not read them. */
    cr_assert_str_eq(date("am 12.11.16"), "none");
}

Test(meta, a_date_label_lets_a_line_write_a_two_digit_year) {
    static char out[META_DATE_MAX];
    cr_assert(meta_date_label_at("Veröffentlicht am 3.10.21"));
    cr_assert(meta_date_label_at("  Stand: 4.10.21"));
    cr_assert(meta_date_label_at("Mis à jour le 5.10.21"));
    cr_assert(!meta_date_label_at("Standard 2.1.12"), "a label ends at a non-letter");
    cr_assert(!meta_date_label_at("Version 3.10.21"));
    cr_assert(meta_date_parse_line("Published on 3.10.21", NOW, false, out));
    cr_assert_str_eq(out, "2021-10-03");
    cr_assert(!meta_date_parse_line("Release 3.10.21 fixes the bug", NOW, false, out));
    cr_assert(meta_date_parse_line("Harbor day, 3 Oct 2021", NOW, false, out));
    /* Through a page: the line alone dates it. */
    lede_result *r = extract("<html><body><p>Erschienen am 2.10.21</p>"
                             "<p>Der Hafen ist wieder offen.</p></body></html>",
                             NULL);
    cr_assert_str_eq(r->published, "2021-10-02");
    cr_assert_str_eq(r->provenance.published, "date-line");
    lede_result_free(r);
    r = extract("<html><body><p>Patch 2.10.21</p><p>Notes.</p></body></html>", NULL);
    cr_assert_null(r->published);
    lede_result_free(r);
}

Test(meta, a_date_line_announcing_a_change_is_the_modified_date) {
    cr_assert(meta_date_label_is_update("Updated: 5 Oct 2021"));
    cr_assert(meta_date_label_is_update("Stand: 5.10.21"));
    cr_assert(meta_date_label_is_update("Mis à jour le 5 oct. 2021"));
    cr_assert(!meta_date_label_is_update("Published 3 Oct 2021"));
    cr_assert(!meta_date_label_is_update("3 Oct 2021"));
    /* Both lines: each date in its place. */
    lede_result *r =
        extract("<html><body><h1>Harbor reopens after the storm</h1>"
                "<div>Published 3 Oct 2021</div><div>Updated 5 Oct 2021</div>"
                "<p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2021-10-03");
    cr_assert_str_eq(r->provenance.published, "date-line");
    cr_assert_str_eq(r->modified, "2021-10-05");
    cr_assert_str_eq(r->provenance.modified, "date-line");
    lede_result_free(r);
    /* The change alone: it stands for both, and says so. */
    r = extract(
        "<html><body><p>Stand: 5.10.21</p><p>Der Hafen ist offen.</p></body></html>",
        NULL);
    cr_assert_str_eq(r->modified, "2021-10-05");
    cr_assert_str_eq(r->published, "2021-10-05");
    cr_assert_str_eq(r->provenance.published, "modified");
    cr_assert(has_warning(r, "published_is_modified"));
    lede_result_free(r);
    /* Metadata's modified date comes first; the line does not replace it. */
    r = extract("<html><head><meta property=\"article:modified_time\" "
                "content=\"2021-10-06\"></head><body><h1>Harbor reopens after the "
                "storm</h1><div>Updated 5 Oct 2021</div><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->modified, "2021-10-06");
    lede_result_free(r);
}

Test(meta, microformat_elements_without_a_title_speak_by_their_text) {
    lede_result *r =
        extract("<html><body><h1>Harbor reopens</h1><abbr class=\"published\">"
                "12.11.16</abbr><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2016-11-12");
    cr_assert_str_eq(r->provenance.published, "time");
    lede_result_free(r);
    /* A long text is a paragraph, not a date. */
    r = extract(
        "<html><body><h1>Harbor reopens</h1><p class=\"published\">This story was "
        "first published on 12 November 2016 in our print edition.</p><p>Story.</p>"
        "</body></html>",
        NULL);
    cr_assert_null(r->published);
    lede_result_free(r);
    /* A <time> inside keeps its machine-readable value. */
    r = extract("<html><body><h1>Harbor reopens</h1><div class=\"published\"><time "
                "datetime=\"2016-11-12T10:30:00Z\">November 12, 2016</time></div>"
                "<p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2016-11-12T10:30:00Z");
    lede_result_free(r);
}

Test(meta, date_lines_date_pages_that_date_themselves_nowhere_else) {
    /* A short line of its own: a block holding little more than the date,
     * or a line between <br>s. */
    lede_result *r =
        extract("<html><body><h1>Harbor reopens after the storm</h1><div><span>"
                "Oct. 3, 2021</span> <span>5 min read</span></div><p>Story.</p>"
                "</body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2021-10-03");
    cr_assert_str_eq(r->provenance.published, "date-line");
    cr_assert_null(r->modified);
    lede_result_free(r);
    r = extract("<html><body><font>Orders: please give the item number when you write to "
                "us!<br><br>As of: 03.10.2021</font></body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2021-10-03");
    lede_result_free(r);
    /* The first line after the <h1> wins over one before it (a menu's). */
    r = extract("<html><body><div>Sept. 30, 2021</div><h1>Harbor reopens after the storm"
                "</h1><div>Oct. 3, 2021</div><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2021-10-03");
    lede_result_free(r);
    /* A date inside a sentence, a heading or a link is no date line. */
    r = extract(
        "<html><body><h1>Harbor reopens after the storm</h1><h2>Oct. 1, 2021</h2>"
        "<p>On <b>Oct. 3, 2021</b>, the council voted to reopen the harbor to all "
        "ships.</p><div><a href=\"/x\">Oct. 2, 2021</a></div></body></html>",
        NULL);
    cr_assert_null(r->published);
    lede_result_free(r);
    /* A structured date always wins over a date line. */
    r = extract(
        "<html><head><meta property=\"article:published_time\" "
        "content=\"2021-10-01\"></head><body><h1>Harbor reopens after the storm</h1>"
        "<div>Oct. 3, 2021</div><p>Story.</p></body></html>",
        NULL);
    cr_assert_str_eq(r->published, "2021-10-01");
    lede_result_free(r);
}

Test(meta, title_and_image_dates_are_the_last_resorts) {
    lede_result *r =
        extract("<html><head><title>Weekly report of 03.10.2021 - Example</title>"
                "</head><body><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2021-10-03");
    cr_assert_str_eq(r->provenance.published, "title");
    lede_result_free(r);
    /* The page's own image first, else the newest of its <img> paths. */
    r = extract("<html><head><meta property=\"og:image\" "
                "content=\"https://ex.com/img/2021-10-02/a.jpg\"></head><body><img "
                "src=\"https://ex.com/img/2021-10-04/b.jpg\"><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2021-10-02");
    cr_assert_str_eq(r->provenance.published, "image-url");
    lede_result_free(r);
    r = extract("<html><body><img src=\"https://ex.com/img/2021/10/01/a.jpg\"><img "
                "src=\"https://ex.com/img/2021/10/04/b.jpg\"><img "
                "src=\"https://ex.com/img/2021/10/03/c.jpg\"><p>Story.</p></body></html>",
                NULL);
    cr_assert_str_eq(r->published, "2021-10-04");
    lede_result_free(r);
    /* ... never one after the fetch time. */
    r = extract(
        "<html><body><img src=\"https://ex.com/img/2031/10/01/a.jpg\"><p>Story.</p>"
        "</body></html>",
        NULL);
    cr_assert_null(r->published);
    lede_result_free(r);
}

Test(meta, byline_quoted_nickname_inside_a_name) {
    meta_byline b;
    parse("By Marta \"Skip\" Olsen", &b);
    cr_assert_eq(b.n_authors, 1);
    cr_assert_str_eq(b.authors[0], "Marta Olsen");
    parse("Tomas \xE2\x80\x9CThe Pen\xE2\x80\x9D Varga and Ida Holm", &b);
    cr_assert_eq(b.n_authors, 2);
    cr_assert_str_eq(b.authors[0], "Tomas Varga");
    cr_assert_str_eq(b.authors[1], "Ida Holm");
    /* A quotation that does not sit between two words of a name is no
     * nickname: the line stays junk. */
    parse("\"Harbor Notes\" Weekly", &b);
    cr_assert_eq(b.n_authors, 0);
}

Test(meta, one_word_byline_name_counts_when_it_is_a_link) {
    /* A pen name behind a "by" label, linked to its profile. */
    lede_result *r =
        extract("<html><body><h1>Chapter Nine: The Lantern Road</h1><span>by</span>\n"
                "<h3><a href=\"/profile/4417\">Quillfeather</a></h3><p>Story text.</p>"
                "</body></html>",
                NULL);
    cr_assert_eq(r->n_authors, 1);
    cr_assert_str_eq(r->authors[0], "Quillfeather");
    cr_assert_str_eq(r->byline, "by Quillfeather");
    cr_assert_str_eq(r->provenance.byline, "visible-byline");
    lede_result_free(r);
    /* The same word as free text is no author ("By subject", a place). */
    r = extract("<html><body><h1>Chapter Nine: The Lantern Road</h1><p>By Quillfeather"
                "</p><p>Story text.</p></body></html>",
                NULL);
    cr_assert_eq(r->n_authors, 0);
    lede_result_free(r);
    /* A link beside a two-word name does not let a free one-word name in. */
    r = extract(
        "<html><body><h1>Chapter Nine: The Lantern Road</h1><div class=\"byline\">"
        "By <a href=\"/p/1\">Ida Holm</a> and Quillfeather</div><p>Story.</p>"
        "</body></html>",
        NULL);
    cr_assert_eq(r->n_authors, 1);
    cr_assert_str_eq(r->authors[0], "Ida Holm");
    lede_result_free(r);
}

Test(meta, a_time_beside_the_byline_keeps_its_own_role) {
    /* The byline's list also holds the update time: its text is that
     * <time>'s date, not a published date written by the byline. */
    lede_result *r = extract(
        "<html><body><h1>Storm closes the schools</h1><ul><li><time class=\"updated\" "
        "datetime=\"2020-05-02T10:00:00Z\">May 2, 2020</time></li><li class=\"meta-"
        "author\">Posted by <a href=\"/a/ida\" rel=\"author\">Ida Holm</a></li></ul>"
        "<p>Story.</p></body></html>",
        NULL);
    cr_assert_str_eq(r->authors[0], "Ida Holm");
    cr_assert_str_eq(r->provenance.published, "modified");
    cr_assert_null(strstr(r->provenance.published_sources, "visible-byline"));
    lede_result_free(r);
}

/* The quick first-letter and ASCII paths of the stage give what the full
 * comparisons give. */
Test(meta, quick_paths_agree_with_the_full_tests) {
    cr_assert_str_eq(meta_clean(arena, "  Ida\x01 &amp;  Bo\x7f <b>Lee</b>\xC2\xA0"),
                     "Ida & Bo\x7f Lee");
    cr_expect(meta_name_is_junk("Ida STAFF"));
    cr_expect(meta_name_is_junk("Correspondent"));
    cr_expect(!meta_name_is_junk("Staffan Berg"));
    cr_expect(meta_byline_opener_only("BY  "));
    cr_expect(!meta_byline_opener_only("Bye"));
    cr_expect(meta_byline_prefixed("Written By Ida Holm"));
    cr_expect(!meta_byline_prefixed("Yesterday"));
    meta_byline b;
    parse("Ida Holm AND Bo Lee \xE3\x80\x81 Cy Ruiz", &b);
    cr_assert_eq(b.n_authors, 3);
    cr_assert_str_eq(b.authors[2], "Cy Ruiz");
    /* A meta name whose first letter follows a separator, in a list of
     * names, still names its tag. */
    lede_result *r = extract("<html><head><meta name=\"x-robots _Author\" content=\"Ida "
                             "Holm\"></head><body><p>Story.</p></body></html>",
                             NULL);
    cr_assert_eq(r->n_authors, 1);
    cr_assert_str_eq(r->authors[0], "Ida Holm");
    lede_result_free(r);
}

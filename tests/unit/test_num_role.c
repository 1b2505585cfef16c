/* Which numbers are claims (core/nlp/num_role.c), on sentences written for these tests.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "lede/lede.h"

static lede_ctx *ctx;
static lede_result *res;

static void setup(void) {
    lede_ctx_config cfg = {.data_dir = LEDE_SOURCE_DIR "/core/data"};
    cr_assert_eq(lede_ctx_new(&cfg, &ctx, NULL, 0), LEDE_OK);
}

static void teardown(void) {
    lede_result_free(res);
    res = NULL;
    lede_ctx_free(ctx);
}

static void run_with(const char *text, bool non_claims, bool dates) {
    lede_result_free(res);
    res = NULL;
    lede_options opt;
    lede_options_init(&opt);
    opt.stages = LEDE_FIELD_NUMBERS;
    opt.include_non_claims = non_claims;
    opt.include_dates = dates;
    cr_assert_eq(lede_analyze_text(ctx, text, strlen(text), &opt, &res), LEDE_OK);
}

/* Every number found, non-claims included. */
static void run_all(const char *text) { run_with(text, true, false); }

/* The API's default: claims only. */
static void run(const char *text) { run_with(text, false, false); }

/* The number found at the n-th occurrence (from 0) of `t` in the text. */
static const lede_claim *at(const char *text, const char *t, int nth) {
    const char *p = text;
    for (int i = 0; i <= nth; i++) {
        p = strstr(i ? p + 1 : p, t);
        cr_assert_not_null(p, "\"%s\" not in the text", t);
    }
    size_t cp = 0;
    for (const char *q = text; q < p; q++)
        cp += ((unsigned char)*q & 0xC0) != 0x80;
    for (size_t i = 0; i < res->n_claims; i++)
        if (res->claims[i].num_start <= cp && cp < res->claims[i].num_end)
            return &res->claims[i];
    cr_assert_fail("no number found at \"%s\"", t);
    return NULL;
}

static void is_claim(const char *text, const char *t, int nth) {
    const lede_claim *c = at(text, t, nth);
    cr_assert_null(c->non_claim, "\"%s\" is marked %s", c->text, c->non_claim);
}

static void not_claim(const char *text, const char *t, int nth, const char *why) {
    const lede_claim *c = at(text, t, nth);
    cr_assert(c->non_claim && strcmp(c->non_claim, why) == 0, "\"%s\" is %s, want %s",
              c->text, c->non_claim ? c->non_claim : "a claim", why);
}

TestSuite(num_role, .init = setup, .fini = teardown);

Test(num_role, one_as_pronoun_or_article) {
    const char *s = "One farmer said the plan was one of the worst, and a cheaper one is "
                    "enough.\n\nOne reason is simple: no one asked.";
    run_all(s);
    not_claim(s, "One farmer", 0, "pronoun");
    not_claim(s, "one of", 0, "pronoun");
    not_claim(s, "one is", 0, "pronoun");
    not_claim(s, "One reason", 0, "pronoun");
}

Test(num_role, one_that_counts) {
    const char *s =
        "Only one of the 40 members voted, one of the nine judges left, the firm cut "
        "its staff to one crew from three, one in five adults smokes, more than one "
        "bidder came and one man was killed.";
    run_all(s);
    is_claim(s, "one of the 40", 0);
    is_claim(s, "one of the nine", 0);
    is_claim(s, "one crew", 0);
    is_claim(s, "one in five", 0);
    is_claim(s, "one bidder", 0);
    is_claim(s, "one man", 0);
}

Test(num_role, about_one_is_a_preposition_without_a_compared_number) {
    const char *s = "She wrote a long story about one teacher's last year.";
    run_all(s);
    not_claim(s, "one", 0, "pronoun");
}

Test(num_role, sequence_ordinals_are_not_claims) {
    const char *s =
        "The fifth debate was held on the first day of the third week, and it "
        "was the first time a rival spoke first.";
    run_all(s);
    not_claim(s, "fifth", 0, "sequence");
    not_claim(s, "first day", 0, "sequence");
    not_claim(s, "third", 0, "sequence");
    not_claim(s, "first time", 0, "sequence");
}

Test(num_role, ranks_are_claims) {
    const char *s =
        "She finished second, the city is the third-largest in the region, the "
        "party won the second most seats, he took first place and it was the "
        "second time in a month that the fourth-place team won.";
    run_all(s);
    is_claim(s, "second,", 0);
    is_claim(s, "third", 0);
    is_claim(s, "second most", 0);
    is_claim(s, "first place", 0);
    is_claim(s, "second time", 0);
    is_claim(s, "fourth", 0);
}

Test(num_role, in_the_first_place_is_an_idiom) {
    const char *s =
        "Why build the road in the first place? The team ended in first place.";
    run_all(s);
    not_claim(s, "first", 0, "sequence");
    is_claim(s, "first", 1);
}

Test(num_role, the_first_to_do_something) {
    const char *s =
        "She became the first governor from the coast to win twice. The first "
        "thing he wanted to fix was the roof.";
    run_all(s);
    is_claim(s, "first governor", 0);
    not_claim(s, "first thing", 0, "sequence");
    /* the "to" of a verb after the ordinal's noun is the verb's */
    const char *q = "A nap before their first class seems to help most children.";
    run_all(q);
    not_claim(q, "first", 0, "sequence");
}

Test(num_role, capitalised_number_word_in_a_name) {
    const char *s = "Workers joined the Fight for Fifteen campaign. Twelve buses came.";
    run_all(s);
    not_claim(s, "Fifteen", 0, "name");
    is_claim(s, "Twelve", 0);
}

Test(num_role, a_number_in_a_quoted_title_is_a_name) {
    const char *s = "His first role as a freelancer came well before the actor made that "
                    "gag famous in \"The 40-Year-Old Virgin,\" the producer noted.";
    run_all(s);
    not_claim(s, "40-Year-Old", 0, "name");
    /* a quotation that goes on in lower case is no title */
    const char *q = "\"About 40 people died in the blast,\" the police chief told "
                    "reporters on the road.";
    run_all(q);
    is_claim(q, "40 people", 0);
}

Test(num_role, coordinated_firsts_share_their_determiner) {
    const char *s =
        "She is the first female and first minority governor of the state, and "
        "his first speech and first interview came later.";
    run_all(s);
    is_claim(s, "first", 0);
    is_claim(s, "first", 1);
    not_claim(s, "first", 2, "sequence");
    not_claim(s, "first", 3, "sequence");
}

Test(num_role, places_in_a_race_and_firsts_ever) {
    const char *s = "The mayor ran a distant second in the primary, and the council held "
                    "its first ever budget vote and a first-ever audit.";
    run_all(s);
    is_claim(s, "second", 0);
    is_claim(s, "first ever", 0);
    is_claim(s, "first-ever", 0);
    /* without the gap word it stays a place in a series */
    const char *q = "He gave his second speech and the first budget vote was held.";
    run_all(q);
    not_claim(q, "second", 0, "sequence");
    not_claim(q, "first", 0, "sequence");
}

Test(num_role, a_time_adverbial_numbers_a_period_not_a_first) {
    const char *s = "The board moved in its first year to cut costs.";
    run_all(s);
    not_claim(s, "first", 0, "sequence");
    /* without the time preposition it is a first */
    const char *q = "It was the first year to show a loss since the war.";
    run_all(q);
    is_claim(q, "first", 0);
}

Test(num_role, a_number_after_a_group_pronoun_names_the_group) {
    const char *s = "\"Did you two eat all the cake?\" she asked, and we three laughed.";
    run_all(s);
    not_claim(s, "two", 0, "pronoun");
    not_claim(s, "three", 0, "pronoun");
    /* with a noun or "times" it counts */
    const char *q = "You two boys can stay; he told us three times.";
    run_all(q);
    is_claim(q, "two", 0);
    is_claim(q, "three", 0);
}

Test(num_role, one_of_after_as_or_a_copula_is_membership) {
    const char *s = "The paper ranked her as one of the worst 20 chefs, and he is one of "
                    "12 children.";
    run_all(s);
    not_claim(s, "one of the worst", 0, "pronoun");
    not_claim(s, "one of 12", 0, "pronoun");
    is_claim(s, "20 chefs", 0);
    is_claim(s, "12 children", 0);
}

Test(num_role, the_first_step_to_take_is_a_sequence) {
    const char *s = "The first step to take is a budget, and the first thing to do is "
                    "call.";
    run_all(s);
    not_claim(s, "first step", 0, "sequence");
    not_claim(s, "first thing", 0, "sequence");
    const char *q = "She was the first judge to rule on it.";
    run_all(q);
    is_claim(q, "first", 0);
}

Test(num_role, every_single_one_and_or_two_count_nothing) {
    const char *s = "He vetoed every single one of them, and they came back in a day "
                    "or two.";
    run_all(s);
    not_claim(s, "one of them", 0, "pronoun");
    not_claim(s, "two.", 0, "vague");
    /* "or two" after a number compares numbers */
    const char *q = "The court heard one or two witnesses and then 10 or 12 more.";
    run_all(q);
    is_claim(q, "two witnesses", 0);
}

Test(num_role, one_before_a_noun_of_kind_is_an_idiom) {
    const char *s =
        "It is a one-party state with a one-stop office and a one-year budget.";
    run_all(s);
    not_claim(s, "one-party", 0, "idiom");
    not_claim(s, "one-stop", 0, "idiom");
    is_claim(s, "one-year", 0);
}

Test(num_role, short_quoted_capitalised_phrase_is_a_nickname) {
    const char *s = "The three envoys were called the \"Four Horsemen.\" The staff of "
                    "the old bakery said that \"Two Sisters\" had closed for good.";
    run_all(s);
    not_claim(s, "Four", 0, "name");
    not_claim(s, "Two", 0, "name");
    /* a quotation that opens with a count keeps it */
    const char *q = "\"Nine boats sank,\" the mayor said. \"Six Democrats voted no and "
                    "left.\"";
    run_all(q);
    is_claim(q, "Nine", 0);
    is_claim(q, "Six", 0);
}

Test(num_role, title_case_headline_keeps_its_numbers) {
    const char *s = "Mayor Says Twelve Schools Will Close By Friday";
    run_all(s);
    is_claim(s, "Twelve", 0);
}

Test(num_role, long_digit_runs_and_iso_dates) {
    const char *s = "The post 1234567890123 <time datetime=\"2016-06-28\"> was shared by "
                    "4,500,000,000 people and 12345 others.";
    run_all(s);
    not_claim(s, "1234567890123", 0, "identifier");
    not_claim(s, "06", 0, "date");
    is_claim(s, "4,500,000,000", 0);
    is_claim(s, "12345 others", 0);
}

Test(num_role, attributive_year_is_a_year) {
    const char *s =
        "He revisited the 2004 changes and his 1996 book, and 2004 people came.";
    run_with(s, true, true);
    cr_assert_eq(at(s, "2004 changes", 0)->kind, LEDE_CLAIM_YEAR);
    cr_assert_eq(at(s, "1996", 0)->kind, LEDE_CLAIM_YEAR);
    cr_assert_eq(at(s, "2004 people", 0)->kind, LEDE_CLAIM_COUNT);
}

Test(num_role, default_output_holds_claims_only) {
    run("One aide said one of the 12 rooms and the third floor were closed in the "
        "2012 season; 300 staff left.");
    cr_assert_eq(res->n_claims, 3, "claims: %zu", res->n_claims);
    cr_assert_str_eq(res->claims[0].text, "one");
    cr_assert_str_eq(res->claims[1].text, "12 rooms");
    cr_assert_str_eq(res->claims[2].text, "300 staff");
    for (size_t i = 0; i < res->n_claims; i++)
        cr_assert_null(res->claims[i].non_claim);
}

Test(num_role, month_and_day_with_a_slash) {
    const char *s =
        "We lost 3,000 people on 9/11, and the 9/11 attacks changed us. About "
        "3/4 of voters agreed.";
    run_all(s);
    not_claim(s, "9/11,", 0, "date");
    not_claim(s, "11,", 0, "date");
    not_claim(s, "9/11 attacks", 0, "date");
    is_claim(s, "3/4", 0);
}

Test(num_role, volume_and_pages_of_a_reference) {
    const char *s = "Curr Opin Anaesthesiol. 2015; 28: 685-690. It was a 3:1 vote and 12 "
                    "people came.";
    run_all(s);
    not_claim(s, "28", 0, "identifier");
    not_claim(s, "685", 0, "identifier");
    is_claim(s, "12 people", 0);
}

Test(num_role, names_by_context) {
    const char *s =
        "She sang at Feinstein's/54 Below. He won the 50 yard freestyle and "
        "swam 50 yards more. Buying a 25-year-old 757 is odd, he said his 757 "
        "was great, and 300 were arrested. The Super Bowl 50 show beat the 300 "
        "Boeing jets.";
    run_all(s);
    not_claim(s, "54", 0, "name");
    not_claim(s, "50 yard", 0, "name");
    is_claim(s, "50 yards", 0);
    not_claim(s, "757 is", 0, "name");
    not_claim(s, "757 was", 0, "name");
    is_claim(s, "300 were", 0);
    not_claim(s, "50 show", 0, "name");
    is_claim(s, "300 Boeing", 0);
}

Test(num_role, calibres_name_weapons) {
    const char *s =
        "Police found a .45 caliber pistol, a 12-gauge shotgun and a 9mm handgun "
        "after 9mm of rain.";
    run_all(s);
    not_claim(s, ".45", 0, "identifier");
    not_claim(s, "12", 0, "identifier");
    not_claim(s, "9mm handgun", 0, "identifier");
    is_claim(s, "9mm of", 0);
}

Test(num_role, vote_tallies) {
    const char *s =
        "The Senate voted 52 to 48 to confirm him. Turnout rose from 48 to 52.";
    run_all(s);
    not_claim(s, "52 to", 0, "score");
    not_claim(s, "48 to confirm", 0, "score");
    cr_assert_null(at(s, "48 to 52", 0)->non_claim);
}

Test(num_role, idioms_and_compounds_count_nothing) {
    const char *s =
        "They are two sides of the same coin. The shop is open 24/7. He held a "
        "one-on-one talk on a one-sided deal, was second-guessing a one-time "
        "fee, and met a two-time champion.";
    run_all(s);
    not_claim(s, "two sides", 0, "idiom");
    not_claim(s, "24", 0, "idiom");
    not_claim(s, "7.", 0, "idiom");
    not_claim(s, "one-on", 0, "idiom");
    not_claim(s, "one talk", 0, "idiom");
    not_claim(s, "one-sided", 0, "idiom");
    not_claim(s, "second-guessing", 0, "idiom");
    not_claim(s, "one-time", 0, "idiom");
    is_claim(s, "two-time", 0);
}

Test(num_role, one_against_the_other) {
    const char *s =
        "We put one foot in front of the other. One crew came from two towns.";
    run_all(s);
    not_claim(s, "one foot", 0, "pronoun");
    is_claim(s, "two towns", 0);
}

Test(num_role, short_years_hours_and_day_spans) {
    const char *s = "He graduated in '16 with '16 people. She called at 3 in the morning "
                    "and at about 2 in the afternoon; shares closed at 11 on Monday. The "
                    "fair runs Sept 14-16 for 16 days.";
    run_all(s);
    not_claim(s, "16 with", 0, "date");
    is_claim(s, "16 people", 0);
    not_claim(s, "3 in", 0, "date");
    not_claim(s, "2 in", 0, "date");
    is_claim(s, "11 on", 0);
    not_claim(s, "16 for", 0, "date");
    is_claim(s, "16 days", 0);
}

Test(num_role, a_first_of_a_social_group_is_a_milestone) {
    const char *s =
        "The province elected its first Muslim premier in the third round, "
        "and the city's first female fire chief took office in her second week.";
    run_all(s);
    is_claim(s, "first Muslim", 0);
    is_claim(s, "first female", 0);
    not_claim(s, "third round", 0, "sequence");
    not_claim(s, "second week", 0, "sequence");
}

Test(num_role, a_calibre_in_inches_names_a_weapon) {
    const char *s =
        "Police found a .38 revolver and .22 rounds, and 0.5 grams of powder.";
    run_all(s);
    not_claim(s, ".38", 0, "identifier");
    not_claim(s, ".22", 0, "identifier");
    is_claim(s, "0.5", 0);
}

Test(num_role, a_form_name_and_fixed_phrases_count_nothing) {
    const char *s =
        "At one point the two of them filed a 10-K report, a one-in-a-million "
        "chance, and said thanks a million to 12 clerks.";
    run_all(s);
    not_claim(s, "one point", 0, "idiom");
    not_claim(s, "two of them", 0, "idiom");
    not_claim(s, "10-K", 0, "identifier");
    not_claim(s, "a million to", 0, "idiom");
    is_claim(s, "12 clerks", 0);
}

Test(num_role, one_day_opening_a_clause_is_some_day) {
    const char *s =
        "One day, she said, the mill will reopen, and one day it may. The strike "
        "lasted one day, and one day later the talks began.";
    run_all(s);
    not_claim(s, "One day,", 0, "idiom");
    not_claim(s, "one day it", 0, "idiom");
    is_claim(s, "one day,", 0);
    is_claim(s, "one day later", 0);
}

Test(num_role, come_second_to_a_concern_is_an_idiom) {
    const char *s =
        "Safety came second to the budget, but Ortiz came second to Lee in the "
        "final.";
    run_all(s);
    not_claim(s, "second to the", 0, "idiom");
    is_claim(s, "second to Lee", 0);
}

Test(num_role, roads_bills_titles_and_footnotes_are_names) {
    const char *s = "Crews closed the 710 freeway after H.R. 2210 passed under Title 9 "
                    "(footnote 4), and 30 bus drivers struck.";
    run_all(s);
    not_claim(s, "710", 0, "identifier");
    /* numbers after a word that names are no claims at all */
    for (size_t i = 0; i < res->n_claims; i++) {
        const char *tx = res->claims[i].text;
        cr_assert(!strstr(tx, "2210") && strcmp(tx, "9") != 0 && strcmp(tx, "4") != 0,
                  "\"%s\" is a number found", tx);
    }
    is_claim(s, "30 bus", 0);
}

/* Numeric claims, one test per construction, on sentences written for these tests. */
#include <criterion/criterion.h>
#include <math.h>
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

static void run_with(const char *text, bool dates) {
    lede_result_free(res);
    res = NULL;
    lede_options opt;
    lede_options_init(&opt);
    opt.stages = LEDE_FIELD_NUMBERS;
    opt.include_dates = dates;
    cr_assert_eq(lede_analyze_text(ctx, text, strlen(text), &opt, &res), LEDE_OK);
}

static void run(const char *text) { run_with(text, false); }

/* Every number the grammar reads, those that are not claims too (sequence
 * ordinals, "one" as a pronoun): for tests of the grammar itself. */
static void run_grammar(const char *text) {
    lede_result_free(res);
    res = NULL;
    lede_options opt;
    lede_options_init(&opt);
    opt.stages = LEDE_FIELD_NUMBERS;
    opt.include_non_claims = true;
    cr_assert_eq(lede_analyze_text(ctx, text, strlen(text), &opt, &res), LEDE_OK);
}

/* With years kept, as `include=dates` asks. */
static void run_dates(const char *text) { run_with(text, true); }

/* No claim's text contains `t`. */
static void no_claim_with(const char *t) {
    for (size_t i = 0; i < res->n_claims; i++)
        cr_assert_null(strstr(res->claims[i].text, t), "claim \"%s\" holds \"%s\"",
                       res->claims[i].text, t);
}

/* The text held no claim at all. */
static void expect_no_claims(void) {
    cr_assert_eq(res->n_claims, 0, "claims: %zu (first: %s)", res->n_claims,
                 res->n_claims ? res->claims[0].text : "");
}

/* The claim whose text is `t`, or a failed assertion. */
static const lede_claim *claim(const char *t) {
    for (size_t i = 0; i < res->n_claims; i++)
        if (strcmp(res->claims[i].text, t) == 0)
            return &res->claims[i];
    char all[2048] = "";
    for (size_t i = 0; i < res->n_claims; i++) {
        strncat(all, res->claims[i].text, sizeof all - strlen(all) - 4);
        strncat(all, " | ", sizeof all - strlen(all) - 1);
    }
    cr_assert_fail("no claim \"%s\"; claims: %s", t, all);
    return NULL;
}

static void near(double got, double want) {
    cr_assert(fabs(got - want) <= 1e-9 * fmax(1, fabs(want)), "value %.12g, want %.12g",
              got, want);
}

static void unit_is(const lede_claim *c, const char *u) {
    cr_assert(c->unit && strcmp(c->unit, u) == 0, "unit %s, want %s",
              c->unit ? c->unit : "(null)", u);
}

TestSuite(numbers, .init = setup, .fini = teardown);

Test(numbers, counted_noun_with_qualifier) {
    run("Russia has massed nearly 100,000 troops near the border.");
    cr_assert_eq(res->n_claims, 1);
    const lede_claim *c = claim("nearly 100,000 troops");
    near(c->value, 100000);
    unit_is(c, "troops");
    cr_assert_eq(c->kind, LEDE_CLAIM_COUNT);
    cr_assert_eq(c->qualifier, LEDE_QUAL_JUST_UNDER);
    cr_assert_eq(c->start, 18);
    cr_assert_eq(c->end, 39);
    cr_assert_str_eq(c->sentence,
                     "Russia has massed nearly 100,000 troops near the border.");
}

Test(numbers, money_with_scale_words_and_suffixes) {
    run("The U.S. approved $60 million, the EU 1.5bn euros and Britain \xC2\xA3"
        "3.2m.");
    const lede_claim *c = claim("$60 million");
    near(c->value, 60e6);
    cr_assert_str_eq(c->currency, "USD");
    cr_assert_eq(c->kind, LEDE_CLAIM_MONEY);
    c = claim("1.5bn euros");
    near(c->value, 1.5e9);
    cr_assert_str_eq(c->currency, "EUR");
    c = claim("\xC2\xA3"
              "3.2m");
    near(c->value, 3.2e6);
    cr_assert_str_eq(c->currency, "GBP");
}

Test(numbers, currency_codes_and_names) {
    run("They paid USD 200, 15 yuan and 10,000 Swiss francs.");
    cr_assert_str_eq(claim("USD 200")->currency, "USD");
    cr_assert_str_eq(claim("15 yuan")->currency, "CNY");
    near(claim("10,000 Swiss francs")->value, 10000);
    cr_assert_str_eq(claim("10,000 Swiss francs")->currency, "CHF");
}

Test(numbers, nordic_currencies) {
    run("The line costs 12 billion Norwegian kroner, the bridge 900 million kroner and "
        "the tunnel 4 billion Swedish kronor.");
    const lede_claim *nok = claim("12 billion Norwegian kroner");
    cr_assert_eq(nok->kind, LEDE_CLAIM_MONEY);
    cr_assert_str_eq(nok->currency, "NOK");
    const lede_claim *plain = claim("900 million kroner");
    cr_assert_eq(plain->kind, LEDE_CLAIM_MONEY);
    cr_assert_null(plain->currency, "plain kroner may be Norwegian or Danish");
    cr_assert_str_eq(claim("4 billion Swedish kronor")->currency, "SEK");
}

Test(numbers, percent_forms) {
    run("Unemployment was 25 per cent, up 2 percentage points, and inflation 3.5%.");
    const lede_claim *c = claim("25 per cent");
    near(c->value, 25);
    cr_assert_eq(c->kind, LEDE_CLAIM_PERCENT);
    unit_is(claim("2 percentage points"), "percentage points");
    near(claim("3.5%")->value, 3.5);
}

Test(numbers, measures) {
    run("They shipped 80 metric tons for 30 miles at 120 km/h; the room is 45 square "
        "meters and the file 100 MB.");
    const lede_claim *c = claim("80 metric tons");
    near(c->value, 80);
    unit_is(c, "t");
    cr_assert_str_eq(c->dimension, "mass");
    unit_is(claim("30 miles"), "mi");
    unit_is(claim("120 km/h"), "km/h");
    unit_is(claim("45 square meters"), "m\xC2\xB2");
    unit_is(claim("100 MB"), "MB");
    cr_assert_str_eq(claim("100 MB")->dimension, "data");
}

Test(numbers, negative_temperature) {
    run("Temperatures fell to minus 5 degrees overnight and -3 \xC2\xB0"
        "C at noon.");
    const lede_claim *c = claim("minus 5 degrees");
    near(c->value, -5);
    cr_assert_str_eq(c->dimension, "temperature");
    near(claim("-3 \xC2\xB0"
               "C")
             ->value,
         -3);
    unit_is(claim("-3 \xC2\xB0"
                  "C"),
            "\xC2\xB0"
            "C");
}

Test(numbers, plus_or_minus_is_a_margin_not_a_sign) {
    run("The margin of error is plus or minus 3.5 percentage points, and the "
        "lake froze at minus 2 degrees.");
    const lede_claim *c = claim("3.5 percentage points");
    near(c->value, 3.5);
    near(claim("minus 2 degrees")->value, -2);
}

Test(numbers, a_hedged_article_before_a_unit_is_one) {
    run("The crew came back about an hour later, almost a mile upstream, after "
        "more than a year at sea. Over a year the river moved and it cost a "
        "pound.");
    const lede_claim *c = claim("about an hour");
    near(c->value, 1);
    cr_assert_eq(c->kind, LEDE_CLAIM_DURATION);
    cr_assert_eq(c->qualifier, LEDE_QUAL_APPROXIMATELY);
    cr_assert_eq(claim("almost a mile")->qualifier, LEDE_QUAL_JUST_UNDER);
    cr_assert_eq(claim("more than a year")->qualifier, LEDE_QUAL_MORE_THAN);
    cr_assert_eq(res->n_claims, 3, "no hedge, or 'over' as a span: no claim");
}

Test(numbers, a_range_of_margins) {
    run("The margin of error was between +/- 3.1 and 4.9 points.");
    const lede_claim *c = claim("between +/- 3.1 and 4.9 points");
    near(c->value, 3.1);
    cr_assert_eq(res->n_claims, 1);
}

Test(numbers, feet_and_inches) {
    run("The 6-foot-2 forward is taller than the 5 feet 10 inches guard.");
    near(claim("6-foot-2")->value, 6 + 2.0 / 12);
    unit_is(claim("6-foot-2"), "ft");
    near(claim("5 feet 10 inches")->value, 5 + 10.0 / 12);
}

Test(numbers, years_and_year_ranges) {
    run_dates("He joined in 2019 and starred in the 2020-21 season.");
    const lede_claim *c = claim("2019");
    cr_assert_eq(c->kind, LEDE_CLAIM_YEAR);
    c = claim("2020-21");
    cr_assert_eq(c->kind, LEDE_CLAIM_YEAR);
    cr_assert(c->has_range);
    near(c->low, 2020);
    near(c->high, 2021);
}

Test(numbers, ranges) {
    run("Between 10 and 20 people were hurt; officials expect 30-40 more and 5 to 8 km "
        "of "
        "damage.");
    const lede_claim *c = claim("Between 10 and 20 people");
    cr_assert_eq(c->kind, LEDE_CLAIM_RANGE);
    cr_assert(c->has_range);
    near(c->low, 10);
    near(c->high, 20);
    unit_is(c, "people");
    c = claim("30-40");
    near(c->low, 30);
    near(c->high, 40);
    c = claim("5 to 8 km");
    cr_assert_eq(c->kind, LEDE_CLAIM_MEASURE);
    cr_assert(c->has_range);
    unit_is(c, "km");
}

Test(numbers, fractions_and_words) {
    run("A third of voters stayed home, two million came and forty-five left; one and a "
        "half hours passed.");
    const lede_claim *c = claim("A third of voters");
    near(c->value, 1.0 / 3);
    unit_is(c, "voters");
    near(claim("two million")->value, 2e6);
    near(claim("forty-five")->value, 45);
    c = claim("one and a half hours");
    near(c->value, 1.5);
    cr_assert_eq(c->kind, LEDE_CLAIM_DURATION);
}

Test(numbers, a_fraction_of_a_scale_word_is_one_number) {
    run("Organisers expect half a million visitors, a half-dozen bands and a "
        "quarter-of-a-million souvenirs; three quarters of a billion euros were spent "
        "over half a dozen years.");
    near(claim("half a million visitors")->value, 500000);
    near(claim("a half-dozen bands")->value, 6);
    near(claim("a quarter-of-a-million souvenirs")->value, 250000);
    near(claim("three quarters of a billion euros")->value, 7.5e8);
    near(claim("half a dozen years")->value, 6);
    /* neither a scale nor a unit: the fraction stays a fraction */
    run("They ate a quarter of a cake.");
    near(res->claims[0].value, 0.25);
    cr_assert_eq(res->claims[0].kind, LEDE_CLAIM_COUNT);
}

Test(numbers, a_fraction_of_one_unit) {
    run("The queue took half an hour and the walk a quarter of a mile; the rivalry "
        "lasted half a century.");
    const lede_claim *c = claim("half an hour");
    cr_assert_eq(c->kind, LEDE_CLAIM_DURATION);
    near(c->value, 0.5);
    near(claim("a quarter of a mile")->value, 0.25);
    near(claim("half a century")->value, 0.5);
}

Test(numbers, a_ratio_to_one_is_one_claim) {
    /* the one is the base of the comparison, not a count of its own */
    run("Nurses outnumber doctors by six to one here, and the motion won by a 3-to-1 "
        "margin.");
    near(claim("six to one")->value, 6);
    near(claim("3-to-1")->value, 3);
    cr_assert_eq(res->n_claims, 2);
    run("Calls ran like 3 to 1 for the senator.");
    near(claim("3 to 1")->value, 3);
    cr_assert_eq(res->n_claims, 1);
    /* a change and a range are no ratio */
    run("The fee fell from 3 to 1 dollar, and each class takes 12 to 15 pupils.");
    near(claim("1 dollar")->value, 1);
    cr_assert(claim("12 to 15 pupils")->has_range);
}

Test(numbers, a_span_of_clock_hours_is_a_time) {
    run("She spoke between 10-11 a.m. and again from 9 to 5 pm.");
    expect_no_claims();
}

Test(numbers, ids_of_web_pages_are_not_claims) {
    /* a number after "#" ranks or names */
    run("The first rule, Lesson #4 of the course, is simple.");
    no_claim_with("4");
    /* a long ungrouped number after a name is a ticket or bug number */
    run("Work went on, with Bug 1676296 landing and Case 99812 closed.");
    expect_no_claims();
    run("The town of Springfield has 25000 residents.");
    near(claim("25000 residents")->value, 25000);
    /* a release named by a bare decimal after "in" or "since" */
    run("The menu was slow in 0.16 from time to time and fixed since 2.3.");
    expect_no_claims();
    run("It loaded in 0.16 seconds in 2.5 percent of cases.");
    near(claim("0.16 seconds")->value, 0.16);
    near(claim("2.5 percent")->value, 2.5);
}

Test(numbers, footnotes_settings_codes_and_versions_are_ids) {
    run("Such matrices are often scaled,[1][2] as the notes show.[14] The board has 30 "
        "seats.");
    near(claim("30 seats")->value, 30);
    cr_assert_eq(res->n_claims, 1);
    run("Use the default settings (level=6) or timeout=30 when a 404 error or the 200 "
        "status code comes back.");
    expect_no_claims();
    run("The server logged 200 errors.");
    near(claim("200 errors")->value, 200);
    run("The chip supports Bluetooth 4.1 and its maker rose 1.5 percent.");
    no_claim_with("4.1");
    near(claim("1.5 percent")->value, 1.5);
}

Test(numbers, lists_tables_and_marks_of_data_are_not_claims) {
    /* a list of bare numbers is data; with a noun after the last it counts */
    run("The query read the values 4, 9, 1 and 12 from the array.");
    expect_no_claims();
    run("He scored 3, 5 and 7 points. We were at 6 and 7 and 8.");
    near(claim("7 points")->value, 7);
    near(claim("6")->value, 6);
    /* a table drawn with box characters */
    run("lower \xE2\x94\x82 upper 1.25 \xE2\x94\x82 7.41 rows");
    expect_no_claims();
    /* footnote marks glued after punctuation, codes with a leading zero */
    run("Is it urgent?25 Will anyone care:24 The fund paid 007 agents and 05 "
        "staff 12 dollars at 10:30.");
    cr_assert_eq(res->n_claims, 1);
    near(claim("12 dollars")->value, 12);
    /* digit groups written with spaces are one number, zeros and all */
    run("The town has 40 000 people.");
    near(claim("40 000 people")->value, 40000);
}

Test(numbers, releases_of_one_series_and_after_for) {
    run("The project shipped 4.1 in April and 4.1.1 in August. For 0.17 we've "
        "reworked the map, and for 2.5 hours it ran for 1.5 of them.");
    no_claim_with("4.1");
    no_claim_with("0.17");
    near(claim("2.5 hours")->value, 2.5);
    near(claim("1.5")->value, 1.5);
}

Test(numbers, a_glued_x_is_times) {
    run("Write 10x more, not a 4x4 grid.");
    near(claim("10")->value, 10);
    cr_assert_eq(res->n_claims, 1);
}

Test(numbers, alternatives_with_one_unit_are_a_range) {
    run("The talks took six or seven months and polls had him at 20 or 25 percent, "
        "while one or two days passed and 10 or 12 came.");
    const lede_claim *c = claim("six or seven months");
    cr_assert(c->has_range);
    near(c->value, 6);
    near(c->high, 7);
    cr_assert(claim("20 or 25 percent")->has_range);
    no_claim_with("one or two");
    near(claim("10")->value, 10); /* bare alternatives stay two numbers */
    near(claim("12")->value, 12);
}

Test(numbers, sections_of_a_law_are_names) {
    run("Savers moved 401(k) plans and 501(c)(3) groups raised 12 million dollars.");
    cr_assert_eq(res->n_claims, 1);
    near(claim("12 million dollars")->value, 12e6);
}

Test(numbers, over_after_a_determiner_grades_the_number) {
    run("The bureau's over three hour interview ended before they rolled over "
        "three hour shifts.");
    cr_assert_eq(claim("over three hour")->qualifier, LEDE_QUAL_MORE_THAN);
    cr_assert_eq(claim("three hour")->qualifier, LEDE_QUAL_NONE);
}

Test(numbers, plus_sign_and_hyphenated_hundreds) {
    run("I got 150+ angry emails about a two-hundred-year-old tree and "
        "three-thousand visitors.");
    cr_assert_eq(claim("150+")->qualifier, LEDE_QUAL_AT_LEAST);
    near(claim("three-thousand visitors")->value, 3000);
    run("The network was two-hundred years old.");
    near(claim("two-hundred years old")->value, 200);
}

Test(numbers, a_dash_between_sentences_parts_joins_no_range) {
    /* "--" and a spaced em dash break the sentence: two sums, not a range or
     * a score */
    run("The deficit is $544 billion -- $105 billion more than last year.");
    near(claim("$544 billion")->value, 544e9);
    near(claim("$105 billion")->value, 105e9);
    run("Sales reached \u00a3800 million \u2014 \u00a3900 million counting exports.");
    cr_assert_not(claim("\u00a3800 million")->has_range);
    /* sums never make a score, even falling and joined by a hyphen */
    run("Prices fell from the list, $90-$60 at the door.");
    near(claim("$90")->value, 90);
    near(claim("$60")->value, 60);
    /* a joined range still is one */
    run("Tickets cost $20-$30.");
    cr_assert(claim("$20-$30")->has_range);
}

Test(numbers, dozen_and_ordinals) {
    run_grammar("A dozen protesters marched on the 21st for the fourth time.");
    near(claim("A dozen protesters")->value, 12);
    const lede_claim *c = claim("21st");
    cr_assert_eq(c->kind, LEDE_CLAIM_ORDINAL);
    near(c->value, 21);
    near(claim("fourth")->value, 4);
}

Test(numbers, qualifiers) {
    run("At least 12 died, more than 40 were hurt, up to 700 may lose jobs and fewer "
        "than 5 remain; almost 300 fled.");
    cr_assert_eq(claim("At least 12")->qualifier, LEDE_QUAL_AT_LEAST);
    cr_assert_eq(claim("more than 40")->qualifier, LEDE_QUAL_MORE_THAN);
    cr_assert_eq(claim("up to 700")->qualifier, LEDE_QUAL_UP_TO);
    cr_assert_eq(claim("fewer than 5")->qualifier, LEDE_QUAL_LESS_THAN);
    cr_assert_eq(claim("almost 300")->qualifier, LEDE_QUAL_JUST_UNDER);
}

Test(numbers, hedges_with_their_meaning) {
    run("Roughly 40 boats, some 300 fishermen and about 12 tugs sailed; exactly 7 "
        "sank.");
    cr_assert_eq(claim("Roughly 40 boats")->qualifier, LEDE_QUAL_APPROXIMATELY);
    cr_assert_eq(claim("some 300")->qualifier, LEDE_QUAL_APPROXIMATELY);
    cr_assert_eq(claim("about 12 tugs")->qualifier, LEDE_QUAL_APPROXIMATELY);
    cr_assert_eq(claim("exactly 7")->qualifier, LEDE_QUAL_EXACTLY);
    run("The loan carries a maximum of 5% interest, repaid within 30 days, and no "
        "more than 20 staff may apply; just under 90 did.");
    cr_assert_eq(claim("a maximum of 5%")->qualifier, LEDE_QUAL_AT_MOST);
    cr_assert_eq(claim("within 30 days")->qualifier, LEDE_QUAL_UP_TO);
    cr_assert_eq(claim("no more than 20 staff")->qualifier, LEDE_QUAL_AT_MOST);
    cr_assert_eq(claim("just under 90")->qualifier, LEDE_QUAL_JUST_UNDER);
}

Test(numbers, over_compares_unless_particle_or_span) {
    run("Over 500 people came and the rebels took over 30 towns.");
    cr_assert_eq(claim("Over 500 people")->qualifier, LEDE_QUAL_MORE_THAN);
    cr_assert_eq(claim("30 towns")->qualifier, LEDE_QUAL_NONE);
    run("The clerk handed over 200 files.");
    cr_assert_eq(claim("200 files")->qualifier, LEDE_QUAL_NONE);
    run("He scored 20 goals over two spells at the club.");
    cr_assert_eq(claim("two spells")->qualifier, LEDE_QUAL_NONE);
    run("She has worked there for over ten years.");
    cr_assert_eq(claim("over ten years")->qualifier, LEDE_QUAL_MORE_THAN);
}

Test(numbers, subject_is_what_is_counted) {
    run("The army sent 4,000 troops, and over 40% of the school districts shut.");
    cr_assert_str_eq(claim("4,000 troops")->subject, "troops");
    const lede_claim *c = claim("over 40%");
    cr_assert_eq(c->qualifier, LEDE_QUAL_MORE_THAN);
    cr_assert_str_eq(c->subject, "school districts");
    run("Two thirds of voters agreed.");
    cr_assert_str_eq(claim("Two thirds of voters")->subject, "voters");
    run("Turnout rose to 62% of the electorate.");
    cr_assert_str_eq(claim("62%")->subject, "electorate");
    run("It cost $5m.");
    cr_assert_null(claim("$5m")->subject);
}

Test(numbers, change) {
    run("Sales rose 3.5% to 1.2 billion, while costs fell from $5 million to $2 "
        "million.");
    cr_assert_str_eq(claim("3.5%")->change, "increase");
    cr_assert_str_eq(claim("1.2 billion")->change, "increase");
    cr_assert_str_eq(claim("$5 million")->change, "decrease");
    cr_assert_str_eq(claim("$2 million")->change, "decrease");
    cr_assert_null(claim("$2 million")->qualifier == LEDE_QUAL_NONE ? NULL : "qualifier");
}

Test(numbers, ages_and_durations) {
    run("A 28-year-old man, 29 years old by May, waited 45 minutes.");
    const lede_claim *c = claim("28-year-old");
    cr_assert_str_eq(c->dimension, "age");
    near(c->value, 28);
    cr_assert_str_eq(claim("29 years old")->dimension, "age");
    cr_assert_eq(claim("45 minutes")->kind, LEDE_CLAIM_DURATION);
}

Test(numbers, rate) {
    run("Workers earn $15 an hour, or $2,400/month.");
    const lede_claim *c = claim("$15 an hour");
    cr_assert_eq(c->kind, LEDE_CLAIM_RATE);
    near(c->value, 15);
    cr_assert_eq(claim("$2,400/month")->kind, LEDE_CLAIM_RATE);
}

Test(numbers, noise_is_not_a_claim) {
    run("Call 555-123-4567 or see https://example.com/page/2 before Jan. 5, 2021 at "
        "10:30 a.m.; version 2.3.1 of the COVID-19 app shipped at 11pm on 5/17/2018.\n\n"
        "1. He lives at 10 Downing Street, Flight 370 left and the 5G network works.");
    for (size_t i = 0; i < res->n_claims; i++)
        cr_assert_fail("unexpected claim \"%s\"", res->claims[i].text);
}

Test(numbers, scores_and_pronoun_one) {
    run("Which one won? City beat United 3-1 and that one is enough.");
    expect_no_claims();
}

Test(numbers, set_scores_and_ties_are_not_claims) {
    /* a line of set scores with tie-breaks; a tie has equal ends, no range does */
    run("The champion beat Ivo Marks 4-6, 6-3, 7-6 (5) and the visitors drew the tie "
        "2-2.");
    expect_no_claims();
    /* ranges listed by commas all rise: they stay ranges */
    run("Classes take children aged 5-7, 8-10 and 11-13.");
    cr_assert(claim("aged 5-7")->has_range);
    cr_assert(claim("8-10")->has_range);
    cr_assert_float_eq(claim("8-10")->high, 10, 1e-9);
    /* a mixed number is not a tie */
    run("The pipe is 1-1/2 inches wide.");
    cr_assert_float_eq(claim("1-1/2 inches")->value, 1.5, 1e-9);
}

Test(numbers, house_numbers_after_the_street_name) {
    run("The gallery in Via Garibaldi 12 shows prints, and the shop at corso Vittorio, "
        "40, "
        "Turin sells them.");
    no_claim_with("12");
    no_claim_with("40");
    /* a street word that is a preposition leaves counts alone */
    run("The mayor sent via Twitter 5 messages.");
    cr_assert_float_eq(claim("5 messages")->value, 5, 1e-9);
}

Test(numbers, bracketed_rank_with_full_stop_is_not_a_claim) {
    run("The table lists Ann Lee (6.) and Bo Park (3.) with last season's places.");
    expect_no_claims();
}

Test(numbers, numbers_inside_titles_are_names) {
    run("The song reached the top of the Billboard Hot 100 this week. She made the 30 "
        "Under "
        "30 list, and the Formula 1 Grand Prix drew crowds.");
    expect_no_claims();
    /* a count before a name, and a headline, where capitals say nothing */
    run("The paper hired 300 New York reporters.");
    cr_assert_float_eq(claim("300 New York reporters")->value, 300, 1e-9);
    run("Five Things We Learned From These 2 Weeks In Rome");
    cr_assert_float_eq(claim("2 Weeks")->value, 2, 1e-9);
}

Test(numbers, nouns_named_by_a_number) {
    run("Patients in group 2 had stage 4 tumours after round 3 of the talks.");
    expect_no_claims();
}

Test(numbers, cents_are_named_or_follow_and) {
    run("Funding fell from 660,000 dollars four years ago; a ticket is ten dollars and "
        "fifty.");
    cr_assert_float_eq(claim("660,000 dollars")->value, 660000, 1e-9);
    cr_assert_float_eq(claim("four years")->value, 4, 1e-9);
    cr_assert_float_eq(claim("ten dollars and fifty")->value, 10.5, 1e-9);
}

Test(numbers, partitive_one_magnitudes_and_verse_spans) {
    run("They paid a six-figure sum for 12 players and a 7-figure deal. He read Luke "
        "2:1-7 aloud.");
    cr_assert_float_eq(claim("12 players")->value, 12, 1e-9);
    cr_assert_eq(res->n_claims, 1, "claims: %zu", res->n_claims);
    /* "only one" counts */
    run("Only one of the 12 players scored.");
    cr_assert_float_eq(claim("one")->value, 1, 1e-9);
}

Test(numbers, offsets_are_code_points) {
    run("\xC3\x89lys\xC3\xA9"
        "e paid \xE2\x82\xAC"
        "5 million.");
    const lede_claim *c = claim("\xE2\x82\xAC"
                                "5 million");
    cr_assert_eq(c->start, 12);
    cr_assert_eq(c->end, 22);
    cr_assert_eq(c->qty_start, 12);
    cr_assert_eq(c->num_start, 13);
}

Test(numbers, claims_stay_in_their_sentence) {
    run("It was 2.\n\n5 km later it rained.");
    cr_assert_eq(res->n_claims, 2);
    near(res->claims[0].value, 2);
    cr_assert_str_eq(res->claims[1].text, "5 km");
    cr_assert_str_eq(res->claims[1].sentence, "5 km later it rained.");
}

Test(numbers, mixed_digits_and_words) {
    run("Revenue hit 2.3 billion; the count was 4 thousand 3 hundred and 21, or two "
        "hundred and two thousand in all.");
    near(claim("2.3 billion")->value, 2.3e9);
    near(claim("4 thousand 3 hundred and 21")->value, 4321);
    near(claim("two hundred and two thousand")->value, 202000);
}

Test(numbers, word_fractions_and_ordinals) {
    run_grammar(
        "Two thirds agreed, three quarters voted and the twenty-first entrant won.");
    near(claim("Two thirds")->value, 2.0 / 3);
    near(claim("three quarters")->value, 0.75);
    const lede_claim *c = claim("twenty-first");
    cr_assert_eq(c->kind, LEDE_CLAIM_ORDINAL);
    near(c->value, 21);
}

Test(numbers, negative_digits_and_glued_codes) {
    run("The index fell to -5.5 points while USD115.5 changed hands.");
    near(claim("-5.5 points")->value, -5.5);
    const lede_claim *c = claim("USD115.5");
    near(c->value, 115.5);
    cr_assert_str_eq(c->currency, "USD");
}

Test(numbers, glued_temperatures_need_context) {
    run("Temperatures reached 40C (104F) in Seville.");
    unit_is(claim("40C"), "\xC2\xB0"
                          "C");
    unit_is(claim("104F"), "\xC2\xB0"
                           "F");
    run("When must form 13F be filed?");
    cr_assert_eq(res->n_claims, 0);
}

Test(numbers, named_indices_are_not_counts) {
    run("The S&P 500 rose 1.2% and the FTSE 100 slipped.");
    cr_assert_eq(res->n_claims, 1);
    near(claim("1.2%")->value, 1.2);
}

Test(numbers, ranged_from_is_a_range_and_votes_are_not) {
    run_grammar("Prices ranged from 5 to 8 euros and the bill passed 52 to 48.");
    const lede_claim *c = claim("5 to 8 euros");
    cr_assert(c->has_range);
    cr_assert_str_eq(c->currency, "EUR");
    cr_assert_null(c->change);
    /* a tally is two numbers, and like a score no claim (num_role) */
    cr_assert_not(claim("52")->has_range);
    cr_assert_str_eq(claim("52")->non_claim, "score");
    cr_assert_str_eq(claim("48")->non_claim, "score");
}

/* A table flattened into one huge sentence must stay linear (and correct). */
Test(numbers, huge_sentence_of_numbers) {
    enum { N = 20000 };
    static char buf[N * 6 + 16];
    size_t o = 0;
    for (int i = 0; i < N; i++)
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%d ", 1000 + i % 8000);
    snprintf(buf + o, sizeof buf - o, "pounds");
    run_dates(buf);
    cr_assert_eq(res->n_claims, N);
}

Test(numbers, spans_of_years) {
    run_dates("Cassini studied Saturn from 2004 to 2017.");
    const lede_claim *c = claim("2004 to 2017");
    cr_assert_eq(c->kind, LEDE_CLAIM_YEAR);
    cr_assert(c->has_range);
    cr_assert_null(c->change);
}

Test(numbers, change_named_after_the_quantity) {
    run("Profit increased by 5% after a 3% rise in sales and a $2bn cut in costs.");
    cr_assert_str_eq(claim("5%")->change, "increase");
    cr_assert_str_eq(claim("3%")->change, "increase");
    cr_assert_str_eq(claim("$2bn")->change, "decrease");
}

Test(numbers, claimant_is_the_quote_holding_the_claim) {
    lede_result_free(res);
    res = NULL;
    const char *text = "\"We lost 300 jobs this year,\" said Mary Jones, the mayor. The "
                       "city employs 4,000 people.";
    lede_options opt;
    lede_options_init(&opt);
    opt.stages = LEDE_FIELD_NUMBERS | LEDE_FIELD_QUOTES;
    cr_assert_eq(lede_analyze_text(ctx, text, strlen(text), &opt, &res), LEDE_OK);
    cr_assert_geq(res->n_quotes, 1);
    const lede_claim *in = claim("300 jobs");
    cr_assert_geq(in->quote, 0);
    cr_assert_lt((size_t)in->quote, res->n_quotes);
    cr_assert_eq(claim("4,000 people")->quote, -1);
}

Test(numbers, over_particle_and_span_are_not_comparatives) {
    run("The firm took over 300 shops. He scored 20 goals over two spells. "
        "Over 500 people came and prices rose for over ten years.");
    cr_assert_eq(claim("300 shops")->qualifier, LEDE_QUAL_NONE);
    cr_assert_eq(claim("two spells")->qualifier, LEDE_QUAL_NONE);
    cr_assert_eq(claim("Over 500 people")->qualifier, LEDE_QUAL_MORE_THAN);
    cr_assert_eq(claim("over ten years")->qualifier, LEDE_QUAL_MORE_THAN);
}

Test(numbers, exactly_within_and_subjects) {
    run("It costs exactly $5, reaches up to 30% of voters within 5 miles.");
    cr_assert_eq(claim("exactly $5")->qualifier, LEDE_QUAL_EXACTLY);
    cr_assert_eq(claim("within 5 miles")->qualifier, LEDE_QUAL_UP_TO);
    const lede_claim *c = claim("up to 30%");
    cr_assert(c->subject && strcmp(c->subject, "voters") == 0);
    cr_assert_eq(c->quote, -1);
}

/* A range whose second half is only a currency sign ends where the text ends:
 * the parser must stop at the last item, not read past it (a fuzz find). */
Test(numbers, range_ending_in_a_bare_currency_sign) {
    static const char *texts[] = {"$6~$", "~$6~$", "It cost $6-$", "between $6 and $",
                                  "\xEF\xBF\xBD\xEF\xBF\xBD~$6~$"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        run(texts[i]);
        const lede_claim *c = claim("$6");
        near(c->value, 6);
        cr_assert_str_eq(c->currency, "USD");
        cr_assert_not(c->has_range, "%s: a range out of a bare currency sign", texts[i]);
    }
}

Test(numbers, years_left_out_unless_dates_asked) {
    run("The plant opened in 1998 and hired 450 workers by 2004.");
    cr_assert_eq(res->n_claims, 1);
    claim("450 workers");
    run_dates("The plant opened in 1998 and hired 450 workers by 2004.");
    cr_assert_eq(claim("1998")->kind, LEDE_CLAIM_YEAR);
    cr_assert_eq(claim("2004")->kind, LEDE_CLAIM_YEAR);
}

Test(numbers, name_before_number_is_a_model_or_part) {
    run("Regulators cleared the Airbus A350 and the Embraer 190 after Week 7, and "
        "Chapter 11 of the code applies; Tesla sold 12 vans.");
    no_claim_with("190");
    no_claim_with("7");
    no_claim_with("11");
    claim("12 vans");
}

Test(numbers, name_before_number_still_counts_with_percent_or_noun) {
    run("Yesterday Labour 41% led and Dover 2,500 was not a name.");
    cr_assert_eq(claim("41%")->kind, LEDE_CLAIM_PERCENT);
    near(claim("2,500")->value, 2500);
}

Test(numbers, number_before_name_is_a_model) {
    run("Pilots said the 320 Neo was quieter than 300 Canadians expected.");
    no_claim_with("320");
    claim("300");
}

Test(numbers, number_before_people_still_counts) {
    run("Police detained 150 Britons, 200 Sudanese and 120 Italian fans.");
    claim("150");
    claim("200");
    unit_is(claim("120 Italian fans"), "fans");
}

Test(numbers, match_scores_are_not_ranges) {
    run("The visitors won 4-2 after a 1-0 lead, while rents rose 3-4% in the city.");
    no_claim_with("4-2");
    no_claim_with("1-0");
    cr_assert(claim("3-4%")->has_range);
}

Test(numbers, numbers_one_calls_are_not_claims) {
    run("Witnesses should call 112 or dial 101, and 300 people did.");
    no_claim_with("112");
    no_claim_with("101");
    claim("300 people");
}

Test(numbers, ordinal_after_article_before_noun) {
    run_grammar(
        "A fifth bidder joined after a tenth straight loss, and a fifth of the shares "
        "fell by a tenth.");
    const lede_claim *c = claim("fifth");
    cr_assert_eq(c->kind, LEDE_CLAIM_ORDINAL);
    near(c->value, 5);
    cr_assert_eq(claim("tenth")->kind, LEDE_CLAIM_ORDINAL);
    c = claim("a fifth of the shares");
    near(c->value, 0.2);
    unit_is(c, "shares");
    near(claim("a tenth")->value, 0.1);
}

Test(numbers, and_a_fraction_before_a_scale) {
    run("Some three and a half million homes lost power.");
    near(claim("Some three and a half million homes")->value, 3.5e6);
}

Test(numbers, hyphenated_mixed_numbers) {
    run("Rain fell for six-and-a-quarter hours and the hail was 2-3/4 inches across.");
    near(claim("six-and-a-quarter hours")->value, 6.25);
    const lede_claim *c = claim("2-3/4 inches");
    near(c->value, 2.75);
    cr_assert_not(c->has_range);
}

/* "a third buyer": the ordinal's spans start at "third", the number too (a
 * fuzz find: the number began at the article, before its quantity). */
Test(numbers, article_ordinal_spans_are_ordered) {
    run("Acme found a third buyer. A third roads were closed.");
    for (size_t i = 0; i < res->n_claims; i++) {
        const lede_claim *c = &res->claims[i];
        cr_assert(c->start <= c->qty_start && c->qty_start <= c->num_start,
                  "%s: %u %u %u", c->text, (unsigned)c->start, (unsigned)c->qty_start,
                  (unsigned)c->num_start);
    }
}

Test(numbers, hedges_short_of_upward_of_a_little_over_plus) {
    run("The agency paid just short of $449,000; workers earn upward of $20 an hour, the "
        "talks lasted a little over two hours and she works 35-plus hours a week.");
    cr_assert_eq(claim("just short of $449,000")->qualifier, LEDE_QUAL_JUST_UNDER);
    cr_assert_eq(claim("upward of $20 an hour")->qualifier, LEDE_QUAL_MORE_THAN);
    cr_assert_eq(claim("a little over two hours")->qualifier, LEDE_QUAL_MORE_THAN);
    const lede_claim *c = claim("35-plus hours");
    cr_assert_eq(c->qualifier, LEDE_QUAL_AT_LEAST);
    near(c->value, 35);
}

Test(numbers, plus_between_numbers_is_not_a_hedge) {
    run("Two plus 3 is 5.");
    for (size_t i = 0; i < res->n_claims; i++)
        cr_assert_eq(res->claims[i].qualifier, LEDE_QUAL_NONE, "\"%s\" is hedged",
                     res->claims[i].text);
}

Test(numbers, two_shares_with_their_units_are_not_a_score) {
    run("Smith led Jones 32%-25% in the poll, City won 3-1 and costs rose 10%-12%.");
    near(claim("32%")->value, 32);
    near(claim("25%")->value, 25);
    const lede_claim *c = claim("10%-12%");
    cr_assert(c->has_range);
    near(c->high, 12);
    no_claim_with("3-1");
}

Test(numbers, frequency_resolution_and_milliseconds) {
    run("The phone has a 12MP camera, a 120Hz screen at 460ppi, a 2.4 GHz chip and a 4ms "
        "delay; 12 MPs voted.");
    unit_is(claim("12MP"), "MP");
    cr_assert_str_eq(claim("12MP")->dimension, "resolution");
    unit_is(claim("120Hz"), "Hz");
    cr_assert_str_eq(claim("2.4 GHz")->dimension, "frequency");
    unit_is(claim("460ppi"), "ppi");
    unit_is(claim("4ms"), "ms");
    cr_assert_null(claim("12")->unit);
}

Test(numbers, subject_skips_comparatives_and_crosses_possessives) {
    run("Two-thirds of the country's population were born later and 300 more nurses "
        "came; "
        "40% of the city\xE2\x80\x99s voters stayed home, 10% of the nation's did not "
        "and "
        "eight of their nine games were lost.");
    cr_assert_str_eq(claim("Two-thirds of the country")->subject, "country's population");
    cr_assert_str_eq(claim("300 more nurses")->subject, "nurses");
    cr_assert_str_eq(claim("40%")->subject, "city\xE2\x80\x99s voters");
    cr_assert_str_eq(claim("10%")->subject, "nation");
    /* the part of a numbered whole counts the whole's noun, never its number */
    cr_assert_str_eq(claim("eight")->subject, "games");
}

Test(numbers, half_of_a_whole_is_a_share_half_of_a_thing_is_not) {
    run("Nearly half of the orchards failed, and half the crew quit in the second half "
        "of the season after the upper half of the mast broke.");
    const lede_claim *c = claim("Nearly half");
    cr_assert_float_eq(c->value, 0.5, 1e-9);
    cr_assert_eq(c->qualifier, LEDE_QUAL_JUST_UNDER);
    cr_assert_str_eq(c->subject, "orchards");
    cr_assert_str_eq(claim("half")->subject, "crew");
    cr_assert_eq(res->n_claims, 2, "the second half and the upper half are parts");
}

Test(numbers, a_hyphenated_chain_of_number_words_is_spoken_digits) {
    run_grammar("The code was nine-nought-one, and the talks took two-three days.");
    cr_assert_float_eq(claim("nine")->value, 9, 1e-9);
    cr_assert_float_eq(claim("nought")->value, 0, 1e-9);
    cr_assert_float_eq(claim("one")->value, 1, 1e-9);
    cr_assert(claim("two-three days")->has_range,
              "two ends joined by one hyphen are a range");
}

Test(numbers, a_doi_is_an_identifier) {
    run("The paper (doi:10.5555/abc.2020.17) and the note 10.48550/xyz.991 cite 40 "
        "trials.");
    no_claim_with("10.5555");
    no_claim_with("10.48550");
    cr_assert_float_eq(claim("40 trials")->value, 40, 1e-9);
}

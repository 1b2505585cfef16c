/* num_subject: the noun phrase a quantity counts or modifies, on sentences
 * written for these tests. */
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

static void run(const char *text) {
    lede_result_free(res);
    res = NULL;
    lede_options opt;
    lede_options_init(&opt);
    opt.stages = LEDE_FIELD_NUMBERS;
    cr_assert_eq(lede_analyze_text(ctx, text, strlen(text), &opt, &res), LEDE_OK);
}

/* The subject of the claim whose text begins with `t` (NULL for none). */
static const char *subject_of(const char *t) {
    for (size_t i = 0; i < res->n_claims; i++)
        if (strncmp(res->claims[i].text, t, strlen(t)) == 0)
            return res->claims[i].subject;
    cr_assert_fail("no claim begins with \"%s\"", t);
    return NULL;
}

static void subject_is(const char *claim_start, const char *want) {
    const char *got = subject_of(claim_start);
    if (!want)
        cr_assert_null(got, "\"%s\": got subject \"%s\"", claim_start, got);
    else
        cr_assert(got && strcmp(got, want) == 0, "\"%s\": got \"%s\", want \"%s\"",
                  claim_start, got ? got : "(null)", want);
}

TestSuite(num_subject, .init = setup, .fini = teardown);

Test(num_subject, a_count_reaches_its_plural_noun_past_modifiers) {
    run("The council hired two landscaping firms and thanked three retired nurses.");
    subject_is("two", "landscaping firms");
    subject_is("three", "retired nurses");
}

Test(num_subject, a_count_without_a_plural_noun_names_nothing) {
    run("Of the forty applicants, twelve withdrew quietly.");
    subject_is("twelve", NULL);
}

Test(num_subject, a_hyphenated_measure_names_the_noun_it_modifies) {
    run("They began a nine-day hunger strike and signed a 40-page memo.");
    subject_is("nine-day", "hunger strike");
    subject_is("40", "memo");
}

Test(num_subject, a_share_after_a_determiner_modifies_the_noun_after_it) {
    run("The mill faces a 12% levy, while 40% went to charity.");
    subject_is("12%", "levy");
    subject_is("40%", NULL);
}

Test(num_subject, a_comparative_after_a_measure_is_no_noun) {
    run("The new hull is three metres longer than the old one.");
    subject_is("three metres", NULL);
}

Test(num_subject, money_names_what_it_is_paid_in) {
    run("The charity raised $80,000 in pledges and $2 million worth of food aid.");
    subject_is("$80,000", "pledges");
    subject_is("$2 million", "food aid");
}

Test(num_subject, money_in_a_place_or_a_month_names_nothing) {
    run("The firm earned $40,000 in Ohio and $9,000 in May.");
    subject_is("$40,000", NULL);
    subject_is("$9,000", NULL);
}

Test(num_subject, a_noun_whose_amount_the_number_gives) {
    run("She spoke to a crowd of 4,500 and offered a range of 300 options.");
    subject_is("4,500", "crowd");
}

Test(num_subject, a_part_of_a_numbered_whole) {
    run("The club lost seven of its twelve home games.");
    subject_is("seven", "home games");
}

Test(num_subject, a_name_is_never_the_head) {
    run("The team scored 21 against Leeds and 14 Tuesday.");
    subject_is("21", NULL);
}

Test(num_subject, a_quoted_noun_phrase_after_a_compound) {
    run("Troops patrol a 20-mile \xE2\x80\x9c"
        "buffer zone\xE2\x80\x9d along the river.");
    subject_is("20-mile", "buffer zone");
}

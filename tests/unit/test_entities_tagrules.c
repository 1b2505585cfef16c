/* Rules of the tagger that a word's form or the word lists decide, checked
 * on sentences written for this test with the shipped model and lists. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "lede/lede.h"

#include "expect_tags.h"

#define SHIPPED_DATA LEDE_SOURCE_DIR "/core/data"

static lede_ctx *shipped(void) {
    lede_ctx_config cfg = {.data_dir = SHIPPED_DATA};
    lede_ctx *ctx = NULL;
    char err[256] = "";
    cr_assert_eq(lede_ctx_new(&cfg, &ctx, err, sizeof err), LEDE_OK, "%s", err);
    return ctx;
}

/* Towns that the city list leaves out (towns.txt), written in lower case
 * after a preposition of place, are places; without the preposition the
 * weights decide, and they read a lower-case word as no name. */
Test(tagrules, lower_case_towns_after_a_preposition) {
    lede_ctx *ctx = shipped();
    expect_tags(ctx, "my aunt moved to baguio last year", "O O O O B-LOC O O");
    expect_tags(ctx, "is there a night bus from greater noida ?",
                "O O O O O O B-LOC I-LOC O");
    expect_tags(ctx, "we spent two days near lourdes and loved it",
                "O O O O O B-LOC O O O");
    expect_tags(ctx, "baguio was cold", "O O O");
    lede_ctx_free(ctx);
}

/* "between" is a preposition of place, and the next place of a list after
 * one ("and", "or", a comma) needs none of its own; a word that is no place
 * after "and" stays no name. */
Test(tagrules, lower_case_places_of_a_list) {
    lede_ctx *ctx = shipped();
    expect_tags(ctx, "trains run between pune and nashik every hour",
                "O O O B-LOC O B-LOC O O");
    expect_tags(ctx, "we drove to agra , jaipur and udaipur last spring",
                "O O O B-LOC O B-LOC O B-LOC O O");
    expect_tags(ctx, "she flew to lima and then took a bus", "O O O B-LOC O O O O O");
    lede_ctx_free(ctx);
}

/* An exclamation mark that ends the sentence is never inside a name; one
 * inside the sentence or before a full stop is left to the weights. */
Test(tagrules, final_exclamation_mark_closes_no_name) {
    lede_ctx *ctx = shipped();
    expect_tags(ctx, "We love Winterowd Fine Art !", "O O B-ORG I-ORG I-ORG O");
    expect_tags(ctx, "Great job , Harbor Auto Tech ! !", "O O O B-ORG I-ORG I-ORG O O");
    expect_tags(ctx, "Welcome to Yahoo ! Inc .", "O O B-ORG I-ORG I-ORG O");
    /* A full stop after it: the "!" is the name's own. */
    expect_tags(ctx, "We like Yahoo ! .", "O O B-ORG I-ORG O");
    lede_ctx_free(ctx);
}

/* A word drawn out with a letter written three times or more is no name;
 * Roman numerals, which repeat letters too, are still part of names. */
Test(tagrules, drawn_out_words_are_no_names) {
    lede_ctx *ctx = shipped();
    expect_tags(ctx, "The staff was AMAZINGGG .", "O O O O O");
    expect_tags(ctx, "Brilll .", "O O");
    expect_tags(ctx, "Henry VIII married six times .", "B-PER I-PER O O O O");
    lede_ctx_free(ctx);
}

/* A sender quoted surname first, as e-mail programs show it, is one person;
 * a place and its state in quotes are not (no first name after the comma). */
Test(tagrules, quoted_sender_surname_first) {
    lede_ctx *ctx = shipped();
    expect_tags(ctx, "\" Porter , Susan \" < susan.porter@example.com >",
                "O B-PER I-PER I-PER O O O O");
    expect_tags(ctx, "From : \" Whitfield , James R. \"",
                "O O O B-PER I-PER I-PER I-PER O");
    expect_tags(ctx, "We visited \" Paris , Texas \" .", "O O O B-LOC O B-LOC O O");
    lede_ctx_free(ctx);
}

/* A common noun's abbreviation standing alone is no name; next to a
 * capitalised word it may be part of one. */
Test(tagrules, common_abbreviations_alone_are_no_names) {
    lede_ctx *ctx = shipped();
    expect_tags(ctx, "I copied my old VHS tapes onto a DVD last week .",
                "O O O O O O O O O O O O");
    expect_tags(ctx, "The laptop has a fast CPU and two USB ports .",
                "O O O O O O O O O O O");
    lede_ctx_free(ctx);
}

/* A currency after a number is the number's unit, not a name. */
Test(tagrules, currency_after_a_number_is_a_unit) {
    lede_ctx *ctx = shipped();
    expect_tags(ctx, "The ticket costs 12 Euros and the guide 40 Rupees .",
                "O O O O O O O O O O O");
    lede_ctx_free(ctx);
}

/* In a sentence written in title case, capitalised function words and
 * ordinary words are no names. */
Test(tagrules, title_case_sentence_capitals_say_nothing) {
    lede_ctx *ctx = shipped();
    expect_tags(ctx, "Thank You For The Friendly Service And The Fast Delivery .",
                "O O O O O O O O O O O");
    /* One capitalised function word makes no title-case sentence. */
    expect_tags(ctx, "We flew with British Airways to Toronto .",
                "O O O B-ORG I-ORG O B-LOC O");
    lede_ctx_free(ctx);
}

/* The plural of a nationality or faith is a group of people: MISC or no
 * name, never a person or an organisation; after a city it may be a team. */
Test(tagrules, plural_of_a_nationality_is_a_group) {
    lede_ctx *ctx = shipped();
    expect_tags(ctx, "Many Muslims and Christians prayed together that night .",
                "O O O B-MISC O O O O O");
    expect_tags(ctx, "The extremist Shiites rejected the deal .", "O O O O O O O");
    expect_tags(ctx, "The Cleveland Indians won again on Sunday .",
                "O B-ORG I-ORG O O O O O");
    lede_ctx_free(ctx);
}

/* A run of capitalised words ending with a venue's noun names the venue,
 * never a person, even when a person's name opens it; the weights choose its
 * type. Without the noun the name is a person's. */
Test(tagrules, venue_names_are_no_persons) {
    lede_ctx *ctx = shipped();
    expect_tags(ctx, "We had dinner at the Clara Winslow Hotel last night .",
                "O O O O O B-ORG I-ORG I-ORG O O O");
    expect_tags(ctx, "The band played at the Harold Becker Theatre in May .",
                "O O O O O B-LOC I-LOC I-LOC O O O");
    expect_tags(ctx, "She met Harold Becker at the station .", "O O B-PER I-PER O O O O");
    lede_ctx_free(ctx);
}

/* A name's unsure mention takes the type that its other mentions in the
 * document give it with confidence: the four mentions of one name get one
 * type (which one is the weights' choice). Sentences are split at "". */
Test(tagrules, unsure_mention_takes_the_documents_type) {
    lede_ctx *ctx = shipped();
    const char *toks[] = {"Hallmarq", "said", "profits",  "rose", "in",       "May",
                          ".",        "",     "Hallmarq", "said", "it",       "would",
                          "cut",      "jobs", ".",        "",     "Hallmarq", "expects",
                          "sales",    "to",   "grow",     ".",    "",         "He",
                          "worked",   "at",   "Hallmarq", "for",  "years",    "."};
    size_t n = sizeof toks / sizeof *toks;
    const char *tags[sizeof toks / sizeof *toks];
    cr_assert_eq(lede_tag_tokens(ctx, toks, n, tags), LEDE_OK);
    const char *first = NULL;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(toks[i], "Hallmarq"))
            continue;
        cr_assert(strncmp(tags[i], "B-", 2) == 0, "mention %zu is tagged %s", i, tags[i]);
        if (!first)
            first = tags[i];
        cr_assert_str_eq(tags[i], first, "mention %zu", i);
    }
    lede_ctx_free(ctx);
}

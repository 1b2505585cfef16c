/* num_mention: units named without a number and relative ordinals. */
#include <criterion/criterion.h>
#include <string.h>

#include "nlp/num_mention.h"

#define MAX_MENTIONS 16

static size_t find(const char *text, num_mention *out) {
    return num_mention_find(text, strlen(text), out, MAX_MENTIONS);
}

/* The text of mention m of text. */
static void span_is(const char *text, const num_mention *m, const char *want) {
    size_t n = m->end - m->start;
    cr_assert(n == strlen(want) && memcmp(text + m->start, want, n) == 0,
              "got \"%.*s\", want \"%s\"", (int)n, text + m->start, want);
}

Test(num_mention, a_unit_named_on_its_own) {
    const char *t = "She turned the oven from 200 celsius to fahrenheit before lunch.";
    num_mention m[MAX_MENTIONS];
    cr_assert_eq(find(t, m), 1);
    span_is(t, &m[0], "fahrenheit");
    cr_assert_eq(m[0].kind, NUM_MENTION_TEMPERATURE);
    cr_assert_str_eq(m[0].unit, "°F");
}

Test(num_mention, a_currency_inside_a_compound_and_a_plural) {
    const char *t = "A billion-dollar fund bought euros in bulk.";
    num_mention m[MAX_MENTIONS];
    cr_assert_eq(find(t, m), 2);
    span_is(t, &m[0], "dollar");
    cr_assert_eq(m[0].kind, NUM_MENTION_CURRENCY);
    cr_assert_str_eq(m[0].unit, "Dollar");
    span_is(t, &m[1], "euros");
}

Test(num_mention, the_longest_unit_wins) {
    const char *t = "One metric ton of grain per hectare.";
    num_mention m[MAX_MENTIONS];
    cr_assert_eq(find(t, m), 2);
    span_is(t, &m[0], "metric ton");
    cr_assert_str_eq(m[0].unit, "t");
    span_is(t, &m[1], "hectare");
}

Test(num_mention, a_unit_after_digits_is_not_on_its_own) {
    const char *t = "The parcel weighed 12 kilograms and cost 30 dollars.";
    num_mention m[MAX_MENTIONS];
    cr_assert_eq(find(t, m), 0);
}

Test(num_mention, everyday_words_codes_and_time_are_not_units) {
    const char *t =
        "He stood a foot away in the yard, won a bit of cash in USD, and left "
        "a day later.";
    num_mention m[MAX_MENTIONS];
    cr_assert_eq(find(t, m), 0);
}

Test(num_mention, a_percent_sign_or_word_alone) {
    const char *t = "What percentage voted? The % rose, but 40% stayed.";
    num_mention m[MAX_MENTIONS];
    cr_assert_eq(find(t, m), 2);
    span_is(t, &m[0], "percentage");
    span_is(t, &m[1], "%");
    cr_assert_eq(m[1].kind, NUM_MENTION_PERCENT);
}

Test(num_mention, relative_ordinals_count_from_the_end_or_the_current_item) {
    const char *t =
        "Read the last but one chapter, then the penultimate, then the next 2 pages.";
    num_mention m[MAX_MENTIONS];
    cr_assert_eq(find(t, m), 3);
    span_is(t, &m[0], "the last but one");
    cr_assert_str_eq(m[0].relative_to, "end");
    cr_assert_eq(m[0].offset, -1);
    span_is(t, &m[1], "penultimate");
    cr_assert_eq(m[1].offset, -1);
    span_is(t, &m[2], "next");
    cr_assert_str_eq(m[2].relative_to, "current");
    cr_assert_eq(m[2].offset, 1);
}

Test(num_mention, last_as_a_verb_an_adverb_or_a_date_is_no_ordinal) {
    const char *t = "The talks will last all day; at last they met, and next week they "
                    "vote. The last of them left.";
    num_mention m[MAX_MENTIONS];
    cr_assert_eq(find(t, m), 0);
}

Test(num_mention, the_count_exceeds_the_room_given) {
    const char *t = "celsius, kelvin, fahrenheit";
    num_mention m[1];
    cr_assert_eq(num_mention_find(t, strlen(t), m, 1), 3);
    span_is(t, &m[0], "celsius");
}

Test(num_mention, only_last_is_also_a_verb) {
    const char *t = "Go back to previous page, then to current issues.";
    num_mention m[MAX_MENTIONS];
    cr_assert_eq(find(t, m), 2);
    span_is(t, &m[0], "previous");
    cr_assert_eq(m[0].offset, -1);
    span_is(t, &m[1], "current");
}

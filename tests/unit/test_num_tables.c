/* The numbers stage's tables and lexicon: every row must be reachable. */
#include <criterion/criterion.h>
#include <string.h>

#include "nlp/num_tables.h"

/* The lexicon entry of a phrase's first piece. */
static const num_lex_entry *first_piece(const char *phrase) {
    char low[64];
    size_t n = strcspn(phrase, " ");
    cr_assert(n > 0 && n < sizeof low, "bad phrase \"%s\"", phrase);
    for (size_t i = 0; i < n; i++) {
        char c = phrase[i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return num_lex_find(low, n);
}

static bool has_ref(const num_lex_entry *e, uint8_t table, uint16_t index) {
    for (size_t i = 0; e && i < e->n_refs; i++)
        if (e->refs[i].table == table && e->refs[i].index == index)
            return true;
    return false;
}

Test(num_tables, every_unit_and_currency_row_is_in_the_lexicon) {
    num_lex_init();
    for (size_t i = 0; i < N_NUM_UNITS; i++) {
        const num_lex_entry *e = first_piece(NUM_UNITS[i].phrase);
        bool found = false;
        for (size_t r = 0; e && r < e->n_refs; r++)
            found |= e->refs[r].table == LX_UNIT &&
                     num_unit_row(e->refs[r].index) == &NUM_UNITS[i];
        cr_assert(found, "unit \"%s\" is not reachable", NUM_UNITS[i].phrase);
    }
    for (size_t i = 0; i < N_NUM_CURRENCIES; i++) {
        const num_lex_entry *e = first_piece(NUM_CURRENCIES[i].phrase);
        bool found = false;
        for (size_t r = 0; e && r < e->n_refs; r++)
            found |= e->refs[r].table == LX_CURRENCY &&
                     num_currency_row(e->refs[r].index) == &NUM_CURRENCIES[i];
        cr_assert(found, "currency \"%s\" is not reachable", NUM_CURRENCIES[i].phrase);
    }
}

Test(num_tables, every_word_row_is_in_the_lexicon) {
    num_lex_init();
    for (size_t i = 0; i < N_NUM_WORDS; i++)
        cr_assert(has_ref(first_piece(NUM_WORDS[i].word), LX_NUMWORD, (uint16_t)i), "%s",
                  NUM_WORDS[i].word);
    for (size_t i = 0; i < N_NUM_QUALIFIERS; i++)
        cr_assert(
            has_ref(first_piece(NUM_QUALIFIERS[i].phrase), LX_QUALIFIER, (uint16_t)i),
            "%s", NUM_QUALIFIERS[i].phrase);
    for (size_t l = 0; l < N_NUM_WORD_LISTS; l++)
        for (size_t i = 0; NUM_WORD_LISTS[l].words[i]; i++)
            cr_assert(has_ref(first_piece(NUM_WORD_LISTS[l].words[i]),
                              NUM_WORD_LISTS[l].table, (uint16_t)i),
                      "%s", NUM_WORD_LISTS[l].words[i]);
}

Test(num_tables, plurals_are_made_and_currencies_named) {
    num_lex_init();
    cr_assert_not_null(first_piece("inches"));
    cr_assert_not_null(first_piece("kilometres"));
    cr_assert_str_eq(num_currency_name("USD"), "Dollar");
    cr_assert_str_eq(num_currency_name("CHF"), "Swiss franc");
    cr_assert_null(num_currency_name("XYZ"));
}

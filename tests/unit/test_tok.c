/* The tokenizer and sentence splitter, on sentences written for these tests. */
#include <criterion/criterion.h>
#include <string.h>

#include "arena.h"
#include "nlp/tok.h"

static lede_arena *arena;
static nlp_text nt;

static void tok(const char *s) {
    if (arena)
        arena_free(arena);
    arena = arena_new(0);
    cr_assert_eq(nlp_tokenize(arena, s, strlen(s), &nt), LEDE_OK);
}

static void teardown(void) {
    arena_free(arena);
    arena = NULL;
}

/* Token texts joined with '|' for compact assertions. */
static const char *joined(void) {
    static char buf[4096];
    size_t o = 0;
    for (size_t i = 0; i < nt.n_toks; i++) {
        size_t n = nt.toks[i].end - nt.toks[i].start;
        if (i)
            buf[o++] = '|';
        memcpy(buf + o, nt.text + nt.toks[i].start, n);
        o += n;
    }
    buf[o] = 0;
    return buf;
}

/* The text of sentence i. */
static const char *sent(size_t i) {
    static char buf[1024];
    size_t n = nt.sents[i].end - nt.sents[i].start;
    memcpy(buf, nt.text + nt.sents[i].start, n);
    buf[n] = 0;
    return buf;
}

TestSuite(tok, .fini = teardown);

Test(tok, words_possessives_and_contractions) {
    tok("Putin's aides don't say O'Brien's well-known plan.");
    cr_assert_str_eq(joined(), "Putin|'s|aides|don't|say|O'Brien|'s|well-known|plan|.");
    tok("Putin\xE2\x80\x99s army");
    cr_assert_str_eq(joined(), "Putin|\xE2\x80\x99s|army");
}

Test(tok, abbreviations_and_initials_keep_their_dot) {
    tok("Gen. Mark Milley met Mr. J. R. R. Smith of the U.S. Army on Jan. 5.");
    cr_assert_str_eq(
        joined(), "Gen.|Mark|Milley|met|Mr.|J.|R.|R.|Smith|of|the|U.S.|Army|on|Jan.|5|.");
    cr_assert_eq(nt.n_sents, 1);
    cr_assert(nt.toks[0].flags & NLP_TF_ABBREV);
    cr_assert(nt.toks[11].flags & NLP_TF_ABBREV);
}

Test(tok, numbers_with_separators_decimals_and_suffixes) {
    tok("Some 100,000 troops, 3.5% and $1.2m on the 21st, .08 and 12,34,567.");
    cr_assert_str_eq(
        joined(),
        "Some|100,000|troops|,|3.5|%|and|$|1.2|m|on|the|21st|,|.08|and|12,34,567|.");
    cr_assert_eq(nt.toks[1].kind, NLP_TOK_NUMBER);
    cr_assert_eq(nt.toks[9].kind, NLP_TOK_WORD);
    cr_assert_not(nt.toks[9].flags & NLP_TF_SPACE_BEFORE, "the suffix is glued");
    cr_assert(nt.toks[12].flags & NLP_TF_ORDINAL);
    cr_assert_eq(nt.toks[7].kind, NLP_TOK_SYMBOL);
}

Test(tok, ranges_and_dashes) {
    tok("The 2020-21 season \xE2\x80\x94 a 6-foot-2 forward -- scored 10\xE2\x80\x93"
        "20.");
    cr_assert_str_eq(joined(),
                     "The|2020|-|21|season|\xE2\x80\x94|a|6|-|foot|-|2|forward|--|"
                     "scored|10|\xE2\x80\x93|20|.");
    cr_assert_eq(nt.toks[2].kind, NLP_TOK_DASH);
    cr_assert_eq(nt.toks[5].kind, NLP_TOK_DASH);
}

Test(tok, hyphenated_codes_stay_whole) {
    tok("The F-16 and COVID-19 and forty-five");
    cr_assert_str_eq(joined(), "The|F-16|and|COVID-19|and|forty-five");
    cr_assert(nt.toks[5].flags & NLP_TF_HYPHENATED);
}

Test(tok, symbols) {
    tok("\xE2\x82\xAC"
        "5, \xC2\xA3"
        "3 and \xC2\xA5"
        "9 & 7%");
    cr_assert_str_eq(joined(), "\xE2\x82\xAC|5|,|\xC2\xA3|3|and|\xC2\xA5|9|&|7|%");
    cr_assert_eq(nt.toks[0].kind, NLP_TOK_SYMBOL);
    cr_assert_eq(nt.toks[3].kind, NLP_TOK_SYMBOL);
}

Test(tok, code_point_offsets) {
    /* "Zelenskyy" written with Cyrillic, then a euro amount. */
    tok("\xD0\x97\xD0\xB5\xD0\xBB\xD0\xB5\xD0\xBD\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9 paid "
        "\xE2\x82\xAC"
        "5");
    cr_assert_eq(nt.n_toks, 4);
    cr_assert_eq(nt.toks[0].kind, NLP_TOK_WORD);
    cr_assert(nt.toks[0].flags & NLP_TF_CAP);
    cr_assert_eq(nt.toks[0].cp_end, 9);
    cr_assert_eq(nt.toks[0].end, 18);
    cr_assert_eq(nt.toks[1].cp_start, 10);
    cr_assert_eq(nt.toks[2].cp_start, 15);
    cr_assert_eq(nt.toks[2].start, 24);
    cr_assert_eq(nt.toks[3].cp_start, 16);
    cr_assert_eq(nt.toks[3].start, 27);
}

Test(tok, curly_and_straight_quotes) {
    tok("He said \xE2\x80\x9CYes\xE2\x80\x9D and \"no\" and 'maybe'.");
    cr_assert_str_eq(
        joined(), "He|said|\xE2\x80\x9C|Yes|\xE2\x80\x9D|and|\"|no|\"|and|'|maybe|'|.");
    cr_assert(nt.toks[2].flags & NLP_TF_OPEN_QUOTE);
    cr_assert(nt.toks[4].flags & NLP_TF_CLOSE_QUOTE);
    cr_assert(nt.toks[6].flags & NLP_TF_OPEN_QUOTE);
    cr_assert(nt.toks[8].flags & NLP_TF_CLOSE_QUOTE);
    cr_assert(nt.toks[10].flags & NLP_TF_OPEN_QUOTE);
    cr_assert(nt.toks[12].flags & NLP_TF_CLOSE_QUOTE);
}

Test(tok, sentences_basic) {
    tok("The army moved. It stopped at 3.5 km! Why? Nobody knows.");
    cr_assert_eq(nt.n_sents, 4);
    cr_assert_str_eq(sent(0), "The army moved.");
    cr_assert_str_eq(sent(1), "It stopped at 3.5 km!");
    cr_assert_str_eq(sent(2), "Why?");
    cr_assert_str_eq(sent(3), "Nobody knows.");
    cr_assert(nt.toks[nt.sents[1].tok_begin].flags & NLP_TF_SENT_START);
}

Test(tok, sentences_and_quotes) {
    tok("\"We are ready,\" he said. \"We are ready.\" The next day came. "
        "\xE2\x80\x9CIt is over\xE2\x80\xA6\xE2\x80\x9D she said.");
    cr_assert_eq(nt.n_sents, 4);
    cr_assert_str_eq(sent(0), "\"We are ready,\" he said.");
    cr_assert_str_eq(sent(1), "\"We are ready.\"");
    cr_assert_str_eq(sent(2), "The next day came.");
    tok("\"Is it done?\" he asked. Yes.");
    cr_assert_eq(nt.n_sents, 2);
    cr_assert_str_eq(sent(0), "\"Is it done?\" he asked.");
}

Test(tok, sentences_and_abbreviations) {
    tok("He moved to the U.S. The move was costly. Apple Inc. said no. Sen. Jones "
        "agreed.");
    cr_assert_eq(nt.n_sents, 4);
    cr_assert_str_eq(sent(0), "He moved to the U.S.");
    cr_assert_str_eq(sent(1), "The move was costly.");
    cr_assert_str_eq(sent(2), "Apple Inc. said no.");
    cr_assert_str_eq(sent(3), "Sen. Jones agreed.");
    tok("The U.S. Army and J. K. Rowling met at No. 10 Downing St. on Tuesday.");
    cr_assert_eq(nt.n_sents, 1);
}

Test(tok, sentence_never_crosses_paragraph) {
    tok("First paragraph without a stop\n\nSecond one. Third\nstill third.");
    cr_assert_eq(nt.n_sents, 3);
    cr_assert_str_eq(sent(0), "First paragraph without a stop");
    cr_assert_eq(nt.sents[0].para, 0);
    cr_assert_eq(nt.sents[1].para, 1);
    cr_assert_eq(nt.sents[2].para, 1);
    cr_assert_str_eq(sent(2), "Third\nstill third.");
    cr_assert(nt.toks[nt.sents[1].tok_begin].flags & NLP_TF_PARA_START);
}

Test(tok, every_token_belongs_to_its_sentence) {
    tok("A b. C d e. F.\n\nG h i.");
    for (size_t s = 0; s < nt.n_sents; s++)
        for (size_t i = nt.sents[s].tok_begin; i < nt.sents[s].tok_end; i++)
            cr_assert_eq(nt.toks[i].sent, s);
    cr_assert_eq(nt.sents[nt.n_sents - 1].tok_end, nt.n_toks);
}

Test(tok, empty_and_blank_text) {
    tok("");
    cr_assert_eq(nt.n_toks, 0);
    cr_assert_eq(nt.n_sents, 0);
    tok(" \n\n \t");
    cr_assert_eq(nt.n_toks, 0);
    cr_assert_eq(nt.n_sents, 0);
}

Test(tok, host_names_and_dotted_abbreviations) {
    tok("See example.com, e.g. the page.");
    cr_assert_str_eq(joined(), "See|example.com|,|e.g.|the|page|.");
}

Test(tok, glued_stop_ends_no_sentence) {
    tok("It costs USD115.5 now. Next.");
    cr_assert_eq(nt.n_sents, 2);
    cr_assert_str_eq(sent(0), "It costs USD115.5 now.");
}

Test(tok, indian_grouping_but_not_lists) {
    tok("Rs 12,34,567 and exercises 22,24,26,31.");
    cr_assert_str_eq(joined(), "Rs|12,34,567|and|exercises|22|,|24|,|26|,|31|.");
}

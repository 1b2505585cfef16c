/*
 * Unit tests for quote extraction (core/nlp/quotes*.c): each construction of
 * direct, partial and indirect speech, speaker resolution and offsets, on
 * sentences written for these tests.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "lede/lede.h"
#include "nlp/quotes_int.h"
#include "nlp/tok.h"

static lede_ctx *ctx;

static void setup(void) {
    lede_ctx_config cfg = {.data_dir = LEDE_SOURCE_DIR "/core/data"};
    cr_assert_eq(lede_ctx_new(&cfg, &ctx, NULL, 0), LEDE_OK);
}

static void teardown(void) { lede_ctx_free(ctx); }

TestSuite(quotes, .init = setup, .fini = teardown);

static lede_result *run(const char *text) {
    lede_options opt;
    lede_options_init(&opt);
    opt.stages = LEDE_FIELD_QUOTES;
    lede_result *res = NULL;
    cr_assert_eq(lede_analyze_text(ctx, text, strlen(text), &opt, &res), LEDE_OK);
    return res;
}

/* The quote whose text contains `needle`, or NULL. */
static const lede_quote *find(const lede_result *r, const char *needle) {
    for (size_t i = 0; i < r->n_quotes; i++)
        if (strstr(r->quotes[i].text, needle))
            return &r->quotes[i];
    return NULL;
}

static void expect(const lede_quote *q, lede_quote_type type, const char *speaker,
                   const char *cue) {
    cr_assert_not_null(q);
    cr_expect_eq(q->type, type, "type %s", lede_quote_type_name(q->type));
    if (speaker) {
        cr_assert_not_null(q->speaker, "no speaker for %s", q->text);
        cr_expect(strstr(q->speaker, speaker), "speaker %s, wanted %s", q->speaker,
                  speaker);
    } else {
        cr_expect_null(q->speaker, "speaker %s, wanted none", q->speaker);
        cr_expect_eq(q->speaker_entity, -1);
    }
    if (cue) {
        cr_assert_not_null(q->cue);
        cr_expect_str_eq(q->cue, cue);
    }
}

Test(quotes, straight_quotes_then_attribution) {
    lede_result *r = run("\"We will not back down,\" Lopez said.");
    cr_assert_eq(r->n_quotes, 1);
    expect(&r->quotes[0], LEDE_QUOTE_DIRECT, "Lopez", "said");
    cr_expect_str_eq(r->quotes[0].text, "\"We will not back down,\"");
    cr_expect_eq(r->quotes[0].start, 0);
    cr_expect_eq(r->quotes[0].end, 24);
    lede_result_free(r);
}

Test(quotes, curly_quotes_inverted_cue) {
    lede_result *r =
        run("\xE2\x80\x9CThe bridge is safe,\xE2\x80\x9D said Maria Lopez, the "
            "city engineer.");
    cr_assert_eq(r->n_quotes, 1);
    expect(&r->quotes[0], LEDE_QUOTE_DIRECT, "Lopez", "said");
    lede_result_free(r);
}

Test(quotes, guillemets) {
    lede_result *r = run("\xC2\xAB Nous restons ici, \xC2\xBB Pierre Martin said.");
    cr_assert_eq(r->n_quotes, 1);
    expect(&r->quotes[0], LEDE_QUOTE_DIRECT, "Martin", "said");
    lede_result_free(r);
}

Test(quotes, attribution_before_with_colon) {
    lede_result *r = run("The governor told the crowd in Salem: \"This road will be "
                         "finished by spring.\"");
    const lede_quote *q = find(r, "This road");
    expect(q, LEDE_QUOTE_DIRECT, NULL, "told");
    cr_expect_geq(q->speaker_start, 0); /* "The governor", written but unnamed */
    lede_result_free(r);
}

Test(quotes, single_quotes_in_headline_not_apostrophes) {
    lede_result *r = run("Lopez: 'We will rebuild the bridge'\n\n"
                         "The mayor's office didn't say when work starts.");
    cr_assert_eq(r->n_quotes, 1);
    expect(&r->quotes[0], LEDE_QUOTE_DIRECT, "Lopez", NULL);
    cr_expect(strstr(r->quotes[0].text, "rebuild the bridge"));
    lede_result_free(r);
}

Test(quotes, apostrophes_alone_are_not_quotes) {
    lede_result *r = run("The mayor's office didn't comment on the workers' demands.");
    cr_expect_eq(r->n_quotes, 0);
    lede_result_free(r);
}

Test(quotes, multi_paragraph_reopened) {
    lede_result *r = run("Maria Lopez spoke for an hour.\n\n"
                         "\"The first thing we do is fix the pumps. Then the roads.\n\n"
                         "\"After that, we rebuild the school,\" she said.");
    const lede_quote *q = find(r, "fix the pumps");
    cr_assert_not_null(q);
    cr_expect(strstr(q->text, "rebuild the school"), "not joined: %s", q->text);
    expect(q, LEDE_QUOTE_DIRECT, "Lopez", "said");
    cr_expect_eq(r->n_quotes, 1);
    lede_result_free(r);
}

Test(quotes, interrupted_by_attribution_is_one_quote) {
    lede_result *r = run("Tom Reyes runs the port.\n\n"
                         "\"We are ready,\" he said, \"to act.\"");
    cr_assert_eq(r->n_quotes, 1);
    const lede_quote *q = &r->quotes[0];
    cr_expect(strstr(q->text, "We are ready"));
    cr_expect(strstr(q->text, "to act."));
    expect(q, LEDE_QUOTE_DIRECT, "Reyes", "said");
    lede_result_free(r);
}

Test(quotes, continued_quote_after_attribution) {
    lede_result *r =
        run("\"Prices are rising,\" Reyes said. \"Nobody can plan like this.\"");
    cr_assert_eq(r->n_quotes, 1);
    cr_expect(strstr(r->quotes[0].text, "Nobody can plan"));
    lede_result_free(r);
}

Test(quotes, nested_quotes_stay_inside) {
    lede_result *r =
        run("\"He told me 'never again' and walked out,\" Lopez said of the meeting.");
    cr_assert_eq(r->n_quotes, 1);
    cr_expect(strstr(r->quotes[0].text, "'never again'"));
    expect(&r->quotes[0], LEDE_QUOTE_DIRECT, "Lopez", "said");
    lede_result_free(r);
}

Test(quotes, partial_quote_in_reporter_sentence) {
    lede_result *r =
        run("Lopez said the budget was \"simply not enough to fix the roads\" "
            "this year.");
    cr_assert_eq(r->n_quotes, 1);
    expect(&r->quotes[0], LEDE_QUOTE_PARTIAL, "Lopez", "said");
    lede_result_free(r);
}

Test(quotes, called_with_quoted_words_is_partial) {
    lede_result *r =
        run("Reyes called the plan \"a reckless gamble with public money\".");
    cr_assert_eq(r->n_quotes, 1);
    expect(&r->quotes[0], LEDE_QUOTE_PARTIAL, "Reyes", "called");
    lede_result_free(r);
}

Test(quotes, scare_quotes_are_not_quotes) {
    lede_result *r = run("The so-called \"security assistance\" arrived on Monday with "
                         "two trucks.");
    cr_expect_eq(r->n_quotes, 0);
    lede_result_free(r);
}

Test(quotes, indirect_said_that) {
    lede_result *r = run("Lopez said that the bridge would reopen in May.");
    cr_assert_eq(r->n_quotes, 1);
    expect(&r->quotes[0], LEDE_QUOTE_INDIRECT, "Lopez", "said");
    cr_expect_str_eq(r->quotes[0].text, "the bridge would reopen in May");
    lede_result_free(r);
}

Test(quotes, indirect_said_without_that) {
    lede_result *r = run("Lopez said Monday the bridge would reopen in May.");
    cr_assert_eq(r->n_quotes, 1);
    cr_expect_str_eq(r->quotes[0].text, "the bridge would reopen in May");
    lede_result_free(r);
}

Test(quotes, indirect_told_hearer_that) {
    lede_result *r = run("Reyes told reporters that the port would close for a week.");
    cr_assert_eq(r->n_quotes, 1);
    expect(&r->quotes[0], LEDE_QUOTE_INDIRECT, "Reyes", "told");
    cr_expect_str_eq(r->quotes[0].text, "the port would close for a week");
    lede_result_free(r);
}

Test(quotes, indirect_according_to_front_and_back) {
    lede_result *r = run("According to Reyes, the port lost money in March.\n\n"
                         "The talks failed twice, according to the union.");
    cr_assert_eq(r->n_quotes, 2);
    expect(&r->quotes[0], LEDE_QUOTE_INDIRECT, "Reyes", NULL);
    cr_expect_str_eq(r->quotes[0].text, "the port lost money in March");
    cr_expect_str_eq(r->quotes[1].text, "The talks failed twice");
    cr_expect_geq(r->quotes[1].speaker_start, 0);
    lede_result_free(r);
}

Test(quotes, indirect_postposed) {
    lede_result *r = run("The talks collapsed late on Friday, Lopez said.\n\n"
                         "Nobody was hurt in the fire, said Reyes.");
    cr_assert_eq(r->n_quotes, 2);
    expect(&r->quotes[0], LEDE_QUOTE_INDIRECT, "Lopez", "said");
    cr_expect_str_eq(r->quotes[0].text, "The talks collapsed late on Friday");
    expect(&r->quotes[1], LEDE_QUOTE_INDIRECT, "Reyes", "said");
    lede_result_free(r);
}

Test(quotes, indirect_other_cues) {
    const char *cases[][3] = {
        {"Lopez warned that prices would rise again.", "warned", "Lopez"},
        {"Reyes insisted the count was accurate and final.", "insisted", "Reyes"},
        {"Lopez denied that she had met the contractor.", "denied", "Lopez"},
        {"Reyes claimed the fire was started on purpose.", "claimed", "Reyes"},
        {"Lopez added that the vote would be held in June.", "added", "Lopez"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        lede_result *r = run(cases[i][0]);
        cr_assert_eq(r->n_quotes, 1, "%s", cases[i][0]);
        expect(&r->quotes[0], LEDE_QUOTE_INDIRECT, cases[i][2], cases[i][1]);
        cr_expect_geq(r->quotes[0].speaker_start, 0);
        lede_result_free(r);
    }
}

Test(quotes, pronoun_resolves_to_earlier_name) {
    lede_result *r = run("Maria Lopez arrived late to the council meeting.\n\n"
                         "She said the vote had been rushed.");
    cr_assert_eq(r->n_quotes, 1);
    expect(&r->quotes[0], LEDE_QUOTE_INDIRECT, "Lopez", "said");
    /* the mention as written is the pronoun */
    cr_expect_eq(r->quotes[0].speaker_end - r->quotes[0].speaker_start, 3);
    lede_result_free(r);
}

Test(quotes, description_resolves_to_named_person) {
    lede_result *r = run("City spokesman Tom Reyes opened the briefing.\n\n"
                         "The spokesman said the office would close on Friday.");
    cr_assert_eq(r->n_quotes, 1);
    expect(&r->quotes[0], LEDE_QUOTE_INDIRECT, "Reyes", "said");
    lede_result_free(r);
}

Test(quotes, unattributable_quote_has_no_speaker) {
    lede_result *r = run("\"Nobody expected the water to rise so fast.\"\n\n"
                         "The river crested at noon.");
    cr_assert_eq(r->n_quotes, 1);
    expect(&r->quotes[0], LEDE_QUOTE_DIRECT, NULL, NULL);
    cr_expect_null(r->quotes[0].cue);
    lede_result_free(r);
}

Test(quotes, offsets_count_code_points) {
    /* "Zürich" and the curly marks are multi-byte: offsets are code points */
    const char *text =
        "In Z\xC3\xBCrich, \xE2\x80\x9CWe stay open,\xE2\x80\x9D Lopez said.";
    lede_result *r = run(text);
    cr_assert_eq(r->n_quotes, 1);
    cr_expect_eq(r->quotes[0].start, 11);
    cr_expect_eq(r->quotes[0].end, 26);
    cr_expect_eq(r->quotes[0].speaker_start, 27);
    cr_expect_eq(r->quotes[0].speaker_end, 32);
    cr_expect_eq(r->quotes[0].cue_start, 33);
    lede_result_free(r);
}

Test(quotes, speaker_links_to_entity) {
    lede_result *r = run("Maria Lopez, the mayor of Springfield, spoke on Tuesday. "
                         "\"We will rebuild every house,\" Lopez said.");
    const lede_quote *q = find(r, "rebuild every house");
    cr_assert_not_null(q);
    cr_assert_gt(r->n_entities, 0, "the entity model is part of the source tree");
    cr_assert_geq(q->speaker_entity, 0);
    cr_expect(strstr(r->entities[q->speaker_entity].name, "Lopez"));
    lede_result_free(r);
}

Test(quotes, surname_speaker_links_to_the_full_name) {
    lede_result *r = run("Prime Minister Jonas Gahr Store opened the line on Monday. "
                         "\"It is good for jobs,\" Store told reporters in Oslo.");
    cr_assert_gt(r->n_entities, 0, "the entity model is part of the source tree");
    const lede_quote *q = find(r, "good for jobs");
    cr_assert_not_null(q);
    cr_assert_geq(q->speaker_entity, 0);
    cr_expect_str_eq(q->speaker, "Jonas Gahr Store");
    cr_expect_str_eq(r->entities[q->speaker_entity].name, "Jonas Gahr Store");
    lede_result_free(r);
}

Test(quotes, a_nationality_is_never_the_speaker) {
    lede_result *r = run("The line will cost about 12 billion kroner, according to the "
                         "Norwegian transport ministry.");
    cr_assert_gt(r->n_entities, 0, "the entity model is part of the source tree");
    const lede_quote *q = find(r, "12 billion kroner");
    cr_assert_not_null(q);
    cr_expect(!q->speaker || strcmp(q->speaker, "Norwegian"), "speaker %s", q->speaker);
    if (q->speaker_entity >= 0)
        cr_expect_neq(r->entities[q->speaker_entity].type, LEDE_ENT_MISC);
    lede_result_free(r);
}

Test(quotes, cue_table_is_sorted_and_letter_indexed) {
    size_t n = quotes_cue_count();
    cr_assert_gt(n, 20);
    for (size_t i = 0; i < n; i++) {
        const quotes_cue *c = quotes_cue_get((int)i);
        for (int f = 0; f < 5; f++) {
            cr_expect_eq(c->forms[f][0], c->forms[0][0], "%s", c->forms[f]);
            cr_expect_eq(quotes_cue_find(c->forms[f], strlen(c->forms[f])), (int)i, "%s",
                         c->forms[f]);
        }
        if (i)
            cr_expect_lt(strcmp(quotes_cue_get((int)i - 1)->forms[0], c->forms[0]), 0);
    }
    cr_expect_eq(quotes_cue_find("table", 5), -1);
    cr_expect_geq(quotes_cue_find("SAID", 4), 0);
}

Test(quotes, interrupted_quote_records_its_gap) {
    const char *text = "\"We are ready,\" Reyes said, \"to act.\"";
    lede_result *r = run(text);
    cr_assert_eq(r->n_quotes, 1);
    const lede_quote *q = &r->quotes[0];
    cr_expect_eq(q->start, 0);
    cr_expect_eq(q->end, strlen(text));
    cr_expect_eq(q->gap_start, 15); /* after the first closing mark */
    cr_expect_eq(q->gap_end, 28);   /* at the second opening mark */
    lede_result_free(r);
}

Test(quotes, doubled_apostrophes_are_double_marks) {
    lede_result *r = run("''The deal is dead,'' said Ms. Lopez, the union's lawyer.");
    cr_assert_eq(r->n_quotes, 1);
    expect(&r->quotes[0], LEDE_QUOTE_DIRECT, "Lopez", "said");
    cr_expect(strstr(r->quotes[0].text, "The deal is dead"));
    lede_result_free(r);
}

Test(quotes, negated_cue_is_not_an_attribution) {
    lede_result *r = run("Reyes did not say whether the port would reopen.\n\n"
                         "Lopez declined to comment on the talks with the union.");
    cr_expect_eq(r->n_quotes, 0);
    lede_result_free(r);
}

Test(quotes, two_attributions_in_one_sentence) {
    lede_result *r =
        run("Lopez said the deal was fair, but Reyes said it would cost jobs.");
    cr_assert_eq(r->n_quotes, 2);
    expect(&r->quotes[0], LEDE_QUOTE_INDIRECT, "Lopez", "said");
    cr_expect_str_eq(r->quotes[0].text, "the deal was fair");
    expect(&r->quotes[1], LEDE_QUOTE_INDIRECT, "Reyes", "said");
    lede_result_free(r);
}

Test(quotes, indirect_interrupted_by_attribution) {
    lede_result *r = run("The new museum, Lopez said, would open in the spring.");
    cr_assert_eq(r->n_quotes, 1);
    expect(&r->quotes[0], LEDE_QUOTE_INDIRECT, "Lopez", "said");
    cr_expect_eq(r->quotes[0].start, 0);
    cr_expect_eq(r->quotes[0].gap_start, 14); /* ", Lopez said," is not content */
    cr_expect_eq(r->quotes[0].gap_end, 27);
    lede_result_free(r);
}

Test(quotes, speech_noun_with_owner) {
    lede_result *r = run("The court heard Lopez's claim that the count had been rigged.");
    cr_assert_eq(r->n_quotes, 1);
    expect(&r->quotes[0], LEDE_QUOTE_INDIRECT, "Lopez", "claim");
    cr_expect_str_eq(r->quotes[0].text, "the count had been rigged");
    lede_result_free(r);
}

Test(quotes, homograph_cue_before_that_is_a_verb) {
    lede_result *r = run("A new survey shows that most farmers expect a dry summer.");
    const lede_quote *q = find(r, "most farmers expect a dry summer");
    cr_assert_not_null(q);
    cr_expect_eq(q->type, LEDE_QUOTE_INDIRECT);
    cr_expect_str_eq(q->cue, "shows");
    lede_result_free(r);
}

Test(quotes, apposition_name_after_description) {
    lede_result *r = run("The county's election director, Paula Reyes, said the count "
                         "would finish by Friday.");
    expect(find(r, "the count would finish by Friday"), LEDE_QUOTE_INDIRECT, "Reyes",
           "said");
    lede_result_free(r);
}

/* A name in an apposition after a title or a description, or before a
 * bracketed party, speaks; so does a name before two appositions. */
Test(quotes, name_inside_or_before_appositions) {
    lede_result *r =
        run("\"We will fund the clinic,\" the mayor's sister, state Sen. Ada "
            "Brooks (D-Ohio), told the council.");
    expect(find(r, "fund the clinic"), LEDE_QUOTE_DIRECT, "Ada Brooks", "told");
    lede_result_free(r);
    r = run("Tom Hale, the chief engineer of the port, one of the oldest in the region, "
            "said the crane was unsafe.");
    expect(find(r, "the crane was unsafe"), LEDE_QUOTE_INDIRECT, "Tom Hale", "said");
    lede_result_free(r);
    r = run("\"It is a betrayal of the town,\" Nora Field, the director of the museum, "
            "one of the sites closing, said on Friday.");
    expect(find(r, "a betrayal of the town"), LEDE_QUOTE_DIRECT, "Nora Field", "said");
    lede_result_free(r);
}

/* The words between a quote and a cue the rules cannot parse are the
 * subject, never part of what was said; and a quote the tagger joins
 * across its attribution is given once, not again piece by piece. */
Test(quotes, a_quote_never_runs_on_into_its_attribution) {
    const char *texts[] = {
        "\"The ferry will sail again,\" the harbour master's deputy, the mayor of "
        "Leith, told the crowd.",
        "\"This is our year!\" the captain's brother, state Del. Rob Kerr (D-Va.), "
        "shouted to the crowd. \"The whole county is watching us.\""};
    for (size_t t = 0; t < 2; t++) {
        lede_result *r = run(texts[t]);
        cr_assert_gt(r->n_quotes, 0);
        for (size_t i = 0; i < r->n_quotes; i++) {
            const lede_quote *a = &r->quotes[i];
            cr_expect_null(strstr(a->text, "deputy"), "%s", a->text);
            cr_expect_null(strstr(a->text, "master"), "%s", a->text);
            for (size_t k = 0; k < r->n_quotes; k++)
                cr_expect(k == i || !(r->quotes[k].start >= a->start &&
                                      r->quotes[k].end <= a->end),
                          "quote %s is repeated inside %s", r->quotes[k].text, a->text);
        }
        lede_result_free(r);
    }
}

/* A quote closed by a full stop does not take the cue of the next sentence
 * when that cue has a clause of its own; a bare or short tail still counts. */
Test(quotes, next_sentence_cue_with_its_own_clause_is_not_the_quote_s) {
    lede_result *r = run("The harbour master said the ferry would sail but warned \"the "
                         "weather decides when we can sail.\" Councillor Ann Boyd said "
                         "the pier was unsafe.");
    const lede_quote *q = find(r, "the weather decides");
    cr_expect(!q || !q->speaker || !strstr(q->speaker, "Boyd"), "speaker %s", q->speaker);
    expect(find(r, "the pier was unsafe"), LEDE_QUOTE_INDIRECT, "Ann Boyd", "said");
    lede_result_free(r);
    r = run("\"We are ready to sail.\" Captain Ann Boyd said on Friday.");
    expect(find(r, "We are ready"), LEDE_QUOTE_DIRECT, "Ann Boyd", "said");
    lede_result_free(r);
}

/* "X released a statement saying ...": whoever put the text out speaks,
 * even in a clause after the sentence's subject; a text only read names
 * nobody. */
Test(quotes, issuer_of_a_statement_speaks) {
    lede_result *r = run("The mayor spoke on Friday after Councillor Ann Boyd posted a "
                         "series of messages on Thursday saying the pier was unsafe.");
    expect(find(r, "the pier was unsafe"), LEDE_QUOTE_INDIRECT, "Ann Boyd", NULL);
    lede_result_free(r);
    r = run("Mayor Jo Reed spoke on Friday after the harbour board issued a statement "
            "saying the pier was unsafe.");
    const lede_quote *b = find(r, "the pier was unsafe");
    cr_assert_not_null(b);
    cr_expect(!b->speaker || !strstr(b->speaker, "Reed"), "speaker %s", b->speaker);
    lede_result_free(r);
    r = run("Captain Tom Hale read a report showing that the pier was unsafe.");
    const lede_quote *q = find(r, "the pier was unsafe");
    cr_expect(!q || !q->speaker, "speaker %s", q ? q->speaker : "");
    lede_result_free(r);
}

/* A transcript quoted whole: the label inside the opening mark speaks, and
 * the quote is given once. */
Test(quotes, label_inside_a_quoted_transcript) {
    lede_result *r = run("The interview went on.\n\n\"HALE: Well, look, the ferry "
                         "has been late all winter and the island deserves better.\n\n"
                         "The host moved on.");
    const lede_quote *q = find(r, "the island deserves better");
    expect(q, LEDE_QUOTE_DIRECT, "HALE", NULL);
    size_t n = 0;
    for (size_t i = 0; i < r->n_quotes; i++)
        n += strstr(r->quotes[i].text, "ferry") != NULL;
    cr_expect_eq(n, 1, "the transcript is given %zu times", n);
    lede_result_free(r);
}

/* Introductions without a reporting verb: "As X put it," and "X made the
 * following statement:"; an opening phrase ("With Democratic voters ...")
 * is never the subject. */
Test(quotes, introductions_without_a_reporting_verb) {
    lede_result *r = run("As Nora Field, a harbour pilot, once put it, \"The sea decides "
                         "when the ferry sails, not the timetable.\"");
    expect(find(r, "The sea decides"), LEDE_QUOTE_DIRECT, "Nora Field", "put");
    lede_result_free(r);
    r = run("Mayor Tom Hale made the following statement: \"The pier will stay closed "
            "until the engineers have finished their survey.\"");
    expect(find(r, "The pier will stay closed"), LEDE_QUOTE_DIRECT, "Tom Hale", NULL);
    lede_result_free(r);
    /* an opening phrase with commas of its own ("On May 6, 2015,") before
     * the subject, and the quote in the next paragraph */
    r = run("On May 6, 2015, Hale made the following comment:\n\n\"The pier will stay "
            "closed until the survey is done.\"");
    expect(find(r, "The pier will stay closed"), LEDE_QUOTE_DIRECT, "Hale", NULL);
    lede_result_free(r);
    r = run("With Democratic voters unsure, the mayor is rolling out a new message: "
            "\"The harbour belongs to everyone who works on it.\"");
    const lede_quote *q = find(r, "The harbour belongs");
    cr_expect(!q || !q->speaker || !strstr(q->speaker, "Democratic"), "speaker %s",
              q ? q->speaker : "");
    lede_result_free(r);
}

/* A capitalised ordinary word that opens a sentence names nobody: the
 * plural of an ordinary noun, a closed-class word, a contraction; a name
 * that is also a word but never written in lower case stays a name. */
Test(quotes, ordinary_words_opening_a_sentence_name_nobody) {
    const char *texts[] = {
        "Officials said the water was safe.", "Scientists said the water was safe.",
        "Others said the water was safe.", "We\u2019ll said the water was safe."};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        lede_result *r = run(texts[i]);
        const lede_quote *q = find(r, "the water was safe");
        cr_assert_not_null(q, "%s", texts[i]);
        cr_expect_null(q->speaker, "%s: speaker %s", texts[i], q->speaker);
        lede_result_free(r);
    }
    lede_result *r = run("Trump said the water was safe. Trump added that the plant "
                         "would stay open.");
    expect(find(r, "the plant would stay open"), LEDE_QUOTE_INDIRECT, "Trump", "added");
    lede_result_free(r);
}

/* After "CONTENT, X announced", words with a subject or a finite verb are a
 * clause of content, not a tail of the attribution. */
Test(quotes, clause_after_the_cue_is_content_not_a_tail) {
    lede_result *r = run("On Monday, the council announced it had closed the bridge.");
    expect(find(r, "it had closed the bridge"), LEDE_QUOTE_INDIRECT, NULL, "announced");
    cr_expect_null(find(r, "On Monday"));
    lede_result_free(r);
    r = run("The bridge is closed, the council said on Monday in a statement.");
    expect(find(r, "The bridge is closed"), LEDE_QUOTE_INDIRECT, NULL, "said");
    lede_result_free(r);
}

Test(quotes, phrasal_cue_takes_its_object) {
    lede_result *r = run("Senator Ortiz called for a full audit of the port contracts.");
    expect(find(r, "a full audit of the port contracts"), LEDE_QUOTE_INDIRECT, "Ortiz",
           "called for");
    lede_result_free(r);
    r = run("The mayor said nothing. Lee spoke about her years on the city council.");
    expect(find(r, "her years on the city council"), LEDE_QUOTE_INDIRECT, "Lee",
           "spoke about");
    lede_result_free(r);
}

/* An indirect quote containing `needle` with the given cue, any speaker. */
static void expect_indirect(const lede_result *r, const char *needle, const char *cue) {
    const lede_quote *q = find(r, needle);
    cr_assert_not_null(q, "no quote with %s", needle);
    cr_expect_eq(q->type, LEDE_QUOTE_INDIRECT, "type %s", lede_quote_type_name(q->type));
    cr_assert_not_null(q->cue);
    cr_expect_str_eq(q->cue, cue);
}

Test(quotes, according_to_with_more_after_the_source) {
    lede_result *r = run("Rents rose 9 percent in the city last year, according to a "
                         "housing survey released in March, and prices kept climbing.");
    expect_indirect(r, "Rents rose 9 percent in the city last year", "according to");
    lede_result_free(r);
    r = run("According to a new report by the water board, two reservoirs are nearly "
            "empty.");
    expect_indirect(r, "two reservoirs are nearly empty", "According to");
    lede_result_free(r);
}

Test(quotes, paragraph_label_with_colon) {
    lede_result *r = run("Governor Hale: State Budget Will Balance Without New Taxes\n\n"
                         "The legislature meets on Monday.");
    const lede_quote *q = find(r, "State Budget Will Balance");
    expect(q, LEDE_QUOTE_INDIRECT, "Hale", ":");
    cr_expect_null(find(r, "legislature meets"));
    lede_result_free(r);
    /* a title-case phrase before the colon is the headline's first part */
    r = run("Power Over Water: The Dam That Split a Valley\n\nThe story went on.");
    for (size_t i = 0; i < r->n_quotes; i++)
        cr_expect(!r->quotes[i].speaker || !strstr(r->quotes[i].speaker, "Power"),
                  "speaker %s", r->quotes[i].speaker);
    lede_result_free(r);
}

Test(quotes, stance_object_stops_before_adjunct) {
    lede_result *r =
        run("Mayor Chen praised the new transit plan during a rally downtown.");
    const lede_quote *q = find(r, "the new transit plan");
    expect(q, LEDE_QUOTE_INDIRECT, "Chen", "praised");
    cr_expect_str_eq(q->text, "the new transit plan");
    lede_result_free(r);
    r = run("The union called for higher wages on Tuesday.");
    q = find(r, "higher wages");
    cr_assert_not_null(q);
    cr_expect_str_eq(q->text, "higher wages");
    lede_result_free(r);
}

Test(quotes, participle_clauses_continue_the_speaker) {
    lede_result *r =
        run("Senator Ortiz opposed the bill, citing the cost to small farms.");
    expect(find(r, "the cost to small farms"), LEDE_QUOTE_INDIRECT, "Ortiz", "citing");
    lede_result_free(r);
    r = run("Governor Hale spoke to miners on Friday, promising to reopen two shafts.");
    expect(find(r, "to reopen two shafts"), LEDE_QUOTE_INDIRECT, "Hale", "promising");
    lede_result_free(r);
}

Test(quotes, stance_verbs_from_the_table) {
    lede_result *r =
        run("Councilwoman Diaz supported the zoning change for the old mill.");
    expect(find(r, "the zoning change for the old mill"), LEDE_QUOTE_INDIRECT, "Diaz",
           "supported");
    lede_result_free(r);
    /* PolNeAR, which the model learns from, may take the noun into the cue
     * ("unveiled a plan" + "to open ...") or into the content. */
    r = run("The health board unveiled a plan to open four new clinics.");
    const lede_quote *q = find(r, "to open four new clinics");
    cr_assert_not_null(q);
    cr_expect_eq(q->type, LEDE_QUOTE_INDIRECT);
    cr_expect(q->cue && !strncmp(q->cue, "unveiled", 8), "cue %s", q->cue);
    lede_result_free(r);
}

Test(quotes, belief_verbs_with_that) {
    lede_result *r =
        run("The inspectors understood that the dam had been repaired twice.");
    expect_indirect(r, "the dam had been repaired twice", "understood");
    lede_result_free(r);
    r = run("Coach Rivera decided that the team would skip the spring tour.");
    expect(find(r, "the team would skip the spring tour"), LEDE_QUOTE_INDIRECT, "Rivera",
           "decided");
    lede_result_free(r);
}

Test(quotes, unlisted_verb_with_that_clause) {
    lede_result *r =
        run("Judge Moreno reiterated in court that the hearing would go ahead. "
            "The auditors stipulated that the city sign every invoice twice.");
    expect_indirect(r, "the city sign every invoice twice", "stipulated");
    lede_result_free(r);
    r = run("He signed that bill into law last spring.");
    cr_expect_eq(r->n_quotes, 0);
    lede_result_free(r);
}

Test(quotes, coordinated_cue_takes_the_sentence_subject) {
    lede_result *r =
        run("Senator Ortiz toured the flooded valley on Sunday and called for "
            "federal disaster aid.");
    expect(find(r, "federal disaster aid"), LEDE_QUOTE_INDIRECT, "Ortiz", "called for");
    lede_result_free(r);
    r = run("Mayor Chen visited the shelter and criticized the slow state response.");
    expect(find(r, "the slow state response"), LEDE_QUOTE_INDIRECT, "Chen", "criticized");
    lede_result_free(r);
}

Test(quotes, title_case_headline_cue) {
    lede_result *r = run("Governor Hale Says State Budget Will Balance Next Year\n\n"
                         "The legislature meets on Monday.");
    expect(find(r, "State Budget Will Balance"), LEDE_QUOTE_INDIRECT, "Hale", "Says");
    lede_result_free(r);
    /* a capitalised cue word outside a headline is a name, not a verb */
    r = run("The letter was signed by Mark Says and two other officers last year.");
    cr_expect_eq(r->n_quotes, 0);
    lede_result_free(r);
}

Test(quotes, belief_noun_with_owner) {
    lede_result *r = run(
        "In the interview, Hale stood by her view that the tunnel would pay for itself.");
    expect_indirect(r, "the tunnel would pay for itself", "view");
    lede_result_free(r);
}

Test(quotes, one_word_object_of_a_stance_verb) {
    lede_result *r = run("The teachers' union endorsed Lopez on Tuesday.");
    const lede_quote *q = find(r, "Lopez");
    cr_assert_not_null(q);
    cr_expect_str_eq(q->text, "Lopez");
    cr_expect_str_eq(q->cue, "endorsed");
    lede_result_free(r);
}

Test(quotes, reported_question_after_asked) {
    lede_result *r =
        run("Senator Ortiz asked whether the bridge would reopen before winter.");
    expect(find(r, "whether the bridge would reopen before winter"), LEDE_QUOTE_INDIRECT,
           "Ortiz", "asked");
    lede_result_free(r);
}

Test(quotes, noun_homograph_before_a_finite_verb_is_no_cue) {
    lede_result *r = run("Under the Hale plan is a new tax on imported steel.");
    cr_expect_eq(r->n_quotes, 0);
    lede_result_free(r);
    r = run(
        "Correction: An earlier version of this story misstated the date of the vote.");
    cr_expect_eq(r->n_quotes, 0);
    lede_result_free(r);
}

/* ------------------------------------------------- speakers a reader picks */

Test(quotes, calendar_words_never_speak) {
    lede_result *r = run("Clark in October revealed that the plan had failed twice.");
    for (size_t i = 0; i < r->n_quotes; i++)
        cr_expect(!r->quotes[i].speaker || !strstr(r->quotes[i].speaker, "October"),
                  "speaker %s", r->quotes[i].speaker);
    lede_result_free(r);
}

Test(quotes, pronoun_takes_the_subject_not_the_nearest_name) {
    lede_result *r = run("Russian President Vladimir Putin spoke to French President "
                         "Emmanuel Macron by phone on Monday, in which he warned that "
                         "the naval drills were raising tensions.");
    const lede_quote *q = find(r, "the naval drills were raising tensions");
    expect(q, LEDE_QUOTE_INDIRECT, "Vladimir Putin", "warned");
    cr_expect_str_eq(q->speaker_mention, "he");
    cr_expect_geq(q->speaker_entity, 0);
    lede_result_free(r);
}

Test(quotes, pronoun_takes_the_subject_of_the_sentence_before) {
    lede_result *r = run("Governor Anna Hale toured the flooded district on Tuesday with "
                         "two aides. She said the levees would be rebuilt by spring.");
    expect(find(r, "the levees would be rebuilt by spring"), LEDE_QUOTE_INDIRECT,
           "Anna Hale", "said");
    lede_result_free(r);
}

Test(quotes, they_is_never_one_person) {
    lede_result *r = run("Maria Lopez met the union leaders on Friday.\n\n"
                         "They said the strike would go on until the contract was "
                         "signed.");
    const lede_quote *q = find(r, "the strike would go on");
    cr_assert_not_null(q);
    cr_expect(!q->speaker || !strstr(q->speaker, "Lopez"), "speaker %s", q->speaker);
    lede_result_free(r);
}

Test(quotes, it_goes_to_an_organisation) {
    lede_result *r = run("The European Commission met in Brussels on Monday. It said "
                         "the new rules would apply from January.");
    expect(find(r, "the new rules would apply from January"), LEDE_QUOTE_INDIRECT,
           "European Commission", "said");
    lede_result_free(r);
}

Test(quotes, possessor_of_the_speaker_does_not_speak) {
    lede_result *r = run("Rudolph's supporters have stated that the verdict was unfair.");
    const lede_quote *q = find(r, "the verdict was unfair");
    expect(q, LEDE_QUOTE_INDIRECT, NULL, NULL);
    cr_expect_str_eq(q->speaker_mention, "Rudolph's supporters");
    lede_result_free(r);
    r = run("The U.S. attorney's office said the case would be reviewed by a grand "
            "jury.");
    expect(find(r, "the case would be reviewed"), LEDE_QUOTE_INDIRECT, NULL, "said");
    lede_result_free(r);
}

/* The name quotes_speakers() gives the source `source` (a substring of text)
 * of an attribution whose content is `content`; "" when it names nobody. */
static const char *speaker_of(lede_arena *a, const char *text, const char *source,
                              const char *content) {
    nlp_text nt;
    qtext q;
    cr_assert_eq(nlp_tokenize(a, text, strlen(text), &nt), LEDE_OK);
    cr_assert_eq(quotes_from_nlp(a, text, strlen(text), nt.toks, nt.n_toks, &q), LEDE_OK);
    const char *s = strstr(text, source), *c = strstr(text, content);
    cr_assert(s && c);
    uint32_t sb = (uint32_t)(s - text), se = sb + (uint32_t)strlen(source);
    uint32_t cb = (uint32_t)(c - text), ce = cb + (uint32_t)strlen(content);
    long tsb = -1, tse = -1, tcb = -1, tce = -1;
    for (size_t i = 0; i < q.n; i++) {
        if (q.t[i].b >= sb && q.t[i].e <= se) {
            tsb = tsb < 0 ? (long)i : tsb;
            tse = (long)i + 1;
        }
        if (q.t[i].b >= cb && q.t[i].e <= ce) {
            tcb = tcb < 0 ? (long)i : tcb;
            tce = (long)i + 1;
        }
    }
    qfound_list found = {.a = a};
    cr_assert_eq(quotes_found_add(&found, &q, (size_t)tcb, (size_t)tce,
                                  LEDE_QUOTE_INDIRECT, tsb, tse, -1, -1),
                 LEDE_OK);
    qspeaker spk;
    cr_assert_eq(quotes_speakers(a, &q, &found, &spk), LEDE_OK);
    return spk.name ? spk.name : "";
}

/* A dateline opens the story and says where it was filed: a pronoun never
 * stands for it. */
Test(quotes, a_pronoun_never_stands_for_the_dateline) {
    lede_result *r = run("NEWPORT NEWS, Va. - A crowd gathered at the pier.\n\nAs night "
                         "fell, he said the ferry would sail.");
    const lede_quote *q = find(r, "the ferry would sail");
    cr_assert_not_null(q);
    cr_expect(!q->speaker || !strstr(q->speaker, "NEWPORT"), "speaker %s", q->speaker);
    lede_result_free(r);
}

/* '"A," he said, adding, "B"': a second cue between the parts gives the
 * second part an attribution of its own; without one, the parts are one
 * quotation interrupted by its attribution. */
Test(quotes, a_second_cue_between_two_parts_makes_two_quotes) {
    lede_result *r = run("\"The pier is safe,\" Hale said, adding later, \"The ferry "
                         "will sail on Monday.\"");
    cr_assert_eq(r->n_quotes, 2);
    expect(find(r, "The pier is safe"), LEDE_QUOTE_DIRECT, "Hale", "said");
    expect(find(r, "The ferry will sail"), LEDE_QUOTE_DIRECT, "Hale", "adding");
    lede_result_free(r);
    r = run("\"The pier is safe,\" Hale said, \"and the ferry will sail on Monday.\"");
    cr_assert_eq(r->n_quotes, 1);
    lede_result_free(r);
}

/* A name inside the quoted words is the speaker's, not the reporter's: "he"
 * after the quotation does not stand for it. */
Test(quotes, a_pronoun_never_stands_for_a_name_inside_the_quotation) {
    lede_result *r = run("Tom Hale, the harbour master, is worried.\n\n\"Nobody sails "
                         "for Leith. Leith has no ferry left,\" he said.");
    expect(find(r, "Nobody sails"), LEDE_QUOTE_DIRECT, "Tom Hale", "said");
    lede_result_free(r);
}

/* A verb joined by "and" shares the subject of the first: the source is the
 * name, not the name with its predicate ("Hale met the families"). */
Test(quotes, a_source_never_takes_in_the_predicate_of_its_subject) {
    lede_result *r = run("Hale met the families on Friday and told them the pier would "
                         "reopen.");
    expect(find(r, "the pier would reopen"), LEDE_QUOTE_INDIRECT, "Hale", "told");
    lede_result_free(r);
}

Test(quotes, source_head_before_appositive_and_relative_clause) {
    lede_arena *a = arena_new(0);
    const char *t = "Michael Mulgrew, president of the teachers union, which represents "
                    "New York City educators, said the plan would fail.";
    cr_expect_str_eq(speaker_of(a, t,
                                "Michael Mulgrew, president of the teachers union, which "
                                "represents New York City educators,",
                                "the plan would fail"),
                     "Michael Mulgrew");
    t = "The county's election director, Paula Reyes, said the count would end.";
    cr_expect_str_eq(speaker_of(a, t, "The county's election director, Paula Reyes,",
                                "the count would end"),
                     "Paula Reyes");
    /* an office written before the name, and a nickname inside it */
    t = "Lee's niece, state Del. Marcia \"Cia\" Price, said the plan would fail.";
    cr_expect_str_eq(speaker_of(a, t, "Lee's niece, state Del. Marcia \"Cia\" Price,",
                                "the plan would fail"),
                     "Marcia \"Cia\" Price");
    t = "The county's top officer, Sheriff Tom Hale, said the jail was full.";
    cr_expect_str_eq(speaker_of(a, t, "The county's top officer, Sheriff Tom Hale,",
                                "the jail was full"),
                     "Tom Hale");
    t = "Mr. King and Mr. Schultz say the network never told them what to say.";
    cr_expect_str_eq(speaker_of(a, t, "Mr. King and Mr. Schultz",
                                "the network never told them what to say"),
                     "");
    t = "Both Mr. King and Mr. Schultz say the network never told them what to say.";
    cr_expect_str_eq(speaker_of(a, t, "Mr. Schultz", "the network never told them"), "");
    t = "According to her account, she insisted that the patient go to a hospital.";
    cr_expect_str_eq(speaker_of(a, t, "she", "the patient go to a hospital"), "");
    t = "Clark in October revealed that the plan had failed.";
    cr_expect_str_eq(speaker_of(a, t, "Clark in October", "the plan had failed"), "");
    t = "Rudolph's supporters have stated that the verdict was unfair.";
    cr_expect_str_eq(speaker_of(a, t, "Rudolph's supporters", "the verdict was unfair"),
                     "");
    t = "The court heard Lopez's claim that the count had been rigged.";
    cr_expect_str_eq(speaker_of(a, t, "Lopez's", "the count had been rigged"), "Lopez");
    /* a lower-case head with a name in its complement is someone else */
    t = "An attorney for Ms. Lopez said the count had been rigged.";
    cr_expect_str_eq(speaker_of(a, t, "An attorney for Ms. Lopez", "the count had been"),
                     "");
    t = "Advisers to Mr. Reyes said the count had been rigged.";
    cr_expect_str_eq(speaker_of(a, t, "Advisers to Mr. Reyes", "the count had been"), "");
    /* modifiers before a name and an agent after "by" are not such heads */
    t = "Longtime party pollster Ann Weber said the count had been rigged.";
    cr_expect_str_eq(
        speaker_of(a, t, "Longtime party pollster Ann Weber", "the count had been"),
        "Ann Weber");
    /* "of" after a titled name brings what the person stands for */
    t = "Sen. Tim Kaine of Virginia said the count had been rigged.";
    cr_expect_str_eq(speaker_of(a, t, "Sen. Tim Kaine of Virginia", "the count had been"),
                     "Tim Kaine");
    t = "The Department of Justice said the count had been rigged.";
    cr_expect_str_eq(speaker_of(a, t, "The Department of Justice", "the count had been"),
                     "Department of Justice");
    arena_free(a);
}

/* The speaker of a content whose cue (located by the `cue` string) has no
 * source of its own, once quotes_found_finish has given it the clause's. */
static const char *dependent_speaker(lede_arena *a, const char *text, const char *cue,
                                     const char *content) {
    nlp_text nt;
    qtext q;
    cr_assert_eq(nlp_tokenize(a, text, strlen(text), &nt), LEDE_OK);
    cr_assert_eq(quotes_from_nlp(a, text, strlen(text), nt.toks, nt.n_toks, &q), LEDE_OK);
    const char *k = strstr(text, cue), *c = strstr(text, content);
    cr_assert(k && c);
    size_t tk = quotes_tok_at(&q, (uint32_t)(k - text));
    size_t tcb = quotes_tok_at(&q, (uint32_t)(c - text));
    size_t tce = quotes_tok_at(&q, (uint32_t)(c - text + (long)strlen(content)));
    qfound_list found = {.a = a};
    cr_assert_eq(quotes_found_add(&found, &q, tcb, tce, LEDE_QUOTE_INDIRECT, -1, -1,
                                  (long)tk, (long)tk + 1),
                 LEDE_OK);
    quotes_found_finish(&q, &found);
    qspeaker spk;
    cr_assert_eq(quotes_speakers(a, &q, &found, &spk), LEDE_OK);
    return spk.name ? spk.name : "";
}

Test(quotes, participle_and_coordinated_cues_take_the_clause_subject) {
    lede_arena *a = arena_new(0);
    const char *t = "Maria Lopez met the families of the miners on Friday, promising "
                    "that the mine would reopen.";
    cr_expect_str_eq(dependent_speaker(a, t, "promising", "the mine would reopen"),
                     "Maria Lopez");
    /* the clause after an opening participle phrase has the subject */
    t = "Chastened by the polls, Governor Hale revised his plan, promising that taxes "
        "would fall.";
    cr_expect_str_eq(dependent_speaker(a, t, "promising", "taxes would fall"), "Hale");
    t = "On Thursday, however, Senator Reyes spoke to the union, saying that wages must "
        "rise.";
    cr_expect_str_eq(dependent_speaker(a, t, "saying", "wages must rise"), "Reyes");
    t = "Tom Baker, the county engineer, inspected the bridge and later said that it was "
        "safe.";
    cr_expect_str_eq(dependent_speaker(a, t, "said", "it was safe"), "Tom Baker");
    /* a finite cue with its own subject slot is not dependent: nobody is guessed */
    t = "Tom Baker inspected the bridge. Reportedly, said engineers, it was safe.";
    cr_expect_str_eq(dependent_speaker(a, t, "said", "it was safe"), "");
    /* an opening participle is not a name */
    t = "Speaking at the rally, promising nothing, the crowd waited.";
    cr_expect_str_eq(dependent_speaker(a, t, "promising", "nothing"), "");
    arena_free(a);
}

Test(quotes, description_needs_the_same_modifiers) {
    lede_result *r = run("Democratic nominee Tim Kaine spoke first at the rally in "
                         "Ohio.\n\nThe Republican nominee said the economy was rigged "
                         "against workers.");
    const lede_quote *q = find(r, "the economy was rigged");
    cr_assert_not_null(q);
    cr_expect(!q->speaker || !strstr(q->speaker, "Kaine"), "speaker %s", q->speaker);
    lede_result_free(r);
    r = run("Republican nominee Donald Trump spoke first at the rally in Ohio.\n\n"
            "The Republican nominee said the economy was rigged against workers.");
    expect(find(r, "the economy was rigged"), LEDE_QUOTE_INDIRECT, "Donald Trump",
           "said");
    lede_result_free(r);
}

Test(quotes, confidence_and_mention_are_given) {
    lede_result *r = run("\"We will not back down,\" Lopez said.\n\n"
                         "Reyes said the port would reopen in May.");
    cr_assert_geq(r->n_quotes, 2);
    for (size_t i = 0; i < r->n_quotes; i++) {
        cr_expect(r->quotes[i].confidence > 0 && r->quotes[i].confidence <= 1,
                  "confidence %f", r->quotes[i].confidence);
        cr_expect_not_null(r->quotes[i].speaker_mention);
    }
    lede_result_free(r);
}

/* The page lede was specified from (../shared/data/seed): who said what. */
Test(quotes, seed_article_speakers) {
    FILE *f = fopen(LEDE_SHARED_DIR "/data/seed/000_e695d325b575ade2.txt", "rb");
    cr_assert_not_null(f, "the seed page is read from ../shared");
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    lede_result *r = run(text);
    static const struct {
        const char *needle, *speaker;
    } want[] = {
        {"increasing tensions", "Putin"}, /* "..., in which he warned" */
        {"Both sides expressed discontent", "Kremlin"},
        {"nearly 100,000 troops", "Zelensky"},
        {"large and unusual concentrations", "Stoltenberg"},
        {"France is ready to defend", "Macron"},
        {"not recording any neighboring", "Demchenko"},
    };
    for (size_t i = 0; i < N_OF(want); i++) {
        const lede_quote *q = find(r, want[i].needle);
        cr_assert_not_null(q, "no quote with %s", want[i].needle);
        cr_expect(q->speaker && strstr(q->speaker, want[i].speaker),
                  "%s: speaker %s, wanted %s", want[i].needle, q->speaker,
                  want[i].speaker);
    }
    for (size_t i = 0; i < r->n_quotes; i++) /* no month, weekday or outlet speaks */
        cr_expect(!r->quotes[i].speaker || (strcmp(r->quotes[i].speaker, "Monday") &&
                                            strcmp(r->quotes[i].speaker, "November")),
                  "speaker %s", r->quotes[i].speaker);
    lede_result_free(r);
}

/* 60,000 attributions in one paragraph: every step of the stage is linear (a
 * walk over all found attributions per attribution took a minute here even
 * without sanitizers; linear, it takes a few seconds with them). */
Test(quotes, many_attributions_in_linear_time, .timeout = 60) {
    static const char sentence[] = "Lopez said it would rain. ";
    size_t n = 60000, len = sizeof sentence - 1;
    char *text = malloc(n * len + 1);
    cr_assert_not_null(text);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * len, sentence, len);
    text[n * len] = '\0';
    lede_result *r = run(text);
    cr_expect_gt(r->n_quotes, n / 2);
    lede_result_free(r);
    free(text);
}

/* A hearer after the verb that closes the clause reports nothing: "to the
 * crowd" is who heard, not what was said; "to" before a verb, or a hearer
 * followed by "that", still leaves a content. */
Test(quotes, hearer_closing_the_clause_is_not_content) {
    lede_result *r = run("The governor waved and shouted to the crowd.\n\n"
                         "Later the mayor spoke to reporters.");
    cr_expect_eq(r->n_quotes, 0, "found %zu quotes, first: %s", r->n_quotes,
                 r->n_quotes ? r->quotes[0].text : "");
    lede_result_free(r);
    r = run("Helen Ortiz said to reporters that the bridge would reopen in May.");
    const lede_quote *q = find(r, "the bridge would reopen");
    expect(q, LEDE_QUOTE_INDIRECT, "Ortiz", "said");
    cr_expect_null(find(r, "reporters"), "the hearer is not part of the content");
    lede_result_free(r);
}

/* A nickname in quotation marks inside the speaker's name is part of the
 * name, not a quote that ends the attribution. */
Test(quotes, nickname_inside_the_speaker_name) {
    const char *text = "\"We will win this seat,\" Marcia \"Cia\" Price said.";
    lede_result *r = run(text);
    const lede_quote *q = find(r, "We will win");
    expect(q, LEDE_QUOTE_DIRECT, "Price", "said");
    cr_expect_eq(r->n_quotes, 1, "the nickname is no quote of its own");
    cr_expect_eq(q->speaker_start, 25, "the mention starts at Marcia");
    cr_expect_eq(q->speaker_end, 43, "and ends after Price");
    lede_result_free(r);
}

/* The mention of the speaker of the quote containing `needle`, as written. */
static void expect_mention(const lede_result *r, const char *text, const char *needle,
                           const char *mention) {
    const lede_quote *q = find(r, needle);
    cr_assert_not_null(q, "no quote with %s", needle);
    if (!mention) {
        cr_expect(q->speaker_start < 0, "mention at %ld, wanted none", q->speaker_start);
        return;
    }
    cr_assert(q->speaker_start >= 0, "no mention for %s", q->text);
    /* the texts of these tests are ASCII: code points are bytes */
    size_t n = (size_t)(q->speaker_end - q->speaker_start);
    cr_expect(n == strlen(mention) && !strncmp(text + q->speaker_start, mention, n),
              "mention '%.*s', wanted '%s'", (int)n, text + q->speaker_start, mention);
}

/* A time phrase between a subject and its cue ("in 2003", "in late May")
 * is no speaker: the noun phrase before it is. */
Test(quotes, time_phrase_before_the_cue) {
    const char *text = "But a review board in 2003 found the city was in breach of the "
                       "lease.\n\nA county survey in late May found most tenants "
                       "wanted the park kept.";
    lede_result *r = run(text);
    expect_mention(r, text, "the city was in breach", "a review board");
    expect_mention(r, text, "most tenants", "A county survey");
    lede_result_free(r);
}

/* "One of the nurses who signed the petition called ...": the relative
 * clause belongs to the subject; its object does not speak. */
Test(quotes, relative_clause_inside_the_subject) {
    const char *text = "One of the nurses who signed the petition called the manager "
                       "a liar.";
    lede_result *r = run(text);
    expect_mention(r, text, "the manager a liar", "One of the nurses");
    lede_result_free(r);
}

/* An -ing cue after a preposition ("aside from saying") has no subject of
 * its own: the words before the preposition are not a speaker. */
Test(quotes, ing_cue_after_a_preposition) {
    const char *text = "The governor refused to name anyone, aside from saying she "
                       "wants a woman.";
    lede_result *r = run(text);
    const lede_quote *q = find(r, "she wants a woman");
    cr_assert_not_null(q);
    cr_expect_str_eq(q->cue, "saying");
    cr_expect(q->speaker_start < 0 || strncmp(text + q->speaker_start, "aside", 5),
              "'aside from' is no speaker");
    lede_result_free(r);
}

/* A description, then the name with a nickname and brackets as its
 * apposition, between two quoted parts: the name speaks both. */
Test(quotes, apposition_with_nickname_after_the_quote) {
    lede_result *r =
        run("\"This is a big night for our town!\" Dunn's sister, state Sen. "
            "Ada \"Dee\" Moss (R-Elm City), shouted to the crowd. \"The "
            "county is watching.\"");
    const lede_quote *q = find(r, "big night");
    expect(q, LEDE_QUOTE_DIRECT, "Moss", "shouted");
    const lede_quote *second = find(r, "county is watching");
    cr_assert_not_null(second);
    cr_assert_not_null(second->speaker);
    cr_expect(strstr(second->speaker, "Moss"), "second part: %s", second->speaker);
    lede_result_free(r);
}

/* The quoted title of a work named just before it is no quotation; a
 * quoted sentence after the same noun still is. */
Test(quotes, title_of_a_work_is_not_speech) {
    lede_result *r = run("In her 2010 memoir, \"The Long Road Home,\" Ms. Alvarez "
                         "described her childhood in Peru.");
    cr_expect_null(find(r, "Long Road"), "a title is not speech");
    lede_result_free(r);
    r = run("On his show, \"we will fight this to the end,\" Mr. Okafor told viewers.");
    expect(find(r, "we will fight"), LEDE_QUOTE_DIRECT, "Okafor", "told");
    lede_result_free(r);
}

/* A quoted question or exclamation right after its cue is the whole of what
 * was said: the reporter's sentence going on after it ('and kept going') is
 * not content. The participle phrase in the subject ('marching through the
 * square') does not speak either. */
Test(quotes, quoted_exclamation_ends_the_content) {
    const char *text = "Students marching through the square chanted \"Whose streets?\" "
                       "and kept going until nearly 3 a.m. Sunday.";
    lede_result *r = run(text);
    const lede_quote *q = find(r, "Whose streets?");
    cr_assert_not_null(q);
    cr_expect_str_eq(q->text, "\"Whose streets?\"");
    cr_expect_eq(q->type, LEDE_QUOTE_DIRECT);
    expect_mention(r, text, "Whose streets?", "Students");
    lede_result_free(r);
}

/* "A man wearing a red cap said": the object of the participle is no
 * speaker. */
Test(quotes, participle_phrase_inside_the_subject) {
    const char *text = "A man wearing a red cap said the vote had been rigged.";
    lede_result *r = run(text);
    expect_mention(r, text, "the vote had been rigged", "A man");
    lede_result_free(r);
    /* an -ing noun after a determiner is no participle phrase */
    const char *noun = "After the long meeting the mayor said taxes would rise.";
    r = run(noun);
    expect_mention(r, noun, "taxes would rise", "the mayor");
    lede_result_free(r);
}

/* A reported clause ends where "and", adverbs, then a second cue start a
 * predicate of its own: what that cue reports is its own quote. */
Test(quotes, second_cue_after_and_ends_the_clause) {
    lede_result *r = run("She then begs her son to put the knife down and repeatedly "
                         "says, \"Please put it down,\" until the officers arrive.");
    const lede_quote *q = find(r, "Please put it down");
    cr_assert_not_null(q);
    cr_expect_str_eq(q->text, "\"Please put it down,\"");
    cr_expect_eq(q->type, LEDE_QUOTE_DIRECT);
    const lede_quote *first = find(r, "knife");
    if (first)
        cr_expect_null(strstr(first->text, "Please"), "the first clause runs on: %s",
                       first->text);
    lede_result_free(r);
}

/* "according to a speech Ms. Alvarez delivered at Boston College": who put
 * the text out speaks, not the place after it. */
Test(quotes, issuer_of_a_text_speaks) {
    lede_result *r =
        run("The plan would cut rates for small firms, according to a speech "
            "Ms. Alvarez delivered at Boston College last year.");
    expect(find(r, "cut rates"), LEDE_QUOTE_INDIRECT, "Alvarez", NULL);
    lede_result_free(r);
}

/* A description set off by dashes between the name and its cue. */
Test(quotes, dash_apposition_before_the_cue) {
    const char *text = "Mr. Varga -- author of a book on the mayor's early campaigns -- "
                       "said the mayor tended to announce plans at rallies.";
    lede_result *r = run(text);
    expect(find(r, "the mayor tended"), LEDE_QUOTE_INDIRECT, "Varga", "said");
    lede_result_free(r);
}

/* "X criticized A and called for B": the second stance shares the subject
 * of the attribution before it in the sentence. */
Test(quotes, coordinated_phrasal_cue_takes_the_subject_before) {
    const char *text = "Governor Ada Moss, in her speech, has sharply criticized the "
                       "old trade deals and called for new tariffs on imported steel.";
    lede_result *r = run(text);
    const lede_quote *q = find(r, "new tariffs");
    cr_assert_not_null(q);
    cr_assert_not_null(q->speaker, "no speaker for %s", q->text);
    cr_expect(strstr(q->speaker, "Moss"), "speaker %s", q->speaker);
    lede_result_free(r);
}

/* "She" does not name a man: a pronoun whose gender contradicts the first
 * name of its antecedent leaves the speaker unnamed, not wrong. */
Test(quotes, pronoun_gender_must_agree) {
    lede_result *r =
        run("Thomas Reyes chaired the hearing on Monday. She said the bank had "
            "broken the law.");
    const lede_quote *q = find(r, "the bank had broken");
    cr_assert_not_null(q);
    cr_expect(!q->speaker || !strstr(q->speaker, "Reyes"), "speaker %s", q->speaker);
    lede_result_free(r);
}

/* The owner of a speech noun speaks ("Lopez's claim that"); the owner of
 * anything else does not ("Ortiz's family has called on"). */
Test(quotes, possessor_speaks_only_through_a_speech_noun) {
    lede_result *r = run("Daniel Ortiz died on Friday. Ortiz's family has called on "
                         "police to release the videos.");
    const lede_quote *q = find(r, "release the videos");
    if (q)
        cr_expect(!q->speaker || !strstr(q->speaker, "Ortiz"), "speaker %s", q->speaker);
    lede_result_free(r);
}

/* A clause ending in a colon before a quoted sentence introduces it, even
 * with no reporting verb: its subject speaks ("She then turned to the
 * council:"), not the speaker of an earlier quote; a phrase opened by a
 * preposition ("From the report:") has no subject to give. */
Test(quotes, subject_of_a_clause_before_a_colon_speaks) {
    lede_result *r = run("\"The bridge is late,\" Tom Reyes said at the hearing.\n\n"
                         "Maria Lopez spoke next. She then turned to the council: "
                         "\"We have waited ten years for this bridge.\"");
    const lede_quote *q = find(r, "We have waited");
    cr_assert_not_null(q->speaker);
    cr_expect(strstr(q->speaker, "Lopez"), "speaker %s", q->speaker);
    cr_expect_eq(q->speaker_end - q->speaker_start, 3); /* "She" as written */
    lede_result_free(r);
    r = run("The board published its audit on Friday.\n\n"
            "From the report: \"Costs rose by half in two years.\"");
    q = find(r, "Costs rose");
    cr_expect_null(q->speaker, "speaker %s", q->speaker);
    lede_result_free(r);
}

/* An -ing cue after a comma takes the subject of its sentence, also when
 * that subject is a description rather than a name ("The mayor's chief
 * aide ..., saying"): the mention as written, up to the verb. */
Test(quotes, description_subject_of_an_ing_cue) {
    const char *texts[] = {
        "The mayor's chief aide doubled down on his attacks on the council, saying the "
        "budget was a fraud.",
        "A spokeswoman for the port authority has emailed reporters the text of the "
        "bill, arguing that the law says nothing of the kind."};
    const char *mentions[] = {"The mayor's chief aide",
                              "A spokeswoman for the port authority"};
    for (int t = 0; t < 2; t++) {
        lede_result *r = run(texts[t]);
        cr_assert_eq(r->n_quotes, 1, "case %d", t);
        cr_expect_eq(r->quotes[0].speaker_start, 0, "case %d: mention at %ld", t,
                     (long)r->quotes[0].speaker_start);
        cr_expect_eq(r->quotes[0].speaker_end, (long)strlen(mentions[t]),
                     "case %d: mention to %ld", t, (long)r->quotes[0].speaker_end);
        lede_result_free(r);
    }
}

/* A cue that is the participle opening its sentence ("Recalling ...,",
 * "After arguing ...,") has the subject of the main clause after the
 * phrase's comma (inside a closing quotation mark or not), and what it
 * reports ends at that comma; a list inside the phrase does not end it. */
Test(quotes, opening_participle_takes_the_main_subject) {
    lede_result *r = run("After arguing that the vote was rigged, Maria Lopez left the "
                         "hall.");
    const lede_quote *q = find(r, "the vote was rigged");
    cr_expect_str_eq(q->text, "the vote was rigged");
    cr_assert_not_null(q->speaker);
    cr_expect(strstr(q->speaker, "Lopez"), "speaker %s", q->speaker);
    lede_result_free(r);
    r = run("Noting that fares, fees and taxes had doubled, the mayor closed the "
            "meeting.");
    q = find(r, "fares, fees");
    cr_expect_str_eq(q->text, "fares, fees and taxes had doubled");
    cr_expect_eq(q->speaker_start, 47, "mention at %ld", (long)q->speaker_start);
    lede_result_free(r);
    /* the comma inside the closing mark of a quotation ends the phrase too */
    r = run("Maria Lopez spoke first. After saying the fares were \"far too high,\" "
            "she left the hall.");
    q = find(r, "far too high");
    cr_expect_str_eq(q->text, "the fares were \"far too high,\"");
    cr_assert_not_null(q->speaker);
    cr_expect(strstr(q->speaker, "Lopez"), "speaker %s", q->speaker);
    lede_result_free(r);
}

/* A negated auxiliary ("hasn't") is the verb that ends a description taken
 * as a subject, after an opening participle or before an -ing cue; the
 * subject of the cue given by the rules stands next to it or before a
 * comma, not before a predicate of its own. */
Test(quotes, descriptions_end_at_a_negated_auxiliary) {
    const char *texts[] = {
        "Noting that the river had risen twice, the harbour master hasn't ruled out a "
        "new wall.",
        "The council's budget office hasn't changed its forecast, saying revenue is "
        "flat."};
    const char *mentions[] = {"the harbour master", "The council's budget office"};
    for (int t = 0; t < 2; t++) {
        lede_result *r = run(texts[t]);
        cr_assert_eq(r->n_quotes, 1, "case %d", t);
        const lede_quote *q = &r->quotes[0];
        const char *m = strstr(texts[t], mentions[t]);
        cr_expect_eq(q->speaker_start, (long)(m - texts[t]), "case %d: at %ld", t,
                     (long)q->speaker_start);
        cr_expect_eq(q->speaker_end, (long)(m - texts[t] + strlen(mentions[t])),
                     "case %d: to %ld", t, (long)q->speaker_end);
        lede_result_free(r);
    }
}

/* A long description set off by commas after the subject ("a Republican
 * from the coast who has met ...") still leaves the name before it as the
 * subject of the cue. */
Test(quotes, name_before_a_long_description_speaks) {
    lede_result *r =
        run("Senator Tom Reyes, a Republican from the coast who has met privately "
            "with the mayor and been named as a possible deputy, said the port "
            "would close.");
    const lede_quote *q = find(r, "the port would close");
    cr_assert_not_null(q->speaker);
    cr_expect(strstr(q->speaker, "Reyes"), "speaker %s", q->speaker);
    lede_result_free(r);
}

/* A verb of addressing or judging in the passive ("was asked about", "has
 * been criticized for") makes its subject the one addressed: no speaker is
 * named for it. */
Test(quotes, passive_addressee_is_no_speaker) {
    lede_result *r = run("At a town hall in Ohio, Maria Lopez was asked about the new "
                         "bridge.");
    for (size_t i = 0; i < r->n_quotes; i++)
        cr_expect_null(r->quotes[i].speaker, "speaker %s", r->quotes[i].speaker);
    lede_result_free(r);
}

/* A dateline with its agency in brackets ("Helsinki (AFP) -") says where
 * the story was filed: the subject of the sentence comes after its dash. */
Test(quotes, dateline_with_agency_is_no_subject) {
    lede_result *r = run("Helsinki (AFP) - Finance Minister Tom Reyes on Monday hit the "
                         "road with the prime minister, warning voters that the deficit "
                         "would grow.");
    const lede_quote *q = find(r, "the deficit would grow");
    cr_assert_not_null(q);
    cr_assert_not_null(q->speaker);
    cr_expect(strstr(q->speaker, "Reyes"), "speaker %s", q->speaker);
    lede_result_free(r);
}

/* A subject opened by a possessive name ("Lopez's campaign shrugged off
 * ..., telling") is the description up to its verb, the possessed, and an
 * -ing cue after the comma takes it. */
Test(quotes, possessive_description_subject_of_an_ing_cue) {
    lede_result *r = run("Lopez’s campaign shrugged off the remarks, telling reporters "
                         "that nobody had asked for an endorsement.");
    const lede_quote *q = find(r, "nobody had asked");
    cr_assert_not_null(q);
    cr_expect_eq(q->speaker_start, 0, "mention at %ld", (long)q->speaker_start);
    cr_expect_eq(q->speaker_end, (long)strlen("Lopez’s campaign") - 2, "mention to %ld",
                 (long)q->speaker_end);
    lede_result_free(r);
}

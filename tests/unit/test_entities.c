/* Mentions to entities: merging rules on hand-placed mentions (no model
 * involved), then the whole language pipeline on a text written for this test,
 * checking that every mention's offsets slice the text to the mention. */
#include <criterion/criterion.h>
#include <string.h>

#include "job.h"
#include "nlp/entities.h"
#include "nlp/ner.h"
#include "utf8.h"

#define SHIPPED_DATA LEDE_SOURCE_DIR "/core/data"

static lede_ctx *ctx;
static lede_job job;
static lede_result res;
static lede_options opt;

static void setup(void) {
    lede_ctx_config cfg = {.data_dir = SHIPPED_DATA};
    char err[256] = "";
    cr_assert_eq(lede_ctx_new(&cfg, &ctx, err, sizeof err), LEDE_OK, "%s", err);
}

static void teardown(void) {
    if (job.arena)
        arena_free(job.arena);
    memset(&job, 0, sizeof job);
    lede_ctx_free(ctx);
}

/* A job over text, with room for mentions placed by hand. */
static void begin(const char *text) {
    memset(&job, 0, sizeof job);
    memset(&res, 0, sizeof res);
    lede_options_init(&opt);
    job.ctx = ctx;
    job.opt = &opt;
    job.arena = arena_new(0);
    job.res = &res;
    res.text = text;
    res.text_len = strlen(text);
    cr_assert_eq(nlp_tokenize(job.arena, text, res.text_len, &job.nlp), LEDE_OK);
    job.mentions = arena_calloc(job.arena, 64, sizeof *job.mentions);
}

/* Adds the n-th (0-based) occurrence of phrase as a mention of type t with
 * the tagger's confidence conf. */
static void mention_conf(const char *phrase, int nth, lede_entity_type t, float conf) {
    const char *p = res.text;
    for (int i = 0; i <= nth; i++) {
        p = strstr(i ? p + 1 : p, phrase);
        cr_assert(p, "no '%s' #%d", phrase, nth);
    }
    uint32_t s = (uint32_t)(p - res.text), e = s + (uint32_t)strlen(phrase);
    uint32_t tb = UINT32_MAX, te = 0;
    for (uint32_t k = 0; k < job.nlp.n_toks; k++) {
        if (job.nlp.toks[k].start == s)
            tb = k;
        if (job.nlp.toks[k].end == e)
            te = k + 1;
    }
    cr_assert(tb != UINT32_MAX && te > tb, "'%s' is not on token boundaries", phrase);
    job.mentions[job.n_mentions++] = (nlp_mention){tb, te, t, -1, conf};
}

static void mention(const char *phrase, int nth, lede_entity_type t) {
    mention_conf(phrase, nth, t, 1.0f);
}

static const lede_entity *find(const char *name) {
    for (size_t i = 0; i < res.n_entities; i++)
        if (!strcmp(res.entities[i].name, name))
            return &res.entities[i];
    return NULL;
}

/* text[start:end] in code points equals the mention's text. */
static void check_offsets(const lede_result *r) {
    for (size_t i = 0; i < r->n_entities; i++) {
        const lede_entity *e = &r->entities[i];
        cr_assert_eq(e->n_mentions > 0, true);
        for (size_t k = 0; k < e->n_mentions; k++) {
            const lede_mention *m = &e->mentions[k];
            size_t cp = 0, b = 0, bs = 0, be = 0;
            while (b <= r->text_len) {
                if (cp == m->start)
                    bs = b;
                if (cp == m->end) {
                    be = b;
                    break;
                }
                if (b == r->text_len)
                    break;
                uint32_t c;
                b += utf8_decode(r->text + b, r->text_len - b, &c);
                cp++;
            }
            cr_assert(be > bs, "bad offsets for '%s'", m->text);
            cr_assert_eq(be - bs, strlen(m->text));
            cr_assert_eq(memcmp(r->text + bs, m->text, be - bs), 0,
                         "text[%zu:%zu] != '%s'", m->start, m->end, m->text);
        }
    }
}

TestSuite(entities, .init = setup, .fini = teardown);

Test(entities, titles_possessives_and_surnames_merge) {
    begin("Russian President Vladimir Putin arrived. Putin said little. "
          "Officials at Putin\xE2\x80\x99s office agreed.");
    mention("Russian President Vladimir Putin", 0, LEDE_ENT_PERSON);
    mention("Putin", 1, LEDE_ENT_PERSON);
    mention("Putin\xE2\x80\x99s", 0, LEDE_ENT_PERSON);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(res.n_entities, 1);
    const lede_entity *e = &res.entities[0];
    cr_assert_str_eq(e->name, "Vladimir Putin");
    cr_assert_eq(e->type, LEDE_ENT_PERSON);
    cr_assert_eq(e->n_mentions, 3);
    cr_assert_str_eq(e->mentions[0].text, "Vladimir Putin");
    cr_assert_eq(e->mentions[0].start, 18);
    cr_assert_eq(e->mentions[0].end, 32);
    cr_assert_str_eq(e->mentions[2].text, "Putin");
    for (size_t i = 0; i < job.n_mentions; i++)
        cr_assert_eq(job.mentions[i].entity, 0);
    check_offsets(&res);
}

Test(entities, aliases_merge_and_order_is_by_count) {
    begin("The U.S. and France met. The United States said the US would act. "
          "France agreed with Germany.");
    mention("U.S.", 0, LEDE_ENT_LOC);
    mention("France", 0, LEDE_ENT_LOC);
    mention("United States", 0, LEDE_ENT_LOC);
    mention("US", 0, LEDE_ENT_LOC);
    mention("France", 1, LEDE_ENT_LOC);
    mention("Germany", 0, LEDE_ENT_LOC);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(res.n_entities, 3);
    cr_assert_str_eq(res.entities[0].name, "United States");
    cr_assert_eq(res.entities[0].n_mentions, 3);
    cr_assert_str_eq(res.entities[1].name, "France");
    cr_assert_eq(res.entities[1].n_mentions, 2);
    cr_assert_str_eq(res.entities[2].name, "Germany");
    cr_assert_eq(job.mentions[5].entity, 2);
    check_offsets(&res);
}

Test(entities, ties_keep_text_order_and_types_stay_apart) {
    begin("Jordan visited Jordan. Michael Jordan and Amman.");
    mention("Jordan", 0, LEDE_ENT_PERSON);
    mention("Jordan", 1, LEDE_ENT_LOC);
    mention("Michael Jordan", 0, LEDE_ENT_PERSON);
    mention("Amman", 0, LEDE_ENT_LOC);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    /* The person "Jordan" joins "Michael Jordan"; the country stays a place. */
    cr_assert_eq(res.n_entities, 3);
    cr_assert_str_eq(res.entities[0].name, "Michael Jordan");
    cr_assert_eq(res.entities[0].n_mentions, 2);
    cr_assert_str_eq(res.entities[1].name, "Jordan");
    cr_assert_eq(res.entities[1].type, LEDE_ENT_LOC);
    cr_assert_str_eq(res.entities[2].name, "Amman");
}

Test(entities, surname_without_full_name_stays_alone) {
    /* Titles make the one-word names people (see
     * one_word_person_needs_a_full_name_a_title_or_a_first_name). */
    begin("Mr. Smith spoke. Ms. Jones replied to Smith.");
    mention("Smith", 0, LEDE_ENT_PERSON);
    mention("Jones", 0, LEDE_ENT_PERSON);
    mention("Smith", 1, LEDE_ENT_PERSON);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(res.n_entities, 2);
    cr_assert_str_eq(res.entities[0].name, "Smith");
    cr_assert_eq(res.entities[0].n_mentions, 2);
    cr_assert_not_null(find("Jones"));
}

/* The whole language pipeline with the shipped model. */
static const char article[] =
    "Russian President Vladimir Putin spoke by telephone with French President "
    "Emmanuel Macron on Tuesday, the Kremlin said.\n\n"
    "Putin told Macron that the United States and NATO had ignored Moscow\xE2\x80\x99s "
    "concerns. \xE2\x80\x9CWe are not threatening anyone,\xE2\x80\x9D Putin said.\n\n"
    "Macron\xE2\x80\x99s office in Paris said the two leaders agreed to keep talking. "
    "A U.S. official said Washington was watching closely.";

Test(entities, pipeline_merges_and_offsets_hold) {
    lede_result *r = NULL;
    cr_assert_eq(lede_analyze_text(ctx, article, strlen(article), NULL, &r), LEDE_OK);
    check_offsets(r);
    cr_assert(r->n_entities >= 5);
    cr_assert_str_eq(r->entities[0].name, "Vladimir Putin");
    cr_assert_eq(r->entities[0].type, LEDE_ENT_PERSON);
    cr_assert_eq(r->entities[0].n_mentions, 3);
    const lede_entity *macron = NULL, *us = NULL;
    for (size_t i = 0; i < r->n_entities; i++) {
        if (!strcmp(r->entities[i].name, "Emmanuel Macron"))
            macron = &r->entities[i];
        if (!strcmp(r->entities[i].name, "United States"))
            us = &r->entities[i];
    }
    cr_assert(macron);
    cr_assert_eq(macron->n_mentions, 3);
    cr_assert_str_eq(macron->mentions[2].text, "Macron");
    cr_assert(us);
    cr_assert_eq(us->n_mentions, 2);
    /* Curly quotes read as straight ones: the word after one is no name. */
    for (size_t i = 0; i < r->n_entities; i++)
        cr_assert_str_neq(r->entities[i].name, "We");
    lede_result_free(r);
}

Test(entities, one_name_one_entity_and_natural_case_wins) {
    begin("NAIROBI - The African Union met in Nairobi. The African Union and "
          "the UN Secretary-General spoke; the African Union agreed.");
    mention("NAIROBI", 0, LEDE_ENT_LOC);
    mention("African Union", 0, LEDE_ENT_ORG);
    mention("Nairobi", 0, LEDE_ENT_LOC);
    mention("African Union", 1, LEDE_ENT_LOC);
    mention("UN Secretary-General", 0, LEDE_ENT_PERSON);
    mention("African Union", 2, LEDE_ENT_ORG);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    /* A role is not a person; the union is one ORG; the city keeps its
     * natural-case spelling as name. */
    cr_assert_eq(res.n_entities, 2);
    cr_assert_str_eq(res.entities[0].name, "African Union");
    cr_assert_eq(res.entities[0].type, LEDE_ENT_ORG);
    cr_assert_eq(res.entities[0].n_mentions, 3);
    cr_assert_str_eq(res.entities[1].name, "Nairobi");
    cr_assert_eq(res.entities[1].n_mentions, 2);
    cr_assert_eq(job.mentions[4].entity, -1);
    check_offsets(&res);
}

Test(entities, long_text_is_tagged_in_windows) {
    enum { REPEATS = 3000 };
    static const char sentence[] = "Angela Merkel visited Paris on Monday. ";
    size_t len = strlen(sentence);
    char *text = malloc(REPEATS * len + 1);
    for (int i = 0; i < REPEATS; i++)
        memcpy(text + i * len, sentence, len);
    text[REPEATS * len] = '\0';
    lede_result *r = NULL;
    cr_assert_eq(lede_analyze_text(ctx, text, REPEATS * len, NULL, &r), LEDE_OK);
    check_offsets(r);
    cr_assert_eq(r->n_entities, 2);
    cr_assert_str_eq(r->entities[0].name, "Angela Merkel");
    cr_assert_eq(r->entities[0].n_mentions, REPEATS);
    cr_assert_str_eq(r->entities[1].name, "Paris");
    lede_result_free(r);
    free(text);
}

Test(entities, confidence_is_best_mention_times_type_share) {
    begin("The Baltic Union met in Tallinn. The Baltic Union and the Baltic Union "
          "agreed in Tallinn.");
    mention_conf("Baltic Union", 0, LEDE_ENT_ORG, 0.9f);
    mention_conf("Tallinn", 0, LEDE_ENT_LOC, 0.5f);
    mention_conf("Baltic Union", 1, LEDE_ENT_LOC, 0.95f);
    mention_conf("Baltic Union", 2, LEDE_ENT_ORG, 0.8f);
    mention_conf("Tallinn", 1, LEDE_ENT_LOC, 0.7f);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(res.n_entities, 2);
    const lede_entity *u = find("Baltic Union"), *t = find("Tallinn");
    cr_assert(u && t);
    /* ORG has 0.9 + 0.8 of the 2.65 confidence votes: the best mention (0.95)
     * times that share. */
    cr_assert_eq(u->type, LEDE_ENT_ORG);
    cr_assert_float_eq(u->confidence, 0.95 * 1.7 / 2.65, 1e-6);
    cr_assert_float_eq(t->confidence, 0.7, 1e-6);
}

Test(entities, one_sure_mention_outvotes_two_doubtful_ones) {
    begin("Officials in Corvia said Corvia would act. Corvia later denied it.");
    mention_conf("Corvia", 0, LEDE_ENT_LOC, 0.95f);
    mention_conf("Corvia", 1, LEDE_ENT_ORG, 0.3f);
    mention_conf("Corvia", 2, LEDE_ENT_ORG, 0.35f);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    /* Counted, ORG would win two to one; weighted, LOC has 0.95 of 1.6. */
    cr_assert_eq(res.n_entities, 1);
    cr_assert_eq(res.entities[0].type, LEDE_ENT_LOC);
    cr_assert_eq(res.entities[0].n_mentions, 3);
    cr_assert_float_eq(res.entities[0].confidence, 0.95 * 0.95 / 1.6, 1e-6);
    for (size_t i = 0; i < 3; i++)
        cr_assert_eq(job.mentions[i].type, LEDE_ENT_LOC);
}

Test(entities, sentence_case_word_written_lower_elsewhere_is_no_name) {
    begin("Drought hit the valley again. Farmers feared the drought. The banner "
          "said \xe2\x80\x9cHarvest, we are ready\xe2\x80\x9d all week: Harvest "
          "was late, and the harvest festival waited. Will spoke first; he will "
          "speak again. Tallinn sent help, and the Drought Fund paid.");
    mention("Drought", 0, LEDE_ENT_ORG);
    mention("Harvest", 0, LEDE_ENT_MISC);
    mention("Harvest", 1, LEDE_ENT_MISC);
    mention("Will", 0, LEDE_ENT_PERSON);
    mention("Tallinn", 0, LEDE_ENT_LOC);
    mention("Drought Fund", 0, LEDE_ENT_ORG);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    /* Opening a sentence, after an opening quotation mark or after a colon,
     * a word the text also writes in lower case is that word. */
    cr_assert_eq(job.mentions[0].entity, -1);
    cr_assert_eq(job.mentions[1].entity, -1);
    cr_assert_eq(job.mentions[2].entity, -1);
    cr_assert_null(find("Drought"));
    cr_assert_null(find("Harvest"));
    /* A known first name, a word never written in lower case and a name of
     * two words stay. */
    cr_assert(find("Will") && find("Tallinn") && find("Drought Fund"));
    cr_assert_eq(res.n_entities, 3);
}

Test(entities, one_word_person_needs_a_full_name_a_title_or_a_first_name) {
    begin("The Corvetta sold well, and the Corvetta sold again. Mr. Pellworth "
          "agreed. Senator Hallbeck voted. Elizabeth waved. Anna Kessler said "
          "Kessler would stay.");
    mention("Corvetta", 0, LEDE_ENT_PERSON);
    mention("Corvetta", 1, LEDE_ENT_PERSON);
    mention("Pellworth", 0, LEDE_ENT_PERSON);
    mention("Hallbeck", 0, LEDE_ENT_PERSON);
    mention("Elizabeth", 0, LEDE_ENT_PERSON);
    mention("Anna Kessler", 0, LEDE_ENT_PERSON);
    mention("Kessler", 1, LEDE_ENT_PERSON);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    /* Named by one word only, twice, with nothing that makes it a person. */
    cr_assert_null(find("Corvetta"));
    cr_assert_eq(job.mentions[0].entity, -1);
    cr_assert_eq(job.mentions[1].entity, -1);
    /* After a title (with or without its full stop), a first name, a surname
     * of a full name: people. */
    cr_assert(find("Pellworth") && find("Hallbeck") && find("Elizabeth"));
    const lede_entity *k = find("Anna Kessler");
    cr_assert(k);
    cr_assert_eq(k->n_mentions, 2);
    cr_assert_eq(res.n_entities, 4);
}

Test(entities, min_confidence_drops_entities_and_unlinks_their_mentions) {
    begin("The Baltic Union met in Tallinn. Mart Laar spoke in Tallinn.");
    mention_conf("Baltic Union", 0, LEDE_ENT_ORG, 0.4f);
    mention_conf("Tallinn", 0, LEDE_ENT_LOC, 0.9f);
    mention_conf("Mart Laar", 0, LEDE_ENT_PERSON, 0.6f);
    mention_conf("Tallinn", 1, LEDE_ENT_LOC, 0.8f);
    opt.min_confidence = 0.6;
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(res.n_entities, 2);
    cr_assert_str_eq(res.entities[0].name, "Tallinn");
    cr_assert_eq(res.entities[0].n_mentions, 2);
    cr_assert_str_eq(res.entities[1].name, "Mart Laar");
    cr_assert_eq(job.mentions[0].entity, -1);
    cr_assert_eq(job.mentions[2].entity, 1);
    check_offsets(&res);
}

Test(entities, pipeline_confidence_is_a_probability_and_filters) {
    lede_result *r = NULL;
    cr_assert_eq(lede_analyze_text(ctx, article, strlen(article), NULL, &r), LEDE_OK);
    size_t n_all = r->n_entities, above = 0;
    double lowest = 1;
    for (size_t i = 0; i < n_all; i++) {
        double c = r->entities[i].confidence;
        cr_assert(c >= 0 && c <= 1, "confidence %f", c);
        lowest = c < lowest ? c : lowest;
    }
    double cut = lowest + 1e-6;
    for (size_t i = 0; i < n_all; i++)
        above += r->entities[i].confidence >= cut;
    lede_result_free(r);
    lede_options o;
    lede_options_init(&o);
    o.min_confidence = cut;
    cr_assert_eq(lede_analyze_text(ctx, article, strlen(article), &o, &r), LEDE_OK);
    cr_assert_eq(r->n_entities, above);
    cr_assert(above < n_all);
    for (size_t i = 0; i < r->n_entities; i++)
        cr_assert(r->entities[i].confidence >= cut);
    check_offsets(r);
    lede_result_free(r);
}

Test(entities, countries_carry_iso3166_codes) {
    begin("France and the U.S. met in Paris. The United States and Ivory Coast "
          "agreed; France Telecom did not.");
    mention("France", 0, LEDE_ENT_LOC);
    mention("U.S.", 0, LEDE_ENT_LOC);
    mention("Paris", 0, LEDE_ENT_LOC);
    mention("United States", 0, LEDE_ENT_LOC);
    mention("Ivory Coast", 0, LEDE_ENT_LOC);
    mention("France Telecom", 0, LEDE_ENT_ORG);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    const lede_entity *fr = find("France"), *us = find("United States"),
                      *ci = find("Ivory Coast"), *paris = find("Paris"),
                      *ft = find("France Telecom");
    cr_assert(fr && us && ci && paris && ft);
    cr_assert_str_eq(fr->iso3166, "FR");
    /* "U.S." is an alias of the United States: one entity, one code. */
    cr_assert_eq(us->n_mentions, 2);
    cr_assert_str_eq(us->iso3166, "US");
    cr_assert_str_eq(ci->iso3166, "CI");
    cr_assert_null(paris->iso3166);
    cr_assert_null(ft->iso3166);
    cr_assert_null(fr->iso3166_2);
}

Test(entities, subdivisions_carry_iso3166_2_codes) {
    begin("Voters in California and Bavaria, Texas and New York, and in Georgia.");
    mention("California", 0, LEDE_ENT_LOC);
    mention("Texas", 0, LEDE_ENT_LOC);
    mention("New York", 0, LEDE_ENT_LOC);
    mention("Georgia", 0, LEDE_ENT_LOC);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_str_eq(find("California")->iso3166_2, "US-CA");
    cr_assert_str_eq(find("Texas")->iso3166_2, "US-TX");
    cr_assert_null(find("California")->iso3166);
    /* A state that is also a city: no code. A state named like a country:
     * the country's. */
    cr_assert_null(find("New York")->iso3166_2);
    cr_assert_str_eq(find("Georgia")->iso3166, "GE");
    cr_assert_null(find("Georgia")->iso3166_2);
}

Test(entities, places_a_name_alone_points_to_carry_geonames_ids) {
    begin("Talks in Toulouse and Springfield moved to Paris, then to France and Texas.");
    mention("Toulouse", 0, LEDE_ENT_LOC);
    mention("Springfield", 0, LEDE_ENT_LOC);
    mention("Paris", 0, LEDE_ENT_LOC);
    mention("France", 0, LEDE_ENT_LOC);
    mention("Texas", 0, LEDE_ENT_LOC);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(find("Toulouse")->geonames, 2972315u);
    cr_assert_eq(find("Paris")->geonames, 2988507u);
    /* many towns share the name: no id rather than a guess */
    cr_assert_eq(find("Springfield")->geonames, 0u);
    /* countries and regions carry their ISO code instead */
    cr_assert_eq(find("France")->geonames, 0u);
    cr_assert_eq(find("Texas")->geonames, 0u);
}

Test(entities, name_suffix_keeps_the_surname) {
    begin("Patrick W. Carlineo Jr. was charged on Friday. Prosecutors said Carlineo "
          "called twice. Maria Lopez Sr. met Lopez later.");
    mention("Patrick W. Carlineo Jr.", 0, LEDE_ENT_PERSON);
    mention("Carlineo", 1, LEDE_ENT_PERSON);
    mention("Maria Lopez Sr.", 0, LEDE_ENT_PERSON);
    mention("Lopez", 1, LEDE_ENT_PERSON);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(res.n_entities, 2);
    const lede_entity *c = find("Patrick W. Carlineo Jr."), *l = find("Maria Lopez Sr.");
    cr_assert(c && l);
    cr_assert_eq(c->n_mentions, 2);
    cr_assert_str_eq(c->mentions[1].text, "Carlineo");
    cr_assert_eq(l->n_mentions, 2);
}

Test(entities, gendered_titles_join_only_a_name_of_that_gender) {
    /* "Michelle" is on the female list only: "Mr. Obama" is someone else,
     * "Mrs. Obama" is she; a name with no known gender ("Barack") takes any. */
    begin("Michelle Obama spoke first. Mr. Obama followed her, and Mrs. Obama "
          "thanked the crowd.");
    mention("Michelle Obama", 0, LEDE_ENT_PERSON);
    mention("Obama", 1, LEDE_ENT_PERSON);
    mention("Obama", 2, LEDE_ENT_PERSON);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(res.n_entities, 2);
    const lede_entity *she = find("Michelle Obama"), *he = find("Obama");
    cr_assert(she && he);
    cr_assert_eq(she->n_mentions, 2);
    cr_assert_eq(she->mentions[1].start, 61);
    cr_assert_eq(he->n_mentions, 1);
    cr_assert_eq(he->mentions[0].start, 32);
    check_offsets(&res);
}

Test(entities, gendered_title_skips_the_nearer_name_of_the_other_gender) {
    begin("Barack Obama and Michelle Obama arrived. Mr. Obama spoke. Sir Keith "
          "Lowe met Dame Judith Lowe; Ms Lowe and Lady Lowe were one.");
    mention("Barack Obama", 0, LEDE_ENT_PERSON);
    mention("Michelle Obama", 0, LEDE_ENT_PERSON);
    mention("Obama", 2, LEDE_ENT_PERSON);
    mention("Keith Lowe", 0, LEDE_ENT_PERSON);
    mention("Judith Lowe", 0, LEDE_ENT_PERSON);
    mention("Lowe", 2, LEDE_ENT_PERSON);
    mention("Lowe", 3, LEDE_ENT_PERSON);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(res.n_entities, 4);
    cr_assert_eq(find("Barack Obama")->n_mentions, 2);
    cr_assert_eq(find("Michelle Obama")->n_mentions, 1);
    /* The titles before the full names tell their genders too. */
    cr_assert_eq(find("Keith Lowe")->n_mentions, 1);
    cr_assert_eq(find("Judith Lowe")->n_mentions, 3);
}

Test(entities, compound_adjective_keeps_the_name_before_its_ending) {
    begin("The Texas-based firm joined the American-led coalition and a "
          "South Dakota-sized campaign on a Facebook-owned app.");
    mention("Texas-based", 0, LEDE_ENT_MISC);
    mention("American-led", 0, LEDE_ENT_MISC);
    mention("South Dakota-sized", 0, LEDE_ENT_MISC);
    mention("Facebook-owned", 0, LEDE_ENT_MISC);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(res.n_entities, 4);
    cr_assert_eq(find("Facebook")->type, LEDE_ENT_ORG);
    /* A known place is that place; a nationality keeps its type. */
    cr_assert_eq(find("Texas")->type, LEDE_ENT_LOC);
    cr_assert_eq(find("American")->type, LEDE_ENT_MISC);
    cr_assert_eq(find("South Dakota")->type, LEDE_ENT_LOC);
    cr_assert_eq(find("Texas")->mentions[0].end, 9);
    check_offsets(&res);
}

Test(entities, handles_are_no_names_and_openers_are_trimmed) {
    begin("Jo Bloggs (@JoBloggs_news) wrote it. Hey Twitter, fix this. Enter "
          "Quibbly, a new app. Heyward Quist came.");
    mention("Jo Bloggs", 0, LEDE_ENT_PERSON);
    mention("JoBloggs", 0, LEDE_ENT_ORG);
    mention("Hey Twitter", 0, LEDE_ENT_ORG);
    mention("Enter Quibbly", 0, LEDE_ENT_ORG);
    mention("Heyward Quist", 0, LEDE_ENT_PERSON);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(res.n_entities, 4);
    cr_assert(find("Jo Bloggs") && find("Twitter") && find("Quibbly"));
    /* Only a whole opener word is trimmed. */
    cr_assert(find("Heyward Quist"));
    cr_assert_null(find("JoBloggs"));
    check_offsets(&res);
}

Test(entities, a_name_only_in_capitals_of_a_heading_is_dropped) {
    begin("NORDIC RAIDERS\n\nThe club won. NEW YORK was cold.\n\nJANE AUSTEN\n\n"
          "A novel by Jane Austen sold well.");
    mention("NORDIC RAIDERS", 0, LEDE_ENT_ORG);
    mention("NEW YORK", 0, LEDE_ENT_LOC);
    mention("JANE AUSTEN", 0, LEDE_ENT_PERSON);
    mention("Jane Austen", 0, LEDE_ENT_PERSON);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    /* A known city stays; a heading name written in the text too stays. */
    cr_assert_eq(res.n_entities, 2);
    cr_assert(find("NEW YORK"));
    cr_assert_eq(find("Jane Austen")->n_mentions, 2);
}

Test(entities, a_person_written_after_the_is_no_person) {
    begin("He won the Reader Poll, the Argus Leader said, and the late John "
          "Smith, the Gordon fan and the Quorvik Prize jury agreed.");
    mention("Reader Poll", 0, LEDE_ENT_PERSON);
    mention("Argus Leader", 0, LEDE_ENT_PERSON);
    mention("John Smith", 0, LEDE_ENT_PERSON);
    mention("Gordon", 0, LEDE_ENT_PERSON);
    mention("Quorvik Prize", 0, LEDE_ENT_MISC);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    /* A first name is a person's even after "the". */
    cr_assert_eq(res.n_entities, 3);
    cr_assert(find("Gordon"));
    cr_assert(find("John Smith"));
    cr_assert(find("Quorvik Prize"));
}

Test(entities, a_company_typed_a_place_is_the_company) {
    begin("She works for Walmart and rents on Airbnb. Her office is in Zurich, "
          "near Andes peaks, in Scotland, or in Korea.");
    mention("Walmart", 0, LEDE_ENT_LOC);
    mention("Airbnb", 0, LEDE_ENT_LOC);
    mention("Zurich", 0, LEDE_ENT_LOC);
    mention("Andes", 0, LEDE_ENT_LOC);
    mention("Scotland", 0, LEDE_ENT_LOC);
    mention("Korea", 0, LEDE_ENT_LOC);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(res.n_entities, 6);
    cr_assert_eq(find("Walmart")->type, LEDE_ENT_ORG);
    cr_assert_eq(find("Airbnb")->type, LEDE_ENT_ORG);
    /* "in" before it, a world region, a known place code, a frequent word:
     * places. */
    cr_assert_eq(find("Zurich")->type, LEDE_ENT_LOC);
    cr_assert_eq(find("Andes")->type, LEDE_ENT_LOC);
    cr_assert_eq(find("Scotland")->type, LEDE_ENT_LOC);
    cr_assert_eq(find("Korea")->type, LEDE_ENT_LOC);
}

Test(entities, a_company_name_after_the_stays_a_place) {
    begin("They sailed up the Airbnb river for a week.");
    mention("Airbnb", 0, LEDE_ENT_LOC);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(res.n_entities, 1);
    cr_assert_eq(res.entities[0].type, LEDE_ENT_LOC);
}

Test(entities, pieces_of_a_quoted_title_name_nothing) {
    begin(
        "The band played \xE2\x80\x9CRiding It to the Harbour\xE2\x80\x9D live. Her poem "
        "\"Winter Gate, Camden Road,\" won. The film \xE2\x80\x9CMarlow Bay,\xE2\x80\x9D "
        "opened. \xE2\x80\x9CWe thank Marlow Bay for it,\xE2\x80\x9D said Ann Lee.");
    mention("Riding", 0, LEDE_ENT_ORG);
    mention("Harbour", 0, LEDE_ENT_LOC);
    mention("Winter Gate", 0, LEDE_ENT_PERSON);
    mention("Camden Road", 0, LEDE_ENT_LOC);
    mention("Marlow Bay", 0, LEDE_ENT_MISC);
    mention("Marlow Bay", 1, LEDE_ENT_MISC);
    mention("Ann Lee", 0, LEDE_ENT_PERSON);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    /* A whole title stays (its comma aside), and so does a name in a quoted
     * sentence, which is not written as a title. */
    cr_assert_eq(res.n_entities, 2);
    cr_assert_eq(find("Marlow Bay")->n_mentions, 2);
    cr_assert(find("Ann Lee"));
}

Test(entities, an_organisation_cut_at_a_linking_word_is_one) {
    begin("The National Institute on Drug Abuse and the Quill Council for Urban "
          "Farming met. The Institute of Lyon and Paris voted, as did Smith Group "
          "for Bob Jones.");
    mention("National Institute", 0, LEDE_ENT_ORG);
    mention("Drug Abuse", 0, LEDE_ENT_LOC);
    mention("Quill Council", 0, LEDE_ENT_ORG);
    mention("Urban Farming", 0, LEDE_ENT_MISC);
    mention("Institute of Lyon", 0, LEDE_ENT_ORG);
    mention("Paris", 0, LEDE_ENT_LOC);
    mention("Smith Group", 0, LEDE_ENT_ORG);
    mention("Bob Jones", 0, LEDE_ENT_PERSON);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    const lede_entity *nida = find("National Institute on Drug Abuse");
    cr_assert(nida);
    cr_assert_eq(nida->type, LEDE_ENT_ORG);
    cr_assert_eq(nida->n_mentions, 1);
    cr_assert(find("Quill Council for Urban Farming"));
    /* Not after an organisation word, or a person after the link: apart. */
    cr_assert(find("Paris") && find("Bob Jones") && find("Smith Group"));
    cr_assert_eq(res.n_entities, 6);
    cr_assert_eq(job.mentions[1].entity, -1);
    check_offsets(&res);
}

Test(entities, a_person_named_like_a_place_or_prize_is_no_person) {
    begin("Ford won a Philip K. Dick Award. They played Xfinity Center in Tinley "
          "Park and met Helen Park, Ann Lee, and staff of Quorvik Bank. The Torvan "
          "Mach E SUV is new; Edward IV is old.");
    mention("Philip K. Dick Award", 0, LEDE_ENT_PERSON);
    mention("Xfinity Center", 0, LEDE_ENT_PERSON);
    mention("Tinley Park", 0, LEDE_ENT_PERSON);
    mention("Helen Park", 0, LEDE_ENT_PERSON);
    mention("Ann Lee", 0, LEDE_ENT_PERSON);
    mention("Quorvik Bank", 0, LEDE_ENT_PERSON);
    mention("Torvan Mach E SUV", 0, LEDE_ENT_PERSON);
    mention("Edward IV", 0, LEDE_ENT_PERSON);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    /* "Park" is a surname too: with a first name it is a person's; a Roman
     * numeral ends a name, an abbreviation does not. */
    cr_assert_eq(res.n_entities, 3);
    cr_assert(find("Ann Lee") && find("Helen Park") && find("Edward IV"));
}

Test(entities, a_name_with_a_model_code_is_a_product) {
    begin("The Torvan RX7 Prime sold well, the Kelda G3 did not, and L3Harris and the "
          "Quorvik Group met on 17th Street.");
    mention("Torvan RX7 Prime", 0, LEDE_ENT_ORG);
    mention("Kelda G3", 0, LEDE_ENT_PERSON);
    mention("L3Harris", 0, LEDE_ENT_ORG);
    mention("Quorvik Group", 0, LEDE_ENT_ORG);
    mention("17th Street", 0, LEDE_ENT_LOC);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(res.n_entities, 5);
    cr_assert_eq(find("Torvan RX7 Prime")->type, LEDE_ENT_MISC);
    cr_assert_eq(find("Kelda G3")->type, LEDE_ENT_MISC);
    /* A known company and an ordinal are no model codes. */
    cr_assert_eq(find("L3Harris")->type, LEDE_ENT_ORG);
    cr_assert_eq(find("Quorvik Group")->type, LEDE_ENT_ORG);
    cr_assert_eq(find("17th Street")->type, LEDE_ENT_LOC);
}

Test(entities, role_abbreviation_before_a_name_is_trimmed) {
    begin("Browns DL Sheldon Richardson said the team would recover. Patriots QB "
          "Mac Jones agreed. AMD Polaris X1 chips shipped.");
    mention("Browns DL Sheldon Richardson", 0, LEDE_ENT_PERSON);
    mention("Patriots QB Mac Jones", 0, LEDE_ENT_PERSON);
    /* Not a name after the abbreviation: left alone. */
    mention("AMD Polaris X1", 0, LEDE_ENT_PERSON);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert(find("Sheldon Richardson"));
    cr_assert(find("Mac Jones"));
    cr_assert(find("AMD Polaris X1"));
    cr_assert_eq(res.n_entities, 3);
    check_offsets(&res);
}

Test(entities, market_codes_are_not_names) {
    begin("Brent crude futures LCOc1 rose 40 cents. Sterling GBP= fell as CLc1 slid "
          "and Shell traded.");
    mention("LCOc1", 0, LEDE_ENT_ORG);
    mention("Sterling GBP", 0, LEDE_ENT_PERSON);
    mention("CLc1", 0, LEDE_ENT_MISC);
    mention("Shell", 0, LEDE_ENT_ORG);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_null(find("LCOc1"));
    cr_assert_null(find("CLc1"));
    cr_assert_null(find("Sterling GBP"));
    cr_assert(find("Sterling"));
    cr_assert(find("Shell"));
    cr_assert_eq(res.n_entities, 2);
}

Test(entities, a_common_word_alone_on_a_line_is_furniture) {
    begin("News\n\nThe council met in Leeds.\n\nGermany\n\nNews of the vote spread.\n\n"
          "Advertisement.");
    mention("News", 0, LEDE_ENT_ORG);
    mention("Leeds", 0, LEDE_ENT_LOC);
    mention("Germany", 0, LEDE_ENT_LOC);
    mention("News", 1, LEDE_ENT_ORG);
    mention("Advertisement", 0, LEDE_ENT_MISC);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    /* The lone "News" and "Advertisement." go; the known country stays alone too;
     * "News" inside a sentence is left to the tagger. */
    cr_assert_eq(job.mentions[0].entity, -1);
    cr_assert_eq(job.mentions[4].entity, -1);
    cr_assert(find("Leeds") && find("Germany"));
    const lede_entity *news = find("News");
    cr_assert(news);
    cr_assert_eq(news->n_mentions, 1);
}

Test(entities, contractions_are_not_names) {
    static const char text[] =
        "We're not going to comment, a spokesman for Acme Corp said on Monday. "
        "I'm sure of it, said Anna Berg. We\xE2\x80\x99ve seen this before. "
        "I\xE2\x80\x99ll call again, she said. I'd rather not.";
    lede_result *r = NULL;
    cr_assert_eq(lede_analyze_text(ctx, text, strlen(text), NULL, &r), LEDE_OK);
    for (size_t i = 0; i < r->n_entities; i++) {
        const char *n = r->entities[i].name;
        cr_assert(!strchr(n, '\'') && !strstr(n, "\xE2\x80\x99"), "'%s' is an entity", n);
        cr_assert_str_neq(n, "We");
        cr_assert_str_neq(n, "I");
    }
    bool berg = false;
    for (size_t i = 0; i < r->n_entities; i++)
        berg |= !strcmp(r->entities[i].name, "Anna Berg");
    cr_assert(berg);
    check_offsets(r);
    lede_result_free(r);
}

/* A text with no full stop is one sentence: it is tagged in pieces, so the
 * tagger's scratch memory stays bounded (a 10 MB text node once needed more
 * than the whole per-request cap). */
Test(entities, endless_sentence_is_tagged_in_bounded_memory) {
    enum { WORDS = 200000 };
    static const char lead[] = "Angela Merkel visited Paris and ";
    size_t len = strlen(lead) + 5 * WORDS;
    char *text = malloc(len + 1);
    memcpy(text, lead, strlen(lead));
    for (size_t i = 0; i < WORDS; i++)
        memcpy(text + strlen(lead) + 5 * i, "word ", 5);
    text[len] = '\0';
    lede_options opt;
    lede_options_init(&opt);
    opt.max_arena_bytes = 64u << 20;
    lede_result *r = NULL;
    cr_assert_eq(lede_analyze_text(ctx, text, len, &opt, &r), LEDE_OK);
    check_offsets(r);
    cr_assert_geq(r->n_entities, 1);
    cr_assert_str_eq(r->entities[0].name, "Angela Merkel");
    lede_result_free(r);
    free(text);
}

Test(entities, the_last_noun_of_an_event_a_paper_or_a_facility_types_the_name) {
    begin("At the Quorvik Auto Show, the Torvan Argus Leader reported, fans met in "
          "Kelda Park; the Holm Fan Vote closed. Emily Post wrote.");
    mention("Quorvik Auto Show", 0, LEDE_ENT_ORG);
    mention("Torvan Argus Leader", 0, LEDE_ENT_LOC);
    mention("Kelda Park", 0, LEDE_ENT_ORG);
    mention("Holm Fan Vote", 0, LEDE_ENT_PERSON);
    mention("Emily Post", 0, LEDE_ENT_PERSON);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(find("Quorvik Auto Show")->type, LEDE_ENT_MISC);
    cr_assert_eq(find("Torvan Argus Leader")->type, LEDE_ENT_ORG);
    cr_assert_eq(find("Kelda Park")->type, LEDE_ENT_LOC);
    /* An event is nobody; a paper's noun is a surname too. */
    cr_assert_null(find("Holm Fan Vote"));
    cr_assert_eq(find("Emily Post")->type, LEDE_ENT_PERSON);
}

Test(entities, a_word_of_an_office_after_a_name_is_cut_off) {
    begin("The trade war goes on. Quorvik and US Trade Representative Robert Kelda met "
          "White House Press Secretary Ann Holm.");
    mention("US Trade", 0, LEDE_ENT_ORG);
    mention("Robert Kelda", 0, LEDE_ENT_PERSON);
    mention("White House", 0, LEDE_ENT_LOC);
    mention("Ann Holm", 0, LEDE_ENT_PERSON);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    /* "trade" is written in lower case too; "House" is not. */
    cr_assert_null(find("US Trade"));
    cr_assert(find("US"));
    cr_assert(find("White House"));
    check_offsets(&res);
}

Test(entities, a_name_after_a_title_is_a_person) {
    begin("Talks with Chinese vice-premier Lio Hu and President Quorvik went on in "
          "the major US banks and at Major League Baseball.");
    mention("Lio Hu", 0, LEDE_ENT_LOC);
    mention("Quorvik", 0, LEDE_ENT_ORG);
    mention("US", 0, LEDE_ENT_LOC);
    mention("League Baseball", 0, LEDE_ENT_ORG);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(find("Lio Hu")->type, LEDE_ENT_PERSON);
    cr_assert_eq(find("Quorvik")->type, LEDE_ENT_PERSON);
    /* A known place and an organisation's words stay what they are. */
    cr_assert_eq(find("US")->type, LEDE_ENT_LOC);
    cr_assert_eq(find("League Baseball")->type, LEDE_ENT_ORG);
}

Test(entities, an_unknown_place_listed_with_organisations_is_one) {
    begin("Enter Lugg, Quorvik, Torvan, and Holmjoy. At Kelda and Varo you bank. "
          "Between Russia and Quorvik. June 14 in Barlow, Quorvik.");
    mention("Lugg", 0, LEDE_ENT_PERSON);
    mention("Quorvik", 0, LEDE_ENT_ORG);
    mention("Torvan", 0, LEDE_ENT_LOC);
    mention("Holmjoy", 0, LEDE_ENT_LOC);
    mention("Kelda", 0, LEDE_ENT_LOC);
    mention("Varo", 0, LEDE_ENT_ORG);
    mention("Russia", 0, LEDE_ENT_LOC);
    mention("Quorvik", 1, LEDE_ENT_ORG);
    mention("Barlow", 0, LEDE_ENT_LOC);
    mention("Quorvik", 2, LEDE_ENT_ORG);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(find("Torvan")->type, LEDE_ENT_ORG);
    cr_assert_eq(find("Holmjoy")->type, LEDE_ENT_ORG);
    cr_assert_eq(find("Kelda")->type, LEDE_ENT_ORG);
    /* A known place stays; two names with a comma between are no list. */
    cr_assert_eq(find("Russia")->type, LEDE_ENT_LOC);
    cr_assert_eq(find("Barlow")->type, LEDE_ENT_LOC);
}

Test(entities, an_institution_cut_at_and_is_one) {
    begin("They hope for a Rock and Roll Hall of Fame Induction in May, and the Rock and "
          "Roll Hall of Fame agreed. Texas and Oklahoma State University met.");
    mention("Rock", 0, LEDE_ENT_MISC);
    mention("Roll Hall of Fame Induction", 0, LEDE_ENT_ORG);
    mention("Rock", 1, LEDE_ENT_MISC);
    mention("Roll Hall of Fame", 1, LEDE_ENT_ORG);
    mention("Texas", 0, LEDE_ENT_LOC);
    mention("Oklahoma State University", 0, LEDE_ENT_ORG);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_null(find("Rock"));
    cr_assert_eq(find("Rock and Roll Hall of Fame")->type, LEDE_ENT_ORG);
    /* The induction is an event of the institution. */
    cr_assert_eq(find("Rock and Roll Hall of Fame Induction")->type, LEDE_ENT_MISC);
    /* A known place before "and" is a name of its own. */
    cr_assert_eq(find("Texas")->type, LEDE_ENT_LOC);
    cr_assert_eq(find("Oklahoma State University")->type, LEDE_ENT_ORG);
    check_offsets(&res);
}

Test(entities, a_name_written_as_a_product_is_one) {
    begin("The 2020 Quorvik, which goes on sale in May, replaces the old Quorvik. Runs "
          "on the Hazel Hen supercomputer took weeks. After the 2011 Kelda earthquake, "
          "the 2016 Ann Holm campaign ended. Rain fell in Kelda.");
    mention("Quorvik", 0, LEDE_ENT_ORG);
    mention("Quorvik", 1, LEDE_ENT_ORG);
    mention("Hazel Hen", 0, LEDE_ENT_PERSON);
    mention("Kelda", 0, LEDE_ENT_LOC);
    mention("Ann Holm", 0, LEDE_ENT_PERSON);
    mention("Kelda", 1, LEDE_ENT_LOC);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    /* The model year types every mention of the name. */
    const lede_entity *q = find("Quorvik");
    cr_assert_eq(q->type, LEDE_ENT_MISC);
    cr_assert_eq(q->n_mentions, 2);
    cr_assert_eq(find("Hazel Hen")->type, LEDE_ENT_MISC);
    /* A year before a place and a noun, or before a person, dates an event. */
    cr_assert_eq(find("Kelda")->type, LEDE_ENT_LOC);
    cr_assert_eq(find("Ann Holm")->type, LEDE_ENT_PERSON);
}

Test(entities, a_place_after_a_capitalised_the_in_running_text_is_a_title) {
    begin("Aides told The Quorvik on Monday. She lives in The Torvan now. The Kelda "
          "floods. Rain fell in Kelda.");
    mention("Quorvik", 0, LEDE_ENT_LOC);
    mention("Torvan", 0, LEDE_ENT_LOC);
    mention("Kelda", 0, LEDE_ENT_LOC);
    mention("Kelda", 1, LEDE_ENT_LOC);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(find("Quorvik")->type, LEDE_ENT_ORG);
    /* After a preposition of place, or opening a sentence, "The" says nothing. */
    cr_assert_eq(find("Torvan")->type, LEDE_ENT_LOC);
    cr_assert_eq(find("Kelda")->type, LEDE_ENT_LOC);
}

Test(entities, a_brand_ending_with_an_exclamation_mark_is_looked_up_without_it) {
    begin("Readers still open Yahoo! every morning. At last we reached Kelda Park!");
    mention("Yahoo!", 0, LEDE_ENT_MISC);
    mention("Kelda Park!", 0, LEDE_ENT_LOC);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(find("Yahoo!")->type, LEDE_ENT_ORG);
    /* The "!" that ends a sentence is the writer's. */
    cr_assert_null(find("Kelda Park!"));
    cr_assert_eq(find("Kelda Park")->type, LEDE_ENT_LOC);
    check_offsets(&res);
}

Test(entities, a_frequent_word_on_the_company_list_keeps_its_type_without_a_mark) {
    begin("Readers still open Yahoo every morning.");
    mention("Yahoo", 0, LEDE_ENT_MISC);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_eq(find("Yahoo")->type, LEDE_ENT_MISC);
}

Test(entities, a_name_only_on_a_heading_line_is_no_name) {
    begin("The bank opened a branch.\n\nMore Great Quorvik Stories\n\nContributing: Ann "
          "Torvan\n\nAnn Holm Reports\n\nKelda Gazette wrote about Lugg Weekly.\n\nLugg "
          "Weekly");
    mention("Quorvik Stories", 0, LEDE_ENT_ORG);
    mention("Ann Torvan", 0, LEDE_ENT_PERSON);
    mention("Ann Holm", 0, LEDE_ENT_PERSON);
    mention("Kelda Gazette", 0, LEDE_ENT_ORG);
    mention("Lugg Weekly", 0, LEDE_ENT_ORG);
    mention("Lugg Weekly", 1, LEDE_ENT_ORG);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_null(find("Quorvik Stories"));
    /* A line with a colon is no heading; a known first name keeps a person. */
    cr_assert(find("Ann Torvan"));
    cr_assert(find("Ann Holm"));
    /* Running text vouches for the name in a heading too. */
    cr_assert(find("Kelda Gazette"));
    cr_assert_eq(find("Lugg Weekly")->n_mentions, 2);
}

Test(entities, a_place_no_list_knows_needs_a_place_in_the_text) {
    begin("The views are not those of Quorvik. Prices drop on Amazon today. Torvan "
          "police said the fire spread through the Kelda area. Lugg, Ga., is small. "
          "Barlow voted for the Holm.");
    mention("Quorvik", 0, LEDE_ENT_LOC);
    mention("Amazon", 0, LEDE_ENT_LOC);
    mention("Torvan", 0, LEDE_ENT_LOC);
    mention("Kelda", 0, LEDE_ENT_LOC);
    mention("Lugg", 0, LEDE_ENT_LOC);
    mention("Barlow", 0, LEDE_ENT_LOC);
    mention("Holm", 0, LEDE_ENT_LOC);
    cr_assert_eq(nlp_entities_merge(&job), LEDE_OK);
    cr_assert_null(find("Holm"));
    /* "of" is a place's word; Torvan and Barlow stand where no place does. */
    cr_assert_eq(find("Quorvik")->type, LEDE_ENT_LOC);
    cr_assert_null(find("Torvan"));
    cr_assert_null(find("Barlow"));
    /* A company of the list is that company. */
    cr_assert_eq(find("Amazon")->type, LEDE_ENT_ORG);
    cr_assert_eq(find("Kelda")->type, LEDE_ENT_LOC);
    cr_assert_eq(find("Lugg")->type, LEDE_ENT_LOC);
}

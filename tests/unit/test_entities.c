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

/* Adds the n-th (0-based) occurrence of phrase as a mention of type t. */
static void mention(const char *phrase, int nth, lede_entity_type t) {
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
    job.mentions[job.n_mentions++] = (nlp_mention){tb, te, t, -1};
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
    begin("Smith spoke. Jones replied to Smith.");
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
